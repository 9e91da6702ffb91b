import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import fontkit, { type Font as FontkitFont, type Glyph, type GlyphRun } from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { withImmediateEncoding } from './sync-subset.js';

/**
 * The one face every document prints with: Noto Sans (SIL OFL 1.1, resources/fonts/OFL.txt). It
 * covers French, Vietnamese and the other Latin names of the club's members, which the 14
 * standard PDF fonts (WinAnsi only) cannot print: « Nguyễn » would throw.
 */
export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

// In the repository and in the built main bundle (out/main/), resources/ sits two folders up; a
// packaged app keeps the fonts outside its archive (electron-builder extraResources) and says
// where with useFontDirectory(process.resourcesPath + '/fonts').
let fontDirectory = process.env.COMPTOIR_FONTS_DIR ?? fileURLToPath(new URL('../../resources/fonts/', import.meta.url));
let faces: { regular: Uint8Array; bold: Uint8Array } | undefined;

export function useFontDirectory(directory: string): void {
  fontDirectory = directory;
  faces = undefined;
  parsed.clear();
}

/** The faces documents embed, read once from the font directory (also what glyphs.ts checks text against). */
export function fontFaces(): { regular: Uint8Array; bold: Uint8Array } {
  faces ??= {
    regular: readFileSync(join(fontDirectory, 'NotoSans-Regular.ttf')),
    bold: readFileSync(join(fontDirectory, 'NotoSans-Bold.ttf')),
  };
  return faces;
}

/**
 * Parsing a 500 kB font and shaping text with its full OpenType tables took ~45 ms per receipt.
 * A font is parsed once per process and its `layout` is replaced by a plain character-to-glyph
 * map: pdf-lib keeps only the glyph ids and advance widths of a layout (it drops kerning and mark
 * positions), so the full shaper bought nothing but ligatures, which make copied text worse.
 * Text is composed first (NFC), so a decomposed « ễ » still finds its precomposed glyph. Its
 * subsets are encoded at once (sync-subset.ts) instead of after fontkit's 1 ms timers.
 */
const parsed = new Map<Uint8Array, FontkitFont>();

function quickFont(font: FontkitFont): FontkitFont {
  const glyphs = new Map<number, Glyph>();
  const quick = Object.create(font) as FontkitFont;
  quick.layout = (text: string): GlyphRun => {
    const out: Glyph[] = [];
    for (const char of text.normalize('NFC')) {
      const codePoint = char.codePointAt(0)!;
      let glyph = glyphs.get(codePoint);
      if (!glyph) {
        // A glyph of our own rather than fontkit's cached one: fontkit caches glyphs by id, and a
        // glyph first met as a part of another (the bold « . » inside « : ») is cached with no
        // character, which left it out of the PDF's text (copy, search, screen readers).
        const { id, advanceWidth } = font.glyphForCodePoint(codePoint);
        glyph = { id, advanceWidth, codePoints: [codePoint] } as unknown as Glyph;
        glyphs.set(codePoint, glyph);
      }
      out.push(glyph);
    }
    return { glyphs: out, positions: [] } as unknown as GlyphRun;
  };
  quick.createSubset = withImmediateEncoding(font);
  return quick;
}

const cachingFontkit = {
  create(bytes: Uint8Array): FontkitFont {
    let font = parsed.get(bytes);
    if (!font) {
      font = quickFont(fontkit.create(bytes));
      parsed.set(bytes, font);
    }
    return font;
  },
};

export interface NewPdf {
  doc: PDFDocument;
  fonts: Fonts;
}

/** A new document with both weights embedded as subsets (only the glyphs used travel). */
export async function newPdf(meta: { title: string; language: 'fr' | 'en'; at?: Date }): Promise<NewPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const { regular, bold } = fontFaces();
  const fonts = {
    regular: await doc.embedFont(regular, { subset: true }),
    bold: await doc.embedFont(bold, { subset: true }),
  };
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setLanguage(meta.language === 'fr' ? 'fr-CA' : 'en-CA');
  doc.setCreator('Comptoir');
  doc.setProducer('Comptoir (pdf-lib)');
  // The document's own moment, not the printing one: the same receipt gives the same bytes.
  if (meta.at) {
    doc.setCreationDate(meta.at);
    doc.setModificationDate(meta.at);
  }
  return { doc, fonts };
}

/**
 * pdf-lib yields to the event loop every 50 objects by default; a receipt has no need to. A
 * classic cross-reference table instead of compressed object streams: one deflate less per
 * document, and readable by the oldest print paths.
 */
export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ objectsPerTick: Infinity, useObjectStreams: false });
}
