import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { initializeDesk } from '../core/desk/setup.js';
import type { ClubSettings, Desk, OpenDeskOptions } from '../core/desk/desk.js';
import { snapshotWriter, type InstalledSnapshot } from '../core/ledger/snapshot-install.js';
import { recordSyncTarget } from '../core/ledger/sync-progress.js';
import { ComptoirError } from '../../src-shared/errors.js';
import { enrollResponseSchema } from '../../src-shared/sync-protocol.js';
import { callFailure, callServer, checkServerAddress } from './transport.js';
import { pullChanges } from './pull-client.js';
import { pushPending } from './push-client.js';
import { downloadSnapshot } from './snapshot-client.js';

/** Tries of the enrollment again when no answer came, after 1 s, then 2 s (the same attempt each time). */
const ENROLL_RETRIES = 2;
const ENROLL_RETRY_MS = 1000;

/**
 * « Se joindre au serveur du club »: trades the administrator's one-time code for this desk's
 * identity (docs/SYNC.md, Enrollment), then sets up a new desk file with it — the server's desk
 * id, receipt prefix, club settings and first block of member numbers — and remembers the
 * server and the credential, sends its set-up and receives the club once: from the club's
 * snapshot and the log after it when the server has one (docs/SYNC.md, Bootstrap), else the
 * whole log.
 *
 * When no answer comes (or only part of one), the enrollment is tried twice more with the same
 * attempt name: an answer lost after the server took the code still gets this desk in. Whatever
 * fails after that leaves no desk file behind.
 *
 * @throws SERVER_ADDRESS_INSECURE; SERVER_UNREACHABLE; SERVER_REFUSED with the server's words
 *   (a used or expired code); SERVER_ANSWER_INVALID when the address answers but is no Comptoir
 *   server; JOIN_NEEDS_NEW_FILE when the file already exists.
 */
export async function joinClubServer(file: string, input: { address: string; code: string }, options: OpenDeskOptions = {}, fetchImpl: typeof fetch = fetch): Promise<Desk> {
  const address = checkServerAddress(input.address.trim()).origin;
  // Checked before the code is spent: a code works once.
  if (existsSync(file)) throw new ComptoirError('JOIN_NEEDS_NEW_FILE', { file });
  // One name for this join, sent on every try: if an answer is lost after the server took the
  // code, asking again with it gets the same desk instead of « code already used ».
  const attempt = randomBytes(16).toString('base64url');
  const enroll = () => callServer({ address }, '/v1/enroll', { method: 'POST', body: { code: input.code, attempt }, answer: enrollResponseSchema }, fetchImpl);
  let outcome = await enroll();
  // Only no answer (or part of one) is tried again: the server's own words, or an answer that is
  // not a Comptoir server's, would come back the same.
  for (let retry = 1; retry <= ENROLL_RETRIES && outcome.kind === 'retry' && !outcome.error && !outcome.foreign; retry++) {
    await new Promise((resolve) => setTimeout(resolve, ENROLL_RETRY_MS * retry));
    outcome = await enroll();
  }
  if (outcome.kind !== 'ok') throw callFailure(outcome, address);
  const enrollment = outcome.body;
  const target = { address, deskId: enrollment.desk.id, credential: enrollment.credential };
  const setUp = (club: ClubSettings, trustedFile = false) =>
    initializeDesk(
      file,
      {
        deskName: enrollment.desk.name,
        receiptPrefix: enrollment.desk.receiptPrefix,
        club,
        memberNumbers: { first: enrollment.memberNumbers.first, last: enrollment.memberNumbers.last },
        deskId: enrollment.desk.id,
        numberBlockId: enrollment.memberNumbers.blockId,
      },
      { ...options, trustedFile },
    ).desk;

  // The club's snapshot first, when the server has one: the desk starts from it and pulls only
  // the tail. Any trouble with it, and the desk pulls the whole log as it would without one.
  let installed: InstalledSnapshot | null = null;
  const writer = snapshotWriter(file, options.key ?? null);
  const snapshot = await downloadSnapshot(target, (chunk) => writer.write(chunk), fetchImpl);
  if (snapshot.kind === 'snapshot') {
    try {
      installed = await writer.finish({ serverSeq: snapshot.serverSeq, deskId: enrollment.desk.id });
    } catch {
      // Unusable (SNAPSHOT_UNUSABLE): nothing was left at `file`; the whole log instead.
      installed = null;
    }
  } else await writer.abort();
  let desk: Desk;
  try {
    try {
      // The club's settings as its log last set them: what pulling the whole log would leave.
      desk = setUp(installed?.clubSettings ?? enrollment.club.settings, installed !== null);
    } catch (error) {
      if (!installed) throw error;
      removeDeskFile(file);
      desk = setUp(enrollment.club.settings);
    }
  } catch (error) {
    // A desk file half set up would be refused at its next start (JOIN_NEEDS_NEW_FILE): none is left.
    removeDeskFile(file);
    throw error;
  }
  try {
    recordSyncTarget(desk, { address, credential: enrollment.credential });
    // Its set-up goes to the server and the club comes back (its volunteers first of all) before
    // the desk opens; offline meanwhile, or an answer that does not fit, the sync engine does it
    // later (these say so rather than throw). What still throws is this computer's own trouble.
    await pushPending(desk, target, fetchImpl);
    await pullChanges(desk, target, { fetch: fetchImpl });
  } catch (error) {
    desk.close();
    removeDeskFile(file);
    throw error;
  }
  return desk;
}

function removeDeskFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
