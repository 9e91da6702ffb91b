import { existsSync } from 'node:fs';
import { initializeDesk } from '../core/desk/setup.js';
import type { Desk, OpenDeskOptions } from '../core/desk/desk.js';
import { recordSyncTarget } from '../core/ledger/sync-progress.js';
import { ComptoirError } from '../../src-shared/errors.js';
import { enrollResponseSchema } from '../../src-shared/sync-protocol.js';
import { callServer, checkServerAddress } from './transport.js';
import { pullChanges } from './pull-client.js';
import { pushPending } from './push-client.js';

/**
 * « Se joindre au serveur du club »: trades the administrator's one-time code for this desk's
 * identity (docs/SYNC.md, Enrollment), then sets up a new desk file with it — the server's desk
 * id, receipt prefix, club settings and first block of member numbers — and remembers the
 * server and the credential, sends its set-up and receives the club once.
 *
 * @throws SERVER_ADDRESS_INSECURE; SERVER_UNREACHABLE; SERVER_REFUSED with the server's words
 *   (a used or expired code); JOIN_NEEDS_NEW_FILE when the file already exists.
 */
export async function joinClubServer(file: string, input: { address: string; code: string }, options: OpenDeskOptions = {}, fetchImpl: typeof fetch = fetch): Promise<Desk> {
  const address = checkServerAddress(input.address.trim()).origin;
  // Checked before the code is spent: a code works once.
  if (existsSync(file)) throw new ComptoirError('JOIN_NEEDS_NEW_FILE', { file });
  const outcome = await callServer({ address }, '/v1/enroll', { method: 'POST', body: { code: input.code } }, fetchImpl);
  // The server answered but cannot now (busy, too many tries): its own words; no answer at all: unreachable.
  if (outcome.kind === 'retry' && outcome.error) throw new ComptoirError('SERVER_REFUSED', { fr: outcome.error.message, en: outcome.error.messageEn });
  if (outcome.kind === 'retry') throw new ComptoirError('SERVER_UNREACHABLE', { address });
  if (outcome.kind === 'rejected') throw new ComptoirError('SERVER_REFUSED', { fr: outcome.error.message, en: outcome.error.messageEn });
  const enrollment = enrollResponseSchema.parse(outcome.body);
  const { desk } = initializeDesk(
    file,
    {
      deskName: enrollment.desk.name,
      receiptPrefix: enrollment.desk.receiptPrefix,
      club: enrollment.club.settings,
      memberNumbers: { first: enrollment.memberNumbers.first, last: enrollment.memberNumbers.last },
      deskId: enrollment.desk.id,
      numberBlockId: enrollment.memberNumbers.blockId,
    },
    options,
  );
  recordSyncTarget(desk, { address, credential: enrollment.credential });
  // Its set-up goes to the server and the club comes back (its volunteers first of all) before the
  // desk opens; offline meanwhile, the sync engine does it later.
  const target = { address, deskId: enrollment.desk.id, credential: enrollment.credential };
  await pushPending(desk, target, fetchImpl);
  await pullChanges(desk, target, { fetch: fetchImpl });
  return desk;
}
