import { z } from 'zod';
import { isoDate, memberNumber } from '../../src-shared/validation.js';
import type { ContractSlice } from '../core/contract.js';
import { ROLES } from '../../src-shared/roles.js';

const pdfFile = z.object({ filename: z.string(), base64: z.string() });
/** Which printer a document goes to: receipts to the desk's receipt printer, the rest through the dialog. */
export const printKind = z.enum(['receipt', 'card', 'report']);
export type PrintKind = z.infer<typeof printKind>;

/**
 * The paper this desk prints on: receipts on letter sheets or an 80 mm roll, cards on CR80 cards
 * (a card printer) or letter sheets to cut. Set per desk (comptoir.json, or the browser mode's
 * --receipt-paper / --card-paper), since each desk has its own printers.
 */
export const paperSchema = z.object({ receipt: z.enum(['letter', 'roll']), card: z.enum(['cr80', 'letter']) });
export type Paper = z.infer<typeof paperSchema>;
export const DEFAULT_PAPER: Paper = { receipt: 'letter', card: 'cr80' };

/** PDFs (a receipt with « COPIE » on reprints, a member card, the day report), and what the shell does with files. */
export const documentsContract = {
  'documents.receipt': {
    input: z
      .object({ receiptNumber: z.string().trim().min(1).max(30), size: z.enum(['letter', 'roll']).default('letter'), copy: z.boolean().default(false) })
      .strict(),
    output: pdfFile,
    roles: ROLES.desk,
  },
  'documents.memberCard': { input: z.object({ number: memberNumber, size: z.enum(['cr80', 'letter']).default('cr80') }).strict(), output: pdfFile, roles: ROLES.everyone },
  'documents.dayReport': { input: z.object({ date: isoDate }).strict(), output: pdfFile, roles: ROLES.desk },
  /** An activity's list to print: whoever may read the list (a leader too). */
  'documents.roster': { input: z.object({ code: z.string().trim().min(1).max(20) }).strict(), output: pdfFile, roles: ROLES.everyone },
  /** Saves a file where the volunteer chooses (Electron); `saved: false` lets the browser download it. */
  'files.save': {
    input: z.object({ filename: z.string().regex(/^[\w.-]{1,80}\.pdf$/), base64: z.string().max(20_000_000) }).strict(),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
    roles: ROLES.everyone,
  },
  /**
   * Prints a document the desk made (a receipt on the receipt printer, a card, a day report): the
   * PDF itself, never the screen. `printed: false` means the shell has no printer of its own (the
   * browser mode): the page prints the PDF through the browser.
   */
  'desk.print': {
    input: z.object({ filename: z.string().regex(/^[\w.-]{1,80}\.pdf$/), base64: z.string().max(20_000_000), kind: printKind }).strict(),
    output: z.object({ printed: z.boolean() }),
    roles: ROLES.everyone,
  },
} satisfies ContractSlice;

/** What the shell lends the contract: a save dialog and a printer (Electron), or nothing (the browser does it). */
export interface ShellCapabilities {
  saveFile?: (filename: string, bytes: Uint8Array) => Promise<string | null>;
  print?: (bytes: Uint8Array, kind: PrintKind) => Promise<void>;
}
