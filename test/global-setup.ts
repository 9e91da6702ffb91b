import pg from 'pg';

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
    for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}
