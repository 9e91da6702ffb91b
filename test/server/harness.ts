import { randomBytes } from 'node:crypto';
import { openServerDb, type Dialect, type ServerDb } from '../../src-server/db/open.js';
import { createClub } from '../../src-server/clubs.js';
import { createEnrollmentCode, enrollDesk } from '../../src-server/desks.js';
import type { EnrollResponse } from '../../src-shared/sync-protocol.js';
import { newDesk, tempFolder, type TestDesk } from '../helpers.js';
import { join } from 'node:path';

/** Every server test runs on both engines the server supports. */
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];
/** PostgreSQL on loopback, trust auth (.ci/run makes sure it answers). */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Where a fresh server database lives: a new SQLite file, or a new PostgreSQL schema. */
export function freshLocation(dialect: Dialect): { location: string; schema?: string } {
  if (dialect === 'sqlite') return { location: join(tempFolder(), 'server.sqlite') };
  return { location: POSTGRES_URL, schema: testSchemaName() };
}

/**
 * A new PostgreSQL schema's name for a test, stamped with when it was made (`t_<ms in base 36>_<random>`).
 * Left in place when the test ends: test/global-setup.ts drops those older than a few hours before
 * a run, never those of a run going on beside it (`npm test` and `npm run test:chaos` at once).
 */
export function testSchemaName(): string {
  return `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** A fresh, migrated server database on that engine. */
export async function testServerDb(dialect: Dialect): Promise<ServerDb> {
  const { location, schema } = freshLocation(dialect);
  return openServerDb(location, schema ? { schema } : {});
}

/** A club, `slug` by default `demo`, on the server. */
export async function testClub(sdb: ServerDb, slug = 'demo') {
  return createClub(sdb, { slug, name: `Club ${slug}` });
}

/**
 * A real desk file enrolled to the server's club: the server's code traded for its identity,
 * then initialized with it (desk id, receipt prefix, first number block) like the desk's first start.
 */
export async function enrolledDesk(sdb: ServerDb, club = 'demo', name = 'Accueil', at?: string): Promise<TestDesk & { enrollment: EnrollResponse; authorization: string }> {
  const { code } = await createEnrollmentCode(sdb, { club, deskName: name });
  const enrollment = await enrollDesk(sdb, { code });
  const desk = newDesk({
    ...(at ? { at } : {}),
    prefix: enrollment.desk.receiptPrefix,
    deskName: enrollment.desk.name,
    numbers: { first: enrollment.memberNumbers.first, last: enrollment.memberNumbers.last },
    enrolled: { deskId: enrollment.desk.id, numberBlockId: enrollment.memberNumbers.blockId },
  });
  return { ...desk, enrollment, authorization: `Bearer ${enrollment.desk.id}.${enrollment.credential}` };
}
