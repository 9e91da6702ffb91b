import type { Language } from '../db/schema.js';
import type { Desk } from '../core/desk/desk.js';
import { createMemberSchema, newMemberOperation } from '../core/members/members.js';
import { addDays, daysBetween } from '../../src-shared/dates.js';
import { parseInput } from '../../src-shared/validation.js';
import { commitBatch, type Actor } from '../core/ledger/write.js';

/**
 * Deterministic demo people: realistic Québec seniors (accented and compound names, mixed phone
 * formats, couples sharing an address and an email) for demos, manual tests and benchmarks.
 * The same seed always gives the same people, so a bug seen on demo data can be replayed.
 * Phones use the fictional 555 exchange.
 */
export interface DemoPerson {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  birthDate: string;
  address: string;
  city: string;
  postalCode: string;
  language: Language;
  /** People with the same key live together (a couple); null for someone living alone. */
  household: string | null;
}

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; Math.random cannot be seeded. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** Picks early entries more often (Zipf-like), as the commonest surnames are much commoner. */
function pickSkewed<T>(random: Random, list: readonly T[], skew = 1.3): T {
  return list[Math.floor(list.length * random() ** skew)]!;
}

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10);
  return out;
}

// Most frequent Québec surnames first.
const LAST_NAMES = [
  'Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné',
  'Ouellet', 'Pelletier', 'Bélanger', 'Lévesque', 'Bergeron', 'Leblanc', 'Paquette', 'Girard', 'Simard',
  'Boucher', 'Caron', 'Beaulieu', 'Cloutier', 'Dubé', 'Poirier', 'Fournier', 'Lapointe', 'Leclerc',
  'Lefebvre', 'Poulin', 'Thibault', 'St-Onge', 'Ste-Marie', 'Saint-Pierre', 'Bédard', 'Desjardins',
  'Landry', 'Martel', 'Boivin', 'Charbonneau', 'Lemieux', 'Deschênes', 'Vézina', 'Thériault', 'Jean',
  'Béland', 'Hébert', 'Lachance', 'Drouin', 'Harvey', 'Bérubé', 'Grenier', 'Nadeau', 'Vaillancourt',
  'Lessard', 'Rousseau', 'Savard', 'Dion', 'Létourneau', 'Paradis', 'Labrecque', 'Michaud', 'Demers',
  'Laflamme', 'Plamondon', 'Champagne', 'Brassard', 'Giguère', 'Lalonde', 'Turcotte', 'Asselin',
  'Therrien', 'Bouffard', 'Mercier', 'Dufour', 'Robitaille', 'Labbé', 'Laliberté', 'Blais', 'Perron',
  'Léveillé', 'Provencher', 'Corriveau', 'Rhéaume', 'Trudel', 'Chabot', 'Goulet', 'Guay', 'Pépin',
] as const;

/** Married names kept together, as many women of this generation were registered. */
const COMPOUND_LAST_NAMES = [
  'Léveillé-Côté', 'Gagnon-Tremblay', 'Roy-Bouchard', 'Morin-Lavoie', 'Bélanger-Pelletier',
  'Fortin-Ouellet', 'Lévesque-Simard', 'Caron-Dubé', 'Poulin-St-Onge', 'Girard-Thibault',
] as const;

/** English, Irish, Italian, Vietnamese, Haitian, Lebanese… names the club also has. */
const OTHER_LAST_NAMES = [
  "O'Brien", 'Smith', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Johnson', 'Murphy', "O'Neill", 'Kelly',
  'MacDonald', 'McGill', 'Rossi', 'Ferraro', 'Joseph', 'Pierre-Louis', 'Haddad', 'Khoury', 'Müller',
  'Wong', 'Kowalski', 'García',
] as const;

const WOMEN = [
  'Marie', 'Jeanne', 'Thérèse', 'Lise', 'Louise', 'Nicole', 'Monique', 'Francine', 'Diane', 'Suzanne',
  'Ginette', 'Jocelyne', 'Carole', 'Denise', 'Huguette', 'Pierrette', 'Gisèle', 'Claudette', 'Rollande',
  'Micheline', 'Lucie', 'Hélène', 'Françoise', 'Céline', 'Réjeanne', 'Murielle', 'Colette', 'Danielle',
  'Marie-Claire', 'Marie-Thérèse', 'Anne-Marie', 'Marie-Josée', 'Solange', 'Yolande', 'Raymonde',
  'Madeleine', 'Gaétane', 'Lorraine', 'Aline', 'Cécile', 'Noëlla', 'Ghislaine', 'Johanne', 'Sylvie',
] as const;

const MEN = [
  'Jean', 'Pierre', 'Michel', 'André', 'Claude', 'Jacques', 'Gilles', 'Réal', 'Normand', 'Gaétan',
  'Yvon', 'Marcel', 'Roger', 'Raymond', 'Gérard', 'Denis', 'Robert', 'Luc', 'Serge', 'Richard',
  'Daniel', 'Alain', 'Guy', 'Fernand', 'Rénald', 'Jean-Guy', 'Jean-Claude', 'Jean-Pierre', 'Jean-Marc',
  'Jean-Louis', 'Paul-Émile', 'Léo', 'Benoît', 'François', 'Réjean', 'Ghislain', 'Maurice', 'Rosaire',
  'Lucien', 'Conrad', 'Émile', 'Gilbert', 'Laurent', 'Stéphane',
] as const;

const OTHER_WOMEN = ['Mary', 'Margaret', 'Elizabeth', 'Susan', 'Linda', 'Patricia', 'Thị Lan', 'Hoa', 'Maria', 'Nadia'] as const;
const OTHER_MEN = ['John', 'Patrick', 'William', 'Kevin', 'Brian', 'Văn Minh', 'Tuấn', 'Giuseppe', 'Joseph', 'Karim'] as const;

const STREETS = [
  'rue Saint-Jean', 'chemin Sainte-Foy', 'boulevard René-Lévesque Ouest', 'avenue Cartier', 'rue de la Couronne',
  'boulevard Charest Est', 'avenue Maguire', 'rue Saint-Joseph Est', 'boulevard Henri-Bourassa', 'avenue Royale',
  'rue des Érables', 'avenue du Colisée', 'boulevard Wilfrid-Hamel', "rue de l'Église", 'avenue Myrand',
  'avenue Belvédère', 'rue Crémazie Ouest', 'chemin de la Canardière', 'boulevard Louis-XIV', '1re Avenue',
  '4e Rue', 'rue du Petit-Champlain', 'avenue Chauveau', 'boulevard de l’Ormière', 'rue Racine',
  'chemin des Quatre-Bourgeois', 'avenue des Hôtels', 'boulevard Pierre-Bertrand', 'rue Bouvier', 'avenue Lapierre',
] as const;

const EMAIL_DOMAINS = ['videotron.ca', 'gmail.com', 'hotmail.com', 'sympatico.ca', 'globetrotter.net', 'outlook.com', 'yahoo.ca', 'bell.net'] as const;

// Forward sortation areas of Québec City; the third letter of a Canadian FSA and LDU skips D F I O Q U.
const FSA = ['G1B', 'G1C', 'G1E', 'G1G', 'G1H', 'G1J', 'G1K', 'G1L', 'G1M', 'G1N', 'G1P', 'G1R', 'G1S', 'G1T', 'G1V', 'G1W', 'G1X', 'G1Y', 'G2A', 'G2B', 'G2C', 'G2E', 'G2G', 'G2J', 'G2K', 'G2L', 'G2M', 'G2N'] as const;
const LDU_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';

/** ASCII, lower case, no punctuation: what people put before the @. */
function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}

function phone(random: Random): string {
  const area = pick(random, ['418', '418', '418', '581', '367']);
  const line = digits(random, 4);
  // The formats volunteers actually type.
  switch (Math.floor(random() * 6)) {
    case 0: return `${area} 555-${line}`;
    case 1: return `(${area}) 555-${line}`;
    case 2: return `${area}.555.${line}`;
    case 3: return `${area}555${line}`;
    case 4: return `1-${area}-555-${line}`;
    default: return `${area}-555-${line}`;
  }
}

function birthDate(random: Random): string {
  const first = '1935-01-01';
  return addDays(first, Math.floor(random() * (daysBetween(first, '1965-12-31') + 1)));
}

function postalCode(random: Random): string {
  const ldu = () => LDU_LETTERS[Math.floor(random() * LDU_LETTERS.length)]!;
  return `${pick(random, FSA)} ${digits(random, 1)}${ldu()}${digits(random, 1)}`;
}

function lastName(random: Random): { name: string; other: boolean } {
  const r = random();
  if (r < 0.08) return { name: pick(random, OTHER_LAST_NAMES), other: true };
  if (r < 0.13) return { name: pick(random, COMPOUND_LAST_NAMES), other: false };
  return { name: pickSkewed(random, LAST_NAMES), other: false };
}

function firstName(random: Random, woman: boolean, other: boolean): string {
  if (other && random() < 0.7) return pick(random, woman ? OTHER_WOMEN : OTHER_MEN);
  return pickSkewed(random, woman ? WOMEN : MEN);
}

function email(random: Random, first: string, last: string): string {
  const f = emailPart(first);
  const l = emailPart(last);
  const local = pick(random, [`${f}.${l}`, `${f}${l}`, `${f[0] ?? ''}${l}`, `${f}.${l}${digits(random, 2)}`, `${l}.${f}`]);
  return `${local}@${pick(random, EMAIL_DOMAINS)}`;
}

/** `count` people (a couple counts as two), always the same for the same seed. */
export function* demoPeople(count: number, seed = 1): Generator<DemoPerson> {
  const random = mulberry32(seed);
  let made = 0;
  let householdNo = 0;
  while (made < count) {
    const woman = random() < 0.58; // women outnumber men in seniors' clubs
    const { name: last, other } = lastName(random);
    const first = firstName(random, woman, other);
    const language: Language = other ? (random() < 0.6 ? 'en' : 'fr') : random() < 0.06 ? 'en' : 'fr';
    const address = `${1 + Math.floor(random() * 3999)}, ${pick(random, STREETS)}${random() < 0.2 ? `, app. ${1 + Math.floor(random() * 30)}` : ''}`;
    const home = { address, city: 'Québec', postalCode: postalCode(random), phone: random() < 0.9 ? phone(random) : null };
    const ownEmail = random() < 0.72 ? email(random, first, last) : null;
    const couple = made + 1 < count && random() < 0.3;
    const household = couple ? `h${++householdNo}` : null;
    yield { firstName: first, lastName: last, email: ownEmail, birthDate: birthDate(random), language, household, ...home };
    made++;
    if (!couple) continue;
    // Partner: the other first name, often the same last name, the same home and usually one shared email.
    const partnerLast = random() < 0.5 ? last : lastName(random).name;
    const partnerFirst = firstName(random, !woman, other);
    const sharedEmail = random() < 0.75 ? ownEmail : random() < 0.5 ? email(random, partnerFirst, partnerLast) : null;
    yield { firstName: partnerFirst, lastName: partnerLast, email: sharedEmail, birthDate: birthDate(random), language, household, ...home };
    made++;
  }
}

export interface DemoInsertResult {
  members: number;
  households: number;
  /** Wall time of the whole insertion, in milliseconds. */
  ms: number;
}


/**
 * Inserts `count` demo members, `batchSize` per transaction. Each member is still its own write,
 * with its own operation id, audit entry and outbox operation, exactly as if a volunteer had
 * created it: only the commits are shared, which is what makes 100,000 members take seconds.
 * Partners join the household of the first one, as "householdOf" does at the desk.
 */
export function insertDemoMembers(desk: Desk, actor: Actor, count: number, seed = 1, batchSize = 5000): DemoInsertResult {
  const started = performance.now();
  const people = demoPeople(count, seed);
  const firstOfHousehold = new Map<string, number>();
  let members = 0;
  let households = 0;
  let exhausted = false;
  while (!exhausted) {
    commitBatch(desk, actor, (write) => {
      for (let i = 0; i < batchSize; i++) {
        const next = people.next();
        if (next.done) {
          exhausted = true;
          return;
        }
        const { household, ...person } = next.value;
        const partnerOf = household ? firstOfHousehold.get(household) : undefined;
        // The desk's own validation: demo data is normalized exactly like typed data.
        const input = parseInput(createMemberSchema, { ...person, householdOf: partnerOf ?? null });
        const number = write((ctx) => {
          const op = newMemberOperation(ctx, input);
          ctx.record(op);
          return op.member.number;
        });
        if (household && partnerOf === undefined) firstOfHousehold.set(household, number);
        if (partnerOf !== undefined) households++;
        members++;
      }
    });
  }
  return { members, households, ms: performance.now() - started };
}
