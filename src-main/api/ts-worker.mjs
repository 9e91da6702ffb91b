// Runs a worker written in TypeScript from the sources (tests, `tsx`): tsx's loader is
// registered in the worker first. Built apps start their bundled worker instead.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
