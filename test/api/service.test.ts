import { describe, expect, it } from 'vitest';
import { createApiService } from '../../src-main/api/service.js';
import { createUser } from '../../src-main/core/users/users.js';
import { addMember, newDesk } from '../helpers.js';

function volunteerDesk() {
  const t = newDesk();
  const volunteer = createUser(t.desk, t.admin, { name: 'Lise Bouchard', role: 'volunteer', pin: '1234' });
  return { ...t, volunteer, api: createApiService(t.desk, { log: () => {} }) };
}

describe('the UI contract', () => {
  it('asks for a signed-in volunteer before anything but the sign-in screen', async () => {
    const { api, volunteer } = volunteerDesk();
    expect(await api.call('members.search', { query: 'roy' })).toEqual({
      ok: false,
      error: { code: 'NOT_SIGNED_IN', message: 'Votre session est terminée (inactivité). Choisissez votre nom et entrez votre NIP.' },
    });
    const users = await api.call('users.list', {});
    expect(users.ok && users.value.map((u) => u.name)).toEqual(['Lise Bouchard']);
    const signedIn = await api.call('session.signIn', { userId: volunteer.id, pin: '1234' });
    expect(signedIn.ok && signedIn.value.user?.name).toBe('Lise Bouchard');
    expect((await api.call('members.search', { query: 'roy' })).ok).toBe(true);
  });

  it('carries errors as data in the desk language, never as a stack trace', async () => {
    const { api, volunteer } = volunteerDesk();
    const wrong = await api.call('session.signIn', { userId: volunteer.id, pin: '0000' });
    expect(wrong).toEqual({ ok: false, error: { code: 'WRONG_PIN', message: 'NIP incorrect. Essayez de nouveau (encore 9 essais avant le blocage).' } });
    await api.call('desk.setLanguage', { language: 'en' });
    await api.call('session.signIn', { userId: volunteer.id, pin: '1234' });
    const bad = await api.call('members.profile', { number: 'abc' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toBe('Invalid input: "Number" has the wrong type');
    expect(await api.callByName('members.delete', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers a sale with the receipt, checked against the contract', async () => {
    const { desk, admin, api, volunteer } = volunteerDesk();
    const no = addMember(desk, admin, 'Jean', 'Roy');
    await api.call('session.signIn', { userId: volunteer.id, pin: '1234' });
    expect((await api.call('drawer.open', { count: { '2000': 2 } })).ok).toBe(true);
    const sale = await api.call('sales.checkout', { memberNumber: no, lines: [{ kind: 'membership' }], payments: [{ method: 'cash', tenderedCents: 3000 }] });
    expect(sale.ok && sale.value.order.receiptNumber).toBe('A-000001');
    expect(sale.ok && sale.value.order.createdBy).toBe('Lise Bouchard');
    const profile = await api.call('members.profile', { number: no });
    expect(profile.ok && profile.value.orders.map((o) => o.receiptNumber)).toEqual(['A-000001']);
  });

  it('signs the volunteer out after the idle time', async () => {
    const t = newDesk();
    const volunteer = createUser(t.desk, t.admin, { name: 'Lise', role: 'volunteer', pin: '1234' });
    const api = createApiService(t.desk, { idleMinutes: 0 });
    await api.call('session.signIn', { userId: volunteer.id, pin: '1234' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await api.call('members.search', { query: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('takes a card approval through the terminal port and records it before any sale', async () => {
    const { api, volunteer, desk: cardDesk } = volunteerDesk();
    await api.call('session.signIn', { userId: volunteer.id, pin: '1234' });
    const approval = await api.call('payments.card', { amountCents: 2500, reference: 'A-000001', slip: { authCode: 'ab12', last4: '4242', brand: 'visa' } });
    expect(approval).toEqual({ ok: true, value: { terminal: 'standalone', authCode: 'AB12', last4: '4242', brand: 'visa', transactionId: null } });
    // On record at once: a cart lost after the terminal charged still leaves a trace for the treasurer.
    const recorded = cardDesk.reader.rawGet<{ after_json: string }>("SELECT after_json FROM audit_log WHERE action = 'card.approved'");
    expect(JSON.parse(recorded!.after_json)).toMatchObject({ amountCents: 2500, reference: 'A-000001', approval: { authCode: 'AB12', last4: '4242' } });
  });

  it('keeps one volunteer per client: two tabs, two volunteers, each sale under its own name', async () => {
    const { desk, admin, api, volunteer } = volunteerDesk();
    const paul = createUser(desk, admin, { name: 'Paul Caron', role: 'volunteer', pin: '4321' });
    const no = addMember(desk, admin, 'Jean', 'Roy');
    await api.call('session.signIn', { userId: volunteer.id, pin: '1234' }, 'tab-1');
    await api.call('session.signIn', { userId: paul.id, pin: '4321' }, 'tab-2');
    await api.call('drawer.open', { count: { '2000': 2 } }, 'tab-1');
    const donation = { memberNumber: no, lines: [{ kind: 'donation', amountCents: 500 }], payments: [{ method: 'cash', tenderedCents: 500 }] } as const;
    const first = await api.call('sales.checkout', donation, 'tab-1');
    const second = await api.call('sales.checkout', donation, 'tab-2');
    expect([first.ok && first.value.order.createdBy, second.ok && second.value.order.createdBy]).toEqual(['Lise Bouchard', 'Paul Caron']);
    const states = await Promise.all(['tab-1', 'tab-2', 'tab-3'].map((tab) => api.call('desk.state', {}, tab)));
    expect(states.map((s) => s.ok && s.value.user?.name)).toEqual(['Lise Bouchard', 'Paul Caron', undefined]);
    await api.call('session.signOut', {}, 'tab-2');
    expect((await api.call('members.search', { query: 'roy' }, 'tab-2')).ok).toBe(false);
    expect((await api.call('members.search', { query: 'roy' }, 'tab-1')).ok).toBe(true);
  });

  it('never lets the sign-in screen revive an idle session: looking at it is not working', async () => {
    const t = newDesk();
    const volunteer = createUser(t.desk, t.admin, { name: 'Lise', role: 'volunteer', pin: '1234' });
    const api = createApiService(t.desk, { idleMinutes: 0.001 }); // 60 ms
    await api.call('session.signIn', { userId: volunteer.id, pin: '1234' });
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      await api.call('desk.state', {});
      await api.call('users.list', {});
      await api.call('desk.setLanguage', { language: 'fr' });
    }
    const state = await api.call('desk.state', {});
    expect(state.ok && state.value.user).toBeNull();
    expect(await api.call('members.search', { query: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('never lets a screen asking on its own timer keep an idle volunteer signed in (an open profile, a receipt’s emails)', async () => {
    const t = newDesk();
    const volunteer = createUser(t.desk, t.admin, { name: 'Lise', role: 'volunteer', pin: '1234' });
    const number = addMember(t.desk, t.admin, 'Ginette', 'Lachance');
    const api = createApiService(t.desk, { idleMinutes: 0.001 }); // 60 ms
    await api.call('session.signIn', { userId: volunteer.id, pin: '1234' });
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      await api.call('members.profileStamp', { number });
    }
    expect(await api.call('members.profileStamp', { number })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('keeps a working volunteer signed in: each signed-in call restarts the idle clock', async () => {
    const t = newDesk();
    const volunteer = createUser(t.desk, t.admin, { name: 'Lise', role: 'volunteer', pin: '1234' });
    const api = createApiService(t.desk, { idleMinutes: 0.002 }); // 120 ms
    await api.call('session.signIn', { userId: volunteer.id, pin: '1234' });
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await api.call('members.search', { query: 'x' })).ok).toBe(true);
    }
  });
});

