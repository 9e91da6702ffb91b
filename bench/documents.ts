import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../src-shared/clock.js';
import { initializeDesk } from '../src-main/core/desk/setup.js';
import { dayReportFor, memberCardFor, receiptFor } from '../src-main/documents/index.js';
import { populateSampleDay, SAMPLE_CLUB } from '../test/documents/sample-club.js';
import { percentile, type Figure } from './figures.js';

const WARM_UP = 30;

/**
 * What a volunteer waits for between "Imprimer" and the printer: one PDF, made the way the desk
 * makes it (read through the core, then laid out, fonts subset and embedded). A receipt of two
 * lines and a split payment, on letter paper; a CR80 member card with the club's logo and its
 * barcode. After a warm-up, because the first document of a process parses the font files once.
 *
 * Asynchronous, unlike the other groups: pdf-lib's save() is, so `emit(await benchDocuments())`.
 */
export async function benchDocuments(samples = 200): Promise<Figure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-documents-'));
  const clock = fixedClock('2025-09-01T15:00:00Z');
  const { desk, systemUserId } = initializeDesk(join(folder, 'desk.sqlite'), { deskName: 'Banc d’essai', receiptPrefix: 'R', club: SAMPLE_CLUB }, { clock });
  try {
    const day = populateSampleDay(desk, { userId: systemUserId }, clock);
    const receipt = await timings(samples, () => receiptFor(desk, day.receipts.split));
    const card = await timings(samples, () => memberCardFor(desk, day.members.nguyen, 'cr80'));
    const report = await timings(Math.ceil(samples / 4), () => dayReportFor(desk, day.date));
    return [
      { name: 'receipt_pdf_ms_p50', value: percentile(receipt, 50), unit: 'ms' },
      { name: 'card_pdf_ms_p50', value: percentile(card, 50), unit: 'ms' },
      { name: 'day_report_pdf_ms_p50', value: percentile(report, 50), unit: 'ms' },
    ];
  } finally {
    desk.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function timings(samples: number, make: () => Promise<Uint8Array>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await make();
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    await make();
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return ms;
}
