import { describe, expect, it } from 'vitest';
import { newPdf, savePdf } from '../../src-main/documents/fonts.js';
import { LETTER, Sheet } from '../../src-main/documents/sheet.js';
import { pdfPages } from './read-back.js';

/** A letter sheet filled with numbered rows until `room` points are left at the bottom, then a signature. */
async function signedAfterRows(room: number): Promise<string[]> {
  const { doc, fonts } = await newPdf({ title: 'Essai', language: 'fr' });
  const sheet = new Sheet(fonts, LETTER, 10, (s) => s.text('(suite)'));
  const bottom = (LETTER.height as number) - LETTER.margin.bottom;
  let n = 0;
  while (sheet.y + sheet.leading() <= bottom - room) sheet.text(`Ligne ${++n}`);
  sheet.space(Math.max(0, bottom - room - sheet.y));
  sheet.keepWithPrevious(sheet.leading(), 30);
  sheet.text('Vérifié par : ______');
  sheet.render(doc);
  return pdfPages(await savePdf(doc));
}

describe('a line kept with the one before it (the day report’s signature)', () => {
  it('keeps its air when the page has room', async () => {
    const pages = await signedAfterRows(100);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Vérifié par');
  });

  it('gives up its air before it gives up its page', async () => {
    for (const room of [40, 25, 14]) {
      const pages = await signedAfterRows(room);
      expect(pages, `room ${room}`).toHaveLength(1);
    }
  });

  it('takes the row before it along to the next page rather than stand alone there', async () => {
    for (const room of [8, 3, 0]) {
      const pages = await signedAfterRows(room);
      expect(pages, `room ${room}`).toHaveLength(2);
      const second = pages[1]!.split('\n').filter((line) => line !== '');
      expect(second[0], `room ${room}`).toBe('(suite)');
      expect(second[1], `room ${room}`).toMatch(/^Ligne \d+$/);
      expect(second[2], `room ${room}`).toContain('Vérifié par');
      // The moved row is not left on the first page as well.
      expect(pages[0]).not.toContain(second[1]!);
    }
  });
});
