import { describe, expect, it } from 'vitest';
import { getMember } from '../../src-main/core/members/members.js';
import { memberCardFor, memberCardPdf } from '../../src-main/documents/index.js';
import { newDesk } from '../helpers.js';
import { decodeBarcode, flat, pageSizes, pdfText, SIZES } from './read-back.js';
import { populateSampleDay, SAMPLE_CLUB } from './sample-club.js';

describe('member card', () => {
  const { desk, admin, clock } = newDesk({ at: '2025-09-01T15:00:00Z', club: SAMPLE_CLUB, prefix: 'R' });
  const { members } = populateSampleDay(desk, admin, clock);

  it('prints a French member’s card on CR80: club, name, number and valid-until date', async () => {
    const pdf = await memberCardFor(desk, members.francoise, 'cr80');
    const text = pdfText(pdf);
    expect(flat(text)).toContain('Club de l’âge d’or de Saint-Jean-sur-Richelieu');
    expect(text).toContain('CARTE DE MEMBRE');
    expect(text).toContain('Françoise Léveillé-Côté');
    expect(text).toContain('No de membre');
    expect(text).toContain(String(members.francoise));
    expect(text).toContain('Valide jusqu’au');
    expect(text).toContain('27 novembre 2027');
    const sizes = await pageSizes(pdf);
    expect(sizes).toHaveLength(1);
    expect(sizes[0]!.width).toBeCloseTo(242.65, 1);
    expect(sizes[0]!.height).toBeCloseTo(153.07, 1);
  });

  it('carries a Code 128 barcode that a scanner reads as the member number', async () => {
    const pdf = await memberCardFor(desk, members.francoise, 'cr80');
    expect(decodeBarcode(pdf)).toBe(String(members.francoise));
  });

  it('speaks the member’s language: English for Nguyễn Thị Minh Khai', async () => {
    const text = pdfText(await memberCardFor(desk, members.nguyen));
    expect(text).toContain('MEMBER CARD');
    expect(text).toContain('Nguyễn Thị Minh Khai');
    expect(text).toContain('Member number');
    expect(text).toContain('Valid until');
    expect(text).toContain('November 27, 2027');
    expect(text).not.toContain('Valide');
  });

  it('says when the membership expired, and « Non membre » for someone who never was one', async () => {
    const expired = pdfText(await memberCardFor(desk, members.obrien));
    expect(expired).toContain("Seán O'Brien");
    expect(expired).toContain('Expired on');
    expect(expired).toContain('September 1, 2026');
    expect(expired).not.toContain('Valid until');

    const never = pdfText(await memberCardFor(desk, members.paul));
    expect(never).toContain('Paul Roy');
    expect(never).toContain('Non membre');
  });

  it('fits a very long name on two lines, still with a readable barcode', async () => {
    const pdf = await memberCardFor(desk, members.long);
    expect(flat(pdfText(pdf))).toContain('Marie-Ève-Bernadette Tremblay-Bouchard-Vaillancourt de la Durantaye');
    expect(decodeBarcode(pdf)).toBe(String(members.long));
  });

  it('ends a name too long for two lines with an ellipsis rather than running off the card', async () => {
    const member = getMember(desk, members.long);
    const endless = { ...member, lastName: 'Tremblay-Bouchard-Vaillancourt de la Durantaye et de Saint-Ours-sur-le-Richelieu-Supérieur' };
    const text = flat(pdfText(await memberCardPdf(endless, { clubName: 'Club' })));
    expect(text).toContain('Marie-Ève-Bernadette Tremblay-Bouchard-');
    expect(text).toContain('…');
    expect(text).not.toContain('Supérieur');
  });

  it('prints the card at its real size on a letter sheet, with cut marks and a readable barcode', async () => {
    const pdf = await memberCardFor(desk, members.francoise, 'letter');
    expect(await pageSizes(pdf)).toEqual([SIZES.letter]);
    const text = pdfText(pdf);
    expect(text).toContain('Découpez la carte le long des traits de coupe.');
    expect(text).toContain('Françoise Léveillé-Côté');
    expect(decodeBarcode(pdf)).toBe(String(members.francoise));
  });

  it('prints names typed with combining accents as the composed letters', async () => {
    const member = getMember(desk, members.nguyen);
    const decomposed = { ...member, firstName: 'Nguyễn Thị Minh'.normalize('NFD'), lastName: 'Khai' };
    expect(decomposed.firstName).not.toBe('Nguyễn Thị Minh');
    expect(pdfText(await memberCardPdf(decomposed, { clubName: 'Club' }))).toContain('Nguyễn Thị Minh Khai');
  });

  it('embeds only the glyphs it uses (a subset of the 500 kB font) and works without a logo', async () => {
    const member = getMember(desk, members.francoise);
    const pdf = await memberCardPdf(member, { clubName: 'Club des aînés' });
    expect(pdf.byteLength).toBeLessThan(40_000);
    expect(pdfText(pdf)).toContain('Club des aînés');
  });
});
