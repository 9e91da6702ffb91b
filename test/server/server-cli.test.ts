import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runServerCli } from '../../src-server/cli.js';
import { tempFolder } from '../helpers.js';

/** Runs the server's command line on a database, with what it printed. */
async function run(database: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const { code } = await runServerCli([...argv, '--database', database], { stdout: (t) => (out += t), stderr: (t) => (err += t) }, {});
  return { code, out, err };
}

describe('the server’s command line', () => {
  it('creates a club, its first administrator, a one-time desk code, revokes a desk and lists refused logs', async () => {
    const db = join(tempFolder(), 'server.sqlite');
    expect(await run(db, 'create-club', '--slug', 'demo', '--name', 'Club de l’Âge d’or')).toMatchObject({ code: 0, out: 'Club « Club de l’Âge d’or » créé (demo).\n' });
    expect((await run(db, 'create-admin', '--club', 'demo', '--name', 'Louise Tremblay', '--pin', '4821')).out).toMatch(/^Administrateur « Louise Tremblay » créé/);
    const enrolled = await run(db, 'enroll-desk', '--club', 'demo', '--name', 'Poste 2');
    expect(enrolled.out).toMatch(/^Code d'inscription pour « Poste 2 » : [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\n/);
    expect((await run(db, 'problems', '--club', 'demo')).out).toBe('Aucun journal refusé.\n');
  });

  it('refuses bad input in French and changes nothing', async () => {
    const db = join(tempFolder(), 'server.sqlite');
    await run(db, 'create-club', '--slug', 'demo', '--name', 'Club');
    const cases: [string[], RegExp][] = [
      [['create-club', '--slug', 'demo', '--name', 'Encore'], /^Un club « demo » existe déjà sur ce serveur\./],
      [['create-club', '--slug', 'a b', '--name', ''], /^Données invalides/],
      [['create-admin', '--club', 'demo', '--name', 'Louise', '--pin', '12'], /^Données invalides/],
      [['enroll-desk', '--club', 'autre', '--name', 'Poste'], /^Aucun club « autre » sur ce serveur\./],
      [['revoke-desk', '--club', 'demo', '--desk', 'Z'], /^Aucun poste « Z » dans ce club\./],
      [['frobnicate'], /^Commande inconnue : frobnicate/],
      [['serve', '--bogus'], /^Option inconnue ou incomplète : --bogus\n/],
      [['enroll-desk', '--club'], /^Option inconnue ou incomplète : --club/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(db, ...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
    }
    expect((await run(db, 'problems', '--club', 'demo')).out).toBe('Aucun journal refusé.\n');
  });
});
