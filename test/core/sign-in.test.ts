import { describe, expect, it } from 'vitest';
import { ComptoirError } from '../../src-shared/errors.js';
import { createApiService } from '../../src-main/api/service.js';
import { CLIENT_WRONG_PINS_PER_MINUTE, createUser, DESK_WRONG_PINS_PER_MINUTE, LOCK_MINUTES, LONGEST_WAIT_SECONDS, MAX_FAILED_ATTEMPTS, signIn, unlockUser } from '../../src-main/core/users/users.js';
import { newDesk } from '../helpers.js';

/** The error code a sign-in ends with, or 'ok'. */
async function attempt(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof ComptoirError) return error.code;
    throw error;
  }
}

describe('wrong PINs', () => {
  it('lock an account after ten in a row, for five minutes, and an administrator can unlock it at once', async () => {
    const { desk, admin, clock } = newDesk();
    const robert = createUser(desk, admin, { name: 'Robert Morin', role: 'volunteer', pin: '1111' });
    const outcomes: string[] = [];
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      clock.advance(15_000); // slowly: the desk's own limit is not what this is about
      outcomes.push(await attempt(signIn(desk, { userId: robert.id, pin: '0000' })));
    }
    expect(outcomes).toEqual([...Array<string>(MAX_FAILED_ATTEMPTS - 1).fill('WRONG_PIN'), 'USER_LOCKED']);
    clock.advance(60_000);
    expect(await attempt(signIn(desk, { userId: robert.id, pin: '1111' }))).toBe('USER_LOCKED');
    const unlocked = unlockUser(desk, admin, { userId: robert.id });
    expect(unlocked.lockedUntil).toBeNull();
    expect((await signIn(desk, { userId: robert.id, pin: '1111' })).id).toBe(robert.id);
  });

  it('unlock by themselves after LOCK_MINUTES', async () => {
    const { desk, admin, clock } = newDesk();
    const robert = createUser(desk, admin, { name: 'Robert Morin', role: 'volunteer', pin: '1111' });
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      clock.advance(15_000);
      await attempt(signIn(desk, { userId: robert.id, pin: '0000' }));
    }
    clock.advance(LOCK_MINUTES * 60_000 + 1000);
    expect(await attempt(signIn(desk, { userId: robert.id, pin: '1111' }))).toBe('ok');
  });

  it('typed 25 times in 7 seconds across five volunteers lock nobody: the desk makes the next ones wait', async () => {
    const { desk, admin, clock } = newDesk();
    const names = ['Lise', 'Robert', 'Jeanne', 'Paul', 'Gilles la trésorière'];
    const users = names.map((name, i) => createUser(desk, admin, { name, role: i === 4 ? 'treasurer' : 'volunteer', pin: `${i + 1}`.repeat(4) }));
    const outcomes: string[] = [];
    for (let i = 0; i < 25; i++) {
      clock.advance(280);
      outcomes.push(await attempt(signIn(desk, { userId: users[i % 5]!.id, pin: '9999' })));
    }
    // Five at once, then one after a second, one after two more, one after four more: 7.0 s.
    expect(outcomes.filter((o) => o === 'WRONG_PIN')).toHaveLength(CLIENT_WRONG_PINS_PER_MINUTE + 2);
    expect(outcomes.filter((o) => o === 'DESK_THROTTLED')).toHaveLength(25 - CLIENT_WRONG_PINS_PER_MINUTE - 2);
    expect(desk.reader.rawAll<{ n: number }>("SELECT count(*) AS n FROM app_user WHERE locked_until IS NOT NULL")[0]!.n).toBe(0);
    // The treasurer arrives: she waits 4 seconds at most, then her PIN works.
    await expect(signIn(desk, { userId: users[4]!.id, pin: '5555' })).rejects.toThrow(/attendez [1-4] secondes?/);
    clock.advance(4_000);
    expect((await signIn(desk, { userId: users[4]!.id, pin: '5555' })).role).toBe('treasurer');
  });

  it('tell the volunteer how long to wait, in French', async () => {
    const { desk, admin, clock } = newDesk();
    const lise = createUser(desk, admin, { name: 'Lise', role: 'volunteer', pin: '1234' });
    for (let i = 0; i < CLIENT_WRONG_PINS_PER_MINUTE; i++) await attempt(signIn(desk, { userId: lise.id, pin: '0000' }));
    await expect(signIn(desk, { userId: lise.id, pin: '1234' })).rejects.toThrow('Trop de NIP erronés sur ce poste : attendez 1 seconde, puis réessayez.');
    clock.advance(1_000);
    await expect(signIn(desk, { userId: lise.id, pin: '0000' })).rejects.toThrow(/NIP incorrect/);
    await expect(signIn(desk, { userId: lise.id, pin: '1234' })).rejects.toThrow('attendez 2 secondes');
  });

  it('never make the next volunteer wait more than half a minute, however long someone keeps guessing', async () => {
    const { desk, admin, clock } = newDesk();
    const users = ['Lise', 'Robert', 'Jeanne'].map((name, i) => createUser(desk, admin, { name, role: 'volunteer', pin: `${i + 1}`.repeat(4) }));
    // Someone guesses as fast as the desk lets them, for ten minutes, rotating accounts.
    let checked = 0;
    for (let second = 0; second < 600; second++) {
      clock.advance(1_000);
      const outcome = await attempt(signIn(desk, { userId: users[second % 2]!.id, pin: '9999' }));
      if (outcome === 'WRONG_PIN') checked++;
    }
    // A few PINs a minute get checked at all (and each account locks after ten in a row).
    expect(checked).toBeLessThan(100);
    // Jeanne comes to the desk: within LONGEST_WAIT_SECONDS her PIN works.
    clock.advance(LONGEST_WAIT_SECONDS * 1000);
    expect((await signIn(desk, { userId: users[2]!.id, pin: '3333' })).name).toBe('Jeanne');
  });

  it('sent all at once are held like guesses sent one by one: no brute force, no lock-out', async () => {
    const { desk, admin } = newDesk();
    const treasurer = createUser(desk, admin, { name: 'Huguette', role: 'treasurer', pin: '0777' });
    const guesses = Array.from({ length: 200 }, (_, i) => String(i + 700).padStart(4, '0'));
    const outcomes = await Promise.all(guesses.map((pin) => attempt(signIn(desk, { userId: treasurer.id, pin }, 'onglet-pirate'))));
    expect(outcomes.filter((o) => o === 'WRONG_PIN')).toHaveLength(CLIENT_WRONG_PINS_PER_MINUTE);
    expect(outcomes).not.toContain('ok');
    expect(outcomes).not.toContain('USER_LOCKED');
  });

  it('sent all at once under a new client name each are held by the desk, and the account never takes more than its ten', async () => {
    const { desk, admin } = newDesk();
    const treasurer = createUser(desk, admin, { name: 'Huguette', role: 'treasurer', pin: '0777' });
    const lise = createUser(desk, admin, { name: 'Lise', role: 'volunteer', pin: '1234' });
    // The right PIN is the 30th guess: it is never even checked.
    const guesses = Array.from({ length: 100 }, (_, i) => String(i + 748).padStart(4, '0'));
    const outcomes = await Promise.all(guesses.map((pin, i) => attempt(signIn(desk, { userId: treasurer.id, pin }, `onglet-${i}`))));
    expect(outcomes).not.toContain('ok');
    expect(outcomes.filter((o) => o === 'WRONG_PIN' || o === 'USER_LOCKED')).toHaveLength(MAX_FAILED_ATTEMPTS);
    expect(outcomes.filter((o) => o === 'USER_LOCKED')).toHaveLength(1);
    // The desk took ten wrong PINs this minute, under its DESK_WRONG_PINS_PER_MINUTE: Lise, at her own window, signs in.
    expect(MAX_FAILED_ATTEMPTS).toBeLessThan(DESK_WRONG_PINS_PER_MINUTE);
    expect((await signIn(desk, { userId: lise.id, pin: '1234' }, 'window')).name).toBe('Lise');
  });

  it('are checked off the event loop: a sign-in never holds up the other calls', async () => {
    const { desk, admin } = newDesk();
    const lise = createUser(desk, admin, { name: 'Lise', role: 'volunteer', pin: '1234' });
    const paul = createUser(desk, admin, { name: 'Paul', role: 'volunteer', pin: '4321' });
    const api = createApiService(desk);
    expect((await api.call('session.signIn', { userId: paul.id, pin: '4321' }, 'tab-paul')).ok).toBe(true);
    const finished: string[] = [];
    const signingIn = api.call('session.signIn', { userId: lise.id, pin: '1234' }, 'tab-lise').then(() => finished.push('sign-in'));
    const searching = api.call('members.search', { query: 'roy' }, 'tab-paul').then(() => finished.push('search'));
    await Promise.all([signingIn, searching]);
    expect(finished).toEqual(['search', 'sign-in']);
  });
});
