import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { newId } from '../src-main/core/ids.js';
import { hashPin } from '../src-main/core/users/users.js';
import { ComptoirError, isComptoirError } from '../src-shared/errors.js';
import { parseInput, pin, text } from '../src-shared/validation.js';
import { buildServer } from './app.js';
import { clubBySlug, createClub, readNewClub } from './clubs.js';
import { openServerDb, type ServerDb } from './db/open.js';
import { createEnrollmentCode, revokeDesk } from './desks.js';
import { recordServerOperations, SERVER_AUTHOR_PREFIX } from './server-author.js';
import { businessDateOf, formatClockTime, formatLongDate } from '../src-shared/dates.js';
import { startMailer } from './mail/mailer.js';
import { directorySender, smtpSender, type MailSender } from './mail/senders.js';
import { buildClubSnapshot, startSnapshotSchedule } from './snapshots.js';

/** The server's SQLite file when none is named: the one `npm start`'s demo server uses. */
export const DEFAULT_SERVER_DATABASE = 'data/serveur.sqlite';
/** Where earlier versions put it: still opened when it is the only one there. */
const EARLIER_DEFAULT_SERVER_DATABASE = 'data/server.sqlite';
/** The commands that only read or change an existing database (`serve` and `create-club` may start one). */
const EXISTING_DATABASE_COMMANDS = new Set(['create-admin', 'enroll-desk', 'desks', 'revoke-desk', 'problems', 'emails', 'snapshot']);
export const DEFAULT_PORT = 8787;
/** A club gets a new snapshot for new desks once its log grew by this many entries (docs/SYNC.md, Bootstrap). */
export const DEFAULT_SNAPSHOT_EVERY = 5000;

/** An instant as the administrator reads it: « le 2 décembre 2026 à 10 h 48 » (America/Toronto). */
function whenSaid(isoInstant: string): string {
  return `le ${formatLongDate(businessDateOf(isoInstant), 'fr')} à ${formatClockTime(isoInstant, 'fr')}`;
}

/** What each refusal of a desk's log means (push.ts). */
const CHAIN_PROBLEM_WORDS: Record<string, string> = {
  gap: 'il en manquait avant elle (un trou dans le journal du poste)',
  fork: 'elle ne suit pas la précédente (le journal a été modifié sur le poste)',
  rewritten: 'elle diffère de celle reçue avant (le journal a été réécrit après son envoi)',
  reused_id: 'son identifiant est déjà dans le journal du club',
};

const HELP = `Comptoir — le serveur central du club.

Usage : npm run server -- [commande] [options] [--database URL|FICHIER]

La base : --database, sinon DATABASE_URL, sinon ${DEFAULT_SERVER_DATABASE} (SQLite).
PostgreSQL : postgres://utilisateur@hôte:5432/base [--schema NOM] (par défaut, public).

Commandes :
  serve [--port ${DEFAULT_PORT}] [--host 127.0.0.1] [--snapshot-every ${DEFAULT_SNAPSHOT_EVERY}]
                                   Démarre le serveur (commande par défaut) ; il refait l'instantané
                                   d'un club pour les nouveaux postes toutes les N opérations (0 : jamais).
        [--smtp smtp://utilisateur:motdepasse@hôte:587 | --mail-dir DOSSIER] [--mail-from courriel@club.ca]
                                   Envoie les courriels des postes (reçus, confirmations d'adhésion)
                                   par SMTP, ou les écrit en fichiers .eml dans DOSSIER ; sans l'un ni
                                   l'autre, ils attendent. Aussi COMPTOIR_SMTP_URL, COMPTOIR_MAIL_DIR,
                                   COMPTOIR_MAIL_FROM.
  create-club --slug demo --name "Club de l'Âge d'or"   Crée un club.
  create-admin --club demo --name "Louise Tremblay" --pin 4821
                                   Crée le premier administrateur du club ; les postes le reçoivent.
  enroll-desk --club demo --name "Poste 2" [--hours 24]
                                   Donne un code d'inscription à usage unique pour un poste.
  desks --club demo                Les postes du club : lettre, nom, inscrit ou retiré, dernier envoi.
  revoke-desk --club demo --desk B Retire un poste (par sa lettre, son nom ou son id).
  problems --club demo             Journaux de postes refusés (trous, fourches, réécritures).
  emails --club demo               Courriels en attente ou en échec, et pourquoi.
  snapshot --club demo [--full]    Fait maintenant l'instantané du club que reçoivent les nouveaux postes.
`;

/**
 * Where `serve` sends the desks' emails, from its options or the environment; null when neither
 * says (the emails wait). @throws MAIL_SETTINGS_INVALID
 */
export function mailSettingsOf(values: { smtp?: string | undefined; 'mail-dir'?: string | undefined; 'mail-from'?: string | undefined }, env: NodeJS.ProcessEnv): { sender: MailSender; fromAddress: string; describe: string } | null {
  const smtp = values.smtp ?? env.COMPTOIR_SMTP_URL;
  const directory = values['mail-dir'] ?? env.COMPTOIR_MAIL_DIR;
  const fromAddress = values['mail-from'] ?? env.COMPTOIR_MAIL_FROM;
  if (!smtp && !directory) return null;
  if (smtp && directory) throw new ComptoirError('MAIL_SETTINGS_INVALID', { problem: 'choisissez --smtp ou --mail-dir, pas les deux' });
  if (!fromAddress || !z.email().safeParse(fromAddress).success) throw new ComptoirError('MAIL_SETTINGS_INVALID', { problem: `l'adresse d'envoi (--mail-from) manque ou n'est pas une adresse courriel` });
  if (smtp) {
    if (!/^smtps?:\/\/[^\s/]+/.test(smtp)) throw new ComptoirError('MAIL_SETTINGS_INVALID', { problem: `--smtp doit commencer par smtp:// ou smtps://` });
    // Said without the password: the address goes to the screen.
    return { sender: smtpSender(smtp), fromAddress, describe: `SMTP ${smtp.replace(/\/\/[^@/]*@/, '//')}` };
  }
  return { sender: directorySender(directory!), fromAddress, describe: `fichiers .eml dans ${directory}` };
}

export interface ServerIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: ServerIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

const adminSchema = z.object({ club: z.string().min(1), name: text(80), pin }).strict();

/**
 * Runs one command of the server's command line; `serve` keeps running (its promise resolves
 * once it listens, with how to stop it). Exit codes: 0 done, 2 refused (usage, bad input, a
 * rule), 4 unexpected.
 */
export async function runServerCli(argv: string[], io: ServerIo = processIo, env = process.env): Promise<{ code: number; stop?: () => Promise<void> }> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        database: { type: 'string' },
        schema: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        slug: { type: 'string' },
        name: { type: 'string' },
        club: { type: 'string' },
        pin: { type: 'string' },
        hours: { type: 'string' },
        desk: { type: 'string' },
        smtp: { type: 'string' },
        'mail-dir': { type: 'string' },
        'mail-from': { type: 'string' },
        help: { type: 'boolean' },
        'snapshot-every': { type: 'string' },
        full: { type: 'boolean' },
      },
    });
  } catch (error) {
    // Node's parser says it in English: the option it names is what the French needs.
    const option = /'(-[^']+)'/.exec((error as Error).message)?.[1] ?? '';
    io.stderr(`Option inconnue ou incomplète : ${option}\n\n${HELP}`);
    return { code: 2 };
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? 'serve';
  if (values.help || command === 'help') {
    io.stdout(HELP);
    return { code: 0 };
  }
  if (command !== 'serve' && command !== 'create-club' && !EXISTING_DATABASE_COMMANDS.has(command)) {
    // Said before any database is opened: a mistyped command creates none.
    io.stderr(`Commande inconnue : ${command}\n\n${HELP}`);
    return { code: 2 };
  }
  for (const option of ['database', 'schema'] as const) {
    // `--database ""` (a variable left empty in a script) would otherwise quietly open the default.
    if (values[option]?.trim() === '') {
      io.stderr(`L'option --${option} est vide : ${option === 'database' ? 'indiquez un fichier SQLite ou une adresse postgres://…' : 'indiquez un nom de schéma PostgreSQL'}. Rien n'a été ouvert.\n`);
      return { code: 2 };
    }
  }
  // An empty DATABASE_URL (as `DATABASE_URL= npm run server` leaves it) names no database.
  // Spaces around a pasted address or name are not part of it (« postgres://… » would otherwise be taken for a file).
  const location =
    values.database?.trim() || env.DATABASE_URL?.trim() || (!existsSync(DEFAULT_SERVER_DATABASE) && existsSync(EARLIER_DEFAULT_SERVER_DATABASE) ? EARLIER_DEFAULT_SERVER_DATABASE : DEFAULT_SERVER_DATABASE);
  let sdb: ServerDb | null = null;
  try {
    // A club refused is refused before its database is made.
    if (command === 'create-club') readNewClub({ slug: values.slug, name: values.name });
    const schema = (values.schema ?? env.COMPTOIR_SERVER_SCHEMA)?.trim() || undefined;
    // A mistyped path or schema would otherwise leave an empty database behind, and say « no such club ».
    sdb = await openServerDb(location, { ...(schema ? { schema } : {}), create: !EXISTING_DATABASE_COMMANDS.has(command) });
    switch (command) {
      case 'serve': {
        // Checked before anything starts: nothing is left running by a mistyped port.
        const portText = String(values.port ?? env.PORT ?? DEFAULT_PORT).trim();
        const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
        if (!(port >= 0 && port <= 65_535)) {
          throw new ComptoirError('INVALID_INPUT', { fr: `le port « ${portText} » n'en est pas un (un nombre de 0 à 65535, ${DEFAULT_PORT} par défaut)`, en: `the port "${portText}" is not one (a number from 0 to 65535, ${DEFAULT_PORT} by default)` });
        }
        const mail = mailSettingsOf(values, env);
        const open = sdb;
        const mailer = mail ? startMailer(open, mail.sender, { fromAddress: mail.fromAddress, onError: (error) => io.stderr(`Courriels : ${(error as Error).message}\n`) }) : null;
        const app = await buildServer(sdb, { logger: env.COMPTOIR_SERVER_LOG === '1', ...(mailer ? { onPush: mailer.wake } : {}) });
        const host = values.host ?? '127.0.0.1';
        let address: string;
        try {
          address = await app.listen({ port, host });
        } catch (error) {
          await app.close();
          await mailer?.stop();
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new ComptoirError('SERVER_PORT_UNAVAILABLE', { host, port, taken: code === 'EADDRINUSE' });
          throw error;
        }
        io.stdout(`Serveur du club à l'écoute sur ${address}\n`);
        io.stdout(mail ? `Courriels : ${mail.describe}\n` : 'Courriels : aucun envoi configuré (--smtp ou --mail-dir) ; ils attendent.\n');
        sdb = null;
        const every = Number(values['snapshot-every'] ?? env.COMPTOIR_SNAPSHOT_EVERY ?? DEFAULT_SNAPSHOT_EVERY);
        const snapshots =
          every > 0
            ? startSnapshotSchedule(open, {
                every,
                checkMs: Number(env.COMPTOIR_SNAPSHOT_CHECK_MS ?? 30_000),
                worker: { location, ...(schema ? { schema } : {}) },
                log: (line) => app.log.info(line),
              })
            : null;
        return {
          code: 0,
          stop: async () => {
            await snapshots?.stop();
            await app.close();
            await mailer?.stop();
            await open.close();
          },
        };
      }
      case 'emails': {
        const club = await clubBySlug(sdb, values.club ?? '');
        const rows = await sdb.db
          .selectFrom('email_message')
          .select(['created_at', 'kind', 'receipt_number', 'status', 'attempts', 'failure', 'last_error'])
          .where('club_id', '=', club.id)
          .where('status', '!=', 'sent')
          .orderBy('created_at')
          .execute();
        if (rows.length === 0) io.stdout('Aucun courriel en attente ni en échec.\n');
        const kinds = { receipt: 'reçu', membership: 'adhésion' } as const;
        for (const row of rows) {
          io.stdout(`${row.created_at}  ${kinds[row.kind]}  ${row.receipt_number}  ${row.status === 'queued' ? 'en attente' : `échec (${row.failure})`}  ${row.attempts} essai(s)  ${row.last_error ?? ''}\n`);
        }
        return { code: 0 };
      }
      case 'create-club': {
        const club = await createClub(sdb, { slug: values.slug, name: values.name });
        io.stdout(`Club « ${club.name} » créé (${club.slug}).\n`);
        return { code: 0 };
      }
      case 'create-admin': {
        const input = parseInput(adminSchema, { club: values.club, name: values.name, pin: values.pin });
        const club = await clubBySlug(sdb, input.club);
        await recordServerOperations(sdb, club.id, [{ kind: 'user.create', version: 1, user: { id: newId(), name: input.name, role: 'admin', pinHash: hashPin(input.pin) } }]);
        io.stdout(`Administrateur « ${input.name} » créé pour ${club.name} : les postes du club le recevront à leur prochaine synchronisation.\n`);
        return { code: 0 };
      }
      case 'enroll-desk': {
        const { code, expiresAt } = await createEnrollmentCode(sdb, { club: values.club ?? '', deskName: values.name ?? '', ...(values.hours ? { validHours: Number(values.hours) } : {}) });
        io.stdout(`Code d'inscription pour « ${values.name} » : ${code}\nÀ taper sur le poste, une seule fois, avant ${whenSaid(expiresAt)}.\n`);
        return { code: 0 };
      }
      case 'revoke-desk': {
        const desk = await revokeDesk(sdb, { club: values.club ?? '', desk: values.desk ?? '' });
        io.stdout(`Le poste « ${desk.name} » (${desk.receipt_prefix}) est retiré : il ne peut plus se synchroniser.\n`);
        return { code: 0 };
      }
      case 'problems': {
        const club = await clubBySlug(sdb, values.club ?? '');
        const rows = await sdb.db
          .selectFrom('chain_problem as p')
          .innerJoin('desk as d', 'd.id', 'p.desk_id')
          .select(['p.at', 'd.name', 'p.seq', 'p.problem', 'p.detail'])
          .where('p.club_id', '=', club.id)
          .orderBy('p.id')
          .execute();
        if (rows.length === 0) io.stdout('Aucun journal refusé.\n');
        for (const row of rows) io.stdout(`${whenSaid(row.at)}  ${row.name}  opération ${row.seq} : ${CHAIN_PROBLEM_WORDS[row.problem] ?? row.problem}\n`);
        return { code: 0 };
      }
      case 'desks': {
        const club = await clubBySlug(sdb, values.club ?? '');
        const desks = await sdb.db
          .selectFrom('desk as d')
          .leftJoin('desk_chain as c', 'c.desk_id', 'd.id')
          // Its last entry received, with the desks in one query.
          .leftJoin('operation as o', (join) => join.onRef('o.desk_id', '=', 'd.id').onRef('o.desk_seq', '=', 'c.last_seq'))
          .select(['d.name', 'd.receipt_prefix', 'd.created_at', 'd.revoked_at', 'c.last_seq', 'o.received_at as last_received_at'])
          .where('d.club_id', '=', club.id)
          .where('d.receipt_prefix', '!=', SERVER_AUTHOR_PREFIX)
          .orderBy('d.created_at')
          .execute();
        if (desks.length === 0) io.stdout(`Aucun poste dans ${club.name} : donnez-en un avec enroll-desk.\n`);
        for (const desk of desks) {
          const sent = desk.last_received_at ? `${Number(desk.last_seq)} opérations reçues, la dernière ${whenSaid(desk.last_received_at)}` : 'rien reçu encore';
          const state = desk.revoked_at ? `retiré ${whenSaid(desk.revoked_at)}` : `inscrit ${whenSaid(desk.created_at)}`;
          io.stdout(`${desk.receipt_prefix.padEnd(3)} ${desk.name} — ${state} ; ${sent}\n`);
        }
        return { code: 0 };
      }
      case 'snapshot': {
        const club = await clubBySlug(sdb, values.club ?? '');
        const outcome = await buildClubSnapshot(sdb, club.id, { full: values.full ?? false });
        if (outcome.built) {
          const mb = (outcome.bytes / 1e6).toLocaleString('fr-CA', { maximumFractionDigits: 1 });
          const applied = `${outcome.applied} opération${outcome.applied > 1 ? 's' : ''} appliquée${outcome.applied > 1 ? 's' : ''}`;
          io.stdout(`Instantané du club ${club.name} fait jusqu'à l'opération ${outcome.serverSeq} (${mb} Mo, ${applied} en ${Math.round(outcome.ms)} ms).\n`);
          return { code: 0 };
        }
        const why = {
          busy: 'un autre processus du serveur le fait en ce moment',
          'up-to-date': 'le dernier instantané est déjà à jour',
          'lease-lost': 'un autre processus a pris la relève',
          'erased-meanwhile': 'un membre a été effacé pendant ce temps ; réessayez',
          stopped: 'le serveur s’est arrêté pendant ce temps ; réessayez',
        }[outcome.reason];
        io.stdout(`Aucun nouvel instantané : ${why}.\n`);
        return { code: 0 };
      }
      default:
        // Every command is one of the cases above (checked before the database was opened).
        throw new Error(`unhandled command ${command}`);
    }
  } catch (error) {
    if (isComptoirError(error)) {
      io.stderr(`${error.messageIn('fr')}\n`);
      return { code: 2 };
    }
    io.stderr(`Erreur inattendue : ${(error as Error).message}\n`);
    return { code: 4 };
  } finally {
    await sdb?.close();
  }
}
