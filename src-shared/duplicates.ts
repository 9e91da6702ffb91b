import { fold } from './text.js';

/**
 * Whether two people's names are alike, the same on every desk and on the server: the first
 * half of the duplicate warning (the second, what they share, is looked up in the database).
 */

/** Edit distance, small strings only (names). */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** Name words too common to say two names are alike ("Saint-Onge" and "Saint-Pierre"; Vietnamese "Văn", "Thị"). */
const COMMON_NAME_WORDS = new Set(['saint', 'sainte', 'mac', 'des', 'del', 'van', 'von', 'thi']);

/** Accent-blind likeness of two names: equal, one token in common, a nickname prefix, or a typo. */
export function namesAlike(a: string, b: string): boolean {
  const fa = fold(a);
  const fb = fold(b);
  if (!fa || !fb) return false;
  if (fa === fb) return true;
  const ta = fa.split(' ');
  const tb = new Set(fb.split(' '));
  if (ta.some((token) => token.length > 2 && !COMMON_NAME_WORDS.has(token) && tb.has(token))) return true;
  const compactA = fa.replace(/ /g, '');
  const compactB = fb.replace(/ /g, '');
  if (compactA.length >= 3 && compactB.length >= 3 && (compactA.startsWith(compactB) || compactB.startsWith(compactA))) return true;
  const allowed = Math.min(compactA.length, compactB.length) >= 6 ? 2 : 1;
  return distance(compactA, compactB) <= allowed;
}

// Feminine forms of French first names: Denis/Denise, Jean/Jeanne, Marcel/Marcelle, Claude/Claudette, Paul/Pauline.
const FEMININE_ENDING = /^(e|ne|le|te|tte|ette|ine|a)$/;

/**
 * Two first names that are a masculine and a feminine form are two people: Réjean and Réjeanne
 * Tremblay sharing an address and an email are the most ordinary couple of the club.
 */
function masculineAndFeminine(a: string, b: string): boolean {
  const [short, long] = [fold(a).replace(/ /g, ''), fold(b).replace(/ /g, '')].sort((x, y) => x.length - y.length) as [string, string];
  return short.length >= 3 && long.startsWith(short) && FEMININE_ENDING.test(long.slice(short.length));
}

export function firstNamesAlike(a: string, b: string): boolean {
  return namesAlike(a, b) && !masculineAndFeminine(a, b);
}
