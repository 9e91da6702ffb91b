import type { Desk } from '../core/desk/desk.js';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../src-shared/sync-protocol.js';
import type { ReceiptToAttach } from './outgoing.js';

/**
 * The PDFs of the receipts a push asks to email, rendered as the desk prints them (letter
 * size, in the member's language). A receipt that cannot be rendered, or is larger than
 * MAX_ATTACHMENT_BYTES, goes without: the server reports that email failed (`no_attachment`)
 * rather than hold the whole push back.
 */
export async function renderAttachments(desk: Desk, receipts: ReceiptToAttach[]): Promise<Attachment[]> {
  if (receipts.length === 0) return [];
  // pdf-lib and the fonts load on the first receipt to email, not with the sync engine.
  const { receiptFor } = await import('../documents/index.js');
  const attachments: Attachment[] = [];
  for (const receipt of receipts) {
    try {
      const pdf = await receiptFor(desk, receipt.receiptNumber, { size: 'letter' });
      // One the server would refuse would hold back the whole push, again and again.
      if (pdf.byteLength > MAX_ATTACHMENT_BYTES) continue;
      attachments.push({ operationId: receipt.operationId, filename: `recu-${receipt.receiptNumber}.pdf`, base64: Buffer.from(pdf).toString('base64') });
    } catch {
      // Left out on purpose (see above).
    }
  }
  return attachments;
}
