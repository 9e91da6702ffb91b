import { z } from 'zod';
import { isoDate } from '../../../src-shared/validation.js';
import { ComptoirError } from '../../../src-shared/errors.js';
import type { ContractSlice, SliceHandlers } from '../contract.js';
import { ROLES } from '../../../src-shared/roles.js';
import type { Desk } from '../desk/desk.js';
import { closeCashSession, closeSchema, movementSchema, openCashSession, openSchema, recordCashMovement } from './cash-sessions.js';
import { dayReport } from './day-report.js';
import { cashSessionViewSchema, dayReportSchema } from './views.js';

/** The drawer: open with a float, cash in and out, close with a count; the day's report. */
export const cashContract = {
  'drawer.open': { input: openSchema, output: cashSessionViewSchema, roles: ROLES.desk },
  'drawer.movement': { input: movementSchema, output: cashSessionViewSchema, roles: ROLES.desk },
  'drawer.close': {
    input: closeSchema,
    output: z.object({
      session: cashSessionViewSchema,
      day: dayReportSchema,
      /** The copy of the database made at the close: where it went, or why it could not be made. */
      backup: z.object({ paths: z.array(z.string()), problem: z.string().nullable() }),
    }),
    roles: ROLES.desk,
  },
  'reports.day': { input: z.object({ date: isoDate }).strict(), output: dayReportSchema, roles: ROLES.desk },
} satisfies ContractSlice;

/**
 * Each drawer's close leaves a copy of the database (beside it, and on the second drive when the
 * desk has one). The close itself is done whatever happens to the copy; a failed copy is said.
 */
function backupAtClose(desk: Desk): { paths: string[]; problem: string | null } {
  try {
    return { paths: desk.connection.backup('fermeture-caisse'), problem: null };
  } catch (error) {
    return { paths: [], problem: error instanceof ComptoirError ? error.messageIn(desk.language) : (error as Error).message };
  }
}

export const cashHandlers: SliceHandlers<typeof cashContract> = {
  'drawer.open': (input, { desk, actor }) => openCashSession(desk, actor, input),
  'drawer.movement': (input, { desk, actor }) => recordCashMovement(desk, actor, input),
  'drawer.close': (input, { desk, actor }) => {
    const session = closeCashSession(desk, actor, input);
    return { session, day: dayReport(desk, session.businessDate), backup: backupAtClose(desk) };
  },
  'reports.day': ({ date }, { desk }) => dayReport(desk, date),
};
