import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, openDeskInBrowser, signInByKeyboard, type DeskInBrowser } from './harness.js';

/** The screens offer each role what the core lets it do (docs/ROLES.md), nothing more. */
describe('roles on screen', () => {
  let d: DeskInBrowser;
  beforeAll(async () => {
    d = await openDeskInBrowser({ members: 30 });
  });
  afterAll(async () => d?.close());
  const heading = () => d.page.getByRole('heading', { level: 1 }).textContent();
  const buttons = () => d.page.locator('main .screen-head button').allTextContents();

  it('takes an activity leader, who handles no money, straight to the search, without the money buttons', async () => {
    await signInByKeyboard(d.page, 'Claudette Bérubé', '5678');
    await expect.poll(heading).toBe('Trouver un membre');
    expect(await buttons()).toEqual(['Activités']);
    // A member's record: her list, the card, no renewal, no receipts to open, no « Modifier ».
    const member = d.desk.reader.rawGet<{ number: number }>('SELECT min(number) AS number FROM member')!.number;
    await d.page.keyboard.type(String(member));
    await d.page.keyboard.press('Enter');
    await expect.poll(() => d.page.locator('nav.member-actions button').allTextContents()).toEqual(['Inscrire à une activité', 'Imprimer la carte', 'Retour']);
    expect(await d.page.getByRole('button', { name: 'Modifier' }).count()).toBe(0);
    expect(await d.page.getByRole('button', { name: /Afficher le reçu/ }).count()).toBe(0);
    await d.page.getByRole('button', { name: 'Se déconnecter' }).click();
  });

  it('shows an administrator the accounts locked by wrong PINs, and unlocks one', async () => {
    await expect.poll(heading).toBe('Bonjour\u00a0! Qui êtes-vous\u00a0?');
    // Yvon locked out by wrong PINs (set in the file: the lock-out itself is test/core/sign-in.test.ts).
    const yvon = d.desk.reader.rawGet<{ id: string }>("SELECT id FROM app_user WHERE name = 'Yvon Pelletier'")!.id;
    d.desk.connection.rawDatabase.prepare("UPDATE app_user SET failed_attempts = 10, locked_until = '2999-01-01T00:00:00.000Z' WHERE id = ?").run(yvon);
    await signInByKeyboard(d.page, 'Gilles Fortin', '2468');
    await expect.poll(() => d.page.getByRole('alert').first().textContent()).toContain('Compte bloqué (trop de NIP erronés)\u00a0: Yvon Pelletier.');
    await checkScreen(d.page, '12-compte-bloque');
    await d.page.getByRole('button', { name: 'Débloquer Yvon Pelletier' }).click();
    await expect.poll(() => d.page.getByRole('status').first().textContent()).toContain('Yvon Pelletier peut se connecter de nouveau.');
    expect(d.desk.reader.rawGet<{ locked_until: string | null }>('SELECT locked_until FROM app_user WHERE id = ?', yvon)!.locked_until).toBeNull();
  });
});
