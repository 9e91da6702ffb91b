import { afterEach, describe, expect, it } from 'vitest';
import { openCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { createMember } from '../../src-main/core/members/members.js';
import type { Desk } from '../../src-main/core/desk/desk.js';
import { checkScreen, openDeskInBrowser, signInByKeyboard, type DeskInBrowser } from './harness.js';

const heading = (d: DeskInBrowser) => d.page.getByRole('heading', { level: 1 }).textContent();

/** Roger, a member, and an open drawer. */
function rogerAndDrawer(numbers: { roger: number }) {
  return (desk: Desk, adminId: string) => {
    const admin = { userId: adminId };
    const made = createMember(desk, admin, { firstName: 'Roger', lastName: 'Pelletier', force: true });
    if (made.created) numbers.roger = made.member.number;
    openCashSession(desk, admin, { count: { '2000': 5 } });
  };
}

/** Start Roger's renewal: a cart with one line, left on the cart screen. */
async function startRogersCart(d: DeskInBrowser, roger: number) {
  const { page } = d;
  await page.getByLabel('Nom, no de membre, téléphone ou courriel').fill(String(roger));
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /^(Renouveler|Adhérer)$/ }).click();
  await expect.poll(() => heading(d)).toBe('Panier');
}

describe('a volunteer never loses a cart to a sign-out', () => {
  let d: DeskInBrowser | null = null;
  afterEach(async () => {
    await d?.close();
    d = null;
  });

  it('warns with a countdown before the idle sign-out, says why afterwards, and gives the cart back to the same volunteer only', async () => {
    const numbers = { roger: 0 };
    d = await openDeskInBrowser({ members: 20, idleMinutes: 0.3, setup: rogerAndDrawer(numbers) }); // 18 s: the warning's last 9 s leave time to check the screen
    const { page } = d;
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await startRogersCart(d, numbers.roger);

    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading').textContent(), { timeout: 20_000 }).toBe('Êtes-vous toujours là\u00a0?');
    await expect.poll(() => dialog.textContent()).toMatch(/vous serez déconnecté dans \d+ s\..*Le panier de Roger Pelletier \(1 article\) sera gardé pour vous\./);
    await checkScreen(page, '10-inactivite-avertissement');
    // « Je suis là » keeps the session, on the core's side too: the next call is served.
    await dialog.getByRole('button', { name: 'Je suis là' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await heading(d)).toBe('Panier');

    // Left alone again: signed out, told why, the cart kept.
    await expect.poll(() => heading(d!), { timeout: 30_000 }).toBe('Bonjour\u00a0! Qui êtes-vous\u00a0?');
    await expect.poll(() => page.locator('main').textContent()).toContain('Vous avez été déconnecté après');
    expect(await page.locator('main').textContent()).toContain('Votre panier est gardé');
    await checkScreen(page, '10-deconnexion-inactivite');

    // Another volunteer finds no cart; Lise finds hers.
    await signInByKeyboard(page, 'Réal Gagnon', '2345');
    await expect.poll(() => heading(d!)).toBe('Trouver un membre');
    expect(await page.getByRole('button', { name: /^Panier de/ }).count()).toBe(0);
    await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await expect.poll(() => page.getByRole('button', { name: 'Panier de Roger Pelletier\u00a0: 1 article' }).count()).toBe(1);
  }, 90_000); // Two idle periods of a few seconds each, on a busy machine.

  it('asks before « Se déconnecter » leaves a cart, and keeps it for the volunteer', async () => {
    const numbers = { roger: 0 };
    d = await openDeskInBrowser({ members: 20, setup: rogerAndDrawer(numbers) });
    const { page } = d;
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await startRogersCart(d, numbers.roger);
    await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Le panier de Roger Pelletier (1 article) n’est pas encaissé.');
    await dialog.getByRole('button', { name: 'Rester connecté' }).click();
    expect(await heading(d)).toBe('Panier');
    await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => heading(d!)).toBe('Bonjour\u00a0! Qui êtes-vous\u00a0?');
    expect(await page.locator('main').textContent()).toContain('Votre panier est gardé');
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await expect.poll(() => page.getByRole('button', { name: 'Panier de Roger Pelletier\u00a0: 1 article' }).count()).toBe(1);
  });
});
