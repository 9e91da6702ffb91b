import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../app/api';
import { useTexts } from '../app/i18n';
import { lineMember, sells as sellsNow, useApp } from '../app/navigation';
import { CartButton } from '../components/CartButton';
import { usePickMember } from './activities/pick-member';
import { Button } from '../components/Button';
import { Notice } from '../components/Notice';
import { ACTIVITIES_TEXTS } from './activities/activities-words';
import { fullName, seasonsOf, type Activity, type Profile, type Registration, type Roster as RosterData } from './activities/activity-data';
import { ActivityList } from './activities/ActivityList';
import { MemberAction } from './activities/MemberAction';
import { MemberBanner, PickMemberForm } from './activities/MemberBanner';
import { RegistrationDialog, type Asking } from './activities/RegistrationDialog';
import { Roster } from './activities/Roster';
import './Activities.css';

type Message = { kind: 'success' | 'error' | 'info'; lines: string[] };

/** Screen 8: the activities of a season, their lists, and registering the member at hand. */
export function ActivitiesScreen({ memberNumber }: { memberNumber?: number | undefined }) {
  const { navigate, addToCart, cart, state } = useApp();
  // An activity leader keeps the list and handles no money (docs/ROLES.md): no cart, no renewal.
  const sells = sellsNow(state);
  const t = useTexts(ACTIVITIES_TEXTS);
  const [activities, setActivities] = useState<Activity[] | null>(null);
  const [season, setSeason] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [roster, setRoster] = useState<RosterData | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusAfter = useRef<string | null>(null);

  const loadActivities = useCallback(async () => {
    const result = await call('activities.list', {});
    if (!result.ok) return setLoadError(result.error.message);
    setLoadError(null);
    setActivities(result.value);
    setSeason((current) => current ?? seasonsOf(result.value)[0] ?? '');
  }, []);

  const loadMember = useCallback(async (number: number): Promise<string | null> => {
    const result = await call('members.profile', { number });
    if (!result.ok) return result.error.message;
    setProfile(result.value);
    return null;
  }, []);

  const picking = usePickMember({
    initial: memberNumber ? String(memberNumber) : '',
    none: t('pickNone'),
    load: loadMember,
    picked: () => {
      setMessage(null);
      focusAfter.current = 'member-banner';
    },
  });
  const setPickError = picking.setError;

  useEffect(() => {
    void loadActivities();
    if (memberNumber) void loadMember(memberNumber).then((error) => setPickError(error));
    heading.current?.focus();
  }, [loadActivities, loadMember, memberNumber]);

  // After a change of view, the keyboard goes where the volunteer's eyes go.
  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const openRoster = async (code: string) => {
    const result = await call('activities.roster', { code });
    if (!result.ok) return setMessage({ kind: 'error', lines: [result.error.message] });
    setMessage(null);
    setRoster(result.value);
    focusAfter.current = 'roster-title';
  };

  const refresh = async () => {
    await Promise.all([
      loadActivities(),
      profile ? loadMember(profile.member.number) : null,
      roster ? call('activities.roster', { code: roster.activity.code }).then((r) => r.ok && setRoster(r.value)) : null,
    ]);
  };

  const member = profile?.member ?? null;
  const membershipMissing = member !== null && member.status.kind !== 'active';

  const register = async (activity: Activity, waitlistIfFull: boolean) => {
    if (!member) return;
    setBusy(true);
    const result = await call('registrations.register', { activityCode: activity.code, memberNumber: member.number, waitlistIfFull });
    setBusy(false);
    setAsking(null);
    if (!result.ok) {
      setMessage({ kind: 'error', lines: [result.error.message] });
    } else {
      const registration = result.value;
      const name = fullName(member);
      const line =
        registration.status === 'waitlisted'
          ? t('waitlisted', { name, activity: activity.name, n: registration.waitlistPosition ?? '?' })
          : t(activity.priceCents > 0 ? 'registeredPayLater' : 'registered', { name, activity: activity.name });
      setMessage({ kind: 'success', lines: [line] });
    }
    focusAfter.current = 'activities-message';
    await refresh();
  };

  const cancel = async (activity: Activity, registration: Registration) => {
    setBusy(true);
    const result = await call('registrations.cancel', { activityCode: activity.code, memberNumber: registration.memberNumber });
    setBusy(false);
    setAsking(null);
    if (!result.ok) {
      setMessage({ kind: 'error', lines: [result.error.message] });
    } else {
      const name = fullName(registration);
      const lines = [t(registration.status === 'waitlisted' ? 'removed' : 'cancelled', { name, activity: activity.name })];
      const { movedUp } = result.value;
      if (movedUp) {
        const who = { name: fullName(movedUp), n: movedUp.memberNumber };
        lines.push(movedUp.phone ? t('movedUpPhone', { ...who, phone: movedUp.phone }) : t('movedUp', who));
      }
      else if (registration.status === 'registered') lines.push(t('noMovedUp'));
      setMessage({ kind: 'success', lines });
    }
    focusAfter.current = 'activities-message';
    await refresh();
  };

  const renewalInCart =
    member !== null && cart.lines.some((line) => line.kind === 'membership' && lineMember(cart, line) === member.number);
  // The renewal waits in the cart with the activities chosen next: one payment for both.
  const renew = () => {
    if (!member) return;
    if (!renewalInCart) addToCart(member, { kind: 'membership' });
    setMessage({ kind: 'success', lines: [t('renewalAdded', { name: fullName(member) })] });
    focusAfter.current = 'activities-message';
  };

  const memberAction = (activity: Activity) =>
    profile ? (
      <MemberAction
        activity={activity}
        profile={profile}
        renewalInCart={renewalInCart}
        membershipMissing={membershipMissing}
        busy={busy}
        onWaitlist={(chosen) => setAsking({ kind: 'waitlist', activity: chosen })}
        onRegister={(chosen) => void register(chosen, false)}
      />
    ) : null;

  const head = (
    <div className="screen-head">
      <h1 id="activities-title" ref={heading} tabIndex={-1}>
        {t('title')}
      </h1>
      <div className="actions">
        {sells ? <CartButton /> : null}
        <Button onClick={() => navigate(member ? { name: 'member', number: member.number } : { name: 'lookup' })}>
          {member ? t('backToProfile') : t('back')}
        </Button>
      </div>
    </div>
  );

  const banner = member ? (
    <MemberBanner
      member={member}
      membershipMissing={membershipMissing}
      renewalInCart={renewalInCart}
      {...(sells ? { onRenew: renew } : {})}
      onChangeMember={() => {
        setProfile(null);
        picking.type('');
        setMessage(null);
        focusAfter.current = 'pick-member';
      }}
    />
  ) : (
    <PickMemberForm
      pickText={picking.text}
      pickError={picking.error}
      choices={picking.choices}
      onPickText={picking.type}
      onPick={(event) => void picking.pick(event)}
      onChoose={(number) => void picking.choose(number)}
    />
  );

  const messageView = message ? (
    <div id="activities-message" tabIndex={-1} className="message">
      <Notice kind={message.kind}>
        {message.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </Notice>
    </div>
  ) : null;

  const dialog = (
    <RegistrationDialog
      asking={asking}
      member={member}
      busy={busy}
      onWaitlist={(activity) => void register(activity, true)}
      onCancel={(activity, registration) => void cancel(activity, registration)}
      onClose={() => setAsking(null)}
    />
  );

  if (loadError) {
    return (
      <section aria-labelledby="activities-title" className="activities">
        {head}
        <Notice kind="error">
          <p>{loadError}</p>
          <p>{t('loadFailed')}</p>
        </Notice>
      </section>
    );
  }

  if (roster) {
    return (
      <section aria-labelledby="activities-title" className="activities">
        {head}
        {member ? banner : null}
        {messageView}
        <Roster
          roster={roster}
          memberAction={memberAction}
          busy={busy}
          onAsk={setAsking}
          onBack={() => {
            focusAfter.current = `open-${roster.activity.code}`;
            setRoster(null);
          }}
        />
        {dialog}
      </section>
    );
  }

  return (
    <section aria-labelledby="activities-title" className="activities">
      {head}
      {banner}
      {messageView}
      <ActivityList
        activities={activities}
        season={season}
        onSeason={setSeason}
        withMember={member !== null}
        memberAction={memberAction}
        onOpen={(code) => void openRoster(code)}
      />
      {dialog}
    </section>
  );
}
