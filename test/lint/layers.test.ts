import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The rules that keep the layers apart, tried on code that breaks them (docs/ARCHITECTURE.md). */
const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('the layer rules', () => {
  it('keep shared code free of Node, the DOM, SQL, Electron and the desk', async () => {
    for (const line of [
      "import { readFileSync } from 'node:fs';",
      "import BetterSqlite3 from 'better-sqlite3';",
      "import { Kysely } from 'kysely';",
      "import { app } from 'electron';",
      "import { useState } from 'react';",
      "import { openDesk } from '../src-main/core/desk/desk.js';",
    ]) {
      expect(await problems('src-shared/example.ts', `${line}\nexport const x = 1;\n`), line).toContain('no-restricted-imports');
    }
    expect(await problems('src-shared/example.ts', 'export const home = process.env.HOME;\n')).toContain('no-restricted-globals');
    expect(await problems('src-shared/example.ts', "import { z } from 'zod';\nimport { fold } from './text.js';\nexport const s = z.string().transform(fold);\n")).toEqual([]);
  });

  it('let only the ledger open a write transaction', async () => {
    const code = "import type { Desk } from '../desk/desk.js';\nexport function sneak(desk: Desk): void {\n  desk.connection.transaction(() => undefined);\n}\n";
    expect(await problems('src-main/core/members/sneak.ts', code)).toContain('no-restricted-syntax');
    expect(await problems('src-main/cli/sneak.ts', code)).toContain('no-restricted-syntax');
    expect(await problems('src-main/core/ledger/sneak.ts', code)).toEqual([]);
    const destructured = "import type { Desk } from '../desk/desk.js';\nexport function sneak(desk: Desk): void {\n  const { transaction } = desk.connection;\n  transaction(() => undefined);\n}\n";
    expect(await problems('src-main/core/members/sneak.ts', destructured)).toContain('no-restricted-syntax');
    const raw = "import type { Desk } from '../desk/desk.js';\nexport function sneak(desk: Desk): void {\n  desk.connection.rawDatabase.exec('DELETE FROM member');\n}\n";
    expect(await problems('src-main/core/members/sneak.ts', raw)).toContain('no-restricted-syntax');
  });

  it('refuse a UTC instant cut to a date, which is tomorrow every evening in the club', async () => {
    for (const code of [
      'export const today = new Date().toISOString().slice(0, 10);\n',
      "export const today = new Date().toISOString().split('T')[0];\n",
      'export const today = new Date(Date.now() - 86_400_000).toISOString().substring(0, 10);\n',
    ]) {
      for (const file of ['src-main/electron/x.ts', 'src-main/core/members/x.ts', 'src-server/x.ts', 'src-renderer/x.tsx', 'test/e2e/x.test.ts']) {
        expect(await problems(file, code), `${file}: ${code}`).toContain('no-restricted-syntax');
      }
    }
    expect(await problems('src-main/core/members/x.ts', "import { businessDate } from '../../../src-shared/dates.js';\nexport const today = businessDate(new Date());\n")).toEqual([]);
  });

  it('keep Electron and HTTP out of the core', async () => {
    expect(await problems('src-main/core/members/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await problems('src-main/core/members/x.ts', "import Fastify from 'fastify';\nexport const f = Fastify;\n")).toContain('no-restricted-imports');
  });

  it('let the renderer import the contract’s types and shared code, never main-process code', async () => {
    expect(await problems('src-renderer/x.ts', "import { openDesk } from '../src-main/core/desk/desk';\nexport const o = openDesk;\n")).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(await problems('src-renderer/x.ts', "import type { Method } from '../src-main/api/contract';\nimport { formatMoney } from '../src-shared/money';\nexport type M = Method;\nexport const f = formatMoney;\n")).toEqual([]);
  });
});
