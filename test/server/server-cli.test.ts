import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runServerCli } from '../../src-server/cli.js';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { openServerDb } from '../../src-server/db/open.js';
import { enrollDesk } from '../../src-server/desks.js';
import { clubBySlug } from '../../src-server/clubs.js';
import { newDesk, tempFolder } from '../helpers.js';
import { POSTGRES_URL, testSchemaName } from './harness.js';

const SERVER_MAIN = resolve(import.meta.dirname, '../../src-server/main.ts');

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

  it('makes no database for a club it refuses', async () => {
    const db = join(tempFolder(), 'nouveau', 'serveur.sqlite');
    for (const name of ['', 'Club des aînés ★ Saint-Roch']) {
      expect((await run(db, 'create-club', '--slug', 'roch', '--name', name)).code).toBe(2);
      expect(existsSync(db)).toBe(false);
    }
  });

  it('lists the club’s desks, says in French what each refused log means, and when a code runs out', async () => {
    const db = join(tempFolder(), 'server.sqlite');
    await run(db, 'create-club', '--slug', 'demo', '--name', 'Club');
    expect((await run(db, 'desks', '--club', 'demo')).out).toBe('Aucun poste dans Club : donnez-en un avec enroll-desk.\n');
    const enrolled = await run(db, 'enroll-desk', '--club', 'demo', '--name', 'Poste 2');
    expect(enrolled.out).toMatch(/avant le \d{1,2}(er)? [a-zéû]+ \d{4} à \d{1,2}\sh\s\d\d\.\n$/u);
    const sdb = await openServerDb(db);
    try {
      const { desk } = await enrollDesk(sdb, { code: /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/.exec(enrolled.out)![0] });
      await sdb.db.insertInto('chain_problem').values({ club_id: (await clubBySlug(sdb, 'demo')).id, desk_id: desk.id, seq: 7, problem: 'fork', detail: 'entry 7 does not follow entry 6', at: '2026-11-30T15:00:00.000Z' }).execute();
    } finally {
      await sdb.close();
    }
    expect((await run(db, 'desks', '--club', 'demo')).out).toMatch(/^A {3}Poste 2 — inscrit le \d.* ; rien reçu encore\n$/);
    expect((await run(db, 'problems', '--club', 'demo')).out).toMatch(/^le 30 novembre 2026 à 10\sh\s00 {2}Poste 2 {2}opération 7 : elle ne suit pas la précédente \(le journal a été modifié sur le poste\)\n$/u);
    await run(db, 'revoke-desk', '--club', 'demo', '--desk', 'A');
    expect((await run(db, 'desks', '--club', 'demo')).out).toMatch(/^A {3}Poste 2 — retiré le \d/);
  });

  it('says in French that its port is taken, and leaves nothing running', async () => {
    const db = join(tempFolder(), 'server.sqlite');
    await run(db, 'create-club', '--slug', 'demo', '--name', 'Club');
    const first = await runServerCli(['serve', '--port', '0', '--snapshot-every', '0', '--database', db], { stdout: () => {}, stderr: () => {} }, {});
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((blocker.address() as AddressInfo).port);
      for (const wrong of ['99999', 'abc', '80.5']) {
        const refused = await run(db, 'serve', '--port', wrong, '--snapshot-every', '0');
        expect([refused.code, refused.err], wrong).toEqual([2, `Données invalides : le port « ${wrong} » n'en est pas un (un nombre de 0 à 65535, 8787 par défaut)\n`]);
      }
      const taken = await run(db, 'serve', '--port', port, '--snapshot-every', '0');
      expect([taken.code, taken.err]).toEqual([2, `Le port ${port} est déjà pris sur 127.0.0.1 : le serveur du club y tourne peut-être déjà (npm start le démarre avec le premier poste). Arrêtez-le, ou choisissez un autre port avec --port.\n`]);
    } finally {
      blocker.close();
      await first.stop?.();
    }
  });

  it('refuses bad input in French and changes nothing', async () => {
    const db = join(tempFolder(), 'server.sqlite');
    await run(db, 'create-club', '--slug', 'demo', '--name', 'Club');
    const cases: [string[], RegExp][] = [
      [['create-club', '--slug', 'demo', '--name', 'Encore'], /^Un club « demo » existe déjà sur ce serveur\./],
      [['create-club', '--slug', 'a b', '--name', ''], /^Données invalides/],
      // What every desk prints: refused before any desk spends a code on it.
      [['create-club', '--slug', 'roch', '--name', 'Club des aînés ★ Saint-Roch'], /^Données invalides : « Nom du club » contient « ★ », un caractère qui ne peut pas être imprimé/],
      [['create-admin', '--club', 'demo', '--name', 'Louise', '--pin', '12'], /^Données invalides/],
      // A desk named with nothing a desk could show (a zero-width space).
      [['enroll-desk', '--club', 'demo', '--name', '\u200b'], /^Données invalides/],
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

  it('refuses to read a database that is not there, in French, and creates none', async () => {
    const missing = join(tempFolder(), 'serveur-mal-tape.sqlite');
    for (const argv of [['emails', '--club', 'demo'], ['problems', '--club', 'demo'], ['enroll-desk', '--club', 'demo', '--name', 'Poste'], ['create-admin', '--club', 'demo', '--name', 'Louise', '--pin', '4821'], ['snapshot', '--club', 'demo']]) {
      const result = await run(missing, ...argv);
      expect(result.code, argv[0]).toBe(2);
      expect(result.err, argv[0]).toMatch(/^Aucune base du serveur à cet endroit : .*serveur-mal-tape\.sqlite\. Rien n'a été créé\./);
      expect(existsSync(missing), argv[0]).toBe(false);
    }
    expect(await run(missing, 'frobnicate')).toMatchObject({ code: 2, err: expect.stringMatching(/^Commande inconnue : frobnicate/) });
    expect(existsSync(missing)).toBe(false);
  });

  it('keeps its SQLite file, which holds members’ keys, to its own account', async () => {
    const db = join(tempFolder(), 'serveur.sqlite');
    await run(db, 'create-club', '--slug', 'demo', '--name', 'Club');
    expect(statSync(db).mode & 0o777).toBe(0o600);
  });

  it('opens, without --database, the demo server’s file that npm start made, or the one earlier versions made', async () => {
    const server = (cwd: string) => execFileSync(process.execPath, ['--import', import.meta.resolve('tsx'), SERVER_MAIN, 'problems', '--club', 'demo'], { cwd, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    for (const file of ['serveur.sqlite', 'server.sqlite']) {
      const cwd = tempFolder();
      mkdirSync(join(cwd, 'data'));
      await run(join(cwd, 'data', file), 'create-club', '--slug', 'demo', '--name', 'Club');
      expect(server(cwd), file).toBe('Aucun journal refusé.\n');
    }
  });

  it('leaves alone what is not a server’s database, and says so in French: a desk’s file, a folder, a mistyped PostgreSQL schema', async () => {
    const { desk, file } = newDesk();
    desk.close();
    const before = readFileSync(file);
    const onDesk = await run(file, 'problems', '--club', 'demo');
    expect(onDesk).toMatchObject({ code: 2, err: expect.stringMatching(/^Ce fichier n'est pas la base d'un serveur de Comptoir/) });
    expect(readFileSync(file).equals(before)).toBe(true);
    const folder = tempFolder();
    expect(await run(folder, 'create-club', '--slug', 'demo', '--name', 'Club')).toMatchObject({ code: 2, err: expect.stringMatching(/^La base du serveur ne peut pas être ouverte/) });
    const schema = `jamais_${Date.now()}`;
    let err = '';
    const onPostgres = await runServerCli(['problems', '--club', 'demo', '--database', POSTGRES_URL, '--schema', schema], { stdout: () => {}, stderr: (t) => (err += t) }, {});
    expect([onPostgres.code, err]).toEqual([2, expect.stringMatching(/^Aucune base du serveur à cet endroit : .*schéma jamais_/)]);
    // A name PostgreSQL would fold or could not take is refused before anything is made, whatever the command.
    const odd = [`Club_${Date.now()}`, `été_${Date.now()}`, `1club`, `a-b`, 'x'.repeat(64)];
    for (const name of odd) {
      for (const command of [['create-club', '--slug', 'demo', '--name', 'Club'], ['problems', '--club', 'demo']]) {
        err = '';
        const refused = await runServerCli([...command, '--database', POSTGRES_URL, '--schema', name], { stdout: () => {}, stderr: (t) => (err += t) }, {});
        expect([refused.code, err], name).toEqual([2, `Données invalides : le schéma PostgreSQL « ${name} » n'est pas un nom permis (lettres minuscules sans accents, chiffres et _, au plus 63, sans chiffre au début). Rien n'a été ouvert.\n`]);
      }
    }
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      for (const name of [schema, ...odd]) expect((await client.query('SELECT 1 FROM information_schema.schemata WHERE lower(schema_name) = lower($1)', [name])).rowCount, name).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('takes a schema named like a PostgreSQL keyword, and refuses PostgreSQL’s own schemas and a schema with an SQLite file', async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    const keywords = ['select', 'user', 'order', 'all'];
    // Never dropped here: a schema dropped while another test file's migrator lists PostgreSQL's
    // tables makes that listing fail (test/global-setup.ts). A new club each run instead.
    const slug = `club${Date.now().toString(36)}`;
    try {
      for (const name of keywords) {
        // With spaces around, as pasted: they are not part of the address or the name.
        const made = await run(` ${POSTGRES_URL} `, 'create-club', '--slug', slug, '--name', 'Club', '--schema', `${name} `);
        expect([made.code, made.err], name).toEqual([0, '']);
        expect((await run(POSTGRES_URL, 'problems', '--club', slug, '--schema', name)).out, name).toBe('Aucun journal refusé.\n');
        const tables = await client.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [name]);
        expect(tables.rows.map((row: { table_name: string }) => row.table_name), name).toContain('club');
      }
      const publicTables = async () => (await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema IN ('public', 'information_schema', 'pg_catalog') AND table_name = 'club'")).rows[0].n as number;
      const before = await publicTables();
      for (const name of ['pg_catalog', 'pg_temp', 'pg_comptoir', 'information_schema']) {
        const refused = await run(POSTGRES_URL, 'create-club', '--slug', 'demo', '--name', 'Club', '--schema', name);
        expect([refused.code, refused.err], name).toEqual([2, `Données invalides : le schéma « ${name} » est réservé à PostgreSQL (pg_…, information_schema) : choisissez un autre nom. Rien n'a été ouvert.\n`]);
      }
      expect(await publicTables()).toBe(before);
    } finally {
      await client.end();
    }
    const file = join(tempFolder(), 'serveur.sqlite');
    const onSqlite = await run(file, 'create-club', '--slug', 'demo', '--name', 'Club', '--schema', 'club_a');
    expect([onSqlite.code, onSqlite.err]).toEqual([2, `Données invalides : un schéma (« club_a ») ne vaut que pour une base PostgreSQL, et ${file} est un fichier SQLite. Rien n'a été ouvert.\n`]);
    expect(existsSync(file)).toBe(false);
  });

  it('says in French why a database cannot be opened, never showing its password, and never hangs on a path it cannot make', async () => {
    const base = POSTGRES_URL.replace(/\/[^/]*$/, '');
    const aFile = join(tempFolder(), 'un-fichier');
    writeFileSync(aFile, 'pas un dossier');
    const longFrom = tempFolder();
    const dangling = join(tempFolder(), 'lien.sqlite');
    symlinkSync(join(tempFolder(), 'nulle-part', 'rien.sqlite'), dangling);
    const cases: [string, RegExp][] = [
      ['postgres://postgres:s3cret@127.0.0.1:1/test', /PostgreSQL ne répond pas à cette adresse : est-il démarré, sur ce port \?/],
      [`${base}/comptoir_nulle_part`, /cette base PostgreSQL n’existe pas : créez-la d’abord \(createdb\)/],
      ['postgres://postgres@hote-inconnu.invalid:5432/test', /ce nom d’hôte est inconnu/],
      ['postgres://postgres@127.0.0.1:notaport/test', /cette adresse postgres:\/\/ est mal formée|le système répond/],
      ['/proc/comptoir/serveur.sqlite', /un dossier du chemin n’existe pas et ne peut pas être créé|accès refusé/],
      [join(aFile, 'serveur.sqlite'), /une partie du chemin est un fichier, pas un dossier/],
      [`${base}/comptoir_nulle_part?password=s3cret`, /cette base PostgreSQL n’existe pas/],
      ['postgres://postgres:p@s3cret@127.0.0.1:1/test', /PostgreSQL ne répond pas|mal formée/],
      ['postgres://postgres:pa/s3cret@127.0.0.1:1/test', /PostgreSQL ne répond pas|mal formée|nom d’hôte/],
      [dangling, /quelque chose occupe déjà cet endroit/],
      [join(longFrom, ...Array.from({ length: 500 }, () => 'dossier'), 'serveur.sqlite'), /le chemin est trop long/],
    ];
    for (const [database, reason] of cases) {
      const result = await run(database, 'create-club', '--slug', 'demo', '--name', 'Club');
      expect(result.code, database).toBe(2);
      expect(result.err, database).toMatch(/^La base du serveur ne peut pas être ouverte : .* Rien n'a été modifié\.\n$/);
      expect(result.err, database).toMatch(reason);
      expect(result.err, database).not.toContain('s3cret');
    }
    // Nothing made on the way: the 500 folders of the path too long are gone again.
    expect(readdirSync(longFrom)).toEqual([]);
  });

  it('refuses an address that is not PostgreSQL’s rather than make an SQLite file named after it, and --schema beside options of its own', async () => {
    const mistyped = ['postgress://postgres:s3cret@127.0.0.1:5432/test', 'postgres:/127.0.0.1/test', 'mysql://root:s3cret@127.0.0.1/club', 'postgres//comptoir:s3cret@db/c', 'postgres:comptoir:s3cret@db/c', 'postgres ://comptoir:s3cret@db/c'];
    for (const database of mistyped) {
      const result = await run(database, 'create-club', '--slug', 'demo', '--name', 'Club');
      expect([result.code, result.err], database).toEqual([2, expect.stringMatching(/^Données invalides : l'adresse de la base commence par « [a-z]+: », que Comptoir ne connaît pas/)]);
      expect(result.err, database).not.toContain('s3cret');
      expect(existsSync(database.split(/[:/ ]/)[0]!), database).toBe(false);
    }
    // libpq's options, however the address spells the parameter's name.
    for (const options of ['options', '%6Fptions', 'OPTIONS']) {
      const withOptions = await run(`${POSTGRES_URL}?${options}=-c%20search_path%3Dailleurs`, 'create-club', '--slug', 'demo', '--name', 'Club', '--schema', 'club_a');
      expect([withOptions.code, withOptions.err], options).toEqual([2, expect.stringMatching(/^Données invalides : l'adresse de la base a ses propres options/)]);
    }
    // The scheme in capitals is PostgreSQL's all the same.
    const schema = testSchemaName();
    const upper = await run(POSTGRES_URL.replace(/^postgres/, 'POSTGRES'), 'create-club', '--slug', 'demo', '--name', 'Club', '--schema', schema);
    expect([upper.code, upper.err]).toEqual([0, '']);
  });

  it('refuses an empty --database or --schema rather than open the default', async () => {
    // The default file (data/serveur.sqlite, from where the command runs) is neither made nor touched.
    const defaultFile = () => (existsSync('data/serveur.sqlite') ? statSync('data/serveur.sqlite').mtimeMs : null);
    const before = defaultFile();
    for (const argv of [['create-club', '--slug', 'demo', '--name', 'Club', '--database', ''], ['create-club', '--slug', 'demo', '--name', 'Club', '--database', ' '], ['problems', '--club', 'demo', '--schema', '', '--database', POSTGRES_URL]]) {
      let err = '';
      const result = await runServerCli(argv, { stdout: () => {}, stderr: (t) => (err += t) }, {});
      expect([result.code, err], argv.join(' ')).toEqual([2, expect.stringMatching(/^L'option --(database|schema) est vide : .* Rien n'a été ouvert\.\n$/)]);
    }
    expect(defaultFile()).toBe(before);
  });

  it('makes the folder of a new database', async () => {
    const db = join(tempFolder(), 'data', 'serveur.sqlite');
    expect((await run(db, 'create-club', '--slug', 'demo', '--name', 'Club')).code).toBe(0);
    expect(existsSync(db)).toBe(true);
  });
});
