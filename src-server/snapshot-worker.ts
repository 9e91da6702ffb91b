import { parentPort, workerData } from 'node:worker_threads';
import { openServerDb } from './db/open.js';
import { buildClubSnapshot, type BuildOutcome } from './snapshots.js';

/** What the serving thread hands a snapshot worker: its database, and the club to build. */
export interface SnapshotWorkerData {
  location: string;
  schema?: string;
  clubId: string;
}

/** The worker's one answer: the build's outcome, or why it failed. */
export type SnapshotWorkerAnswer = { ok: true; outcome: BuildOutcome } | { ok: false; message: string };

// A build applies the whole log through the desk's handlers and compresses hundreds of
// megabytes: on its own thread, with its own connection, the serving thread keeps answering.
const { location, schema, clubId, stopFlag } = workerData as SnapshotWorkerData & { stopFlag?: Int32Array };
// The serving thread's database: never made here.
const sdb = await openServerDb(location, { ...(schema ? { schema } : {}), create: false });
// Set by the serving thread when the server stops (buildInWorker): the build ends at its next page.
const stopped = () => (stopFlag ? Atomics.load(stopFlag, 0) === 1 : false);
let answer: SnapshotWorkerAnswer;
try {
  // Stopped while this thread was still loading: nothing to begin.
  answer = { ok: true, outcome: stopped() ? { built: false, reason: 'stopped' } : await buildClubSnapshot(sdb, clubId, { stopped }) };
} catch (error) {
  answer = { ok: false, message: (error as Error).message };
} finally {
  await sdb.close();
}
parentPort!.postMessage(answer!);
