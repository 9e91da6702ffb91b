import type { Language } from '../../src-shared/language.js';
import type { BackupPlace } from '../db/backup.js';
import type { ApiError, Method, Result } from './contract.js';
import type { Paper, PrintKind } from './documents.js';

/**
 * What the window's thread and the core's worker say to each other. The core runs in a worker
 * thread of its own (as Signal runs its SQL in a worker): an import, a replay or a long report
 * never freezes the screens, and both shells carry the same contract to it.
 */
export interface CoreSettings {
  file: string;
  /** The database's encryption key (64 hexadecimal digits), when it is encrypted. */
  key?: string | null;
  /** Where backups go (a second drive, how many are kept). */
  backups?: BackupPlace;
  language?: Language;
  idleMinutes?: number;
  paper?: Paper;
  /** The shell capabilities the host offers (Electron's save dialog and printer). */
  capabilities: ('saveFile' | 'print')[];
}

/** What the core asks of the shell that started it. */
export type CapabilityRequest = { name: 'saveFile'; filename: string; bytes: Uint8Array } | { name: 'print'; bytes: Uint8Array; kind: PrintKind };

export type ToCore =
  | { type: 'call'; id: number; method: string; input: unknown; client?: string }
  | { type: 'capability-done'; id: number; ok: true; value: unknown }
  | { type: 'capability-done'; id: number; ok: false; message: string }
  | { type: 'close' };

export type FromCore =
  | { type: 'ready'; threadId: number }
  | { type: 'failed'; error: ApiError }
  | { type: 'result'; id: number; result: Result<Method> }
  | ({ type: 'capability'; id: number } & CapabilityRequest)
  | { type: 'log'; message: string }
  | { type: 'closed' };
