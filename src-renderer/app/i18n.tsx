import { createContext, useContext } from 'react';
import type { Language } from '../../src-shared/language';

export type Texts<K extends string> = Record<Language, Record<K, string>>;

/**
 * A screen's words, each key written once: the keys are the French list's, and the English list
 * must have exactly the same (the compiler says which one is missing or extra).
 */
export function wordsOf<const K extends string>(words: { fr: Record<K, string>; en: NoInfer<Record<K, string>> }): Texts<K> {
  return words;
}

export const LanguageContext = createContext<Language>('fr');

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/**
 * Each screen keeps its own words, in French and English, next to its code:
 * `const t = useTexts(TEXTS)`, then `t('title')` or `t('left', { n: 3 })` for "{n} places".
 */
export function useTexts<K extends string>(texts: Texts<K>): (key: K, params?: Record<string, string | number>) => string {
  const language = useLanguage();
  return (key, params) => {
    let text = texts[language][key];
    for (const [name, value] of Object.entries(params ?? {})) text = text.replaceAll(`{${name}}`, String(value));
    return language === 'fr' ? frenchSpacing(text) : text;
  };
}

/**
 * French puts a space before « : ; ? ! » and inside « guillemets »: an unbreakable one, so
 * « Monnaie à rendre : » never leaves its colon alone at the start of the next line.
 */
export function frenchSpacing(text: string): string {
  return text.replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

/** One screen's words joined to words it shares with others (the second wins on a clash). */
export function withWords<A extends string, B extends string>(shared: Texts<A>, own: Texts<B>): Texts<A | B> {
  return { fr: { ...shared.fr, ...own.fr }, en: { ...shared.en, ...own.en } };
}

/** Words used on many screens. */
export const COMMON: Texts<
  'cancel' | 'back' | 'confirm' | 'save' | 'close' | 'yes' | 'no' | 'loading' | 'memberNo' | 'signOut' | 'language' | 'home'
> = {
  fr: {
    cancel: 'Annuler',
    back: 'Retour',
    confirm: 'Confirmer',
    save: 'Sauvegarder',
    close: 'Fermer',
    yes: 'Oui',
    no: 'Non',
    loading: 'Un instant…',
    memberNo: 'No de membre',
    signOut: 'Se déconnecter',
    language: 'English',
    home: 'Accueil',
  },
  en: {
    cancel: 'Cancel',
    back: 'Back',
    confirm: 'Confirm',
    save: 'Save',
    close: 'Close',
    yes: 'Yes',
    no: 'No',
    loading: 'One moment…',
    memberNo: 'Member no.',
    signOut: 'Sign out',
    language: 'Français',
    home: 'Home',
  },
};
