import bwipjs from 'bwip-js';
import { rgb, type PDFPage } from 'pdf-lib';

/** Code 128 asks for a quiet zone of at least 10 modules on each side. */
export const QUIET_ZONE_MODULES = 10;

/**
 * The bars of a Code 128 symbol, in modules, alternating bar and space and starting with a bar.
 * bwip-js does the encoding (character sets, check digit); the bars are then drawn as vector
 * rectangles, which stay sharp at any printer resolution and cost nothing to embed, where a
 * bitmap would blur on a 300 dpi card printer.
 */
export function code128Bars(value: string): number[] {
  const [symbol] = bwipjs.raw('code128', value, {});
  if (!symbol || !('sbs' in symbol)) throw new Error(`bwip-js gave no bars for « ${value} »`);
  return symbol.sbs;
}

/** Width in modules of a symbol's bars, without the quiet zones. */
export function modulesOf(bars: number[]): number {
  return bars.reduce((sum, w) => sum + w, 0);
}

/**
 * Draws the bars with their lower-left corner at (x, y) in PDF points. The caller keeps the
 * quiet zones free. Returns the width drawn.
 */
export function drawBars(page: PDFPage, bars: number[], x: number, y: number, moduleWidth: number, height: number): number {
  let at = x;
  const black = rgb(0, 0, 0);
  bars.forEach((modules, i) => {
    const width = modules * moduleWidth;
    if (i % 2 === 0) page.drawRectangle({ x: at, y, width, height, color: black });
    at += width;
  });
  return at - x;
}
