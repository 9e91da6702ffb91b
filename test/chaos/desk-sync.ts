import { openDesk } from '../../src-main/core/desk/desk.js';
import { pullChanges } from '../../src-main/sync/pull-client.js';
import { pushPending } from '../../src-main/sync/push-client.js';

/** A desk process that syncs once (push, then pull) and exits; the chaos test kills it midway. */
const [file, address, deskId, credential] = process.argv.slice(2) as [string, string, string, string];
const desk = openDesk(file);
const target = { address, deskId, credential };
process.stdout.write('ready\n');
await pushPending(desk, target);
await pullChanges(desk, target);
desk.close();
process.stdout.write('done\n');
