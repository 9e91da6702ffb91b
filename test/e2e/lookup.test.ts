import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { createMember } from '../../src-main/core/members/members.js';
import { checkScreen, openDeskInBrowser, signInByKeyboard, type DeskInBrowser } from './harness.js';

describe('the volunteer signs in and finds members', () => {
  let d: DeskInBrowser;
  let leveille = 0;
  beforeAll(async () => {
    d = await openDeskInBrowser({
      setup: (desk, adminId) => {
        const result = createMember(desk, { userId: adminId }, { firstName: 'Françoise', lastName: 'Léveillé-Côté', force: true });
        if (result.created) leveille = result.member.number;
        openCashSession(desk, { userId: adminId }, { count: { '2000': 5 } });
      },
    });
  });
  afterAll(async () => d?.close());

  it('shows the sign-in screen, refuses a wrong PIN in plain French, and signs in by keyboard', async () => {
    const { page } = d;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bonjour\u00a0! Qui êtes-vous\u00a0?');
    await checkScreen(page, '01-connexion');
    await signInByKeyboard(page, 'Lise Bouchard', '9999');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('NIP incorrect. Essayez de nouveau');
    await checkScreen(page, '01-connexion-nip');
    await page.keyboard.type('1234');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trouver un membre');
  });

  it('keeps the search field focused and finds Léveillé-Côté by typing « leveille »', async () => {
    const { page } = d;
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('leveille');
    await expect.poll(() => page.locator('#search-results').getAttribute('data-results-for')).toBe('leveille');
    const first = page.getByRole('option').first();
    await expect.poll(() => first.textContent()).toContain('Léveillé-Côté, Françoise');
    await expect.poll(() => first.textContent()).toContain('Jamais membre');
    await checkScreen(page, '03-recherche');
  });

  it('switches to English and back, keeping the results', async () => {
    const { page } = d;
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Find a member');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Never a member');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en-CA');
    await checkScreen(page, '03-recherche-en');
    await page.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trouver un membre');
    await page.locator('#search').focus();
  });

  it('opens the highlighted member with the arrow keys and Enter', async () => {
    const { page } = d;
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Françoise');
  });

  it('jumps straight to the member when a card is scanned (digits then Enter)', async () => {
    const { page } = d;
    // A reload (or a crash of the window) keeps the volunteer signed in and lands on the look-up.
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type(String(leveille));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Léveillé-Côté');
  });
});
