import type BetterSqlite3 from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type CompiledQuery,
} from 'kysely';
import type { Database } from './schema.js';

/**
 * Kysely builds and types our SQL; better-sqlite3 runs it synchronously. Kysely's own SQLite
 * driver is asynchronous, and an await inside a better-sqlite3 transaction would let another
 * call interleave with it: here a transaction is one synchronous function, start to commit.
 */
export const queryBuilder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

export type QueryBuilder = typeof queryBuilder;
type Parameter = string | number | bigint | Buffer | null;

/** A handle that can only read: every write path asks for a {@link Writer}. */
export class Reader {
  readonly qb: QueryBuilder = queryBuilder;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly sqlite: BetterSqlite3.Database) {}

  all<O>(query: Compilable<O>): O[] {
    const compiled = this.compileRead(query);
    return this.statement(compiled.sql).all(...params(compiled)) as O[];
  }

  get<O>(query: Compilable<O>): O | undefined {
    const compiled = this.compileRead(query);
    return this.statement(compiled.sql).get(...params(compiled)) as O | undefined;
  }

  /** Raw SQL for what the builder cannot say well (aggregates over several tables, pragmas). */
  rawAll<O>(sql: string, ...parameters: Parameter[]): O[] {
    return this.statement(sql).all(...parameters) as O[];
  }

  rawGet<O>(sql: string, ...parameters: Parameter[]): O | undefined {
    return this.statement(sql).get(...parameters) as O | undefined;
  }

  protected statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private compileRead<O>(query: Compilable<O>): CompiledQuery<O> {
    const compiled = query.compile();
    if (compiled.query.kind !== 'SelectQueryNode' && !(this instanceof Writer)) {
      throw new Error(`a read handle was given a ${compiled.query.kind}`);
    }
    return compiled;
  }
}

/** A handle that may write. Only {@link runWriteTransaction} hands one out. */
export class Writer extends Reader {
  run(query: Compilable<unknown>): BetterSqlite3.RunResult {
    const compiled = query.compile();
    return this.statement(compiled.sql).run(...params(compiled));
  }

  rawRun(sql: string, ...parameters: Parameter[]): BetterSqlite3.RunResult {
    return this.statement(sql).run(...parameters);
  }
}

function params(compiled: CompiledQuery<unknown>): Parameter[] {
  return compiled.parameters.map((value) => {
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (value === undefined) return null;
    return value as Parameter;
  });
}
