import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, openDeskInBrowser, signInByKeyboard, type DeskInBrowser } from './harness.js';

describe('the volunteer signs in and finds members', () => {
  let d: DeskInBrowser;
  beforeAll(async () => {
    d = await openDeskInBrowser();
  });
  afterAll(async () => d?.close());

  it('shows the sign-in screen, refuses a wrong PIN in plain French, and signs in by keyboard', async () => {
    const { page } = d;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bonjour ! Qui êtes-vous ?');
    await checkScreen(page, '01-connexion');
    await signInByKeyboard(page, 'Lise Bouchard', '9999');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('NIP incorrect. Essayez de nouveau');
    await page.keyboard.type('1234');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ouvrir la caisse');
  });
});
