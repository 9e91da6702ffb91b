import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers.js';
import { comptoir } from './comptoir.js';

describe('comptoir privacy', () => {
  it('logs who looked, erases a member on request, and says so in plain French', () => {
    const file = join(tempFolder(), 'poste.sqlite');
    const db = (...args: string[]) => comptoir('--db', file, ...args);
    expect(db('init', '--desk', 'Accueil', '--prefix', 'A').code).toBe(0);
    expect(db('member', 'add', '--first', 'Réal', '--last', 'Tanguay', '--phone', '418 555-0001', '--notes', 'Malentendant').code).toBe(0);
    expect(db('member', 'show', '100000').code).toBe(0);
    expect(db('search', 'tanguay').code).toBe(0);

    const log = JSON.parse(db('privacy', 'log', '--json').stdout) as { entries: { what: string; memberNumber: number | null; userName: string }[] };
    expect(log.entries.map((e) => [e.what, e.memberNumber])).toEqual([
      ['search', null],
      ['profile', 100000],
    ]);
    expect(db('privacy', 'log', '--member', '100000').stdout).toMatch(/Administration \(ligne de commande\) : fiche — membre 100000 \(ligne de commande\)/);

    const erased = db('privacy', 'erase', '100000');
    expect(erased).toMatchObject({ code: 0 });
    expect(erased.stdout).toContain('Renseignements personnels effacés (1) :');
    expect(JSON.parse(db('member', 'show', '100000', '--json').stdout).member).toMatchObject({ firstName: 'Membre', lastName: 'anonymisé', phone: null, notes: null });
    expect(db('verify').stdout.trim()).toBe('OK');

    const again = db('privacy', 'erase', '100000');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Les renseignements personnels du membre 100000 ont déjà été effacés');
    expect(db('privacy', 'lapsed').stdout).toContain('Aucun membre sans nouvelles depuis plus de 3 ans.');
  }, 120_000); // Several command-line runs on an encrypted file: slow when the machine is busy.
});
