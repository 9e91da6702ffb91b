import { afterEach, describe, expect, it } from 'vitest';
import { openCashSession } from '../../src-main/core/cash/cash-sessions.js';
import type { Desk } from '../../src-main/core/desk/desk.js';
import { checkScreen, openDeskInBrowser, signInByKeyboard, type DeskInBrowser } from './harness.js';

/** The drawer is open: a signed-in volunteer lands on the search. */
const drawerOpen = (desk: Desk, adminId: string) => void openCashSession(desk, { userId: adminId }, { count: { '2000': 5 } });
const heading = (d: { page: DeskInBrowser['page'] }) => d.page.getByRole('heading', { level: 1 }).textContent();

describe('sessions in the browser mode', () => {
  let d: DeskInBrowser | null = null;
  afterEach(async () => {
    await d?.close();
    d = null;
  });

  it('gives each tab its own volunteer: a second tab opens on the sign-in screen, and each keeps its own', async () => {
    d = await openDeskInBrowser({ members: 20, setup: drawerOpen });
    const { page, context } = d;
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await expect.poll(() => heading(d!)).toBe('Trouver un membre');
    const second = await context.newPage();
    await second.goto(new URL('/', page.url()).href);
    await expect.poll(() => heading({ page: second })).toBe('Bonjour\u00a0! Qui êtes-vous\u00a0?');
    await signInByKeyboard(second, 'Réal Gagnon', '2345');
    await expect.poll(() => heading({ page: second })).toBe('Trouver un membre');
    await page.reload();
    await expect.poll(() => heading(d!)).toBe('Trouver un membre');
    await expect.poll(() => page.locator('header').textContent()).toContain('Lise Bouchard');
    await expect.poll(() => second.locator('header').textContent()).toContain('Réal Gagnon');
  });

  it('lands an abandoned tab on the sign-in screen when it is reloaded after the idle time', async () => {
    d = await openDeskInBrowser({ members: 20, idleMinutes: 0.02, setup: drawerOpen }); // 1.2 s
    const { page } = d;
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await expect.poll(() => heading(d!)).toBe('Trouver un membre');
    await page.waitForTimeout(1500);
    await page.reload();
    await expect.poll(() => heading(d!)).toBe('Bonjour\u00a0! Qui êtes-vous\u00a0?');
  });

  it('refuses the launch address a second time, from another browser', async () => {
    d = await openDeskInBrowser({ members: 20 });
    const response = await fetch(d.mode.server.url, { redirect: 'manual' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Cette adresse de lancement a déjà servi');
    // The refusal page is the app's, not bare serif text: its style passes the page's CSP by hash.
    await d.context.clearCookies();
    const page = await d.context.newPage();
    await page.goto(d.mode.server.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Accès refusé');
    expect(await page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 61, 145)');
    await checkScreen(page, '13-adresse-refusee');
  });
});
