// String similarity in pure JavaScript, no Node or DOM: it runs wherever shared code runs.
import { CmpStr } from 'cmpstr';
import { foldTokens, normalizeEmail, normalizePostalCode, phoneDigits } from './text.js';
import type { DuplicateReason } from './words.js';

/**
 * Whether a person being typed in may already be a member, the same on every desk and on the
 * server. A scored matcher, in the spirit of record linkage (Fellegi–Sunter): points for how
 * alike the names are and for what the two share.
 *
 * Names, folded (accents, case, apostrophes, St → Saint), compared with Jaro-Winkler (cmpstr)
 * and what people do to names — nicknames (Bob, Ti-Jean, JF), a second first name used alone
 * (Claire for Marie-Claire), double last names, first and last swapped: 3 points for the same
 * name, 2 when alike (first ≥ 0.88 and last ≥ 0.90), 1 when somewhat (≥ 0.80 and ≥ 0.85).
 * Shared facts: birth date 4, phone 3, email 3, postal code 2; phone, email and postal code
 * count only when the first names are alike beyond doubt (≥ 0.88), since a household shares them.
 *
 * - `probable` (creating needs « Créer quand même »): at least 1 point of name, 5 in all, and
 *   something personal — birth date, phone or email, or the very same name at the same postal code.
 * - `lookalike` (a soft hint while typing, never a block): 2 points of name (Serges Hebert for
 *   Serge Hébert), or 1 and a shared fact; or the same first name, birth date and phone or email
 *   under another last name (a birth name and a married name).
 *
 * What rules a pair out: two known birth dates that differ (beyond a slip of the keyboard), and
 * first names that are a man's and a woman's — Luc and Lucie, Guy and Guylaine — or simply
 * different (Jean and Marie): a shared email, phone or postal code is then a household's.
 * The labelled pairs of test/core/duplicates.test.ts measure it (precision, recall).
 */

export type MatchLevel = 'lookalike' | 'probable';

/** The facts compared: names as typed, the rest in any form (normalised here). */
export interface PersonFacts {
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  email?: string | null;
  phone?: string | null;
  postalCode?: string | null;
}

export interface Match {
  level: MatchLevel;
  /** Higher is likelier; for ordering candidates only. */
  score: number;
  /** Why, name first: 'same_name' or 'similar_name' (absent when only the first name is alike), then the shared facts. */
  reasons: DuplicateReason[];
}

const jaroWinkler = CmpStr.create().setMetric('jaroWinkler');
const damerau = CmpStr.create().setMetric('damerau');

/**
 * Edits (insert, delete, substitute, swap two neighbours) between two folded words: the
 * Damerau-Levenshtein distance, from cmpstr's normalized similarity (1 − distance / longer length).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const longer = Math.max(a.length, b.length);
  return Math.round((1 - (damerau.compare(a, b) as number)) * longer);
}

// A check compares one typed name with a few hundred members, many of them namesakes (the
// Tremblays): results are remembered, the cache emptied when it grows past a few thousand.
const CACHE_SIZE = 5_000;
const similarities = new Map<string, number>();
const words = new Map<string, string[]>();

function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  let value = similarities.get(key);
  if (value === undefined) {
    if (similarities.size >= CACHE_SIZE) similarities.clear();
    value = jaroWinkler.compare(a, b) as number;
    similarities.set(key, value);
  }
  return value;
}

/**
 * The words of a name, folded (text.ts: accents, case, apostrophes, St → Saint). Words fold()
 * cannot spell in Latin letters (Тарас, Παύλος) are kept lower-cased without their accents.
 */
export function nameWords(name: string): string[] {
  let found = words.get(name);
  if (!found) {
    if (words.size >= CACHE_SIZE) words.clear();
    found = foldName(name);
    words.set(name, found);
  }
  return found;
}

function foldName(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .flatMap((word) => {
      const folded = foldTokens(word);
      return folded.length > 0 ? folded : [word];
    });
}

/** Words of a last name that say nothing on their own: Saint-Pierre is not Saint-Onge. */
const PARTICLES = new Set(['saint', 'sainte', 'mac', 'de', 'du', 'des', 'del', 'della', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'dos', 'thi']);

function significant(words: string[]): string[] {
  const kept = words.filter((word) => !PARTICLES.has(word));
  return kept.length > 0 ? kept : words;
}

const isSubset = (small: string[], large: string[]) => small.length < large.length && small.every((word) => large.includes(word));

/** How alike two last names are, 0..1: one word of a double name counts (Hébert, Hébert-Roy). */
export function lastNameSimilarity(a: string[], b: string[]): number {
  const sa = significant(a);
  const sb = significant(b);
  const ca = sa.join('');
  const cb = sb.join('');
  if (ca === cb) return 1;
  if (sa.length === sb.length && sa.every((word) => sb.includes(word))) return 0.97; // Roy-Hébert, Hébert-Roy
  let best = similarity(ca, cb);
  if (sa.length > 1 || sb.length > 1) {
    if (isSubset(sa, sb) || isSubset(sb, sa)) best = Math.max(best, 0.93);
    // A typo in one word of a double name (Hebbert, Hébert-Roy) counts a little less than in a whole name.
    for (const x of sa) for (const y of sb) best = Math.max(best, similarity(x, y) * 0.95);
  }
  return best;
}

/** Nicknames (folded) and the names they stand for: Bob is Robert, Ti-Jean is Jean. */
const NICKNAMES: Record<string, string[]> = {
  bob: ['robert'], bobby: ['robert'], rob: ['robert'], bert: ['robert', 'albert', 'gilbert', 'hubert'],
  bill: ['william'], billy: ['william'], will: ['william'], willy: ['william'],
  dick: ['richard'], rick: ['richard'], ricky: ['richard'], richie: ['richard'],
  jim: ['james'], jimmy: ['james'], jos: ['joseph'], joe: ['joseph'], jo: ['joseph', 'johanne', 'josee'], pepe: ['joseph'],
  mike: ['michel', 'michael'], mick: ['michael'], tom: ['thomas'], tommy: ['thomas'], tony: ['antoine', 'anthony'],
  ed: ['edouard', 'edward'], eddy: ['edouard', 'edward'], eddie: ['edouard', 'edward'], ted: ['edouard', 'edward', 'theodore'],
  liz: ['elisabeth', 'elizabeth'], beth: ['elisabeth', 'elizabeth'], betty: ['elisabeth', 'elizabeth'], babette: ['elisabeth'],
  peggy: ['marguerite', 'margaret'], maggie: ['marguerite', 'margaret'], margot: ['marguerite'], meg: ['margaret'],
  cathy: ['catherine'], kathy: ['catherine', 'katherine'], kate: ['catherine', 'katherine'], pat: ['patrick', 'patricia'],
  patty: ['patricia'], sue: ['suzanne', 'susan'], suzie: ['suzanne', 'susan'], suzy: ['suzanne', 'susan'],
  dan: ['daniel'], danny: ['daniel'], steve: ['stephane', 'steven', 'stephen'], gerry: ['gerard', 'gerald'],
  ray: ['raymond'], nick: ['nicolas'], nico: ['nicolas'], alex: ['alexandre', 'alexander', 'alexis'], ben: ['benoit', 'benjamin'],
  frank: ['francois', 'franck'], jack: ['jacques'], jacky: ['jacques', 'jacqueline'], johnny: ['jean', 'john'],
  pit: ['pierre'], pierrot: ['pierre'], jeannot: ['jean'], gilou: ['gilles'], gigi: ['gisele', 'ginette'], lulu: ['lucie', 'lucille'],
  mado: ['madeleine'], manu: ['emmanuel'], fred: ['frederic', 'alfred'], charlie: ['charles'], sam: ['samuel'], vic: ['victor'],
  dave: ['david'], andy: ['andre', 'andrew'], max: ['maxime'], gaby: ['gabriel', 'gabrielle'], theo: ['theodore'],
};

function names(word: string): string[] {
  return [word, ...(NICKNAMES[word] ?? [])];
}

/** The other forms of a folded first name: the names a nickname stands for, the nicknames of a name (Bob ↔ Robert). */
export function nicknameForms(word: string): string[] {
  const nicknames = Object.entries(NICKNAMES).filter(([, full]) => full.includes(word)).map(([nickname]) => nickname);
  return [...(NICKNAMES[word] ?? []), ...nicknames];
}

// Feminine endings added to a masculine first name: Denis/Denise, Jean/Jeanne, Luc/Lucie,
// Guy/Guylaine, Claude/Claudette, Paul/Pauline, Marcel/Marcelle, Jacques/Jacqueline.
const FEMININE_ENDINGS = new Set(['a', 'e', 'ne', 'nne', 'le', 'lle', 'elle', 'te', 'tte', 'ette', 'nette', 'ine', 'nine', 'line', 'ie', 'ienne', 'laine', 'ille', 'la', 'lla']);
const MASCULINE_ENDINGS = ['ain', 'ien', 'ian', 'as', 'o'];
// Pairs the endings do not catch.
const OTHER_PAIRS = new Set(['bernard bernadette', 'laurent laurence', 'frederic frederique', 'christophe christine', 'yves yvonne', 'jules julie', 'gilles gisele']);

/**
 * True when two first names are a man's and a woman's (the same name's two forms): they are two
 * people, most often a couple sharing a home, an email and a phone.
 */
export function masculineAndFeminine(a: string, b: string): boolean {
  if (a === b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (OTHER_PAIRS.has(`${short} ${long}`) || OTHER_PAIRS.has(`${long} ${short}`)) return true;
  // Mario/Maria, Mario/Marie, Carlo/Carla.
  if (short.length === long.length && short.length >= 3 && short.slice(0, -1) === long.slice(0, -1)) {
    const ends = new Set([short.at(-1), long.at(-1)]);
    if (ends.has('o') && (ends.has('a') || ends.has('e'))) return true;
  }
  // One stem, a man's ending and a woman's: Sylvain/Sylvie, Lucien/Lucie, Christian/Christine.
  for (const ending of MASCULINE_ENDINGS) {
    for (const [man, woman] of [[a, b], [b, a]] as const) {
      const stem = man.slice(0, -ending.length);
      if (man.endsWith(ending) && stem.length >= 3 && woman.startsWith(stem) && FEMININE_ENDINGS.has(woman.slice(stem.length))) return true;
    }
  }
  // The man's name as written (Paul/Paula), without its silent s (Jacques/Jacqueline) or its e
  // (Claude/Claudine; then the ending is more than a letter, or Rose/Rosa would be a couple).
  if (short.length >= 3 && long.startsWith(short) && FEMININE_ENDINGS.has(long.slice(short.length))) return true;
  const stems = [short.replace(/s$/, ''), short.replace(/e$/, ''), short.replace(/es$/, '')].filter((stem) => stem !== short && stem.length >= 3);
  return stems.some((stem) => long.startsWith(stem) && long.length - stem.length >= 2 && FEMININE_ENDINGS.has(long.slice(stem.length)));
}

/** How alike two first names are, 0..1, and whether they are a man's and a woman's (then 0). */
export function firstNameSimilarity(a: string[], b: string[]): { similarity: number; couple: boolean } {
  // Ti-Jean, Ti-Guy: "petit" Jean, Guy.
  const wa = a.length > 1 && a[0] === 'ti' ? a.slice(1) : a;
  const wb = b.length > 1 && b[0] === 'ti' ? b.slice(1) : b;
  const ca = wa.join('');
  const cb = wb.join('');
  if (ca === cb) return { similarity: wa === a && wb === b ? 1 : 0.95, couple: false };
  if (masculineAndFeminine(ca, cb)) return { similarity: 0, couple: true };
  if (names(ca).some((name) => names(cb).includes(name))) return { similarity: 0.95, couple: false };
  // Initials of a compound first name: JF or J.-F. for Jean-François.
  const initials = (words: string[]) => (words.length > 1 ? words.map((word) => word[0]).join('') : null);
  if (initials(wa) === cb || initials(wb) === ca) return { similarity: 0.9, couple: false };
  // Compound first names: Claire for Marie-Claire is usual (0.9); Jean for Jean-Guy may be his father (0.85).
  if (isSubset(wa, wb) || isSubset(wb, wa)) {
    const [small, large] = wa.length < wb.length ? [wa, wb] : [wb, wa];
    return { similarity: small[0] === large[0] ? 0.85 : 0.9, couple: false };
  }
  const [short, long] = ca.length <= cb.length ? [ca, cb] : [cb, ca];
  if (short.length >= 3 && long.startsWith(short)) {
    const added = long.length - short.length;
    // Serge/Serges is a typo; Marc/Marcel, Paul/Paulin are two names; Fred/Frédéric, Alex/Alexandre a short form.
    if (added === 2) return { similarity: 0.75, couple: false };
    if (added >= 3) return { similarity: 0.9, couple: false };
  }
  return { similarity: similarity(ca, cb), couple: false };
}

interface NameAgreement {
  /** 3 the same name, 2 alike, 1 somewhat alike, 0 not alike. */
  points: number;
  first: number;
  couple: boolean;
}

interface Names {
  first: string[];
  last: string[];
}

function nameAgreement(typed: Names, existing: Names): NameAgreement {
  const direct = firstNameSimilarity(typed.first, existing.first);
  const last = lastNameSimilarity(typed.last, existing.last);
  const points = (first: number, lastSim: number) => (first >= 0.88 && lastSim >= 0.9 ? 2 : first >= 0.8 && lastSim >= 0.85 ? 1 : 0);
  const same = typed.first.join('') === existing.first.join('') && typed.last.join('') === existing.last.join('');
  const byName: NameAgreement = { points: same ? 3 : points(direct.similarity, last), first: direct.similarity, couple: direct.couple };
  if (byName.points >= 2) return byName;
  // First and last typed in each other's box: "Tremblay" as the first name, "Luc" as the last.
  const swappedFirst = firstNameSimilarity(typed.last, existing.first);
  const swapped = Math.min(2, points(swappedFirst.similarity, lastNameSimilarity(typed.first, existing.last)));
  return swapped > byName.points ? { points: swapped, first: swappedFirst.similarity, couple: false } : byName;
}

/** Two birth dates one slip of the keyboard apart: one digit, or day and month swapped. */
function nearDates(a: string, b: string): boolean {
  const differing = [...a].filter((char, i) => char !== b[i]).length;
  return differing === 1 || (a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7));
}

const WEIGHTS = { birth_date: 4, phone: 3, email: 3, postal_code: 2 } as const;

/**
 * Whether `typed` may be `existing`, and how surely (null: not worth saying). Pure; the
 * candidates come from the database (core/members/duplicates.ts).
 */
export function matchPeople(typed: PersonFacts, existing: PersonFacts): Match | null {
  // Two known birth dates that differ beyond a slip: two people, whatever their names.
  if (typed.birthDate && existing.birthDate && typed.birthDate !== existing.birthDate && !nearDates(typed.birthDate, existing.birthDate)) return null;
  const people = [typed, existing].map((p) => ({ first: nameWords(p.firstName), last: nameWords(p.lastName) })) as [Names, Names];
  if (people.some((p) => p.first.length === 0 || p.last.length === 0)) return null;
  const name = nameAgreement(...people);
  if (name.couple) return null;
  const shared: DuplicateReason[] = [];
  if (name.first >= 0.8 && typed.birthDate && typed.birthDate === existing.birthDate) shared.push('birth_date');
  // A phone, an email or a postal code shared with someone of another first name is a household's:
  // only a first name alike beyond doubt (not Sylvie for Sylvain) lets them count.
  if (name.first >= 0.88) {
    const phone = typed.phone ? phoneDigits(typed.phone) : '';
    if (phone.length >= 7 && existing.phone && phone === phoneDigits(existing.phone)) shared.push('phone');
    if (typed.email && existing.email && normalizeEmail(typed.email) === normalizeEmail(existing.email)) shared.push('email');
    if (typed.postalCode && existing.postalCode && normalizePostalCode(typed.postalCode) === normalizePostalCode(existing.postalCode)) shared.push('postal_code');
  }
  const evidence = shared.reduce((sum, reason) => sum + WEIGHTS[reason as keyof typeof WEIGHTS], 0);
  const personal = shared.some((reason) => reason !== 'postal_code') || (name.points === 3 && shared.length > 0);
  const score = name.points + evidence;
  let level: MatchLevel | null = null;
  if (name.points >= 1 && score >= 5 && personal) level = 'probable';
  else if (name.points >= 2 || (name.points === 1 && evidence >= 2)) level = 'lookalike';
  // Same first name, birth date and phone or email, another last name: a maiden or married name.
  else if (name.points === 0 && name.first >= 0.88 && shared.includes('birth_date') && shared.length >= 2) level = 'lookalike';
  if (!level) return null;
  const nameReason: DuplicateReason[] = name.points === 3 ? ['same_name'] : name.points > 0 ? ['similar_name'] : [];
  return { level, score: score + name.first, reasons: [...nameReason, ...shared] };
}
