import { Readable } from 'node:stream';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { ComptoirError, isComptoirError, type ErrorCode } from '../src-shared/errors.js';
import { unstorableText } from '../src-shared/validation.js';
import { PUSH_BODY_LIMIT_BYTES, SNAPSHOT_SEQ_HEADER, SNAPSHOT_SHA256_HEADER, type NumberBlockResponse, type ServerError } from '../src-shared/sync-protocol.js';
import { allocateNumberBlock } from './number-blocks.js';
import { lockHead } from './server-author.js';
import type { ServerDb } from './db/open.js';
import type { DeskTable } from './db/schema.js';
import { authenticateDesk, enrollDesk } from './desks.js';
import { pullChanges } from './pull.js';
import { acceptPush } from './push.js';
import { latestSnapshot, snapshotChunks } from './snapshots.js';

/** HTTP status of each refusal the routes can answer; anything else is the server's own failure (500). */
const STATUS: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  ENROLLMENT_CODE_INVALID: 400,
  SYNC_UNAUTHENTICATED: 401,
  DESK_REVOKED: 403,
  ENTRY_OF_ANOTHER_DESK: 403,
  ROUTE_NOT_FOUND: 404,
  SNAPSHOT_NOT_FOUND: 404,
  CLUB_NOT_FOUND: 404,
  CHAIN_BROKEN: 409,
  OPERATION_ID_REUSED: 409,
  REQUEST_TOO_LARGE: 413,
  RATE_LIMITED: 429,
};

/** Largest body a route reads: the largest push a desk sends (src-shared/sync-protocol.ts). */
export const BODY_LIMIT_BYTES = PUSH_BODY_LIMIT_BYTES;

export interface ServerOptions {
  /** The server's clock (tests move it). */
  now?: () => Date;
  /** Requests per minute per desk (or per address before a desk is known). */
  ratePerMinute?: number;
  /** Enrollment attempts per minute per address: codes cannot be guessed by trying. */
  enrollPerMinute?: number;
  logger?: boolean;
  /** Where the log goes (stdout by default); the tests read it. */
  logStream?: { write(line: string): void };
  /** Called after each push the club's log took (the mailer sends what it queued right away). */
  onPush?: () => void;
}

declare module 'fastify' {
  interface FastifyRequest {
    desk: DeskTable;
  }
}

function errorBody(error: ComptoirError): ServerError {
  return { error: { code: error.code, message: error.messageIn('fr'), messageEn: error.messageIn('en') } };
}

/** Fastify's own refusals, said in the catalogue's words. */
function asComptoirError(error: unknown): ComptoirError {
  if (isComptoirError(error)) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new ComptoirError('REQUEST_TOO_LARGE');
  const status = (error as { statusCode?: number } | null)?.statusCode;
  if (status === 429) return new ComptoirError('RATE_LIMITED');
  if (status !== undefined && status >= 400 && status < 500) {
    return new ComptoirError('INVALID_INPUT', { fr: 'le corps de la demande n’est pas du JSON valide', en: 'the request body is not valid JSON' });
  }
  return new ComptoirError('SERVER_FAILURE');
}

/**
 * The central server's HTTP routes (docs/SYNC.md): `POST /v1/enroll`, `POST /v1/push`,
 * `GET /v1/pull`, `GET /v1/snapshot`, `POST /v1/number-blocks`, `GET /v1/health`. Every body is checked by the shared protocol's schemas,
 * every refusal answered as `{ error: { code, message, messageEn } }`. Holds no state of its
 * own: any number of processes may serve one database.
 */
export async function buildServer(sdb: ServerDb, options: ServerOptions = {}): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    // Closing ends the desks' waiting pulls at once; they reconnect (to another process) on their own.
    forceCloseConnections: true,
    // A request Node cannot even parse (a NUL in a header, say) is answered in the same form as any refusal.
    clientErrorHandler: (_error, socket) => {
      if (!socket.writable) return;
      const body = JSON.stringify(errorBody(new ComptoirError('INVALID_INPUT', { fr: 'la demande n’est pas une demande HTTP valide', en: 'the request is not a valid HTTP request' })));
      socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    },
    // Request lines and status only: bodies carry members' data and codes, headers the credential.
    logger: options.logger ? { redact: ['req.headers.authorization'], ...(options.logStream ? { stream: options.logStream } : {}) } : false,
  });

  // PostgreSQL's text holds no NUL character (SQLite's cuts some functions short at one), and
  // neither database keeps half a character as it came: a body with either is refused for every
  // route, in French, before any route reads it — not a 500 deep in a query, nor an entry stored
  // that no longer gives its hash.
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const unstorable = unstorableText(body as string);
    if (unstorable) {
      done(new ComptoirError('INVALID_INPUT', { fr: `un texte contient ${unstorable.fr}, qu’aucun poste n’écrit. Rien n’a été enregistré.`, en: `a text holds ${unstorable.en}, which no desk writes. Nothing was recorded.` }), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });

  app.setErrorHandler((error, request, reply) => {
    const refusal = asComptoirError(error);
    const status = STATUS[refusal.code] ?? 500;
    if (status === 500) request.log.error({ err: error }, 'server failure');
    void reply.status(status).send(errorBody(refusal));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(errorBody(new ComptoirError('ROUTE_NOT_FOUND', { route: `${request.method} ${request.url.split('?')[0]}` })));
  });

  await app.register(rateLimit, {
    max: options.ratePerMinute ?? 1200,
    timeWindow: 60_000,
    // Per desk when the header names one, else per address.
    keyGenerator: (request: FastifyRequest) => /^Bearer ([^.\s]+)\./.exec(request.headers.authorization ?? '')?.[1] ?? request.ip,
    errorResponseBuilder: () => Object.assign(new ComptoirError('RATE_LIMITED'), { statusCode: 429 }),
  });

  const authenticated = async (request: FastifyRequest) => {
    request.desk = await authenticateDesk(sdb, request.headers.authorization);
  };

  app.get('/v1/health', async () => ({ ok: true }));

  app.post('/v1/enroll', { config: { rateLimit: { max: options.enrollPerMinute ?? 20, timeWindow: 60_000, keyGenerator: (r: FastifyRequest) => r.ip } } }, async (request) =>
    enrollDesk(sdb, request.body, now()),
  );

  app.post('/v1/push', { preHandler: authenticated }, async (request) => {
    const answer = await acceptPush(sdb, request.desk, request.body, now());
    options.onPush?.();
    return answer;
  });

  app.post('/v1/number-blocks', { preHandler: authenticated }, async (request) => {
    const desk = request.desk;
    const block = await sdb.db.transaction().execute(async (trx) => {
      await lockHead(trx, sdb.dialect, desk.club_id);
      return allocateNumberBlock(trx, desk.club_id, desk.id, now());
    });
    return { blockId: block.id, first: block.first, last: block.last } satisfies NumberBlockResponse;
  });

  app.get('/v1/pull', { preHandler: authenticated }, async (request, reply) => {
    // A waiting pull ends early when the desk hangs up (the response's socket closes first).
    const aborted = new AbortController();
    reply.raw.once('close', () => aborted.abort());
    return pullChanges(sdb, request.desk, request.query, aborted.signal);
  });

  // The club's latest snapshot for a new desk (docs/SYNC.md, Bootstrap): the SQLite file gzipped,
  // as it is stored, with its server sequence and the SHA-256 of these bytes in headers.
  app.get('/v1/snapshot', { preHandler: authenticated }, async (request, reply) => {
    const snapshot = await latestSnapshot(sdb, request.desk.club_id);
    if (!snapshot) throw new ComptoirError('SNAPSHOT_NOT_FOUND');
    void reply
      .header('content-type', 'application/gzip')
      .header('content-length', String(snapshot.gzippedBytes))
      .header(SNAPSHOT_SEQ_HEADER, String(snapshot.serverSeq))
      .header(SNAPSHOT_SHA256_HEADER, snapshot.sha256);
    // Chunk by chunk from the database: the desk works on the first while the next is read.
    return reply.send(Readable.from(snapshotChunks(sdb, request.desk.club_id, snapshot)));
  });

  return app;
}
