import fontkit from '@pdf-lib/fontkit';
import { fontFaces } from './fonts.js';

/**
 * Which characters the documents can print: those both embedded faces (Noto Sans regular and
 * bold, fonts.ts) have a glyph for. A name is printed in bold on the card and in regular on a
 * receipt, so a character one face lacks would print as an empty box somewhere. The member form
 * refuses such characters at entry (members.ts, through validation.ts's `printable`).
 *
 * Computed once per font directory from the fonts' character maps (~2,800 code points:
 * Latin with Vietnamese, Greek, Cyrillic; no emoji, CJK, Arabic or Hebrew).
 */
let coverage: { faces: object; codePoints: ReadonlySet<number> } | undefined;

function printableSet(): ReadonlySet<number> | null {
  let faces: ReturnType<typeof fontFaces>;
  try {
    faces = fontFaces();
  } catch {
    // No font where the documents look for it: they will say so when printing. Refusing every
    // new member's name meanwhile would stop the desk for a missing file.
    return null;
  }
  if (coverage?.faces !== faces) {
    const [regular, bold] = [faces.regular, faces.bold].map((bytes) => new Set(fontkit.create(bytes).characterSet)) as [Set<number>, Set<number>];
    coverage = { faces, codePoints: new Set([...regular].filter((codePoint) => bold.has(codePoint))) };
  }
  return coverage.codePoints;
}

/** True when the documents' font has a glyph for this code point (in both its weights). */
export function canPrint(codePoint: number): boolean {
  const codePoints = printableSet();
  return codePoints === null || codePoints.has(codePoint);
}
