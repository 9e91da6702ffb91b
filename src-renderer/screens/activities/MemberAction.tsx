import { useTexts } from '../../app/i18n';
import { lineMember, sells, useApp } from '../../app/navigation';
import { Button } from '../../components/Button';
import { ACTIVITIES_TEXTS } from './activities-words';
import type { Activity, Profile } from './activity-data';

interface MemberActionProps {
  activity: Activity;
  /** The member at hand, with their registrations. */
  profile: Profile;
  renewalInCart: boolean;
  membershipMissing: boolean;
  busy: boolean;
  onWaitlist: (activity: Activity) => void;
  onRegister: (activity: Activity) => void;
}

/**
 * What the member at hand can do with this activity: a state, or one button. The same cell in the
 * table and on the roster, so a volunteer finds it in both places.
 */
export function MemberAction({ activity, profile, renewalInCart, membershipMissing, busy, onWaitlist, onRegister }: MemberActionProps) {
  const { navigate, addToCart, cart, state } = useApp();
  const t = useTexts(ACTIVITIES_TEXTS);
  const member = profile.member;
  const existing = profile.registrations.find((registration) => registration.activityCode === activity.code && registration.status !== 'cancelled') ?? null;
  const inCart = cart.lines.some(
    (line) => line.kind === 'activity' && line.activityCode === activity.code && lineMember(cart, line) === member.number,
  );
  if (existing?.status === 'registered') return <span className="state">✔ {t('isRegistered')}</span>;
  if (existing?.status === 'waitlisted') return <span className="state">{t('isWaitlisted', { n: existing.waitlistPosition ?? '?' })}</span>;
  const label = (text: string) => t('labelFor', { action: text, name: activity.name });
  // A paid activity goes into the same cart as the renewal; a free one needs the renewal paid first.
  const settled = renewalInCart && activity.priceCents > 0 && activity.placesLeft !== 0;
  const needs = activity.membershipRequired && membershipMissing && !settled ? <p className="hint">{t('needsMembership')}</p> : null;
  if (activity.placesLeft === 0) {
    return (
      <>
        <Button aria-label={label(t('waitlist'))} disabled={busy} onClick={() => onWaitlist(activity)}>
          {t('waitlist')}
        </Button>
        {needs}
      </>
    );
  }
  // An activity leader takes no money: a paid place is registered, to be paid at the desk.
  // Without an open drawer (or for a leader) a paid place is registered, to be paid at the desk later.
  if (activity.priceCents > 0 && sells(state)) {
    if (inCart) {
      return (
        <Button aria-label={label(t('viewCart'))} onClick={() => navigate({ name: 'checkout' })}>
          {t('viewCart')}
        </Button>
      );
    }
    return (
      <>
        <Button
          aria-label={label(t('addToCart'))}
          disabled={busy}
          onClick={() => {
            addToCart(member, { kind: 'activity', activityCode: activity.code }, { name: 'checkout' });
          }}
        >
          {t('addToCart')}
        </Button>
        {needs}
      </>
    );
  }
  return (
    <>
      <Button aria-label={label(t('register'))} disabled={busy} onClick={() => onRegister(activity)}>
        {t('register')}
      </Button>
      {needs}
    </>
  );
}
