/** Money and dates as people in Québec read them, through Intl: "12,50 $", "27 novembre 2026". */
const money = {
  fr: new Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' }),
  en: new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD' }),
};
const longDate = {
  fr: new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-CA', { dateStyle: 'long', timeZone: 'UTC' }),
};
const dateTime = {
  fr: new Intl.DateTimeFormat('fr-CA', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Toronto' }),
  en: new Intl.DateTimeFormat('en-CA', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Toronto' }),
};

export type Language = 'fr' | 'en';

export function formatMoney(cents: number, language: Language): string {
  return money[language].format(cents / 100);
}

/** A business date (YYYY-MM-DD) in words. */
export function formatDate(date: string, language: Language): string {
  return longDate[language].format(new Date(`${date}T00:00:00Z`));
}

/** An instant (ISO-8601) in the club's time zone. */
export function formatDateTime(iso: string, language: Language): string {
  return dateTime[language].format(new Date(iso));
}

/** "12,50" or "12.50" typed by a volunteer → cents; null when it is not an amount. */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/\s|\$/g, '').replace(',', '.');
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}
