import { describe, expect, it } from 'vitest';
import { type ClubSettings } from '../../src-main/core/desk/desk.js';
import { DEFAULT_CLUB_SETTINGS } from '../../src-shared/club-settings.js';
import { alreadyRenewed, membershipStatus, nextPeriod, statusLabel } from '../../src-shared/memberships.js';

const rolling: ClubSettings = { ...DEFAULT_CLUB_SETTINGS, membershipRule: { kind: 'rolling', days: 365 }, graceDays: 30 };
const fixed = (endMonthDay: string, rolloverMonthDay: string): ClubSettings => ({
  ...rolling,
  membershipRule: { kind: 'fixed', endMonthDay, rolloverMonthDay },
});
const calendarYear = fixed('12-31', '09-01');

const TODAY = '2026-11-27';

describe('rolling 365-day rule (the member guide)', () => {
  it('gives a new member today to today + 365 days', () => {
    expect(nextPeriod(rolling, null, TODAY)).toEqual({ startsOn: '2026-11-27', endsOn: '2027-11-27' });
  });

  it('counts 365 days, not a calendar year, across February 29', () => {
    expect(nextPeriod(rolling, null, '2027-03-01')).toEqual({ startsOn: '2027-03-01', endsOn: '2028-02-29' });
  });

  it('continues an active member from the day after the current expiry', () => {
    expect(nextPeriod(rolling, '2026-12-31', TODAY)).toEqual({ startsOn: '2027-01-01', endsOn: '2027-12-31' });
  });

  it('continues a member renewing on the expiry day without losing that day', () => {
    expect(nextPeriod(rolling, TODAY, TODAY)).toEqual({ startsOn: '2026-11-28', endsOn: '2027-11-27' });
  });

  it('continues a member in the grace period without a gap', () => {
    expect(nextPeriod(rolling, '2026-11-15', TODAY)).toEqual({ startsOn: '2026-11-16', endsOn: '2027-11-15' });
  });

  it('still continues on the last day of grace, and restarts today the day after', () => {
    expect(nextPeriod(rolling, '2026-10-28', TODAY)).toEqual({ startsOn: '2026-10-29', endsOn: '2027-10-28' });
    expect(nextPeriod(rolling, '2026-10-27', TODAY)).toEqual({ startsOn: '2026-11-27', endsOn: '2027-11-27' });
  });

  it('restarts an expired member today', () => {
    expect(nextPeriod(rolling, '2026-01-10', TODAY)).toEqual({ startsOn: '2026-11-27', endsOn: '2027-11-27' });
  });

  it('restarts a member expired yesterday today when the club gives no grace', () => {
    expect(nextPeriod({ ...rolling, graceDays: 0 }, '2026-11-26', TODAY)).toEqual({ startsOn: '2026-11-27', endsOn: '2027-11-27' });
  });

  it('uses the number of days the club chose', () => {
    const halfYear: ClubSettings = { ...rolling, membershipRule: { kind: 'rolling', days: 182 } };
    expect(nextPeriod(halfYear, null, TODAY).endsOn).toBe('2027-05-28');
  });
});

describe('fixed end date rule', () => {
  it('ends on December 31 for a member joining in May', () => {
    expect(nextPeriod(calendarYear, null, '2026-05-01')).toEqual({ startsOn: '2026-05-01', endsOn: '2026-12-31' });
  });

  it('runs to the next year’s end for a member joining on or after the September 1 rollover', () => {
    expect(nextPeriod(calendarYear, null, '2026-08-31').endsOn).toBe('2026-12-31');
    expect(nextPeriod(calendarYear, null, '2026-09-01').endsOn).toBe('2027-12-31');
    expect(nextPeriod(calendarYear, null, '2026-10-01')).toEqual({ startsOn: '2026-10-01', endsOn: '2027-12-31' });
  });

  it('renews a member expiring December 31 for the whole next year', () => {
    expect(nextPeriod(calendarYear, '2026-12-31', TODAY)).toEqual({ startsOn: '2027-01-01', endsOn: '2027-12-31' });
  });

  it('renews a member in January’s grace from January 1', () => {
    expect(nextPeriod(calendarYear, '2026-12-31', '2027-01-15')).toEqual({ startsOn: '2027-01-01', endsOn: '2027-12-31' });
  });

  it('starts a lapsed member today, to this year’s end', () => {
    expect(nextPeriod(calendarYear, '2025-12-31', '2027-03-10')).toEqual({ startsOn: '2027-03-10', endsOn: '2027-12-31' });
  });

  describe('with a June 30 end and an April 1 rollover', () => {
    const schoolYear = fixed('06-30', '04-01');

    it('ends this June for a member joining in March', () => {
      expect(nextPeriod(schoolYear, null, '2026-03-15')).toEqual({ startsOn: '2026-03-15', endsOn: '2026-06-30' });
    });

    it('ends next June for a member joining on April 1 or in July', () => {
      expect(nextPeriod(schoolYear, null, '2026-04-01').endsOn).toBe('2027-06-30');
      expect(nextPeriod(schoolYear, null, '2026-07-15').endsOn).toBe('2027-06-30');
    });

    it('renews an active member from July 1', () => {
      expect(nextPeriod(schoolYear, '2026-06-30', '2026-05-20')).toEqual({ startsOn: '2026-07-01', endsOn: '2027-06-30' });
    });
  });

  describe('with a February 29 end', () => {
    const leapEnd = fixed('02-29', '12-01');

    it('ends on February 28 in common years and February 29 in leap years', () => {
      expect(nextPeriod(leapEnd, null, '2026-03-01').endsOn).toBe('2027-02-28');
      expect(nextPeriod(leapEnd, null, '2027-03-01').endsOn).toBe('2028-02-29');
    });

    it('renews a member expiring February 29 to February 28 of the next year', () => {
      expect(nextPeriod(leapEnd, '2028-02-29', '2028-02-10')).toEqual({ startsOn: '2028-03-01', endsOn: '2029-02-28' });
    });

    it('gives a member joining after the December rollover the following year too', () => {
      expect(nextPeriod(leapEnd, null, '2027-12-15').endsOn).toBe('2029-02-28');
    });
  });
});

describe('membership status', () => {
  it('is active with the days left, in French and English', () => {
    const status = membershipStatus('2027-03-28', TODAY, 30);
    expect(status).toEqual({ kind: 'active', expiresOn: '2027-03-28', daysLeft: 121 });
    expect(statusLabel(status, 'fr')).toBe('Actif — expire dans 121 jours');
    expect(statusLabel(status, 'en')).toBe('Active — expires in 121 days');
  });

  it('says "1 jour" in the singular', () => {
    const status = membershipStatus('2026-11-28', TODAY, 30);
    expect(statusLabel(status, 'fr')).toBe('Actif — expire dans 1 jour');
    expect(statusLabel(status, 'en')).toBe('Active — expires in 1 day');
  });

  it('is still active on the expiry day', () => {
    const status = membershipStatus(TODAY, TODAY, 30);
    expect(status).toEqual({ kind: 'active', expiresOn: TODAY, daysLeft: 0 });
    expect(statusLabel(status, 'fr')).toBe("Actif — expire aujourd'hui");
    expect(statusLabel(status, 'en')).toBe('Active — expires today');
  });

  it('is in grace for the club’s grace days after expiry', () => {
    const status = membershipStatus('2026-11-15', TODAY, 30);
    expect(status).toEqual({ kind: 'grace', expiresOn: '2026-11-15', daysSince: 12, graceEndsOn: '2026-12-15' });
    expect(statusLabel(status, 'fr')).toBe('Période de grâce — expiré depuis 12 jours');
    expect(statusLabel(status, 'en')).toBe('Grace period — expired 12 days ago');
    expect(membershipStatus('2026-10-28', TODAY, 30).kind).toBe('grace');
  });

  it('is expired once the grace is over, or at once without grace', () => {
    const status = membershipStatus('2026-11-15', TODAY, 0);
    expect(status).toEqual({ kind: 'expired', expiresOn: '2026-11-15', daysSince: 12 });
    expect(statusLabel(status, 'fr')).toBe('Expiré depuis 12 jours');
    expect(statusLabel(status, 'en')).toBe('Expired 12 days ago');
    expect(membershipStatus('2026-10-27', TODAY, 30)).toEqual({ kind: 'expired', expiresOn: '2026-10-27', daysSince: 31 });
  });

  it('says "Jamais membre" for someone who never paid a membership', () => {
    expect(membershipStatus(null, TODAY, 30)).toEqual({ kind: 'never' });
    expect(statusLabel({ kind: 'never' }, 'fr')).toBe('Jamais membre');
    expect(statusLabel({ kind: 'never' }, 'en')).toBe('Never a member');
  });
});

describe('already renewed', () => {
  it('refuses a second renewal the same day', () => {
    const first = nextPeriod(rolling, null, TODAY);
    expect(alreadyRenewed(rolling, null, TODAY)).toBe(false);
    expect(alreadyRenewed(rolling, first.endsOn, TODAY)).toBe(true);
  });

  it('refuses a renewal the day after one that continued an active membership', () => {
    const renewed = nextPeriod(rolling, '2027-03-07', TODAY);
    expect(alreadyRenewed(rolling, renewed.endsOn, '2026-11-28')).toBe(true);
  });

  it('allows an active member with 100 days left to renew', () => {
    expect(alreadyRenewed(rolling, '2027-03-07', TODAY)).toBe(false);
  });

  it('allows members in grace and expired members to renew', () => {
    expect(alreadyRenewed(rolling, '2026-11-15', TODAY)).toBe(false);
    expect(alreadyRenewed(rolling, '2025-01-01', TODAY)).toBe(false);
  });

  it('under a December 31 end, refuses a member already paid to this December before the rollover', () => {
    expect(alreadyRenewed(calendarYear, '2026-12-31', '2026-05-02')).toBe(true);
  });

  it('under a December 31 end, allows renewing for next year after the rollover, once', () => {
    expect(alreadyRenewed(calendarYear, '2026-12-31', TODAY)).toBe(false);
    expect(alreadyRenewed(calendarYear, nextPeriod(calendarYear, '2026-12-31', TODAY).endsOn, TODAY)).toBe(true);
  });
});
