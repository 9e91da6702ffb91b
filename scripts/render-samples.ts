import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../src-shared/clock.js';
import { initializeDesk } from '../src-main/core/desk/setup.js';
import { dayReportFor, memberCardFor, receiptFor } from '../src-main/documents/index.js';
import { populateSampleDay, SAMPLE_CLUB } from '../test/documents/sample-club.js';

/**
 * `node --import tsx scripts/render-samples.ts`: prints every document of a sample registration
 * day (built through the core on a real desk file) to test-results/documents/, each PDF with
 * PNG pictures of its pages (pdftoppm), for a person to look at.
 */
const out = 'test-results/documents';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const folder = mkdtempSync(join(tmpdir(), 'comptoir-samples-'));
const clock = fixedClock('2025-09-01T15:00:00Z');
const { desk, systemUserId } = initializeDesk(join(folder, 'desk.sqlite'), { deskName: 'Accueil', receiptPrefix: 'R', club: SAMPLE_CLUB }, { clock });

async function save(name: string, pdf: Promise<Uint8Array>, dpi: number): Promise<void> {
  const file = join(out, `${name}.pdf`);
  writeFileSync(file, await pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, join(out, name)]);
  process.stdout.write(`${file}\n`);
}

try {
  const day = populateSampleDay(desk, { userId: systemUserId }, clock);
  const { members, receipts } = day;
  await save('card-cr80-francoise-fr', memberCardFor(desk, members.francoise, 'cr80'), 300);
  await save('card-cr80-nguyen-en', memberCardFor(desk, members.nguyen, 'cr80'), 300);
  await save('card-cr80-long-name', memberCardFor(desk, members.long, 'cr80'), 300);
  await save('card-cr80-expired-obrien-en', memberCardFor(desk, members.obrien, 'cr80'), 300);
  await save('card-cr80-non-member', memberCardFor(desk, members.paul, 'cr80'), 300);
  await save('card-letter-francoise-fr', memberCardFor(desk, members.francoise, 'letter'), 100);
  await save('receipt-letter-cash-fr', receiptFor(desk, receipts.cash), 100);
  await save('receipt-roll-cash-fr', receiptFor(desk, receipts.cash, { size: 'roll' }), 200);
  await save('receipt-roll-split-en', receiptFor(desk, receipts.split, { size: 'roll' }), 200);
  await save('receipt-letter-split-en', receiptFor(desk, receipts.split), 100);
  await save('receipt-roll-rounding-fr', receiptFor(desk, receipts.rounding, { size: 'roll' }), 200);
  await save('receipt-roll-void-fr', receiptFor(desk, receipts.void, { size: 'roll' }), 200);
  await save('receipt-letter-voided-copy-fr', receiptFor(desk, receipts.voided, { copy: true }), 100);
  await save('receipt-roll-refund-en', receiptFor(desk, receipts.refund, { size: 'roll' }), 200);
  await save('receipt-letter-many-lines-fr', receiptFor(desk, receipts.many), 100);
  await save('receipt-roll-many-lines-fr', receiptFor(desk, receipts.many, { size: 'roll' }), 150);
  await save('day-report-fr', dayReportFor(desk, day.date, 'fr'), 100);
  await save('day-report-en', dayReportFor(desk, day.date, 'en'), 100);
} finally {
  desk.close();
  rmSync(folder, { recursive: true, force: true });
}
