import pg from 'pg';

/** How old a test's schema must be before a run drops it: longer than any run (the full suite, the long chaos run). */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * Whether a test's PostgreSQL schema (test/server/harness.ts `testSchemaName`) may be dropped:
 * made more than six hours ago, or named before names carried their time (`t_<hex>`, `t_<digits>`).
 * A schema of a run going on beside this one (`npm test` while `npm run test:chaos` runs) is kept.
 */
export function isStaleTestSchema(name: string, now = Date.now()): boolean {
  const stamped = /^t_([0-9a-z]{1,11})_[0-9a-f]+$/.exec(name);
  if (!stamped) return /^t_/.test(name);
  return now - Number.parseInt(stamped[1]!, 36) > STALE_AFTER_MS;
}

/**
 * Before any test runs: PostgreSQL's schemas left by earlier runs (`t_…`, one per server test)
 * are dropped here, once, rather than by each test file when it ends — a schema dropped while
 * another worker's migrator lists PostgreSQL's tables makes that listing fail.
 */
export default async function dropOldTestSchemas(): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' });
  try {
    await client.connect();
  } catch {
    return; // No PostgreSQL here: the server tests on it will say so.
  }
  try {
    const { rows } = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%'");
    for (const { nspname } of rows) if (isStaleTestSchema(nspname)) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}
