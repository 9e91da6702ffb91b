import type Mail from 'nodemailer/lib/mailer/index.js';
import { operationOf } from '../../src-main/core/ledger/audit.js';
import type { Language } from '../../src-shared/language.js';
import type { OperationOf } from '../../src-shared/operations/index.js';
import type { EmailFailure } from '../../src-shared/operations/email.js';
import type { ServerDb } from '../db/open.js';
import type { EmailMessageTable } from '../db/schema.js';
import { keyRingFor, memberDetails } from '../members.js';
import { appendServerOperations, lockHead } from '../server-author.js';
import { membershipEmail, receiptEmail } from './messages.js';
import type { MailSender } from './senders.js';

export interface MailerOptions {
  /** The address the club's emails come from (`courriel@club.ca`); the club's name goes beside it. */
  fromAddress: string;
  now?: () => Date;
  /** Tries before an email is given up (`gave_up`); with emailRetryDelay, some 8 hours. */
  maxAttempts?: number;
  /** How long a sender holds an email it took: another process takes it back after that. */
  leaseMs?: number;
  random?: () => number;
  /** Emails taken per round. */
  batch?: number;
}

/** What a round did. */
export interface MailRound {
  sent: number;
  failed: number;
  deferred: number;
}

/**
 * How long before the next try after `attempt` failures: 1 min, 2, 4… up to 2 h, each between
 * half and all of it (jitter, so a mail server back after an outage is not hit all at once).
 */
export function emailRetryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(2 * 60 * 60_000, 60_000 * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The one Message-ID of an email, on every try: a message that did reach the member's mail
 * server before the answer was lost is recognised when it comes again.
 */
export function messageIdOf(email: Pick<EmailMessageTable, 'id'>, clubSlug: string, fromAddress: string): string {
  const domain = /@([^>\s]+)/.exec(fromAddress)?.[1] ?? 'comptoir.invalid';
  return `<${email.id}.${clubSlug}@${domain}>`;
}

/** An email that cannot be written: why (reported to the desks as is). */
class NotSendable extends Error {
  constructor(readonly failure: EmailFailure) {
    super(failure);
  }
}

/** A mail server's answer: a 5xx is final (the address does not exist, say), anything else may pass later. */
function smtpOutcome(error: unknown): { permanent: boolean; code: number | null; detail: string } {
  const code = (error as { responseCode?: unknown }).responseCode;
  const smtpCode = typeof code === 'number' && code >= 200 && code <= 599 ? code : null;
  return { permanent: smtpCode !== null && smtpCode >= 500, code: smtpCode, detail: String((error as Error).message ?? error).slice(0, 500) };
}

/**
 * Sends the emails that are due, once each (docs/SYNC.md, Email). Any number of server
 * processes may run this at once: each email is taken with a conditional update (a lease), so
 * one process sends it; one that dies holding it lets it go when the lease ends, and the
 * next try carries the same Message-ID. What became of each email is written on the server's
 * chain (`email.delivery`), so every desk shows it.
 */
export async function sendDueEmails(sdb: ServerDb, sender: MailSender, options: MailerOptions): Promise<MailRound> {
  const now = (options.now ?? (() => new Date()))();
  const at = now.toISOString();
  const round: MailRound = { sent: 0, failed: 0, deferred: 0 };
  const due = await sdb.db
    .selectFrom('email_message')
    .selectAll()
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
    .orderBy('next_attempt_at')
    .limit(options.batch ?? 20)
    .execute();
  for (const email of due) {
    const claimed = await sdb.db
      .updateTable('email_message')
      .set({ claimed_until: new Date(now.getTime() + (options.leaseMs ?? 120_000)).toISOString() })
      .where('club_id', '=', email.club_id)
      .where('id', '=', email.id)
      .where('status', '=', 'queued')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
      .executeTakeFirst();
    // Another process took it first.
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const attempts = Number(email.attempts) + 1;
    let message: Mail.Options;
    try {
      message = await compose(sdb, email, options.fromAddress);
    } catch (error) {
      if (error instanceof NotSendable) {
        await finish(sdb, email, { status: 'failed', failure: error.failure, smtpCode: null, attempts: attempts - 1, lastError: null }, now);
        round.failed++;
      } else {
        // A member's details unreadable, the database busy: tried again later like a « try
        // later » from the mail server, so one email never holds up the others.
        round[await tryLater(sdb, email, attempts, error, now, options)]++;
      }
      continue;
    }
    try {
      await sender.send(message);
    } catch (error) {
      round[await tryLater(sdb, email, attempts, error, now, options)]++;
      continue;
    }
    await finish(sdb, email, { status: 'sent', failure: null, smtpCode: null, attempts, lastError: null }, now);
    round.sent++;
  }
  return round;
}

/** The message of an email, from the club's log and the server's view of members. @throws NotSendable */
async function compose(sdb: ServerDb, email: EmailMessageTable, fromAddress: string): Promise<Mail.Options> {
  const club = await sdb.db.selectFrom('club').select(['name', 'slug']).where('id', '=', email.club_id).executeTakeFirstOrThrow();
  const member = email.member_id ? await memberDetails(sdb.db, email.club_id, email.member_id) : null;
  if (email.member_id && !member) throw new NotSendable('erased');
  const base = { from: { name: club.name, address: fromAddress }, messageId: messageIdOf(email, club.slug, fromAddress) };

  if (email.kind === 'membership') {
    if (!member?.email) throw new NotSendable('no_address');
    const periods = await sdb.db
      .selectFrom('server_period')
      .select(['starts_on', 'ends_on'])
      .where('club_id', '=', email.club_id)
      .where('order_line_id', '=', email.order_line_id ?? '')
      .where('voided', '=', 0)
      .orderBy('ends_on', 'desc')
      .execute();
    // The latest: when two desks renewed the member offline, this sale paid the period after (decisions.ts).
    const period = periods[0];
    if (!period) throw new NotSendable('voided');
    const content = membershipEmail({
      clubName: club.name,
      firstName: member.firstName,
      memberNumber: member.number,
      startsOn: period.starts_on,
      endsOn: period.ends_on,
      receiptNumber: email.receipt_number,
      language: member.language,
    });
    return { ...base, to: member.email, ...content };
  }

  const request = await receiptRequest(sdb, email);
  if (!request.email) throw new NotSendable(member || !email.member_id ? 'no_address' : 'erased');
  const pdf = await sdb.db.selectFrom('email_attachment').selectAll().where('club_id', '=', email.club_id).where('email_id', '=', email.id).executeTakeFirst();
  if (!pdf) throw new NotSendable('no_attachment');
  const language: Language = member?.language ?? request.language;
  const content = receiptEmail({ clubName: club.name, firstName: member?.firstName ?? null, receiptNumber: email.receipt_number, language });
  return { ...base, to: request.email, ...content, attachments: [{ filename: pdf.filename, content: Buffer.from(pdf.content_base64, 'base64'), contentType: 'application/pdf' }] };
}

/** The `receipt.email` entry, its address opened with the member's key (read as empty once erased). */
async function receiptRequest(sdb: ServerDb, email: EmailMessageTable): Promise<OperationOf<'receipt.email'>> {
  const row = await sdb.db.selectFrom('operation').selectAll().where('club_id', '=', email.club_id).where('operation_id', '=', email.operation_id).executeTakeFirstOrThrow();
  const op = operationOf({ ...row, seq: Number(row.desk_seq), redacted_by: null }, await keyRingFor(sdb.db, email.club_id, [row]));
  if (op.kind !== 'receipt.email') throw new Error(`email ${email.id} points to a ${op.kind}`);
  return op;
}

/**
 * Closes an email — sent, or failed for good — and reports it on the server's chain in the same
 * transaction. Its PDF goes: the server keeps no receipts beyond what it must send.
 */
async function finish(
  sdb: ServerDb,
  email: EmailMessageTable,
  result: { status: 'sent' | 'failed'; failure: EmailFailure | null; smtpCode: number | null; attempts: number; lastError: string | null },
  now: Date,
): Promise<void> {
  await sdb.db.transaction().execute(async (trx) => {
    const head = await lockHead(trx, sdb.dialect, email.club_id);
    await trx
      .updateTable('email_message')
      .set({ status: result.status, failure: result.failure, smtp_code: result.smtpCode, attempts: result.attempts, last_error: result.lastError, claimed_until: null, finished_at: now.toISOString() })
      .where('club_id', '=', email.club_id)
      .where('id', '=', email.id)
      .execute();
    await trx.deleteFrom('email_attachment').where('club_id', '=', email.club_id).where('email_id', '=', email.id).execute();
    const report: OperationOf<'email.delivery'> = {
      kind: 'email.delivery',
      version: 1,
      emailId: email.id,
      emailKind: email.kind,
      orderId: email.order_id,
      status: result.status,
      failure: result.failure,
      smtpCode: result.smtpCode,
      attempts: result.attempts,
    };
    const seqs = await appendServerOperations(trx, email.club_id, head, [report], now);
    await trx.updateTable('club').set({ head_seq: head + seqs.length }).where('id', '=', email.club_id).execute();
  });
}

/**
 * Sends due emails every `intervalMs` (5 s) until stopped; `wake()` runs a round now (after a
 * push queued some). A round that fails (the database away) is tried again at the next tick.
 */
export function startMailer(
  sdb: ServerDb,
  sender: MailSender,
  options: MailerOptions & { intervalMs?: number; onError?: (error: unknown) => void },
): { wake: () => void; stop: () => Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = sendDueEmails(sdb, sender, options)
      .then(() => undefined, (error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
        schedule();
      });
  };
  const schedule = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, options.intervalMs ?? 5_000);
    timer.unref?.();
  };
  schedule();
  return {
    wake: () => {
      if (timer) clearTimeout(timer);
      tick();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      sender.close();
    },
  };
}

/**
 * A try that failed: final on a mail server's 5xx or after the last try (`rejected`,
 * `gave_up`), otherwise the email waits `emailRetryDelay` and its lease is let go.
 */
async function tryLater(sdb: ServerDb, email: EmailMessageTable, attempts: number, error: unknown, now: Date, options: MailerOptions): Promise<'failed' | 'deferred'> {
  const outcome = smtpOutcome(error);
  if (outcome.permanent || attempts >= (options.maxAttempts ?? 10)) {
    await finish(sdb, email, { status: 'failed', failure: outcome.permanent ? 'rejected' : 'gave_up', smtpCode: outcome.code, attempts, lastError: outcome.detail }, now);
    return 'failed';
  }
  await sdb.db
    .updateTable('email_message')
    .set({
      attempts,
      next_attempt_at: new Date(now.getTime() + emailRetryDelay(attempts - 1, options.random)).toISOString(),
      claimed_until: null,
      smtp_code: outcome.code,
      last_error: outcome.detail,
    })
    .where('club_id', '=', email.club_id)
    .where('id', '=', email.id)
    .execute();
  return 'deferred';
}
