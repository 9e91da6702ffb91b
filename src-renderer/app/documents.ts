import { call, type Output } from './api';

type PdfFile = Output<'documents.receipt'>;

/**
 * Saves a PDF: through the shell's save dialog in Electron, or as a browser download in the
 * browser mode. Returns the error message to show, or null.
 */
export async function savePdf(file: PdfFile): Promise<string | null> {
  const saved = await call('files.save', file);
  if (!saved.ok) return saved.error.message;
  if (saved.value.saved) return null;
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}

/** Prints the screen: on the desk's printer in Electron, with the browser's dialog otherwise. */
export async function printScreen(): Promise<void> {
  const result = await call('desk.print', {});
  if (!result.ok || !result.value.printed) window.print();
}
