/** The desk's two languages: French (Québec) first, English second. */
export type Language = 'fr' | 'en';

export const LANGUAGES: readonly Language[] = ['fr', 'en'];

/** The Intl locale of each language: Québec French and Canadian English. */
export const LOCALES: Record<Language, string> = { fr: 'fr-CA', en: 'en-CA' };

/** Builds one Intl object per language, once: they are slow to build and used everywhere. */
export function perLanguage<T>(make: (locale: string, language: Language) => T): Record<Language, T> {
  return { fr: make(LOCALES.fr, 'fr'), en: make(LOCALES.en, 'en') };
}
