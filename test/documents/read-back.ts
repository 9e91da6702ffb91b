import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { tempFolder } from '../helpers.js';

/**
 * Reads a PDF back the way a person or a scanner would: its text through poppler's pdftotext,
 * its pages through pdf-lib, its barcode through a picture (pdftoppm) and ZXing's decoder.
 */
let folder: string | undefined;
let counter = 0;

function fileFor(pdf: Uint8Array): string {
  folder ??= tempFolder();
  const file = join(folder, `document-${++counter}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/**
 * The text as laid out on the page, one printed line per line, with runs of spaces squeezed to
 * one and non-breaking spaces (« 25,00 $ », « 9 h 04 ») read as plain ones.
 */
export function pdfText(pdf: Uint8Array): string {
  return readable(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', fileFor(pdf), '-'], { encoding: 'utf8' }));
}

function readable(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
}

/** The text of each page, in order (pdftotext ends each page with a form feed). */
export function pdfPages(pdf: Uint8Array): string[] {
  const raw = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', fileFor(pdf), '-'], { encoding: 'utf8' });
  return raw
    .split('\f')
    .slice(0, -1)
    .map((page) => readable(page).trim());
}

/** The text as one line: what wrapped over several printed lines reads as it was written. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Width and height of each page, in points. */
export async function pageSizes(pdf: Uint8Array): Promise<{ width: number; height: number }[]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) => page.getSize());
}

/** Renders the first page at 300 dpi, as a card printer would, and decodes the Code 128 on it. */
export function decodeBarcode(pdf: Uint8Array): string {
  const file = fileFor(pdf);
  execFileSync('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', '-singlefile', file, file]);
  const png = PNG.sync.read(readFileSync(`${file}.png`));
  const luminance = new Uint8ClampedArray(png.width * png.height);
  for (let i = 0; i < luminance.length; i++) {
    const [r, g, b] = [png.data[i * 4]!, png.data[i * 4 + 1]!, png.data[i * 4 + 2]!];
    luminance[i] = (r * 299 + g * 587 + b * 114) / 1000;
  }
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, png.width, png.height)));
  return reader.decode(bitmap, hints).getText();
}

/** 1 mm in points, and the sizes the documents promise. */
export const MM = 72 / 25.4;
export const SIZES = {
  cr80: { width: 85.6 * MM, height: 54 * MM },
  letter: { width: 612, height: 792 },
  rollWidth: 80 * MM,
};
