import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type CompiledQuery,
  type Insertable,
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

/**
 * A handle that can only read: every write path asks for a {@link Writer}, and only the ledger
 * hands one out. A statement that would write (an UPDATE … RETURNING through `rawGet`, say) is
 * refused before it runs.
 */
export class Reader {
  readonly qb: QueryBuilder = queryBuilder;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(protected readonly sqlite: BetterSqlite3.Database) {}

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

  /** Rows one at a time, for what is too big to hold at once (the whole log). */
  iterate<O>(sql: string, ...parameters: Parameter[]): IterableIterator<O> {
    return this.statement(sql).iterate(...parameters) as IterableIterator<O>;
  }

  /** This same connection, seen through a handle that can only read. */
  readOnly(): Reader {
    return this.reading ??= new Reader(this.sqlite);
  }

  private reading: Reader | undefined;

  protected statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      if (!statement.readonly && !(this instanceof Writer)) throw new Error(`a read handle was given a statement that writes: ${sql}`);
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

  /**
   * A typed one-row insert without building a query each time: the hot path of a sale inserts a
   * dozen rows, and the statement for a given table and set of columns is prepared once.
   */
  insert<T extends keyof Database & string>(table: T, row: Insertable<Database[T]>): BetterSqlite3.RunResult {
    const columns = Object.keys(row).filter((column) => (row as Record<string, unknown>)[column] !== undefined);
    const key = `${table}(${columns.join(',')})`;
    let sql = this.insertSql.get(key);
    if (!sql) {
      sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      this.insertSql.set(key, sql);
    }
    const values = columns.map((column) => toParameter((row as Record<string, unknown>)[column]));
    return this.statement(sql).run(...values);
  }

  private readonly insertSql = new Map<string, string>();
}

const SENTINEL = '\u0000param:';

/**
 * A typed query built and compiled once, then run with new parameters: for the few queries on the
 * hot path of a sale, where building and compiling with Kysely each time would cost more than
 * running them. `build` receives stand-ins for the parameters and must use each only as a value.
 */
export function prepared<P extends Record<string, Parameter>, O>(
  build: (qb: QueryBuilder, params: P) => Compilable<O>,
): {
  get(r: Reader, params: P): O | undefined;
  all(r: Reader, params: P): O[];
  run(w: Writer, params: P): BetterSqlite3.RunResult;
} {
  let compiled: { sql: string; slots: ({ name: string } | { value: Parameter })[] } | undefined;
  const compile = () => {
    if (compiled) return compiled;
    const standIns = new Proxy({}, { get: (_target, name) => `${SENTINEL}${String(name)}` }) as P;
    const query = build(queryBuilder, standIns).compile();
    compiled = {
      sql: query.sql,
      slots: query.parameters.map((value) =>
        typeof value === 'string' && value.startsWith(SENTINEL) ? { name: value.slice(SENTINEL.length) } : { value: toParameter(value) },
      ),
    };
    return compiled;
  };
  const values = (params: P) => compile().slots.map((slot) => ('name' in slot ? (params[slot.name] ?? null) : slot.value));
  return {
    get: (r, params) => r.rawGet<O>(compile().sql, ...values(params)),
    all: (r, params) => r.rawAll<O>(compile().sql, ...values(params)),
    run: (w, params) => w.rawRun(compile().sql, ...values(params)),
  };
}

function toParameter(value: unknown): Parameter {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) return null;
  return value as Parameter;
}

function params(compiled: CompiledQuery<unknown>): Parameter[] {
  return compiled.parameters.map(toParameter);
}
