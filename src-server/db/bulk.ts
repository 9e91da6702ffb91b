import { PostgresAdapter, sql, type InsertQueryBuilder, type InsertResult, type Transaction } from 'kysely';
import type { OperationTable, ServerDatabase, ServerMemberTable } from './schema.js';

/**
 * Each column's PostgreSQL type, for the tables a push writes thousands of rows to: their values
 * travel as one array per column (`unnest`), each array typed.
 */
const POSTGRES_COLUMN_TYPES = {
  operation: {
    club_id: 'text',
    server_seq: 'bigint',
    desk_id: 'text',
    desk_seq: 'bigint',
    operation_id: 'text',
    prev_hash: 'text',
    hash: 'text',
    at: 'text',
    user_id: 'text',
    action: 'text',
    entity_type: 'text',
    entity_id: 'text',
    before_json: 'text',
    after_json: 'text',
    op_version: 'integer',
    received_at: 'text',
    late_for: 'text',
  } satisfies Record<keyof OperationTable, string>,
  server_member: {
    club_id: 'text',
    id: 'text',
    number: 'integer',
    details_json: 'text',
    sealed_by: 'text',
    field_stamps: 'text',
    erased_at: 'text',
    key: 'text',
  } satisfies Record<keyof ServerMemberTable, string>,
};

type BulkTable = keyof typeof POSTGRES_COLUMN_TYPES;
/** What an insert does when a row meets one already there (kysely's `onConflict`), the same on both engines. */
type OnConflict<T extends BulkTable> = Parameters<InsertQueryBuilder<ServerDatabase, T, InsertResult>['onConflict']>[0];

/** SQLite's bound parameters per statement stay under its limit (32,766) with 500 rows of these tables. */
const SQLITE_ROWS_PER_STATEMENT = 500;

/**
 * Writes `rows` (every column given) into `table`: on PostgreSQL in one statement, the values as
 * one array per column (`INSERT … SELECT * FROM unnest(…)`), so a push's thousands of rows reach
 * the database in one round trip, sent as soon as the thread is free; on SQLite 500 rows a statement.
 * A constraint refused rejects the promise (SQLSTATE class 23, SQLITE_CONSTRAINT_*).
 */
export async function insertRows<T extends BulkTable>(trx: Transaction<ServerDatabase>, table: T, rows: ServerDatabase[T][], onConflict?: OnConflict<T>): Promise<void> {
  if (rows.length === 0) return;
  const into = () => trx.insertInto(table) as unknown as InsertQueryBuilder<ServerDatabase, T, InsertResult>;
  const finish = (insert: InsertQueryBuilder<ServerDatabase, T, InsertResult>) => (onConflict ? insert.onConflict(onConflict) : insert).execute();
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    const types: Record<string, string> = POSTGRES_COLUMN_TYPES[table];
    const columns = Object.keys(types);
    const arrays = columns.map((column) => sql`${rows.map((row) => (row as unknown as Record<string, unknown>)[column] ?? null)}::${sql.raw(types[column]!)}[]`);
    await finish(into().columns(columns as never).expression(sql`SELECT * FROM unnest(${sql.join(arrays)})` as never));
    return;
  }
  for (let i = 0; i < rows.length; i += SQLITE_ROWS_PER_STATEMENT) await finish(into().values(rows.slice(i, i + SQLITE_ROWS_PER_STATEMENT) as never));
}

/**
 * Runs `work` on this thread while the database carries out `writing` (a statement just sent):
 * on PostgreSQL, in another process, both at once. The statement's refusal, if any, is the error
 * thrown, before the work's own: it is awaited before any other statement is sent, which would
 * fail in an aborted transaction and hide it.
 */
export async function whileWriting<T>(writing: Promise<unknown>, work: () => T): Promise<T> {
  const written = writing.then(
    () => ({ failed: false as const }),
    (error: unknown) => ({ failed: true as const, error }),
  );
  // A turn of the event loop, for the statement to leave before the work holds the thread.
  await new Promise((resolve) => setImmediate(resolve));
  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: work() };
  } catch (error) {
    outcome = { error };
  }
  const write = await written;
  if (write.failed) throw write.error;
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}
