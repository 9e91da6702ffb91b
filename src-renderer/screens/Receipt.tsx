import type { Output } from '../app/api';

export function ReceiptScreen({ receiptNumber }: { receiptNumber: string; change: Output<'sales.checkout'>['cash']; reprint: boolean }) {
  return <h1>Reçu {receiptNumber}</h1>;
}
