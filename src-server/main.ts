import { runServerCli } from './cli.js';

/** `npm run server -- …`: the central server's command line; `serve` runs until stopped. */
const { code, stop } = await runServerCli(process.argv.slice(2));
if (stop) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(0)));
} else {
  process.exitCode = code;
}
