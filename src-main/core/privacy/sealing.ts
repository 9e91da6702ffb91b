import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Reader, Writer } from '../../db/sql.js';
import type { Operation } from '../../../src-shared/operations/index.js';
import { ERASED_HOUSEHOLD_NAME, ERASED_MEMBER, PERSONAL_MEMBER_FIELDS, sealedFieldsOf, type SealedFields } from '../../../src-shared/personal-data.js';

/**
 * Personal fields in the log, sealed with each member's own key (crypto-shredding): a member's
 * names, email, phone, birth date, address and notes are written to the hash-chained log as
 * AES-256-GCM ciphertext under a key that lives in `member_key`. Erasing the member destroys the
 * key: every copy of those fields in the log — the desk's, and the central server's tomorrow —
 * becomes unreadable at once, while the chain still hashes exactly what was written.
 */

/** The key of each member whose sealed fields can still be read; null once erased. */
export type KeyRing = (memberId: string) => Buffer | null;

/** Every key a database holds, loaded once (replaying a log reads many). */
export function keyRingOf(r: Reader): KeyRing {
  const keys = new Map(r.rawAll<{ member_id: string; key: Buffer }>('SELECT member_id, key FROM member_key').map((row) => [row.member_id, row.key]));
  return (memberId) => keys.get(memberId) ?? null;
}

/**
 * Which of a member's keys sealed a value: a member erased and back again has a new key, and
 * what the old one sealed stays erased. Eight bytes of the key's SHA-256 (hex) say nothing of the key.
 */
export function keyFingerprint(key: Buffer): string {
  let known = fingerprints.get(key);
  if (!known) fingerprints.set(key, (known = createHash('sha256').update(key).digest('hex').slice(0, 16)));
  return known;
}
const fingerprints = new WeakMap<Buffer, string>();

/** Seals text with the member's key; the box of a SealedFields. */
function seal(text: string, key: Buffer, memberId: string, operationId: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(operationId));
  const sealed = Buffer.concat([nonce, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `v1:${memberId}:${keyFingerprint(key)}:${sealed.toString('base64')}`;
}

/** A box's text, or null when its key is gone. @throws when the box was altered. */
function open(box: string, keys: KeyRing, operationId: string): string | null {
  const [version, memberId, keyId, data] = box.split(':');
  if (version !== 'v1' || !memberId || !keyId || !data) throw new Error('a sealed value has an unknown form');
  const key = keys(memberId);
  if (!key || keyFingerprint(key) !== keyId) return null;
  const bytes = Buffer.from(data, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(operationId));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
}

/** What an erased field reads as: ERASED_MEMBER's value, a household's erased name, or an empty text (a receipt's address). */
function erasedValue(kind: string, field: string): string | null {
  if (kind === 'receipt.email') return '';
  if (field === 'name') return ERASED_HOUSEHOLD_NAME;
  return field in ERASED_MEMBER ? ERASED_MEMBER[field as keyof typeof ERASED_MEMBER] : '';
}

/** An object whose `$sealed` fields are put back: opened, or erased when the key is gone. */
function unsealed(value: Record<string, unknown>, sealed: SealedFields, keys: KeyRing, entry: { operation_id: string; action: string }): Record<string, unknown> {
  const { $sealed: _box, ...rest } = value;
  const text = open(sealed.box, keys, entry.operation_id);
  const values = text === null ? Object.fromEntries(sealed.fields.map((field) => [field, erasedValue(entry.action, field)])) : (JSON.parse(text) as Record<string, unknown>);
  return { ...rest, ...values };
}

/**
 * A logged JSON text as its readers need it: sealed fields opened with their member's key, or
 * read as erased when the key was destroyed.
 *
 * @throws when a sealed box was altered (its authentication tag no longer matches).
 */
export function openLogged(json: string, keys: KeyRing, entry: { operation_id: string; action: string }): unknown {
  if (!json.includes('"$sealed"')) return JSON.parse(json);
  return JSON.parse(json, (_field, value: unknown) => {
    const sealed = sealedFieldsOf(value);
    return sealed ? unsealed(value as Record<string, unknown>, sealed, keys, entry) : value;
  });
}

/** What logAndApply writes for an operation: its facts and « before » as JSON, sealed where personal. */
export interface LoggedForm {
  after: string;
  before: string | null;
  /** A member's first key, to be stored once the write's rows exist (it points to the member). */
  newKey: { memberId: string; key: Buffer } | null;
}

/**
 * `values` with its personal fields (PERSONAL_MEMBER_FIELDS unless told) that hold text taken out
 * into one `$sealed` box under the member's key, bound to `operationId`; the rest as they are.
 * `openLogged` with the same operation id reads it back.
 */
export function sealFields(values: Record<string, unknown>, key: Buffer, memberId: string, operationId: string, personal: readonly string[] = PERSONAL_MEMBER_FIELDS): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  const hidden: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (personal.includes(field) && typeof value === 'string') hidden[field] = value;
    else kept[field] = value;
  }
  const fields = Object.keys(hidden);
  if (fields.length === 0) return values;
  const sealed: SealedFields = { fields, box: seal(JSON.stringify(hidden), key, memberId, operationId) };
  return { ...kept, $sealed: sealed };
}

// A household is named after a member (« Famille Tremblay »): its name is sealed with the key of
// the member whose write names it.
const HOUSEHOLD_NAME = ['name'] as const;

/** The member's key, or a new one (returned as `newKey`, to store after the write's rows). */
function keyOf(w: Writer, memberId: string): { key: Buffer; newKey: LoggedForm['newKey'] } {
  const existing = w.rawGet<{ key: Buffer }>('SELECT key FROM member_key WHERE member_id = ?', memberId)?.key;
  if (existing) return { key: existing, newKey: null };
  const key = randomBytes(32);
  return { key, newKey: { memberId, key } };
}

/**
 * Seals an operation's personal fields for the log with the member's key (made on the member's
 * first write since sealing exists). Other operations are written as they are: their facts as JSON.
 */
export function sealForLog(w: Writer, op: Operation, before: unknown, operationId: string): LoggedForm {
  const { kind: _kind, version: _version, ...body } = op;
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  switch (op.kind) {
    case 'member.create': {
      const { key, newKey } = keyOf(w, op.member.id);
      const household = op.household && sealFields(op.household, key, op.member.id, operationId, HOUSEHOLD_NAME);
      return { after: JSON.stringify({ ...body, member: sealFields(op.member, key, op.member.id, operationId), household }), before: json(before), newKey };
    }
    case 'member.update': {
      const { key, newKey } = keyOf(w, op.memberId);
      const sealedBefore = before && typeof before === 'object' ? sealFields(before as Record<string, unknown>, key, op.memberId, operationId) : before;
      const household = op.household && sealFields(op.household, key, op.memberId, operationId, HOUSEHOLD_NAME);
      return { after: JSON.stringify({ ...body, changes: sealFields(op.changes, key, op.memberId, operationId), household }), before: json(sealedBefore), newKey };
    }
    case 'receipt.email': {
      const memberId = w.rawGet<{ member_id: string | null }>('SELECT member_id FROM sale_order WHERE id = ?', op.orderId)?.member_id;
      // A receipt made out to nobody in particular: no member to seal it for, nothing to erase.
      if (!memberId) return { after: JSON.stringify(body), before: json(before), newKey: null };
      const { key, newKey } = keyOf(w, memberId);
      return { after: JSON.stringify(sealFields(body, key, memberId, operationId, ['email'])), before: json(before), newKey };
    }
    default:
      return { after: JSON.stringify(body), before: json(before), newKey: null };
  }
}

/** Stores a member's first key. */
export function storeKey(w: Writer, newKey: LoggedForm['newKey'], at: string): void {
  if (newKey) w.rawRun('INSERT INTO member_key (member_id, key, created_at) VALUES (?, ?, ?)', newKey.memberId, newKey.key, at);
}

/** Destroys a member's key: every field sealed with it is unreadable from now on. */
export function destroyKey(w: Writer, memberId: string): void {
  w.rawRun('DELETE FROM member_key WHERE member_id = ?', memberId);
}
