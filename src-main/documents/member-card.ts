import { rgb, type PDFImage, type PDFPage } from 'pdf-lib';
import type { ClubSettings } from '../core/desk/desk.js';
import type { MemberView } from '../core/members/views.js';
import { code128Bars, drawBars, modulesOf, QUIET_ZONE_MODULES } from './barcode.js';
import { newPdf, savePdf, type Fonts } from './fonts.js';
import { MM, oneLine } from './format.js';
import { CARD_WORDS, cardValidity } from '../../src-shared/member-card.js';
import { fitSize, wrap } from './sheet.js';

/** *Afficher/Imprimer carte de membre*: the card a member shows at the desk and at activities. */
export type CardSize = 'cr80' | 'letter';

export type CardMember = Pick<MemberView, 'number' | 'firstName' | 'lastName' | 'language' | 'expiresOn' | 'status'>;
export type CardClub = Pick<ClubSettings, 'clubName' | 'logoPng'>;

/** ISO/IEC 7810 ID-1, the size of a bank card, which card printers take. */
export const CR80 = { width: 85.6 * MM, height: 54 * MM };
const LETTER = { width: 612, height: 792 };

// The card's words and its validity line come from src-shared: the preview on screen says the same.
const WORDS = CARD_WORDS;

/** The member card as a PDF: one CR80 page for a card printer, or a letter sheet to cut out. */
export async function memberCardPdf(member: CardMember, club: CardClub, size: CardSize = 'cr80'): Promise<Uint8Array> {
  const language = member.language;
  const name = oneLine(`${member.firstName} ${member.lastName}`);
  const { doc, fonts } = await newPdf({ title: `${WORDS[language].title} — ${name}`, language });
  const logo = club.logoPng ? await doc.embedPng(club.logoPng) : null;
  if (size === 'cr80') {
    drawCard(doc.addPage([CR80.width, CR80.height]), fonts, logo, 0, 0, member, club);
  } else {
    const page = doc.addPage([LETTER.width, LETTER.height]);
    const x = (LETTER.width - CR80.width) / 2;
    const y = LETTER.height - 108 - CR80.height;
    drawCard(page, fonts, logo, x, y, member, club);
    drawCropMarks(page, x, y);
    const words = WORDS[language];
    centred(page, fonts, words.cut, 11, LETTER.height - 72);
    centred(page, fonts, words.keep, 11, y - 36);
  }
  return savePdf(doc);
}

function centred(page: PDFPage, fonts: Fonts, text: string, size: number, y: number): void {
  const width = fonts.regular.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (page.getWidth() - width) / 2, y, size, font: fonts.regular });
}

const PAD = 9;

/** Draws the card with its lower-left corner at (x0, y0); positions below are from its top. */
function drawCard(page: PDFPage, fonts: Fonts, logo: PDFImage | null, x0: number, y0: number, member: CardMember, club: CardClub): void {
  const black = rgb(0, 0, 0);
  const words = WORDS[member.language];
  const top = (y: number) => y0 + CR80.height - y;
  const text = (value: string, x: number, y: number, size: number, bold = false) =>
    page.drawText(value, { x: x0 + x, y: top(y), size, font: bold ? fonts.bold : fonts.regular, color: black });
  const inner = CR80.width - 2 * PAD;

  // Header: the logo (at most 30 pt tall, kept in proportion) and the club's name beside it.
  let nameX = PAD;
  if (logo) {
    const scale = Math.min(30 / logo.height, 48 / logo.width);
    const w = logo.width * scale;
    const h = logo.height * scale;
    page.drawImage(logo, { x: x0 + PAD, y: top(PAD + 15 + h / 2), width: w, height: h });
    nameX = PAD + w + 6;
  }
  // The club's name on one line at 10.5 to 9.5 pt, else on two lines at 9 pt rather than tiny.
  const clubName = oneLine(club.clubName);
  const clubWidth = CR80.width - PAD - nameX;
  let clubSize = fitSize(clubName, fonts.bold, 10.5, 9.5, clubWidth);
  if (fonts.bold.widthOfTextAtSize(clubName, clubSize) > clubWidth) clubSize = 9;
  let clubLines = wrap(clubName, fonts.bold, clubSize, clubWidth);
  if (clubLines.length > 2) clubLines = wrap(clubName, fonts.bold, (clubSize = 7), clubWidth).slice(0, 3);
  const clubTop = PAD + 15 - (clubLines.length * clubSize * 1.2) / 2;
  clubLines.forEach((line, i) => text(line, nameX, clubTop + clubSize * (i + 0.95) * 1.2, clubSize, true));
  page.drawLine({ start: { x: x0 + PAD, y: top(44) }, end: { x: x0 + CR80.width - PAD, y: top(44) }, thickness: 0.8, color: black });

  text(words.title.toUpperCase(), PAD, 55, 6.5, true);

  // The member's name: as large as fits on one line, else on two lines as large as they fit.
  const name = oneLine(`${member.firstName} ${member.lastName}`);
  const { size: nameSize, lines } = nameLines(name, fonts, inner);
  lines.forEach((line, i) => text(line, PAD, 70 + i * nameSize * 1.2, nameSize, true));

  // Bottom left: number and validity; bottom right: the barcode of the number.
  const number = String(member.number);
  const state = cardValidity(member.status, member.language);
  text(words.number, PAD, 104, 6.5);
  text(number, PAD, 117, 12, true);
  text(state.label, PAD, 131, 6.5);
  text(state.value, PAD, 143, 9, true);

  const bars = code128Bars(number);
  const moduleWidth = Math.min(1.2, 112 / (modulesOf(bars) + 2 * QUIET_ZONE_MODULES));
  const barsWidth = modulesOf(bars) * moduleWidth;
  const barsX = CR80.width - PAD - QUIET_ZONE_MODULES * moduleWidth - barsWidth;
  drawBars(page, bars, x0 + barsX, top(132), moduleWidth, 32);
  const digitsWidth = fonts.regular.widthOfTextAtSize(number, 8);
  text(number, barsX + (barsWidth - digitsWidth) / 2, 142, 8);
}

function nameLines(name: string, fonts: Fonts, width: number): { size: number; lines: string[] } {
  const single = fitSize(name, fonts.bold, 14, 10.5, width);
  if (fonts.bold.widthOfTextAtSize(name, single) <= width) return { size: single, lines: [name] };
  for (let size = 11.5; size >= 8; size -= 0.5) {
    const lines = wrap(name, fonts.bold, size, width);
    if (lines.length <= 2) return { size, lines };
  }
  // Longer than two lines even at 8 pt: the second line ends with an ellipsis where it must.
  const [first, ...rest] = wrap(name, fonts.bold, 8, width);
  let second = rest.join(' ');
  while (second.length > 1 && fonts.bold.widthOfTextAtSize(`${second}…`, 8) > width) second = second.slice(0, -1).trimEnd();
  return { size: 8, lines: [first!, `${second}…`] };
}

/** Short marks just outside each corner, the way a print shop marks where to cut. */
function drawCropMarks(page: PDFPage, x: number, y: number): void {
  const gap = 4;
  const length = 16;
  const corners: [number, number, number, number][] = [
    [x, y, -1, -1],
    [x + CR80.width, y, 1, -1],
    [x, y + CR80.height, -1, 1],
    [x + CR80.width, y + CR80.height, 1, 1],
  ];
  for (const [cx, cy, sx, sy] of corners) {
    page.drawLine({ start: { x: cx + sx * gap, y: cy }, end: { x: cx + sx * (gap + length), y: cy }, thickness: 0.5 });
    page.drawLine({ start: { x: cx, y: cy + sy * gap }, end: { x: cx, y: cy + sy * (gap + length) }, thickness: 0.5 });
  }
}
