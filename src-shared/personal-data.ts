/**
 * What the club holds about a member that is personal information under Québec's Law 25 (« Loi
 * sur la protection des renseignements personnels dans le secteur privé »): the fields that are
 * sealed in the log with the member's own key, and erased on request or once the club's retention
 * period is over. A member's number, language, household, membership periods, registrations and
 * payments are the club's records and stay (money records must be kept: receipts, deposits).
 */
export const PERSONAL_MEMBER_FIELDS = ['firstName', 'lastName', 'birthDate', 'email', 'phone', 'address', 'city', 'postalCode', 'notes'] as const;
export type PersonalMemberField = (typeof PERSONAL_MEMBER_FIELDS)[number];

/** The same fields as Comptoir 0.1 logged them (table columns), with the columns derived from them. */
export const PERSONAL_MEMBER_COLUMNS = [
  'first_name',
  'last_name',
  'sort_name',
  'birth_date',
  'email',
  'phone',
  'phone_digits',
  'address',
  'city',
  'postal_code',
  'notes',
] as const;

/**
 * What an erased member's personal fields hold: in the tables, and in a replay of entries whose
 * key was destroyed. Names cannot be empty (the receipt and the roster still show someone): an
 * erased member reads « Membre anonymisé », with their number.
 */
export const ERASED_MEMBER = {
  firstName: 'Membre',
  lastName: 'anonymisé',
  birthDate: null,
  email: null,
  phone: null,
  address: null,
  city: null,
  postalCode: null,
  notes: null,
} as const satisfies Record<PersonalMemberField, string | null>;

/** ERASED_MEMBER by 0.1 column name (derived columns follow the erased names). */
export const ERASED_MEMBER_COLUMNS: Readonly<Record<(typeof PERSONAL_MEMBER_COLUMNS)[number], string | null>> = {
  first_name: 'Membre',
  last_name: 'anonymisé',
  sort_name: 'anonymise membre',
  birth_date: null,
  email: null,
  phone: null,
  phone_digits: null,
  address: null,
  city: null,
  postal_code: null,
  notes: null,
};

/** A household whose only members were erased takes this name. */
export const ERASED_HOUSEHOLD_NAME = 'Ménage anonymisé';

/**
 * How sealed fields sit in a logged operation's JSON: taken out of their object and replaced by
 * one `$sealed` member, `{ fields: ["lastName", "phone"], box: "v1:<member id>:<key fingerprint>:<base64>" }`
 * (the base64 holds the 12-byte nonce, the ciphertext of the fields' values as JSON, and the
 * 16-byte tag of AES-256-GCM, with the operation id as associated data). Field names are not
 * personal; one seal per object keeps a 100,000-member import fast. Anyone replaying the log (the
 * desk's verify, the central server) opens it with the member's key, or reads the fields as
 * erased when the key is gone.
 */
export interface SealedFields {
  fields: string[];
  box: string;
}

export function sealedFieldsOf(value: unknown): SealedFields | null {
  if (typeof value !== 'object' || value === null) return null;
  const sealed = (value as { $sealed?: unknown }).$sealed;
  if (typeof sealed !== 'object' || sealed === null) return null;
  const { fields, box } = sealed as Partial<SealedFields>;
  return Array.isArray(fields) && typeof box === 'string' ? { fields, box } : null;
}

/** Sealed personal fields name their member: `v1:<member id>:<key id>:<data>` (core/privacy/sealing.ts). */
const SEALED_MEMBER = /"v1:([^:"]{1,64}):/g;

/** The members whose keys open the sealed fields of these JSON texts (log entries' facts). */
export function sealedMemberIds(...jsonTexts: (string | null)[]): Set<string> {
  const ids = new Set<string>();
  for (const json of jsonTexts) for (const match of json?.matchAll(SEALED_MEMBER) ?? []) ids.add(match[1]!);
  return ids;
}

/**
 * Who a sealed box is for and which key sealed it, from its text `v1:<member id>:<key id>:<data>`
 * (the key id is eight bytes of the key's SHA-256, hex; core/privacy/sealing.ts `keyFingerprint`);
 * null when the text is not a box.
 */
export function boxOwner(box: string): { memberId: string; keyId: string } | null {
  const match = /^v1:([^:"]{1,64}):([0-9a-f]{16}):/.exec(box);
  return match ? { memberId: match[1]!, keyId: match[2]! } : null;
}
