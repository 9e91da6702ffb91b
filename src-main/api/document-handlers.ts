import type { z } from 'zod';
import type { SliceHandlers } from '../core/contract.js';
import type { documentsContract, ShellCapabilities } from './documents.js';

// PDFs are made with pdf-lib, fontkit and bwip-js: loaded on the first document, not at launch.
const documents = () => import('../documents/index.js');

type PdfFile = z.output<(typeof documentsContract)['documents.receipt']['output']>;

function pdf(filename: string, bytes: Uint8Array): PdfFile {
  return { filename, base64: Buffer.from(bytes).toString('base64') };
}

/** The documents' handlers, kept apart from their contract so the renderer's types never reach pdf-lib. */
export function documentsHandlers(shell: ShellCapabilities): SliceHandlers<typeof documentsContract> {
  return {
    'documents.receipt': async ({ receiptNumber, size, copy }, { desk }) =>
      pdf(`recu-${receiptNumber}${copy ? '-copie' : ''}.pdf`, await (await documents()).receiptFor(desk, receiptNumber, { size, copy })),
    'documents.memberCard': async ({ number, size }, { desk }) => pdf(`carte-membre-${number}.pdf`, await (await documents()).memberCardFor(desk, number, size)),
    'documents.dayReport': async ({ date }, { desk }) => pdf(`rapport-${date}.pdf`, await (await documents()).dayReportFor(desk, date)),
    'documents.roster': async ({ code }, { desk }) => pdf(`liste-${code.replace(/[^\w.-]/g, '_')}.pdf`, await (await documents()).rosterFor(desk, code)),
    'files.save': async ({ filename, base64 }) => {
      if (!shell.saveFile) return { saved: false, path: null };
      const path = await shell.saveFile(filename, Buffer.from(base64, 'base64'));
      return { saved: path !== null, path };
    },
    'desk.print': async ({ base64, kind }) => {
      if (!shell.print) return { printed: false };
      await shell.print(Buffer.from(base64, 'base64'), kind);
      return { printed: true };
    },
  };
}
