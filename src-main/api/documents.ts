import { z } from 'zod';
import { isoDate, memberNumber } from '../../src-shared/validation.js';
import type { ContractSlice } from '../core/contract.js';
import { ROLES } from '../../src-shared/roles.js';

const pdfFile = z.object({ filename: z.string(), base64: z.string() });

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
  /** Saves a file where the volunteer chooses (Electron); `saved: false` lets the browser download it. */
  'files.save': {
    input: z.object({ filename: z.string().regex(/^[\w.-]{1,80}\.pdf$/), base64: z.string().max(20_000_000) }).strict(),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
    roles: ROLES.everyone,
  },
  /** Prints the current screen on the desk's printer (Electron); `printed: false` means the page should print itself. */
  'desk.print': { input: z.object({}).strict(), output: z.object({ printed: z.boolean() }), roles: ROLES.everyone },
} satisfies ContractSlice;

/** What the shell lends the contract: a save dialog and a printer (Electron), or nothing (the browser does it). */
export interface ShellCapabilities {
  saveFile?: (filename: string, bytes: Uint8Array) => Promise<string | null>;
  print?: () => Promise<void>;
}
