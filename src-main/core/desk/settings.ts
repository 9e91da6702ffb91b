import { type ClubSettings, type Desk } from './desk.js';
import { clubSettingsSchema } from '../../../src-shared/club-settings.js';
import { z } from 'zod';
import { parseInput, printable } from '../../../src-shared/validation.js';
import { canPrint } from '../../documents/glyphs.js';
import { commitWrite, type Actor } from '../ledger/write.js';

// The club's name, address and registration numbers are on every card and receipt.
const ON_PAPER = { fr: 'sur les cartes ni sur les reçus', en: 'on cards or receipts' };
const printedSettingsSchema = z.object({
  clubName: printable(z.string(), canPrint, ON_PAPER),
  clubAddress: printable(z.string().nullable(), canPrint, ON_PAPER),
  registrationNumbers: z.array(z.object({ label: printable(z.string(), canPrint, ON_PAPER), number: printable(z.string(), canPrint, ON_PAPER) })),
});

/** Refuses settings the documents would print with empty boxes (an emoji in the club's name). @throws INVALID_INPUT */
export function requirePrintedSettings(settings: ClubSettings): void {
  parseInput(printedSettingsSchema, {
    clubName: settings.clubName,
    // Line breaks are the address's layout, not characters to draw.
    clubAddress: settings.clubAddress?.replace(/\n/g, ' ') ?? null,
    registrationNumbers: settings.registrationNumbers ?? [],
  });
}

/**
 * Changes the club's settings (membership rule, grace period, price, name). Administrators only;
 * the audit keeps the settings before and after. Periods already sold keep their dates.
 */
export function updateClubSettings(desk: Desk, actor: Actor, patch: unknown): ClubSettings {
  const changes = parseInput(clubSettingsSchema.partial().strict(), patch);
  return commitWrite(
    desk,
    actor,
    (ctx) => {
      const before = ctx.desk.settings();
      const after = parseInput(clubSettingsSchema, { ...before, ...changes });
      requirePrintedSettings(after);
      ctx.record({ kind: 'settings.update', version: 1, settings: after }, { before });
      return after;
    },
    { roles: ['admin'] },
  );
}
