import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../../src-main/core/activities/activities.js';
import { activityRoster, registerMember } from '../../src-main/core/activities/registrations.js';
import { openCashSession } from '../../src-main/core/cash/cash-sessions.js';
import { createMember } from '../../src-main/core/members/members.js';
import { checkout } from '../../src-main/core/sales/checkout.js';
import { dayReport } from '../../src-main/core/cash/day-report.js';
import { checkScreen, expectVerifyClean, loose, openDeskInBrowser, openMember as openMemberIn, signInByKeyboard, type DeskInBrowser } from './harness.js';


/** Whose cart it is, what it holds, what it refuses before any money, and what is left to pay. */
describe('carts that belong to someone', () => {
  let d: DeskInBrowser;
  const n: Record<string, number> = {};
  beforeAll(async () => {
    d = await openDeskInBrowser({
      setup: (desk, adminId) => {
        const admin = { userId: adminId };
        const add = (key: string, input: Record<string, unknown>) => {
          const made = createMember(desk, admin, { force: true, ...input });
          if (!made.created) throw new Error('not created');
          n[key] = made.member.number;
        };
        add('ginette', { firstName: 'Ginette', lastName: 'Lachance' });
        add('laurent', { firstName: 'Laurent', lastName: 'Poirier' });
        add('rene', { firstName: 'René', lastName: 'Lachance', householdOf: n.ginette });
        add('active', { firstName: 'Yvette', lastName: 'Sirois' });
        add('first', { firstName: 'Bertrand', lastName: 'Nolet' });
        add('holder', { firstName: 'Simone', lastName: 'Caron' });
        add('waiting', { firstName: 'Marie-Thérèse', lastName: 'Dufresne', phone: '418 555-0147' });
        createActivity(desk, admin, { code: 'CHORALE', name: 'Chorale', season: 'Hiver 2027', priceCents: 3000, capacity: null, membershipRequired: true });
        createActivity(desk, admin, { code: 'TAICHI', name: 'Tai-chi', season: 'Hiver 2027', priceCents: 2500, capacity: 1, membershipRequired: false });
        openCashSession(desk, admin, { count: { '2000': 5, '500': 4 } });
        checkout(desk, admin, { memberNumber: n.active, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 5000 }] });
        registerMember(desk, admin, { activityCode: 'TAICHI', memberNumber: n.holder });
        registerMember(desk, admin, { activityCode: 'TAICHI', memberNumber: n.waiting, waitlistIfFull: true });
        // Last summer's waitlist: history, not a place anyone still waits for.
        createActivity(desk, admin, { code: 'PEINT-E26', name: 'Peinture', season: 'Été 2026', priceCents: 2000, capacity: 1, membershipRequired: false, startsOn: '2026-05-05', endsOn: '2026-08-25' });
        registerMember(desk, admin, { activityCode: 'PEINT-E26', memberNumber: n.holder });
        registerMember(desk, admin, { activityCode: 'PEINT-E26', memberNumber: n.waiting, waitlistIfFull: true });
      },
    });
    // Long enough for a loaded two-core machine (CI), short enough to fail before the test's own limit.
    d.page.setDefaultTimeout(15_000);
    await signInByKeyboard(d.page, 'Lise Bouchard', '1234');
    await d.page.locator('#lookup-title').waitFor();
  });
  afterAll(async () => d?.close());

  const openMember = (number: number) => openMemberIn(d.page, number);
  const h1 = () => d.page.getByRole('heading', { level: 1 }).textContent();

  it('asks before a waiting cart takes in someone outside its household, and names whose cart it is everywhere', async () => {
    const { page } = d;
    await openMember(n.ginette!);
    await page.getByRole('button', { name: /^(Renouveler|Adhérer)$/ }).click();
    await expect.poll(h1).toBe('Panier');
    // Her husband joins her cart without a question, named on his line.
    await openMember(n.rene!);
    await expect.poll(() => page.getByRole('button', { name: 'Panier de Ginette Lachance\u00a0: 1 article' }).count()).toBe(1);
    await page.getByRole('button', { name: /^(Renouveler|Adhérer)$/ }).click();
    await expect.poll(h1).toBe('Panier');
    await expect.poll(() => page.locator('.cart-lines').textContent()).toContain(`pour René Lachance (no ${n.rene})`);

    // Laurent is nobody's household: the volunteer is asked, and Enter goes back to Ginette's cart.
    await openMember(n.laurent!);
    await expect.poll(() => page.getByRole('button', { name: 'Panier de Ginette Lachance\u00a0: 2 articles' }).count()).toBe(1);
    await page.getByRole('button', { name: /^(Renouveler|Adhérer)$/ }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Le panier de Ginette Lachance n’est pas terminé');
    await expect.poll(() => dialog.textContent()).toContain('Il contient 2 articles. Laurent Poirier ne fait pas partie du ménage de Ginette Lachance.');
    await checkScreen(page, '09-panier-a-qui');
    await page.keyboard.press('Enter');
    await expect.poll(h1).toBe('Panier');
    await expect.poll(() => page.locator('.checkout-member').textContent()).toContain('Ginette Lachance');
    expect(await page.locator('.cart-lines tbody tr').count()).toBe(2);

    // Asked again, « Vider le panier et commencer celui de Laurent » starts his own.
    await openMember(n.laurent!);
    await page.getByRole('button', { name: /^(Renouveler|Adhérer)$/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Vider le panier et commencer celui de Laurent Poirier' }).click();
    await expect.poll(h1).toBe('Panier');
    await expect.poll(() => page.locator('.checkout-member').textContent()).toContain('Laurent Poirier');
    expect(await page.locator('.cart-lines tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Vider le panier' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Vider le panier' }).click();
  });

  it('says what the checkout would refuse while the cart is built, with its way out, before any money', async () => {
    const { page, desk } = d;
    // A member who renewed today, renewed again: said on the line, in French dates, and « Encaisser » waits.
    // The profile says it first: no « Renouveler » in the volunteer's way, the expiry in words.
    await openMember(n.active!);
    expect(await page.locator('.notice').first().textContent()).toMatch(/Déjà renouvelé\s:\sl’adhésion est payée jusqu’au \d{1,2}\s\p{L}+\s20\d\d\./u);
    expect(await page.getByRole('button', { name: 'Renouveler', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Renouveler une deuxième fois' }).click();
    await expect.poll(() => page.locator('.line-problem').textContent()).toMatch(/déjà renouvelé : son adhésion est valide jusqu'au \d{1,2} \p{L}+ 20\d\d/u);
    expect(await page.locator('.line-problem').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Avant d’encaisser, réglez ce qui est signalé sur «\sAdhésion annuelle\s» \(Yvette Sirois\)\.$/);
    await page.getByRole('button', { name: 'Comptant', exact: true }).click();
    await page.getByLabel('Montant remis').fill('50');
    expect(await page.getByRole('button', { name: 'Encaisser' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Vider le panier' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Vider le panier' }).click();

    // Someone who never was a member, put in the Chorale (membership needed): offered the membership in the same cart.
    await openMember(n.first!);
    await page.getByRole('button', { name: 'Inscrire à une activité' }).click();
    await page.getByRole('button', { name: 'Ajouter au panier : Chorale', exact: true }).click();
    await expect.poll(h1).toBe('Panier');
    await expect.poll(() => page.locator('.line-problem').textContent()).toContain('demande une adhésion active');
    await checkScreen(page, '09-panier-adhesion-requise');
    await page.getByRole('button', { name: 'Ajouter l’adhésion de Bertrand Nolet' }).click();
    await expect.poll(() => page.locator('.line-problem').count()).toBe(0);
    await expect.poll(() => page.locator('.cart-lines tbody tr').count()).toBe(2);

    // Split payment: the cheque form offers what the cash leaves.
    await page.getByRole('button', { name: 'Comptant', exact: true }).click();
    await page.getByLabel('Montant remis').fill('20');
    await expect.poll(() => page.locator('.checkout-summary').textContent()).toMatch(loose('Reste à payer35,00 $'));
    await page.getByRole('button', { name: 'Chèque', exact: true }).click();
    await expect.poll(() => page.getByLabel('Montant', { exact: true }).inputValue()).toBe('35,00');
    await page.getByLabel('Numéro du chèque').fill('88');
    await page.getByLabel('Banque').fill('Caisse Desjardins de Lévis');
    await page.getByRole('button', { name: 'Ajouter le chèque' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Tout est payé');
    expect(await page.locator('.checkout-summary').textContent()).not.toContain('Reste à payer');
    await page.getByRole('button', { name: 'Encaisser' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer la vente' }).click();
    await expect.poll(h1).toMatch(/^Reçu A-\d{6}/);
    expectVerifyClean(desk);

    // Voided at once: the red dialog, then what to hand back, cheque by cheque.
    await page.getByRole('button', { name: 'Annuler cette vente' }).click();
    expect(await page.locator('dialog.dialog-danger').count()).toBe(1);
    await page.getByLabel('Raison de l’annulation').fill('Mauvaise activité');
    await checkScreen(page, '09-annulation-danger');
    await page.getByRole('dialog').getByRole('button', { name: 'Annuler la vente' }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(loose('Rendez 20,00 $ comptant au membre.'));
    await expect.poll(() => page.locator('main').textContent()).toMatch(loose('Rendez le chèque no 88 (Caisse Desjardins de Lévis, 35,00 $) au membre.'));
    await openMember(n.first!);
    await expect.poll(() => page.locator('#registrations-title + table').textContent()).toMatch(/Annulée.*Remboursée/);
    expectVerifyClean(desk);
  });

  it('lets a member moved up from the waitlist be paid from the activity list and from the profile', async () => {
    const { page, desk } = d;
    await page.getByRole('banner').getByRole('button', { name: 'Trouver un membre' }).click();
    await page.getByRole('button', { name: 'Activités' }).click();
    await page.locator('#open-TAICHI').click();
    await page.getByRole('button', { name: /Annuler l’inscription.*Simone Caron/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /Annuler l’inscription/ }).click();
    await expect.poll(() => page.locator('.roster').textContent()).toContain('Dufresne');
    await expect.poll(() => page.locator('main').textContent()).toContain('passe de la liste d’attente aux inscrits\u00a0: appelez cette personne au 418 555-0147.');
    await expect.poll(() => page.getByRole('button', { name: 'Payer 25,00 $\u00a0: Tai-chi pour Marie-Thérèse Dufresne' }).count()).toBe(1);
    await checkScreen(page, '09-liste-a-payer');

    await openMember(n.waiting!);
    await expect.poll(() => page.locator('#registrations-title + table').textContent()).toContain('À payer');
    const rows = await page.locator('#registrations-title + table tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Tai-chi');
    expect(rows[1]).toMatch(/Peinture.*Liste d’attente \(activité terminée\)/);
    await page.getByRole('button', { name: 'Payer 25,00 $ : Tai-chi pour Marie-Thérèse Dufresne' }).click();
    await expect.poll(h1).toBe('Panier');
    await expect.poll(() => page.locator('.checkout-member').textContent()).toContain('Marie-Thérèse Dufresne');
    await page.getByRole('button', { name: 'Comptant', exact: true }).click();
    await page.getByLabel('Montant remis').fill('25');
    await page.getByRole('button', { name: 'Encaisser' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer la vente' }).click();
    await expect.poll(h1).toMatch(/^Reçu A-\d{6}/);
    const roster = activityRoster(desk, 'TAICHI');
    expect(roster.registered.map((r) => [r.lastName, r.payment])).toEqual([['Dufresne', 'paid']]);
    expectVerifyClean(desk);
  });

  it('sells to a walk-in without a member file, and puts credit on a member’s account', async () => {
    const { page, desk } = d;
    await page.getByRole('banner').getByRole('button', { name: 'Trouver un membre' }).click();
    await page.getByRole('button', { name: 'Vente sans membre (don)' }).click();
    await expect.poll(h1).toBe('Panier');
    await expect.poll(() => page.locator('main').textContent()).toContain('Vente sans fiche de membre');
    await page.getByLabel('Montant du don').fill('20');
    await page.getByRole('button', { name: 'Ajouter le don' }).click();
    expect(await page.getByLabel('Montant du crédit au compte').count()).toBe(0);
    await page.getByRole('button', { name: 'Comptant', exact: true }).click();
    await page.getByLabel('Montant remis').fill('20');
    await checkScreen(page, '09-vente-sans-membre');
    await page.getByRole('button', { name: 'Encaisser' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer la vente' }).click();
    await expect.poll(h1).toMatch(/^Reçu A-\d{6}/);
    const walkIn = (await h1())!.match(/A-\d{6}/)![0];
    expect(desk.reader.rawGet<{ member_id: string | null; total_cents: number }>('SELECT member_id, total_cents FROM sale_order WHERE receipt_number = ?', walkIn)).toEqual({ member_id: null, total_cents: 2000 });

    await openMember(n.laurent!);
    await page.getByRole('button', { name: /^(Renouveler|Adhérer)$/ }).click();
    await page.getByLabel('Montant du crédit au compte').fill('15');
    await page.getByRole('button', { name: 'Ajouter le crédit' }).click();
    await expect.poll(() => page.locator('.cart-lines tbody tr').count()).toBe(2);
    // A price lowered with its reason: the cart and the receipt show the club's price.
    await page.getByRole('button', { name: 'Changer le prix : Adhésion annuelle' }).click();
    await page.getByLabel('Nouveau prix').fill('30');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await expect.poll(() => page.locator('.price-change').textContent()).toContain('Tapez un prix plus bas que celui du club');
    await page.getByLabel('Nouveau prix').fill('10');
    await page.getByLabel('Raison', { exact: true }).fill('Bénévole de l’année');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await expect.poll(() => page.locator('.cart-lines').textContent()).toMatch(loose('prix du club 25,00 $ — Bénévole de l’année'));
    await checkScreen(page, '09-panier-prix-change');
    await page.getByRole('button', { name: 'Comptant', exact: true }).click();
    await page.getByLabel('Montant remis').fill('50');
    await page.getByRole('button', { name: 'Encaisser' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer la vente' }).click();
    await expect.poll(h1).toMatch(/^Reçu A-\d{6}/);
    await expect.poll(() => page.locator('main').textContent()).toMatch(loose('(prix du club : 25,00 $)'));
    const sold = (await h1())!.match(/A-\d{6}/)![0];
    const today = desk.reader.rawGet<{ d: string }>('SELECT business_date AS d FROM sale_order WHERE receipt_number = ?', sold)!.d;
    expect(dayReport(desk, today).priceChanges).toEqual([
      { receiptNumber: sold, kind: 'membership', activityName: null, listPriceCents: 2500, amountCents: 1000, reason: 'Bénévole de l’année', by: 'Lise Bouchard' },
    ]);
    await openMember(n.laurent!);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Crédit \/ Coupons\s*15,00\s\$/);
    expectVerifyClean(desk);
  });

  it('registers someone from the activities screen by name, not only by number', async () => {
    const { page } = d;
    await page.getByRole('banner').getByRole('button', { name: 'Trouver un membre' }).click();
    await page.getByRole('button', { name: 'Activités' }).click();
    const field = page.getByLabel('Nom ou no de membre');
    await field.fill('dufr');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').textContent()).toContain('Marie-Thérèse Dufresne');
    await page.getByRole('button', { name: /Changer de membre/ }).click();
    await page.getByLabel('Nom ou no de membre').fill('lachance');
    await page.keyboard.press('Enter');
    const choices = page.getByRole('list', { name: 'Membres trouvés' }).getByRole('button');
    await expect.poll(() => choices.count()).toBeGreaterThanOrEqual(2);
    await checkScreen(page, '09-inscrire-par-nom');
    await choices.filter({ hasText: 'Lachance, René' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('René Lachance');
  });

  it('changes a member’s household in « Modifier »: joins another member’s, then leaves it', async () => {
    const { page, desk } = d;
    await openMember(n.laurent!);
    await page.getByRole('button', { name: 'Modifier' }).click();
    await page.getByLabel('Joindre le ménage d’un autre membre').check();
    await page.getByLabel('No de membre de l’autre personne').fill(String(n.ginette));
    await checkScreen(page, '09-modifier-menage');
    await page.getByRole('button', { name: 'Sauvegarder' }).click();
    await expect.poll(() => page.locator('#household-title').textContent()).toContain('Lachance');
    const householdOf = (number: number) => desk.reader.rawGet<{ h: string | null }>('SELECT household_id AS h FROM member WHERE number = ?', number)!.h;
    expect(householdOf(n.laurent!)).toBe(householdOf(n.ginette!));
    await page.getByRole('button', { name: 'Modifier' }).click();
    await page.getByLabel('Quitter ce ménage').check();
    await page.getByRole('button', { name: 'Sauvegarder' }).click();
    await expect.poll(() => householdOf(n.laurent!)).toBeNull();
    expectVerifyClean(desk);
  });
});
