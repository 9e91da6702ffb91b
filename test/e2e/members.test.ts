import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { openCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { createMember } from '../../src-main/core/members/members.js';
import { registerMember } from '../../src-main/core/activities/registrations.js';
import { checkScreen, expectVerifyClean, openDeskInBrowser, signInByKeyboard, type DeskInBrowser } from './harness.js';

describe('new members and activities', () => {
  let d: DeskInBrowser;
  let waiting = 0;
  beforeAll(async () => {
    d = await openDeskInBrowser({
      setup: (desk, adminId) => {
        const admin = { userId: adminId };
        createMember(desk, admin, { firstName: 'Hélène', lastName: 'Bélanger', birthDate: '1948-03-14', force: true });
        createMember(desk, admin, { firstName: 'Marie', lastName: 'Tremblay-Nadeau', email: 'famille.tn@exemple.ca', force: true });
        createActivity(desk, admin, { code: 'TRICOT-E2E', name: 'Tricot du mardi', season: 'Hiver 2027', priceCents: 1500, capacity: 1, membershipRequired: false, startsOn: '2027-01-12' });
        const first = createMember(desk, admin, { firstName: 'Rita', lastName: 'Gingras', force: true });
        const second = createMember(desk, admin, { firstName: 'Paulette', lastName: 'Vachon-Gingras', force: true });
        if (first.created) registerMember(desk, admin, { activityCode: 'TRICOT-E2E', memberNumber: first.member.number });
        if (second.created) waiting = second.member.number;
        openCashSession(desk, admin, { count: { '2000': 5 } });
      },
    });
  });
  afterAll(async () => d?.close());

  it('warns that a new member may already exist, and creates only after an explicit choice', async () => {
    const { page, desk } = d;
    await signInByKeyboard(page, 'Lise Bouchard', '1234');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trouver un membre');
    await page.getByRole('button', { name: 'Nouveau membre' }).click();
    await page.getByLabel('Prénom').fill('helene');
    await page.getByLabel('Nom', { exact: true }).fill('BELANGER');
    await page.getByLabel('Date de naissance').fill('1948-03-14');
    await expect.poll(() => page.getByRole('heading', { name: 'Ce membre existe peut-être déjà' }).count()).toBe(1);
    await expect.poll(() => page.locator('main').textContent()).toContain('même date de naissance');
    await checkScreen(page, '05-nouveau-membre-doublon');
    const create = page.getByRole('button', { name: 'Créer le membre' });
    expect(await create.isDisabled()).toBe(true);
    await page.getByLabel('C’est une autre personne : créer quand même').check();
    await create.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('helene BELANGER');
    const count = desk.reader.rawGet<{ n: number }>("SELECT count(*) AS n FROM member WHERE sort_name = 'belanger helene'")!.n;
    expect(count).toBe(2);
  });

  it('lets a spouse share an email without a warning', async () => {
    const { page } = d;
    await page.getByRole('button', { name: 'Retour' }).first().click();
    await page.getByRole('button', { name: 'Nouveau membre' }).click();
    await page.getByLabel('Prénom').fill('Gaston');
    await page.getByLabel('Nom', { exact: true }).fill('Tremblay-Nadeau');
    await page.getByLabel('Courriel').fill('famille.tn@exemple.ca');
    await page.waitForTimeout(600);
    expect(await page.getByRole('heading', { name: 'Ce membre existe peut-être déjà' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Créer le membre' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Gaston Tremblay-Nadeau');
    await page.getByRole('button', { name: 'Retour' }).first().click();
  });

  it('puts a member on the waitlist of a full activity', async () => {
    const { page, desk } = d;
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type(String(waiting));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Paulette Vachon-Gingras');
    await page.getByRole('button', { name: 'Inscrire à une activité' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Activités');
    await page.getByLabel('Saison').selectOption('Hiver 2027');
    await expect.poll(() => page.locator('main').textContent()).toContain('Tricot du mardi');
    await checkScreen(page, '10-activites');
    await page.getByRole('button', { name: 'Mettre sur la liste d’attente : Tricot du mardi' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mettre sur la liste d’attente' }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/liste d’attente/);
    await checkScreen(page, '10-activites-liste-attente');
    const row = desk.reader.rawGet<{ status: string }>(
      "SELECT r.status FROM registration r JOIN activity a ON a.id = r.activity_id JOIN member m ON m.id = r.member_id WHERE a.code = 'TRICOT-E2E' AND m.number = ?",
      waiting,
    );
    expect(row?.status).toBe('waitlisted');
    expectVerifyClean(desk);
  });
});
