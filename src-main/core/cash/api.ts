import { z } from 'zod';
import { isoDate } from '../../../src-shared/validation.js';
import type { ContractSlice, SliceHandlers } from '../contract.js';
import { closeCashSession, closeSchema, movementSchema, openCashSession, openSchema, recordCashMovement } from './cash-sessions.js';
import { dayReport } from './day-report.js';
import { cashSessionViewSchema, dayReportSchema } from './views.js';

/** The drawer: open with a float, cash in and out, close with a count; the day's report. */
export const cashContract = {
  'drawer.open': { input: openSchema, output: cashSessionViewSchema },
  'drawer.movement': { input: movementSchema, output: cashSessionViewSchema },
  'drawer.close': { input: closeSchema, output: z.object({ session: cashSessionViewSchema, day: dayReportSchema }) },
  'reports.day': { input: z.object({ date: isoDate }).strict(), output: dayReportSchema },
} satisfies ContractSlice;

export const cashHandlers: SliceHandlers<typeof cashContract> = {
  'drawer.open': (input, { desk, actor }) => openCashSession(desk, actor, input),
  'drawer.movement': (input, { desk, actor }) => recordCashMovement(desk, actor, input),
  'drawer.close': (input, { desk, actor }) => {
    const session = closeCashSession(desk, actor, input);
    return { session, day: dayReport(desk, session.businessDate) };
  },
  'reports.day': ({ date }, { desk }) => dayReport(desk, date),
};
