import { type ClubSettings, type Desk } from './desk.js';
import { clubSettingsSchema } from '../../../src-shared/club-settings.js';
import { parseInput } from '../../../src-shared/validation.js';
import { commitWrite, type Actor } from '../ledger/write.js';

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
      ctx.record({ kind: 'settings.update', version: 1, settings: after }, { before });
      return after;
    },
    { roles: ['admin'] },
  );
}
