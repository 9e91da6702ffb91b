import { call, type Input, type Output } from './api';
import type { Result } from '../../src-main/api/contract';

type PdfFile = Output<'documents.receipt'>;
type PrintKind = Input<'desk.print'>['kind'];

/**
 * Saves a PDF: through the shell's save dialog in Electron, or as a browser download in the
 * browser mode. Returns the error message to show, or null.
 */
export async function savePdf(file: PdfFile): Promise<string | null> {
  const saved = await call('files.save', file);
  if (!saved.ok) return saved.error.message;
  if (saved.value.saved) return null;
  const url = pdfUrl(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}

function pdfUrl(file: PdfFile): string {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/**
 * « Imprimer » prints the document itself — the receipt in the desk's paper size, the card with
 * its barcode and logo, the day report as filed — never the screen: on the desk's printer in
 * Electron, or through the browser's print of the PDF (a hidden frame) in the browser mode.
 * Returns the error message to show, or null.
 */
export async function printPdf(file: PdfFile, kind: PrintKind): Promise<string | null> {
  const printed = await call('desk.print', { ...file, kind });
  if (!printed.ok) return printed.error.message;
  if (printed.value.printed) return null;
  document.querySelector('iframe.print-frame')?.remove();
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.title = file.filename;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  // A browser driven by automation (navigator.webdriver: the end-to-end tests) cannot answer a
  // print dialog, and headless Chromium's PDF viewer does not survive one: the frame is left for
  // the driver to read what would have printed.
  if (!navigator.webdriver) frame.addEventListener('load', () => frame.contentWindow?.print(), { once: true });
  frame.src = pdfUrl(file);
  document.body.append(frame);
  return null;
}

/** Asks the core for a document, then prints it; the error message to show, or null. */
export async function printDocument(made: Promise<Result<'documents.receipt'>>, kind: PrintKind): Promise<string | null> {
  const file = await made;
  return file.ok ? printPdf(file.value, kind) : file.error.message;
}
