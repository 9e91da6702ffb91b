import type { Language } from '../db/schema.js';

/**
 * The command line's own small parser. node:util's parseArgs would do for flags, but its errors
 * are English and know nothing of sub-commands; volunteers and the treasurer get French here.
 */

/** Flags that take no value; every other flag takes exactly one. */
const BOOLEAN_FLAGS = new Set(['json', 'help', 'force']);
/** Flags every command accepts. */
export const GLOBAL_FLAGS = ['db', 'key-file', 'json', 'lang', 'help'] as const;

export interface CommandSpec {
  /** "member add", "report day": the words that name it. */
  name: string;
  flags: readonly string[];
  /** Flags without which the command cannot run (shown without brackets in its usage line). */
  required?: readonly string[];
  /** Positional arguments after the command words, by name as the usage line shows them. */
  args: readonly string[];
  /** The last positional takes every remaining word (a search query typed without quotes). */
  rest?: boolean;
}

export interface ParsedArgs {
  command: CommandSpec | null;
  args: string[];
  flags: Map<string, string | true>;
  language: Language;
}

type UsageKey =
  | 'UNKNOWN_COMMAND'
  | 'UNKNOWN_FLAG'
  | 'FLAG_NOT_FOR_COMMAND'
  | 'MISSING_VALUE'
  | 'MISSING_ARG'
  | 'TOO_MANY_ARGS'
  | 'MISSING_FLAG'
  | 'MISSING_DB'
  | 'DB_NOT_FOUND'
  | 'NOT_A_DATABASE'
  | 'BAD_LANG'
  | 'BAD_INTEGER'
  | 'BAD_NUMBERS'
  | 'BAD_RULE'
  | 'BAD_MEMBER_NUMBER'
  | 'NO_SUCH_FOLDER'
  | 'FILE_EXISTS';

type P = Record<string, string>;
const MESSAGES: Record<UsageKey, Record<Language, (p: P) => string>> = {
  UNKNOWN_COMMAND: {
    fr: (p) => `Commande inconnue : « ${p.command} ». Tapez « comptoir --help » pour la liste des commandes.`,
    en: (p) => `Unknown command: "${p.command}". Type "comptoir --help" for the list of commands.`,
  },
  UNKNOWN_FLAG: {
    fr: (p) => `Option inconnue : ${p.flag}. Tapez « comptoir --help » pour la liste des options.`,
    en: (p) => `Unknown option: ${p.flag}. Type "comptoir --help" for the list of options.`,
  },
  FLAG_NOT_FOR_COMMAND: {
    fr: (p) => `L'option ${p.flag} ne s'applique pas à « ${p.command} ». Usage : ${p.usage}`,
    en: (p) => `Option ${p.flag} does not apply to "${p.command}". Usage: ${p.usage}`,
  },
  MISSING_VALUE: {
    fr: (p) => `L'option ${p.flag} demande une valeur (ex. : ${p.flag} ${p.example}).`,
    en: (p) => `Option ${p.flag} needs a value (e.g. ${p.flag} ${p.example}).`,
  },
  MISSING_ARG: {
    fr: (p) => `Il manque ${p.what}. Usage : ${p.usage}`,
    en: (p) => `Missing ${p.what}. Usage: ${p.usage}`,
  },
  TOO_MANY_ARGS: {
    fr: (p) => `Argument de trop pour « ${p.command} » : « ${p.extra} ». Usage : ${p.usage}`,
    en: (p) => `Unexpected argument for "${p.command}": "${p.extra}". Usage: ${p.usage}`,
  },
  MISSING_FLAG: {
    fr: (p) => `L'option ${p.flag} est obligatoire. Usage : ${p.usage}`,
    en: (p) => `Option ${p.flag} is required. Usage: ${p.usage}`,
  },
  MISSING_DB: {
    fr: () => `Indiquez le fichier de la base de données : comptoir --db FICHIER <commande>.`,
    en: () => `Give the database file: comptoir --db FILE <command>.`,
  },
  DB_NOT_FOUND: {
    fr: (p) => `Le fichier « ${p.file} » n'existe pas. Pour créer un poste : comptoir --db ${p.file} init --desk NOM --prefix A`,
    en: (p) => `File "${p.file}" does not exist. To set up a desk: comptoir --db ${p.file} init --desk NAME --prefix A`,
  },
  NOT_A_DATABASE: {
    fr: (p) => `Le fichier « ${p.file} » n'est pas une base de données Comptoir.`,
    en: (p) => `File "${p.file}" is not a Comptoir database.`,
  },
  BAD_LANG: {
    fr: () => `--lang doit être « fr » ou « en ».`,
    en: () => `--lang must be "fr" or "en".`,
  },
  BAD_INTEGER: {
    fr: (p) => `L'option ${p.flag} demande un nombre entier (ex. : ${p.flag} ${p.example}).`,
    en: (p) => `Option ${p.flag} needs a whole number (e.g. ${p.flag} ${p.example}).`,
  },
  BAD_NUMBERS: {
    fr: () => `--numbers doit donner le premier et le dernier numéro de membre, ex. : --numbers 100000-999999.`,
    en: () => `--numbers must give the first and last member number, e.g. --numbers 100000-999999.`,
  },
  BAD_RULE: {
    fr: () => `--rule doit être « rolling » (365 jours à partir du renouvellement) ou « fixed » (date de fin fixe, avec --ends MM-JJ).`,
    en: () => `--rule must be "rolling" (365 days from renewal) or "fixed" (fixed end date, with --ends MM-DD).`,
  },
  BAD_MEMBER_NUMBER: {
    fr: (p) => `« ${p.value} » n'est pas un no de membre : tapez seulement les chiffres, ex. : 100042.`,
    en: (p) => `"${p.value}" is not a member number: type the digits only, e.g. 100042.`,
  },
  FILE_EXISTS: {
    fr: (p) => `Le fichier « ${p.file} » existe déjà : choisissez un autre nom (une clé existante n'est jamais écrasée).`,
    en: (p) => `File "${p.file}" already exists: choose another name (an existing key is never overwritten).`,
  },
  NO_SUCH_FOLDER: {
    fr: (p) => `Le dossier « ${p.folder} » n'existe pas : impossible d'y créer la base de données.`,
    en: (p) => `Folder "${p.folder}" does not exist: cannot create the database there.`,
  },
};

/** A mistake in how the command was typed: shown in French (or English), exit code 2. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(
    readonly key: UsageKey,
    readonly params: P = {},
  ) {
    super(MESSAGES[key].fr(params));
    this.name = 'UsageError';
  }

  messageIn(language: Language): string {
    return MESSAGES[this.key][language](this.params);
  }
}

const EXAMPLES: Record<string, string> = { 'key-file': 'poste.key', to: '/media/cle-usb', db: 'poste.sqlite', lang: 'en', cash: '2500', limit: '20', members: '1000', desk: 'Accueil', prefix: 'A' };

/** Known before parsing, so that a mistake anywhere on the line is already told in English. */
export function languageOf(argv: readonly string[]): Language {
  const at = argv.indexOf('--lang');
  return argv.includes('--lang=en') || (at >= 0 && argv[at + 1] === 'en') ? 'en' : 'fr';
}

/**
 * Splits argv into the command, its positional arguments and its flags, and checks every flag
 * belongs to that command. `--flag value` and `--flag=value` both work; `--` ends the flags.
 */
export function parseArgs(argv: readonly string[], commands: readonly CommandSpec[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const words: string[] = [];
  const allFlags = new Set<string>([...GLOBAL_FLAGS, ...commands.flatMap((c) => c.flags)]);
  let language = languageOf(argv);
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (token === '-h') {
      flags.set('help', true);
      continue;
    }
    if (!token.startsWith('--')) {
      words.push(token);
      continue;
    }
    const [name, inline] = splitFlag(token.slice(2));
    if (!allFlags.has(name)) throw new UsageError('UNKNOWN_FLAG', { flag: `--${name}` });
    if (BOOLEAN_FLAGS.has(name)) {
      flags.set(name, true);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError('MISSING_VALUE', { flag: `--${name}`, example: EXAMPLES[name] ?? '…' });
    }
    if (inline === undefined) i++;
    flags.set(name, value);
  }

  const lang = flags.get('lang');
  if (lang !== undefined) {
    if (lang !== 'fr' && lang !== 'en') throw new UsageError('BAD_LANG');
    language = lang;
  }
  if (words.length === 0) return { command: null, args: [], flags, language };

  // The longest command name that the words start with: "member add" before "member".
  const command = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((word, i) => words[i] === word));
  if (!command) throw new UsageError('UNKNOWN_COMMAND', { command: words.slice(0, 2).join(' ') });
  const args = words.slice(command.name.split(' ').length);
  if (command.rest && args.length > command.args.length) {
    args.splice(command.args.length - 1, args.length, args.slice(command.args.length - 1).join(' '));
  }
  for (const name of flags.keys()) {
    if (!(GLOBAL_FLAGS as readonly string[]).includes(name) && !command.flags.includes(name)) {
      throw new UsageError('FLAG_NOT_FOR_COMMAND', { flag: `--${name}`, command: command.name, usage: usageLine(command, language) });
    }
  }
  return { command, args, flags, language };
}

function splitFlag(body: string): [string, string | undefined] {
  const equals = body.indexOf('=');
  return equals === -1 ? [body, undefined] : [body.slice(0, equals), body.slice(equals + 1)];
}

const PLACEHOLDERS: Record<string, { fr: string; en: string }> = {
  desk: { fr: 'NOM', en: 'NAME' },
  prefix: { fr: 'A', en: 'A' },
  members: { fr: 'N', en: 'N' },
  first: { fr: 'PRÉNOM', en: 'FIRST' },
  last: { fr: 'NOM', en: 'LAST' },
  cash: { fr: 'CENTS', en: 'CENTS' },
};
const ARG_NAMES: Record<string, string> = { RECHERCHE: 'QUERY', 'AAAA-MM-JJ': 'YYYY-MM-DD' };

export function usageLine(command: CommandSpec, language: Language): string {
  const args = command.args.map((a) => ` ${language === 'en' ? (ARG_NAMES[a] ?? a) : a}`).join('');
  const flags = command.flags
    .map((f) => {
      if (command.required?.includes(f)) return ` --${f} ${PLACEHOLDERS[f]?.[language] ?? 'X'}`;
      return BOOLEAN_FLAGS.has(f) ? ` [--${f}]` : ` [--${f} …]`;
    })
    .join('');
  return `comptoir --db ${language === 'fr' ? 'FICHIER' : 'FILE'} ${command.name}${args}${flags}`;
}

/** Reads positional `index`, or says which one is missing. */
export function requiredArg(parsed: ParsedArgs, index: number, what: { fr: string; en: string }): string {
  const value = parsed.args[index];
  if (value === undefined || value.trim() === '') {
    throw new UsageError('MISSING_ARG', { what: what[parsed.language], usage: usageLine(parsed.command!, parsed.language) });
  }
  return value;
}

export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function requiredFlag(parsed: ParsedArgs, name: string): string {
  const value = stringFlag(parsed, name);
  if (value === undefined) throw new UsageError('MISSING_FLAG', { flag: `--${name}`, usage: usageLine(parsed.command!, parsed.language) });
  return value;
}

/** A whole number the CLI itself needs (zod checks ranges where the core takes it). */
export function integerFlag(parsed: ParsedArgs, name: string): number | undefined {
  const value = stringFlag(parsed, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError('BAD_INTEGER', { flag: `--${name}`, example: EXAMPLES[name] ?? '10' });
  return Number(value);
}

/** A member number as people type it: digits only (the core checks it exists). */
export function memberNumberArg(parsed: ParsedArgs, index: number): number {
  const value = requiredArg(parsed, index, { fr: 'le no de membre', en: 'the member number' }).trim();
  if (!/^\d{1,9}$/.test(value)) throw new UsageError('BAD_MEMBER_NUMBER', { value });
  return Number(value);
}

/** Numbers go to the core as numbers; anything else goes as typed, for zod to name the problem. */
export function numberOrText(value: string): number | string {
  return /^-?\d+$/.test(value.trim()) ? Number(value) : value;
}
