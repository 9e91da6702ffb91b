import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConnection } from '../../src-main/db/connection.js';
import { TABLES, VIEWS } from '../../src-main/db/schema.js';
import { tempFolder } from '../helpers.js';

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

/** What schema.ts says the database is, against what the migrations make of a new file. */
describe('schema.ts', () => {
  const connection = openConnection(join(tempFolder(), 'schema.sqlite'), { create: true });
  const r = connection.reader;
  const columnsOf = (name: string) => r.rawAll<ColumnInfo>(`SELECT name, type, "notnull", pk FROM pragma_table_info('${name}')`);

  it('names every table and view the migrations create, and no other', () => {
    const objects = r.rawAll<{ type: string; name: string }>(
      "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    expect(objects.filter((o) => o.type === 'table').map((o) => o.name)).toEqual(Object.keys(TABLES).sort());
    expect(objects.filter((o) => o.type === 'view').map((o) => o.name)).toEqual(Object.keys(VIEWS).sort());
  });

  it.each(Object.entries(TABLES))('describes %s column by column: name, type and NULL or not', (table, columns) => {
    const described = Object.entries(columns).map(([name, column]) => ({ name, type: column.type, nullable: column.nullable }));
    // A primary-key INTEGER column is the rowid: NOT NULL even when not declared so.
    const actual = columnsOf(table).map((c) => ({ name: c.name, type: c.type, nullable: c.notnull === 0 && !(c.pk && c.type === 'INTEGER') }));
    expect(described.sort((a, b) => a.name.localeCompare(b.name))).toEqual(actual.sort((a, b) => a.name.localeCompare(b.name)));
  });

  it.each(Object.entries(VIEWS))('names the columns of the %s view', (view, columns) => {
    expect(Object.keys(columns).sort()).toEqual(columnsOf(view).map((c) => c.name).sort());
  });
});
