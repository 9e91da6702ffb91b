import { pathToFileURL } from 'node:url';
import type { Language } from '../db/schema.js';
import { ComptoirError } from '../../src-shared/errors.js';
import { languageOf, parseArgs, UsageError } from './args.js';
import type { Outcome } from './commands.js';
import { COMMANDS } from './spec.js';

/**
 * `comptoir --db FILE <command>`: the desk's core from a terminal, for set-up, demos, support and
 * scripts. Exit codes: 0 done, 1 verify found problems, 2 refused (usage, bad input, a business
 * rule), 3 probably a duplicate (rerun with --force), 4 unexpected error (a bug: no stack trace
 * unless COMPTOIR_DEBUG=1). With --json, stdout holds exactly one JSON document, even on error.
 */

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const HELP: Record<Language, string> = {
  fr: `Comptoir — le poste d'accueil du club, en ligne de commande.

Usage : comptoir --db FICHIER <commande> [options] [--json] [--lang en]

Commandes :
  init --desk NOM --prefix A       Crée la base (ou la met à jour) et configure le poste.
       [--numbers 100000-999999] [--club NOM] [--price CENTS] [--grace JOURS]
       [--rule rolling [--days 365] | --rule fixed --ends MM-JJ --rollover MM-JJ]
  join --server ADRESSE --code CODE
                                   Met en route un nouveau poste joint au serveur du club
                                   (code d'inscription donné par l'administrateur).
  sync                             Envoie au serveur ce qui attend et reçoit ce qui est nouveau.
  demo --members N [--seed S]      Remplit la base avec un club de démonstration.
  member add --first PRÉNOM --last NOM [--email …] [--phone …] [--birth JJ/MM/AAAA]
       [--postal …] [--city …] [--address …] [--notes …] [--household NO] [--force]
                                   Crée un membre ; s'il ressemble à un membre existant,
                                   montre les fiches semblables et ne crée rien (code 3).
  member show NO                   Fiche du membre, ses inscriptions et ses reçus.
  search RECHERCHE [--limit N]     Cherche par nom, no de membre, téléphone ou courriel.
  renew NO --cash CENTS [--force]  Renouvelle l'adhésion, payée comptant (montant remis).
  verify                           Vérifie toute la base : « OK » ou la liste des problèmes.
  report day AAAA-MM-JJ            Rapport de la journée pour le trésorier.
  backup [--to DOSSIER]            Copie de sauvegarde de la base (dans « sauvegardes » à côté
                                   de la base, et dans DOSSIER, sur une clé USB par exemple).
  restore SAUVEGARDE               Vérifie la copie, puis la remet en place (l'ancienne base est
                                   gardée à côté).
  key new FICHIER                  Crée une clé de chiffrement (à garder hors du portable).
  user unlock NOM                  Débloque le compte d'un bénévole (trop de NIP erronés).
  privacy log [--member NO] [--since AAAA-MM-JJ] [--limit N]
                                   Qui a consulté quels renseignements personnels (Loi 25).
  privacy lapsed [--years N]       Membres sans nouvelles depuis plus que la durée de conservation.
  privacy erase NO [--retention]   Efface les renseignements personnels d'un membre (irréversible).
  privacy anonymise-lapsed [--years N]
                                   Anonymise tous les membres de « privacy lapsed ».

Options : --json (sortie JSON, voir docs/CLI.md) · --lang fr|en · --help
          --key-file FICHIER (ou COMPTOIR_KEY_FILE, COMPTOIR_DB_KEY) : la clé d'une base chiffrée
Codes de sortie : 0 fait · 1 verify a trouvé des problèmes · 2 refusé · 3 doublon probable · 4 erreur inattendue
`,
  en: `Comptoir — the club's front desk, from the command line.

Usage: comptoir --db FILE <command> [options] [--json] [--lang en]

Commands:
  init --desk NAME --prefix A      Creates (or upgrades) the database and sets up the desk.
       [--numbers 100000-999999] [--club NAME] [--price CENTS] [--grace DAYS]
       [--rule rolling [--days 365] | --rule fixed --ends MM-DD --rollover MM-DD]
  join --server ADDRESS --code CODE
                                   Sets up a new desk joined to the club's server
                                   (enrollment code from the administrator).
  sync                             Sends the server what waits and receives what is new.
  demo --members N [--seed S]      Fills the database with a demo club.
  member add --first FIRST --last LAST [--email …] [--phone …] [--birth DD/MM/YYYY]
       [--postal …] [--city …] [--address …] [--notes …] [--household NO] [--force]
                                   Creates a member; when they look like an existing one,
                                   shows the similar records and creates nothing (exit 3).
  member show NO                   The member's record, registrations and receipts.
  search QUERY [--limit N]         Finds members by name, number, phone or email.
  renew NO --cash CENTS [--force]  Renews the membership, paid in cash (amount tendered).
  verify                           Checks the whole database: "OK" or the list of problems.
  report day YYYY-MM-DD            The treasurer's day report.
  backup [--to FOLDER]             Backs the database up (in "sauvegardes" beside it, and in
                                   FOLDER, on a USB key for instance).
  restore BACKUP                   Checks the backup, then puts it in place (the old database is
                                   kept beside it).
  key new FILE                     Creates an encryption key (keep it off the laptop).
  user unlock NAME                 Unlocks a volunteer's account (too many wrong PINs).
  privacy log [--member NO] [--since YYYY-MM-DD] [--limit N]
                                   Who looked at which personal information (Law 25).
  privacy lapsed [--years N]       Members unheard of for longer than the retention period.
  privacy erase NO [--retention]   Erases a member's personal information (cannot be undone).
  privacy anonymise-lapsed [--years N]
                                   Anonymises every member that « privacy lapsed » lists.

Options: --json (JSON output, see docs/CLI.md) · --lang fr|en · --help
         --key-file FILE (or COMPTOIR_KEY_FILE, COMPTOIR_DB_KEY): an encrypted database's key
Exit codes: 0 done · 1 verify found problems · 2 refused · 3 probable duplicate · 4 unexpected error
`,
};

/** Runs one command line and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: Io = processIo): Promise<number> {
  let language = languageOf(argv);
  let json = argv.includes('--json');
  try {
    const parsed = parseArgs(argv, COMMANDS);
    language = parsed.language;
    json = parsed.flags.has('json');
    if (parsed.flags.has('help') || !parsed.command) {
      if (!parsed.command && !parsed.flags.has('help')) {
        io.stderr(HELP[language]);
        return 2;
      }
      io.stdout(HELP[language]);
      return 0;
    }
    const file = parsed.flags.get('db');
    if (typeof file !== 'string' || file.trim() === '') throw new UsageError('MISSING_DB');
    const { HANDLERS } = await import('./commands.js');
    const outcome: Outcome = await HANDLERS[parsed.command.name]!(parsed, file);
    if (json) io.stdout(`${JSON.stringify(outcome.data, null, 2)}\n`);
    else if (outcome.exitCode === 3) io.stderr(`${outcome.text}\n`);
    else io.stdout(`${outcome.text}\n`);
    return outcome.exitCode;
  } catch (error) {
    const failure = describeFailure(error, language);
    if (json) io.stdout(`${JSON.stringify({ ok: false, error: { code: failure.code, message: failure.message } }, null, 2)}\n`);
    else io.stderr(`${failure.message}\n`);
    if (failure.exitCode === 4 && process.env.COMPTOIR_DEBUG) io.stderr(`${(error as Error)?.stack ?? String(error)}\n`);
    return failure.exitCode;
  }
}

/** Expected errors become a message in the user's language; anything else is a bug, said briefly. */
function describeFailure(error: unknown, language: Language): { code: string; message: string; exitCode: number } {
  if (error instanceof UsageError) return { code: error.code, message: error.messageIn(language), exitCode: 2 };
  if (error instanceof ComptoirError) {
    const duplicate = error.code === 'POSSIBLE_DUPLICATE' || error.code === 'ALREADY_RENEWED';
    const hint = language === 'fr' ? ' Ajoutez --force pour le faire quand même.' : ' Add --force to do it anyway.';
    const message = error.messageIn(language) + (duplicate ? hint : '');
    return { code: error.code, message, exitCode: duplicate ? 3 : 2 };
  }
  const sqliteCode = (error as { code?: unknown })?.code;
  const sqlite: Record<string, { fr: string; en: string }> = {
    SQLITE_NOTADB: { fr: "Ce fichier n'est pas une base de données Comptoir.", en: 'This file is not a Comptoir database.' },
    SQLITE_CANTOPEN: {
      fr: "Impossible d'ouvrir ou de créer ce fichier : le dossier existe-t-il, et avez-vous le droit d'y écrire ?",
      en: 'Cannot open or create this file: does the folder exist, and may you write to it?',
    },
    SQLITE_BUSY: {
      fr: 'La base de données est occupée par un autre programme. Réessayez dans un instant.',
      en: 'The database is busy in another program. Try again in a moment.',
    },
  };
  if (typeof sqliteCode === 'string' && sqlite[sqliteCode]) {
    return { code: sqliteCode, message: sqlite[sqliteCode][language], exitCode: 2 };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'UNEXPECTED',
    message:
      language === 'fr'
        ? `Erreur inattendue : ${detail}. Relancez avec COMPTOIR_DEBUG=1 pour les détails et signalez-la.`
        : `Unexpected error: ${detail}. Run again with COMPTOIR_DEBUG=1 for details and report it.`,
    exitCode: 4,
  };
}

// `tsx src-main/cli/main.ts …` runs it too; bin/comptoir.mjs imports runCli instead.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
