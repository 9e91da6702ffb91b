#!/usr/bin/env node
// `npm start`: a demo desk on an embedded SQLite file, ready to use.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.env.COMPTOIR_DB ?? join(root, 'data', 'demo.sqlite');
const { runCli } = await import('../src-main/cli/main.ts');

if (!existsSync(file)) {
  mkdirSync(dirname(file), { recursive: true });
  console.log(`Création du club de démonstration dans ${file}…`);
  const code = await runCli(['--db', file, 'demo', '--members', process.env.COMPTOIR_DEMO_MEMBERS ?? '3000']);
  if (code !== 0) process.exit(code);
}

console.log(`
Comptoir est prêt : base ${file}
Essayez :
  npx comptoir --db ${file} search tremblay
  npx comptoir --db ${file} member show 100001
  npx comptoir --db ${file} renew 100002 --cash 3000
  npx comptoir --db ${file} report day $(date +%F)
  npx comptoir --db ${file} verify
`);
