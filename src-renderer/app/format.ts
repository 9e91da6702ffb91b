/**
 * Money and dates are formatted by src-shared (money.ts, dates.ts), the same on screen, on paper
 * and in messages. What is left here is reading what a volunteer types, and naming a member.
 */

/** "12,50" or "12.50" typed by a volunteer → cents; null when it is not an amount. */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/\s|\$/g, '').replace(',', '.');
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/** « Prénom Nom », as the screens name a member. */
export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}
