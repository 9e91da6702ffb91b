import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { Paper } from '../api/documents.js';

// No Electron import here: main.ts passes app.getPath('userData'); tests pass a temporary folder.

export const CONFIG_FILE_NAME = 'comptoir.json';
const DEFAULT_DATABASE_FILE = 'comptoir.sqlite';

/**
 * The desk's own settings, in `comptoir.json` next to Electron's user data. Everything is
 * optional: without the file the desk uses `comptoir.sqlite` in the same folder, in French,
 * without updates, printing through the system dialog.
 *
 *     { "databaseFile": "D:/Comptoir/poste-1.sqlite", "language": "fr",
 *       "updateFeedUrl": "https://mises-a-jour.exemple.org/comptoir/", "printerName": "EPSON TM-T20III",
 *       "receiptPaper": "roll", "cardPaper": "cr80" }
 */
export const deskConfigSchema = z.strictObject(
  {
    databaseFile: z
      .string({ error: 'le chemin du fichier de la base de données est attendu (texte)' })
      .trim()
      .min(1, { error: 'le chemin du fichier de la base de données est vide' })
      .optional(),
    language: z.enum(['fr', 'en'], { error: 'la langue doit être « fr » ou « en »' }).default('fr'),
    // Updates are code that will run on the desk: https only.
    updateFeedUrl: z.url({ protocol: /^https$/, error: 'une adresse https://… est attendue' }).optional(),
    printerName: z
      .string({ error: 'le nom de l’imprimante est attendu (texte)' })
      .trim()
      .min(1, { error: 'le nom de l’imprimante est vide (retirez la ligne pour choisir l’imprimante à chaque fois)' })
      .max(200, { error: 'le nom de l’imprimante est trop long' })
      .optional(),
    receiptPaper: z.enum(['letter', 'roll'], { error: 'le papier des reçus est « letter » (lettre) ou « roll » (rouleau de 80 mm)' }).default('letter'),
    cardPaper: z.enum(['cr80', 'letter'], { error: 'le papier des cartes est « cr80 » (imprimante à cartes) ou « letter » (feuille à découper)' }).default('cr80'),
  },
  { error: 'le fichier doit contenir un objet JSON { … }' },
);

export interface DeskConfig {
  /** Where the settings were read from (whether or not the file exists). */
  configFile: string;
  /** Absolute path of the desk's SQLite database. */
  databaseFile: string;
  language: 'fr' | 'en';
  updateFeedUrl: string | null;
  printerName: string | null;
  /** The paper of the receipt printer and of the card printer. */
  paper: Paper;
}

/** A configuration Comptoir cannot start with; the message is for the person setting up the desk. */
export class DeskConfigError extends Error {
  override name = 'DeskConfigError';
}

/**
 * Reads and checks the desk's configuration. A relative `databaseFile` is taken from the
 * configuration's folder; the `COMPTOIR_DB` environment variable, when set, wins over both.
 */
export function loadDeskConfig(userDataDir: string, env: Record<string, string | undefined> = process.env): DeskConfig {
  const configFile = join(userDataDir, CONFIG_FILE_NAME);
  let raw: unknown = {};
  let text: string | null = null;
  try {
    text = readFileSync(configFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new DeskConfigError(`Le fichier de configuration du poste ne peut pas être lu :\n${configFile}\n\n${(error as Error).message}`);
    }
  }
  if (text !== null) {
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new DeskConfigError(
        `Le fichier de configuration du poste n’est pas du JSON valide :\n${configFile}\n\n${(error as Error).message}\n\n${HOW_TO_FIX}`,
      );
    }
  }
  const parsed = deskConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(describeIssue);
    throw new DeskConfigError(`Le fichier de configuration du poste est invalide :\n${configFile}\n\n${lines.join('\n')}\n\n${HOW_TO_FIX}`);
  }
  const config = parsed.data;
  const fromEnv = env.COMPTOIR_DB?.trim();
  return {
    configFile,
    databaseFile: fromEnv ? resolve(fromEnv) : resolve(dirname(configFile), config.databaseFile ?? DEFAULT_DATABASE_FILE),
    language: config.language,
    updateFeedUrl: config.updateFeedUrl ?? null,
    printerName: config.printerName ?? null,
    paper: { receipt: config.receiptPaper, card: config.cardPaper },
  };
}

const SETTINGS = Object.keys(deskConfigSchema.shape);
const HOW_TO_FIX = `Corrigez le fichier (réglages permis : ${SETTINGS.join(', ')}), ou supprimez-le pour reprendre les réglages par défaut, puis relancez Comptoir.`;

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `• ${issue.keys.map((key) => `« ${key} »`).join(', ')} : réglage inconnu`;
  }
  const where = issue.path.length ? `« ${issue.path.join('.')} » : ` : '';
  return `• ${where}${issue.message}`;
}
