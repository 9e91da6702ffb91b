import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUB_SETTINGS } from '../../src-shared/club-settings.js';
import { updateClubSettings } from '../../src-main/core/desk/settings.js';
import { newDesk } from '../helpers.js';
import { SAMPLE_CLUB } from './sample-club.js';

describe('what the club prints on its documents (settings)', () => {
  it('needs no address, registration number or logo: a club set up before them is unchanged', () => {
    const { desk } = newDesk();
    expect(desk.settings()).toEqual(DEFAULT_CLUB_SETTINGS);
  });

  it('keeps an address, registration numbers and a PNG logo, and removes the logo with null', () => {
    const { desk, admin } = newDesk();
    const { clubAddress, registrationNumbers, logoPng } = SAMPLE_CLUB;
    updateClubSettings(desk, admin, { clubAddress, registrationNumbers, logoPng });
    expect(desk.settings()).toMatchObject({ clubAddress, registrationNumbers, logoPng });
    updateClubSettings(desk, admin, { logoPng: null });
    expect(desk.settings().logoPng).toBeNull();
    expect(desk.settings().clubAddress).toBe(clubAddress);
  });

  it('refuses a logo that is not a PNG, in plain French, and changes nothing', () => {
    const { desk, admin } = newDesk();
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString('base64');
    expect(() => updateClubSettings(desk, admin, { logoPng: jpeg })).toThrow(/Logo du club.*PNG/);
    expect(() => updateClubSettings(desk, admin, { logoPng: 'pas du base64 !' })).toThrow(/Logo du club/);
    expect(() => updateClubSettings(desk, admin, { logoPng: 'iVBO!' })).toThrow(/Logo du club/);
    expect(desk.settings()).toEqual(DEFAULT_CLUB_SETTINGS);
  });
});
