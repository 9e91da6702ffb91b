import { z } from 'zod';
import { clubSettingsSchema } from './club-settings.js';
import { id, instant, storedInteger } from './operations/fields.js';
import { MAX_MEMBER_NUMBER } from './validation.js';

/**
 * The contract between a desk and the club's central server (docs/SYNC.md): every body either
 * side sends, checked with these schemas on arrival. The server's routes and the desk's sync
 * client are both typed from here.
 */

/**
 * Most entries a push may carry, and most a pull page holds. A push is one transaction, and on
 * the server each one ends with a flush to disk: a club's first day (thousands of members) goes
 * in a few of them, not dozens.
 */
export const MAX_PUSH_ENTRIES = 2000;
/**
 * Most bytes of entries (their JSON, UTF-8) a desk puts in one push; it cuts the batch before the
 * entry that would pass it. With the keys and the PDFs, a push then always fits the server's
 * body limit (`pushBodyLimitBytes`): a batch too big to ever be taken would stop the desk's sync.
 */
export const MAX_PUSH_ENTRY_BYTES = 4 * 1024 * 1024;
export const MAX_PULL_ENTRIES = 1000;
/** Most bytes of entries' facts one page of the club's log holds: a page ends before it would hold more (one entry at least). */
export const MAX_PULL_PAGE_BYTES = 16 * 1024 * 1024;
/** Longest a pull may wait for a change before answering empty, in seconds. */
export const MAX_PULL_WAIT_SECONDS = 25;
/** `GET /v1/snapshot`'s headers: the server sequence the club snapshot holds the log up to, and the SHA-256 (hex) of the bytes sent (the gzipped file). */
export const SNAPSHOT_SEQ_HEADER = 'x-comptoir-snapshot-seq';
export const SNAPSHOT_SHA256_HEADER = 'x-comptoir-snapshot-sha256';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** JSON text as the audit log holds it (sealed personal fields stay sealed). */
const jsonText = z.string().max(200_000).nullable();

/**
 * One entry of a desk's hash-chained audit log, every field its hash covers, as the desk wrote
 * it (core/ledger/audit.ts `entryHash`). `seq` counts from 1 on each desk, without gaps.
 */
export const logEntrySchema = z
  .object({
    seq: z.number().int().min(1),
    prevHash: sha256Hex,
    hash: sha256Hex,
    operationId: id,
    at: instant,
    deskId: id,
    userId: z.string().max(64),
    action: z.string().min(1).max(64),
    entityType: z.string().max(64),
    entityId: z.string().max(64),
    beforeJson: jsonText,
    afterJson: jsonText,
    /** The operation's version; null for an entry Comptoir 0.1 wrote. */
    opVersion: storedInteger.min(1).nullable(),
  })
  .strict();
export type LogEntry = z.infer<typeof logEntrySchema>;

/** A member's key for the personal fields sealed in the log (core/privacy/sealing.ts), base64. */
export const memberKeySchema = z.object({ memberId: id, key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) }).strict();
export type MemberKey = z.infer<typeof memberKeySchema>;

/** A desk's first call: the one-time code the administrator gave, for the desk's own credential. */
/**
 * `attempt`: a random name the desk gives this join (22+ characters), the same on each try. When
 * the answer to a first try was lost after the server took the code, the same code with the same
 * attempt gets the same desk again, with a new credential: the code is not spent for nothing.
 */
export const enrollRequestSchema = z
  .object({ code: z.string().trim().min(4).max(64), attempt: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/).optional() })
  .strict();
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

/**
 * A block of member numbers the server reserved for one desk: numbers a desk can give (1 to
 * MAX_MEMBER_NUMBER), first to last. Whether it meets this desk's other blocks only the desk can tell.
 */
export const numberBlockResponseSchema = z
  .object({ blockId: id, first: z.number().int().min(1).max(MAX_MEMBER_NUMBER), last: z.number().int().min(1).max(MAX_MEMBER_NUMBER) })
  .strict()
  .refine((block) => block.last >= block.first, { path: ['last'] });
export type NumberBlockResponse = z.infer<typeof numberBlockResponseSchema>;

/** What enrolling gives a desk: everything its set-up takes, in the forms it takes them (core/desk/setup.ts). */
export const enrollResponseSchema = z
  .object({
    club: z.object({ id, slug: z.string(), name: z.string(), settings: clubSettingsSchema }).strict(),
    desk: z.object({ id, name: z.string().trim().min(1).max(60), receiptPrefix: z.string().regex(/^[A-Z0-9]{1,4}$/) }).strict(),
    /** Shown once: the server keeps only its SHA-256. Sent as `Authorization: Bearer <desk id>.<credential>`. */
    credential: z.string().min(32),
    memberNumbers: numberBlockResponseSchema,
  })
  .strict();
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

/** Most receipts' PDFs one push carries (the desk cuts its batch after the last one that fits). */
export const MAX_PUSH_ATTACHMENTS = 5;
/** Largest PDF a push carries, in bytes (a letter receipt is some 20 kB); the desk leaves out a larger one. */
export const MAX_ATTACHMENT_BYTES = 512 * 1024;
const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

/** The body a push may reach, in bytes: its entries, its PDFs in base64, and 1 MiB for the keys (2,000 at most) and the JSON around them. */
export const PUSH_BODY_LIMIT_BYTES = MAX_PUSH_ENTRY_BYTES + MAX_PUSH_ATTACHMENTS * MAX_ATTACHMENT_BASE64 + 1024 * 1024;

/**
 * The PDF of a receipt to email, beside its `receipt.email` entry (docs/SYNC.md, Email): the desk
 * renders it, exactly as it prints it, and the server attaches it. Base64.
 */
export const attachmentSchema = z
  .object({
    operationId: id,
    filename: z.string().regex(/^[\w.-]{1,100}\.pdf$/),
    base64: z
      .string()
      .max(MAX_ATTACHMENT_BASE64)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();
export type Attachment = z.infer<typeof attachmentSchema>;

export const pushRequestSchema = z
  .object({
    entries: z.array(logEntrySchema).min(1).max(MAX_PUSH_ENTRIES),
    keys: z.array(memberKeySchema).max(MAX_PUSH_ENTRIES).default([]),
    attachments: z.array(attachmentSchema).max(MAX_PUSH_ATTACHMENTS).default([]),
    /** The desk's clock when it sent this (ISO-8601): the server says how far it is from its own. */
    sentAt: z.string().datetime().optional(),
  })
  .strict();
export type PushRequest = z.input<typeof pushRequestSchema>;

/** How far the server holds this desk's chain, and the club's latest server sequence. */
export const pushResponseSchema = z
  .object({
    acknowledgedSeq: z.number().int().min(0),
    serverSeq: z.number().int().min(0),
    /** The desk's clock minus the server's, in ms (+ ahead), when the push said when it was sent. */
    clockOffsetMs: z.number().int().nullable().default(null),
  })
  .strict();
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_PULL_ENTRIES).default(MAX_PULL_ENTRIES),
    wait: z.coerce.number().int().min(0).max(MAX_PULL_WAIT_SECONDS).default(0),
  })
  .strict();
export type PullQuery = z.input<typeof pullQuerySchema>;

/** An entry of the club's log as a desk pulls it: the desk's entry and where the server put it. */
export const pulledEntrySchema = logEntrySchema.extend({ serverSeq: z.number().int().min(1) });
export type PulledEntry = z.infer<typeof pulledEntrySchema>;

export const pullResponseSchema = z
  .object({
    entries: z.array(pulledEntrySchema),
    keys: z.array(memberKeySchema),
    /** The cursor for the next pull: past every entry this page covered, the desk's own included. */
    cursor: z.number().int().min(0),
    /** The club's latest server sequence: a desk whose cursor reached it is up to date. */
    head: z.number().int().min(0),
    more: z.boolean(),
  })
  .strict();
export type PullResponse = z.infer<typeof pullResponseSchema>;


/** Every refusal the server answers, as data: the catalogue's code and its message in both languages. */
export const serverErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).strict() }).strict();
export type ServerError = z.infer<typeof serverErrorSchema>;
