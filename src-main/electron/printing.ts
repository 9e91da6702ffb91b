import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { businessDate } from '../../src-shared/dates.js';

/**
 * Prints what the window shows. With a printer named in the desk's configuration (and present
 * on this computer), straight to it without a dialog — the receipt printer at the desk; otherwise
 * through the system's print dialog.
 */
export async function printPage(window: BrowserWindow, printerName: string | null): Promise<void> {
  const contents = window.webContents;
  const printers = printerName ? await contents.getPrintersAsync() : [];
  const direct = printerName !== null && printers.some((printer) => printer.name === printerName);
  const options = direct ? { silent: true, deviceName: printerName, printBackground: true } : { silent: false, printBackground: true };
  const failure = await new Promise<string | null>((resolve) => {
    contents.print(options, (success, reason) => resolve(success || /cancel/i.test(reason) ? null : reason));
  });
  if (failure !== null) {
    await dialog.showMessageBox(window, {
      type: 'error',
      title: 'Impression',
      message: direct ? `L’impression sur « ${printerName} » n’a pas fonctionné.` : 'L’impression n’a pas fonctionné.',
      detail: `Vérifiez que l’imprimante est allumée et a du papier, puis réessayez. (${failure})`,
    });
  }
}

/**
 * Prints a PDF the desk made (receipt, card, day report) as it is — barcode, logo, page size —
 * never the screen: it opens in a hidden window with Chromium's PDF viewer and prints from there,
 * on the named printer without a dialog (the receipt printer), or through the system's dialog.
 */
export async function printPdf(parent: BrowserWindow, bytes: Uint8Array, printerName: string | null): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'comptoir-impression-'));
  const file = join(folder, 'document.pdf');
  const hidden = new BrowserWindow({ show: false, parent, webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false } });
  try {
    await writeFile(file, bytes);
    await hidden.loadFile(file);
    await printPage(hidden, printerName);
  } finally {
    hidden.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}

/** Saves a document the desk made (receipt, card, day report) where the volunteer chooses; null if cancelled. */
export async function saveFileAs(window: BrowserWindow, filename: string, bytes: Uint8Array): Promise<string | null> {
  const choice = await dialog.showSaveDialog(window, {
    title: 'Enregistrer en PDF',
    defaultPath: join(app.getPath('documents'), filename),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return null;
  await writeFile(choice.filePath, bytes);
  return choice.filePath;
}

/** Saves what the window shows as a PDF (letter size) where the volunteer chooses. */
export async function savePageAsPdf(window: BrowserWindow): Promise<void> {
  const today = businessDate(new Date());
  const choice = await dialog.showSaveDialog(window, {
    title: 'Enregistrer en PDF',
    defaultPath: join(app.getPath('documents'), `comptoir-${today}.pdf`),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return;
  try {
    const pdf = await window.webContents.printToPDF({ pageSize: 'Letter', printBackground: true });
    await writeFile(choice.filePath, pdf);
  } catch (error) {
    await dialog.showMessageBox(window, {
      type: 'error',
      title: 'Enregistrer en PDF',
      message: 'Le PDF n’a pas pu être enregistré.',
      detail: `${choice.filePath}\n${(error as Error).message}`,
    });
  }
}
