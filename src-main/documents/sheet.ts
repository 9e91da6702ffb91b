import { rgb, type PDFDocument, type PDFFont } from 'pdf-lib';
import type { Fonts } from './fonts.js';
import { MM, oneLine } from './format.js';

/**
 * A flowing layout for documents whose length follows their content (receipts, day report).
 * Content is laid out first as drawing operations, measured from the top of each page; pages are
 * made only at the end. That is what lets a roll receipt be exactly as tall as its content, and a
 * letter page write "page 2 of 3" before page 3 exists.
 */
export interface PageFormat {
  width: number;
  /** 'grow': one page as tall as the content (a receipt printer's roll). */
  height: number | 'grow';
  margin: { top: number; right: number; bottom: number; left: number };
}

export const LETTER: PageFormat = { width: 612, height: 792, margin: { top: 50, right: 54, bottom: 58, left: 54 } };
/** 80 mm paper; thermal printers leave about 4 mm unprinted on each side. */
export const ROLL_80MM: PageFormat = { width: 80 * MM, height: 'grow', margin: { top: 4 * MM, right: 4 * MM, bottom: 8 * MM, left: 4 * MM } };

type Op =
  | { kind: 'text'; x: number; y: number; text: string; size: number; font: PDFFont }
  | { kind: 'line'; x1: number; x2: number; y: number; thickness: number }
  | { kind: 'box'; x: number; y: number; width: number; height: number; thickness: number };

export interface Cell {
  text: string;
  width: number;
  align?: 'left' | 'right' | 'center';
  bold?: boolean;
}

export interface RowOptions {
  size?: number;
  bold?: boolean;
  /** Space kept free below the row on its page, so a heading is not left alone at the bottom. */
  keepWithNext?: number;
  /** Left offset from the margin. */
  indent?: number;
}

export interface Column {
  title: string;
  share: number;
  align?: 'left' | 'right';
}

const GUTTER = 6;

export class Sheet {
  readonly pages: Op[][] = [[]];
  y: number;
  /** Drawn again at the top of a new page while set: a table's column titles. */
  repeat: (() => void) | undefined;
  /** Where the last row began: its page, its first drawing operation and its top. */
  private lastRow: { page: number; firstOp: number; top: number } | null = null;

  constructor(
    readonly fonts: Fonts,
    readonly format: PageFormat,
    readonly baseSize: number,
    /** Draws what each page after the first starts with (e.g. "Receipt A-000123, continued"). */
    private readonly continued?: (sheet: Sheet) => void,
  ) {
    this.y = format.margin.top;
  }

  get left(): number {
    return this.format.margin.left;
  }

  get width(): number {
    return this.format.width - this.format.margin.left - this.format.margin.right;
  }

  leading(size = this.baseSize): number {
    return size * 1.32;
  }

  /** Starts a new page when `height` does not fit below the current position. */
  ensure(height: number): void {
    if (this.format.height === 'grow') return;
    const bottom = this.format.height - this.format.margin.bottom;
    if (this.y + height <= bottom || this.y === this.format.margin.top) return;
    this.pages.push([]);
    this.y = this.format.margin.top;
    this.continued?.(this);
    this.repeat?.();
  }

  space(points: number): void {
    this.y += points;
  }

  /**
   * Makes room for `height` points that must not start a page alone (a signature line): when
   * they do not fit, the row written last goes over to the new page with them, so no page holds
   * only a signature. `air` is the space wanted above, given up first when the page is short.
   */
  keepWithPrevious(height: number, air = 0): void {
    if (this.format.height === 'grow') return this.space(air);
    const bottom = this.format.height - this.format.margin.bottom;
    if (this.y + air + height <= bottom) return this.space(air);
    if (this.y + height <= bottom) return this.space(bottom - this.y - height);
    const last = this.lastRow;
    if (!last || last.page !== this.pages.length - 1 || last.top === this.format.margin.top) return this.ensure(height);
    const moved = this.pages[last.page]!.splice(last.firstOp);
    const rowHeight = this.y - last.top;
    this.y = bottom + 1;
    this.ensure(rowHeight + height);
    const shift = this.y - last.top;
    const page = this.pages[this.pages.length - 1]!;
    for (const op of moved) page.push({ ...op, y: op.y + shift });
    this.y += rowHeight;
  }

  /** Writes `body` with `titles` drawn first, and again at the top of each page it continues on. */
  withTitles(titles: () => void, body: () => void): void {
    titles();
    const outer = this.repeat;
    this.repeat = titles;
    try {
      body();
    } finally {
      this.repeat = outer;
    }
  }

  /** Cells side by side, each wrapped to its width; the row is as tall as its tallest cell. */
  row(cells: Cell[], options: RowOptions = {}): void {
    const size = options.size ?? this.baseSize;
    const leading = this.leading(size);
    // Each cell keeps a gutter on its right, except the last, whose right edge is the margin's.
    const laid = cells.map((cell, i) => {
      const font = cell.bold || options.bold ? this.fonts.bold : this.fonts.regular;
      const room = Math.max(cell.width - (i === cells.length - 1 ? 0 : GUTTER), size);
      return { cell, font, room, lines: wrap(oneLine(cell.text), font, size, room) };
    });
    const height = Math.max(1, ...laid.map((l) => l.lines.length)) * leading;
    this.ensure(height + (options.keepWithNext ?? 0));
    let x = this.left + (options.indent ?? 0);
    const page = this.pages[this.pages.length - 1]!;
    this.lastRow = { page: this.pages.length - 1, firstOp: page.length, top: this.y };
    for (const { cell, font, room, lines } of laid) {
      lines.forEach((line, i) => {
        const lineWidth = font.widthOfTextAtSize(line, size);
        const dx = cell.align === 'right' ? room - lineWidth : cell.align === 'center' ? (room - lineWidth) / 2 : 0;
        page.push({ kind: 'text', x: x + dx, y: this.y + i * leading + size, text: line, size, font });
      });
      x += cell.width;
    }
    this.y += height;
  }

  /** A paragraph across the whole width. */
  text(text: string, options: RowOptions & { align?: Cell['align'] } = {}): void {
    this.row([{ text, width: this.width - (options.indent ?? 0), align: options.align ?? 'left' }], options);
  }

  /** A label and an amount at the right edge: the shape of every money line. */
  amount(label: string, amount: string, options: RowOptions & { amountWidth?: number } = {}): void {
    const amountWidth = options.amountWidth ?? Math.min(96, this.width * 0.36);
    const labelWidth = this.width - (options.indent ?? 0) - amountWidth;
    this.row([{ text: label, width: labelWidth }, { text: amount, width: amountWidth, align: 'right' }], options);
  }

  /** A horizontal rule with some air around it. */
  rule(thickness = 0.6, air = 4): void {
    this.ensure(air * 2);
    this.y += air;
    this.pages[this.pages.length - 1]!.push({ kind: 'line', x1: this.left, x2: this.left + this.width, y: this.y, thickness });
    this.y += air;
  }

  /**
   * A table across the width: column titles (again at the top of each new page), one row per
   * entry, and an optional bold total row under a rule. `share` is a column's part of the width.
   */
  table(columns: Column[], rows: string[][], total?: string[]): void {
    const shares = columns.reduce((sum, c) => sum + c.share, 0);
    const cells = (texts: string[], bold = false): Cell[] =>
      texts.map((text, i) => ({ text, width: (this.width * columns[i]!.share) / shares, align: columns[i]!.align ?? 'left', bold }));
    const titles = () => {
      this.row(cells(columns.map((c) => c.title), true));
      this.rule(0.4, 2);
    };
    this.ensure(this.leading() * 3 + 4);
    titles();
    this.repeat = titles;
    for (const row of rows) this.row(cells(row));
    this.repeat = undefined;
    if (total) {
      this.rule(0.4, 2);
      this.row(cells(total, true));
    }
  }

  /** A framed banner across the width, e.g. « COPIE ». */
  banner(text: string, size: number): void {
    const height = size * 1.7;
    this.ensure(height);
    const page = this.pages[this.pages.length - 1]!;
    page.push({ kind: 'box', x: this.left, y: this.y, width: this.width, height, thickness: 1.5 });
    const textWidth = this.fonts.bold.widthOfTextAtSize(text, size);
    page.push({ kind: 'text', x: this.left + (this.width - textWidth) / 2, y: this.y + size * 1.22, text, size, font: this.fonts.bold });
    this.y += height;
  }

  /**
   * Makes the pages. `footer` (letter only) writes under each page, knowing the page count.
   */
  render(doc: PDFDocument, footer?: (page: number, pages: number) => string): void {
    const black = rgb(0, 0, 0);
    const { format } = this;
    const pageHeight = format.height === 'grow' ? this.y + format.margin.bottom : format.height;
    this.pages.forEach((ops, index) => {
      const page = doc.addPage([format.width, pageHeight]);
      const top = (y: number) => pageHeight - y;
      for (const op of ops) {
        if (op.kind === 'text') page.drawText(op.text, { x: op.x, y: top(op.y), size: op.size, font: op.font, color: black });
        else if (op.kind === 'line') {
          page.drawLine({ start: { x: op.x1, y: top(op.y) }, end: { x: op.x2, y: top(op.y) }, thickness: op.thickness, color: black });
        } else {
          page.drawRectangle({ x: op.x, y: top(op.y + op.height), width: op.width, height: op.height, borderWidth: op.thickness, borderColor: black });
        }
      }
      if (footer && format.height !== 'grow') {
        const text = footer(index + 1, this.pages.length);
        const size = 8.5;
        const width = this.fonts.regular.widthOfTextAtSize(text, size);
        page.drawText(text, { x: format.width - format.margin.right - width, y: format.margin.bottom / 2, size, font: this.fonts.regular, color: black });
      }
    });
  }
}

/**
 * Greedy word wrap. A word longer than the line (« Tremblay-Bouchard-Vaillancourt » on a roll) is
 * broken after its hyphens first, and only where it must between two letters.
 */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const spaceWidth = font.widthOfTextAtSize(' ', size);
  let line = '';
  let lineWidth = 0;
  const place = (word: string, wordWidth: number, joiner: string, joinerWidth: number) => {
    if (line !== '' && lineWidth + joinerWidth + wordWidth <= width) {
      line += joiner + word;
      lineWidth += joinerWidth + wordWidth;
      return true;
    }
    if (wordWidth > width) return false;
    if (line !== '') lines.push(line);
    line = word;
    lineWidth = wordWidth;
    return true;
  };
  for (const word of text.split(/ +/)) {
    if (place(word, font.widthOfTextAtSize(word, size), ' ', spaceWidth)) continue;
    let joiner = ' ';
    for (const part of word.split(/(?<=-)/)) {
      const partWidth = font.widthOfTextAtSize(part, size);
      if (!place(part, partWidth, joiner, joiner === '' ? 0 : spaceWidth)) {
        // Not even a hyphen-free piece fits: it starts its own line and is cut between letters.
        if (joiner !== '' && line !== '') {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        for (const char of part) place(char, font.widthOfTextAtSize(char, size), '', 0);
      }
      joiner = '';
    }
  }
  lines.push(line);
  return lines;
}

/** The largest size (down to `min`) at which `text` fits in `width` on one line. */
export function fitSize(text: string, font: PDFFont, size: number, min: number, width: number): number {
  const natural = font.widthOfTextAtSize(text, size);
  if (natural <= width) return size;
  return Math.max(min, Math.floor(((size * width) / natural) * 4) / 4);
}
