import { z } from 'zod';
import { cleanText } from './text.js';
import { monthDay, positiveCents, text } from './validation.js';

/** How the club computes membership periods. */
export const membershipRuleSchema = z.discriminatedUnion('kind', [
  /** The member guide's rule: 365 days from the later of today and the current expiry. */
  z.object({ kind: z.literal('rolling'), days: z.number().int().min(1).max(3660) }),
  /** A fixed end date each year (MM-DD); joining on or after the rollover date runs to next year's end. */
  z.object({ kind: z.literal('fixed'), endMonthDay: monthDay, rolloverMonthDay: monthDay }),
]);
export type MembershipRule = z.infer<typeof membershipRuleSchema>;

/** Base64 whose bytes start with the PNG signature (atob: the same under Node and in a browser). */
function isPngBase64(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  try {
    return atob(value.slice(0, 12)).startsWith('\x89PNG');
  } catch {
    return false;
  }
}

/** The club's settings: one set for every desk of the club (the central server will own them). */
export const clubSettingsSchema = z.object({
  clubName: text(120),
  membershipRule: membershipRuleSchema,
  /** Days after expiry during which the member is shown "in grace" and renews without a gap. */
  graceDays: z.number().int().min(0).max(365),
  /**
   * Under the rolling rule: how many days before expiry a renewal is ordinary. A member whose
   * membership runs further ahead than this has already renewed: a second renewal needs a
   * confirmation. (The fixed rule needs none: its membership years say it.)
   */
  renewalWindowDays: z.number().int().min(0).max(365).default(120),
  membershipPriceCents: positiveCents,
  /**
   * Years after the club's last business with a member (membership end, purchase, registration)
   * that their personal data is kept; then it may be anonymised (Law 25: kept no longer than
   * needed). Money records are kept regardless.
   */
  personalDataRetentionYears: z.number().int().min(1).max(30).default(3),
  /** Printed under the club's name on receipts; one line per line of text. */
  clubAddress: z.string().transform((v) => cleanText(v, { multiline: true }).trim()).pipe(z.string().max(300)).nullish(),
  /** Numbers a receipt must show once the club has them: charity registration, GST/QST… */
  registrationNumbers: z.array(z.object({ label: text(80), number: text(40) }).strict()).max(6).nullish(),
  /** The club's logo on member cards: a PNG, base64-encoded (null removes it). */
  logoPng: z.string().max(700_000).refine(isPngBase64, { message: 'logoPng' }).nullish(),
});
export type ClubSettings = z.infer<typeof clubSettingsSchema>;

export const DEFAULT_CLUB_SETTINGS: ClubSettings = {
  clubName: 'Club de l’âge d’or',
  membershipRule: { kind: 'rolling', days: 365 },
  graceDays: 30,
  membershipPriceCents: 2500,
  renewalWindowDays: 120,
  personalDataRetentionYears: 3,
};
