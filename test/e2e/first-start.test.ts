import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src-server/app.js';
import type { ServerDb } from '../../src-server/db/open.js';
import { createEnrollmentCode } from '../../src-server/desks.js';
import { recordServerOperations } from '../../src-server/server-author.js';
import { hashPin } from '../../src-main/core/users/users.js';
import { startBrowserMode, type BrowserMode } from '../../src-main/web/main.js';
import { testClub, testServerDb } from '../server/harness.js';
import { checkScreen, openBrowser, signInByKeyboard } from './harness.js';

describe('a desk’s first start, in the browser', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** The browser mode on a database that does not exist yet, and Chromium on it. */
  const firstStart = async () => {
    const folder = mkdtempSync(join(tmpdir(), 'comptoir-first-'));
    const file = join(folder, 'poste.sqlite');
    const mode: BrowserMode = await startBrowserMode({ file, log: () => {} });
    const browser = await openBrowser(mode.server.url);
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }), () => mode.close(), () => browser.close());
    const h1 = () => browser.page.getByRole('heading', { level: 1 }).textContent();
    await expect.poll(h1).toBe('Mettre ce poste en route');
    return { page: browser.page, file, h1 };
  };

  it('joins the club’s server with the administrator’s code: a wrong code is refused, the right one brings the club’s volunteers', async () => {
    const sdb: ServerDb = await testServerDb('sqlite');
    await testClub(sdb);
    const club = await sdb.db.selectFrom('club').select('id').executeTakeFirstOrThrow();
    await recordServerOperations(sdb, club.id, [{ kind: 'user.create', version: 1, user: { id: 'u-louise', name: 'Louise Tremblay', role: 'admin', pinHash: hashPin('4821') } }]);
    const app: FastifyInstance = await buildServer(sdb);
    await app.listen({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => sdb.close(), () => app.close());
    const { code } = await createEnrollmentCode(sdb, { club: 'demo', deskName: 'Salle 2' });

    const { page, file, h1 } = await firstStart();
    await checkScreen(page, 'first-start');
    await page.getByLabel('Adresse du serveur du club').fill(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
    await page.getByLabel('Code d’inscription').fill('ABCD-EFGH-JKMN');
    await page.getByRole('button', { name: 'Se joindre au serveur du club' }).click();
    await expect.poll(() => page.locator('.notice').first().textContent()).toMatch(/Ce code d'inscription n'est pas valide/);
    expect(existsSync(file)).toBe(false);

    await page.getByLabel('Code d’inscription').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Se joindre au serveur du club' }).click();
    await expect.poll(h1, { timeout: 15_000 }).toBe('Bonjour\u00a0! Qui êtes-vous\u00a0?');
    await expect.poll(() => page.getByRole('button', { name: 'Louise Tremblay' }).count(), { timeout: 15_000 }).toBe(1);
    await signInByKeyboard(page, 'Louise Tremblay', '4821');
    await expect.poll(() => page.locator('header').textContent()).toContain('Louise Tremblay');
    await expect.poll(() => page.locator('header').textContent()).toContain('Poste Salle 2');
    await expect.poll(() => page.locator('.sync-badge').textContent(), { timeout: 15_000 }).toMatch(/^Synchronisé à/);
  });

  it('sets up a desk on its own with its first administrator, after saying what is wrong', async () => {
    const { page, h1 } = await firstStart();
    await page.getByLabel('Nom du club').fill('Club de l’âge d’or de Rimouski');
    await page.getByLabel('Nom du poste').fill('Accueil');
    await page.getByLabel('Nom de l’administrateur').fill('Gaétan Pelletier');
    await page.getByLabel('NIP de l’administrateur').fill('12');
    await page.getByRole('button', { name: 'Mettre en route le poste autonome' }).click();
    await expect.poll(() => page.locator('.notice').first().textContent()).toMatch(/Données invalides\s:\s«\sNIP de l’administrateur\s» doit contenir de 4 à 8 chiffres/u);
    await page.getByLabel('NIP de l’administrateur').fill('2580');
    await page.getByRole('button', { name: 'Mettre en route le poste autonome' }).click();
    await expect.poll(h1, { timeout: 15_000 }).toBe('Bonjour\u00a0! Qui êtes-vous\u00a0?');
    await signInByKeyboard(page, 'Gaétan Pelletier', '2580');
    await expect.poll(() => page.locator('header').textContent()).toContain('Club de l’âge d’or de Rimouski');
    expect(await page.locator('.sync-badge').textContent()).toBe('Poste autonome');
  });
});
