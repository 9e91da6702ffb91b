import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { call, type Output } from '../app/api';
import { formatDate, formatMoney } from '../app/format';
import { COMMON, useLanguage, useTexts, type Texts } from '../app/i18n';
import { useApp } from '../app/navigation';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import './Activities.css';

type Activity = Output<'activities.list'>[number];
type Roster = Output<'activities.roster'>;
type Registration = Roster['registered'][number];
type Profile = Output<'members.profile'>;

const TEXTS: Texts<
  | 'title'
  | 'back'
  | 'backToProfile'
  | 'cart'
  | 'season'
  | 'allSeasons'
  | 'chooseHint'
  | 'none'
  | 'code'
  | 'name'
  | 'leader'
  | 'schedule'
  | 'place'
  | 'price'
  | 'places'
  | 'membership'
  | 'action'
  | 'free'
  | 'unlimited'
  | 'full'
  | 'fullWaiting'
  | 'left'
  | 'forMember'
  | 'pickTitle'
  | 'pickLabel'
  | 'pickHint'
  | 'pick'
  | 'pickDigits'
  | 'changeMember'
  | 'addToCart'
  | 'register'
  | 'waitlist'
  | 'viewCart'
  | 'isRegistered'
  | 'isWaitlisted'
  | 'needsMembership'
  | 'renewFirst'
  | 'registered'
  | 'registeredPayLater'
  | 'waitlisted'
  | 'waitTitle'
  | 'waitBody'
  | 'waitConfirm'
  | 'keep'
  | 'rosterOf'
  | 'backToList'
  | 'registeredList'
  | 'waitlistList'
  | 'nobody'
  | 'nobodyWaiting'
  | 'rank'
  | 'person'
  | 'paid'
  | 'paidYes'
  | 'paidNo'
  | 'cancelReg'
  | 'removeWait'
  | 'cancelTitle'
  | 'removeTitle'
  | 'cancelBody'
  | 'cancelPaid'
  | 'removeBody'
  | 'keepReg'
  | 'cancelled'
  | 'removed'
  | 'movedUp'
  | 'noMovedUp'
  | 'dates'
  | 'loadFailed'
  | 'labelFor'
  | 'renewalAdded'
  | 'renewalInCart'
> = {
  fr: {
    title: 'Activités',
    back: 'Retour',
    backToProfile: 'Retour au profil',
    cart: 'Panier en cours ({n} article(s))',
    season: 'Saison',
    allSeasons: 'Toutes les saisons',
    chooseHint: 'Choisissez le nom d’une activité pour voir la liste des inscrits et la liste d’attente.',
    none: 'Aucune activité pour cette saison.',
    code: 'Code',
    name: 'Activité',
    leader: 'Responsable',
    schedule: 'Horaire',
    place: 'Lieu',
    price: 'Prix',
    places: 'Places libres',
    membership: 'Adhésion requise',
    action: 'Pour ce membre',
    free: 'Gratuit',
    unlimited: 'Sans limite',
    full: 'Complet',
    fullWaiting: '{n} en attente',
    left: '{n} sur {cap}',
    forMember: 'Inscrire : {name} (no {n})',
    pickTitle: 'Inscrire un membre',
    pickLabel: 'No de membre',
    pickHint: 'Tapez le numéro de membre (sur sa carte), puis Entrée.',
    pick: 'Choisir ce membre',
    pickDigits: 'Tapez seulement les chiffres du numéro de membre.',
    changeMember: 'Changer de membre',
    addToCart: 'Ajouter au panier',
    register: 'Inscrire',
    waitlist: 'Mettre sur la liste d’attente',
    viewCart: 'Déjà au panier : voir le panier',
    isRegistered: 'Inscrit',
    isWaitlisted: 'En attente, rang {n}',
    needsMembership: 'Adhésion à renouveler d’abord',
    renewFirst: 'Renouveler l’adhésion',
    registered: '{name} est inscrit à « {activity} ».',
    registeredPayLater: 'Une place était libre : {name} est inscrit à « {activity} ». Ajoutez l’activité au panier pour la payer.',
    waitlisted: '{name} est sur la liste d’attente de « {activity} » : rang {n}.',
    waitTitle: 'Mettre {name} sur la liste d’attente ?',
    waitBody: '« {activity} » est complet. Sur la liste d’attente, {name} aura le rang {n}. Si une place se libère, la première personne de la liste prend la place.',
    waitConfirm: 'Mettre sur la liste d’attente',
    keep: 'Ne rien faire',
    rosterOf: 'Liste des inscrits : {activity}',
    backToList: 'Retour aux activités',
    registeredList: 'Inscrits ({n})',
    waitlistList: 'Liste d’attente ({n})',
    nobody: 'Personne n’est inscrit pour l’instant.',
    nobodyWaiting: 'Personne n’attend.',
    rank: 'Rang',
    person: 'Membre',
    paid: 'Payé',
    paidYes: 'Oui',
    paidNo: 'Non',
    cancelReg: 'Annuler l’inscription',
    removeWait: 'Retirer de la liste',
    cancelTitle: 'Annuler l’inscription de {name} à « {activity} » ?',
    removeTitle: 'Retirer {name} de la liste d’attente de « {activity} » ?',
    cancelBody: 'Sa place ira à la première personne de la liste d’attente, s’il y en a une.',
    cancelPaid: 'Cette inscription a été payée : l’annulation ne rembourse pas. S’il faut rembourser, faites-le à partir du reçu.',
    removeBody: 'Les personnes qui suivent avancent d’un rang.',
    keepReg: 'Garder l’inscription',
    cancelled: 'L’inscription de {name} à « {activity} » est annulée.',
    removed: '{name} n’est plus sur la liste d’attente de « {activity} ».',
    movedUp: '{name} (no {n}) passe de la liste d’attente aux inscrits : prévenez cette personne.',
    noMovedUp: 'Personne n’attendait : la place est libre.',
    dates: 'Du {from} au {to}',
    loadFailed: 'Les activités n’ont pas pu être lues. Revenez en arrière et réessayez.',
    labelFor: '{action} : {name}',
    renewalAdded: 'Le renouvellement de l’adhésion de {name} est dans le panier. Choisissez maintenant les activités ; tout sera payé ensemble.',
    renewalInCart: 'Renouvellement au panier',
  },
  en: {
    title: 'Activities',
    back: 'Back',
    backToProfile: 'Back to the profile',
    cart: 'Cart in progress ({n} item(s))',
    season: 'Season',
    allSeasons: 'All seasons',
    chooseHint: 'Choose an activity’s name to see who is registered and the waitlist.',
    none: 'No activities for this season.',
    code: 'Code',
    name: 'Activity',
    leader: 'Leader',
    schedule: 'Schedule',
    place: 'Place',
    price: 'Price',
    places: 'Places left',
    membership: 'Membership required',
    action: 'For this member',
    free: 'Free',
    unlimited: 'No limit',
    full: 'Full',
    fullWaiting: '{n} waiting',
    left: '{n} of {cap}',
    forMember: 'Registering: {name} (no. {n})',
    pickTitle: 'Register a member',
    pickLabel: 'Member no.',
    pickHint: 'Type the member number (on the card), then Enter.',
    pick: 'Choose this member',
    pickDigits: 'Type only the digits of the member number.',
    changeMember: 'Change member',
    addToCart: 'Add to cart',
    register: 'Register',
    waitlist: 'Put on the waitlist',
    viewCart: 'Already in the cart: see the cart',
    isRegistered: 'Registered',
    isWaitlisted: 'Waiting, position {n}',
    needsMembership: 'Membership to renew first',
    renewFirst: 'Renew the membership',
    registered: '{name} is registered to “{activity}”.',
    registeredPayLater: 'A place was free: {name} is registered to “{activity}”. Add the activity to the cart to pay for it.',
    waitlisted: '{name} is on the waitlist of “{activity}”: position {n}.',
    waitTitle: 'Put {name} on the waitlist?',
    waitBody: '“{activity}” is full. On the waitlist, {name} will be number {n}. When a place frees up, the first person on the list takes it.',
    waitConfirm: 'Put on the waitlist',
    keep: 'Do nothing',
    rosterOf: 'Who is registered: {activity}',
    backToList: 'Back to the activities',
    registeredList: 'Registered ({n})',
    waitlistList: 'Waitlist ({n})',
    nobody: 'Nobody is registered yet.',
    nobodyWaiting: 'Nobody is waiting.',
    rank: 'Position',
    person: 'Member',
    paid: 'Paid',
    paidYes: 'Yes',
    paidNo: 'No',
    cancelReg: 'Cancel the registration',
    removeWait: 'Remove from the list',
    cancelTitle: 'Cancel the registration of {name} to “{activity}”?',
    removeTitle: 'Remove {name} from the waitlist of “{activity}”?',
    cancelBody: 'The place goes to the first person on the waitlist, if there is one.',
    cancelPaid: 'This registration was paid: cancelling does not refund. If a refund is due, do it from the receipt.',
    removeBody: 'The people after move up one position.',
    keepReg: 'Keep the registration',
    cancelled: 'The registration of {name} to “{activity}” is cancelled.',
    removed: '{name} is no longer on the waitlist of “{activity}”.',
    movedUp: '{name} (no. {n}) moves up from the waitlist to registered: let this person know.',
    noMovedUp: 'Nobody was waiting: the place is free.',
    dates: 'From {from} to {to}',
    loadFailed: 'The activities could not be read. Go back and try again.',
    labelFor: '{action}: {name}',
    renewalAdded: 'The renewal of {name}’s membership is in the cart. Now choose the activities; everything is paid together.',
    renewalInCart: 'Renewal in the cart',
  },
};

type T = ReturnType<typeof useTexts<keyof (typeof TEXTS)['fr']>>;
type Message = { kind: 'success' | 'error' | 'info'; lines: string[] };
type Asking =
  | { kind: 'waitlist'; activity: Activity }
  | { kind: 'cancel'; activity: Activity; registration: Registration };

/** Seasons, newest first: by the first start date of their activities, then by name. */
function seasonsOf(activities: Activity[]): string[] {
  const firstStart = new Map<string, string>();
  for (const activity of activities) {
    const start = activity.startsOn ?? '';
    const known = firstStart.get(activity.season);
    if (known === undefined || (start && (known === '' || start < known))) firstStart.set(activity.season, start);
  }
  return [...firstStart.keys()].sort((a, b) => (firstStart.get(b) ?? '').localeCompare(firstStart.get(a) ?? '') || b.localeCompare(a, 'fr'));
}

const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

/** Screen 8: the activities of a season, their lists, and registering the member at hand. */
export function ActivitiesScreen({ memberNumber }: { memberNumber?: number | undefined }) {
  const { navigate, addToCart, cart } = useApp();
  const t = useTexts(TEXTS);
  const language = useLanguage();
  const [activities, setActivities] = useState<Activity[] | null>(null);
  const [season, setSeason] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [pickText, setPickText] = useState(memberNumber ? String(memberNumber) : '');
  const [pickError, setPickError] = useState<string | null>(null);
  const [roster, setRoster] = useState<Roster | null>(null);
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

  const pick = async (event: FormEvent) => {
    event.preventDefault();
    const text = pickText.trim();
    if (!/^\d+$/.test(text)) return setPickError(t('pickDigits'));
    setPickError(await loadMember(Number(text)));
    setMessage(null);
    focusAfter.current = 'member-banner';
  };

  const member = profile?.member ?? null;
  const live = (code: string) =>
    profile?.registrations.find((registration) => registration.activityCode === code && registration.status !== 'cancelled') ?? null;
  const inCart = (code: string) =>
    member !== null &&
    cart.lines.some((line) => line.kind === 'activity' && line.activityCode === code && (line.memberNumber ?? cart.memberNumber) === member.number);
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
      if (movedUp) lines.push(t('movedUp', { name: fullName(movedUp), n: movedUp.memberNumber }));
      else if (registration.status === 'registered') lines.push(t('noMovedUp'));
      setMessage({ kind: 'success', lines });
    }
    focusAfter.current = 'activities-message';
    await refresh();
  };

  const renewalInCart =
    member !== null && cart.lines.some((line) => line.kind === 'membership' && (line.memberNumber ?? cart.memberNumber) === member.number);
  // The renewal waits in the cart with the activities chosen next: one payment for both.
  const renew = () => {
    if (!member) return;
    if (!renewalInCart) addToCart(member.number, { kind: 'membership' });
    setMessage({ kind: 'success', lines: [t('renewalAdded', { name: fullName(member) })] });
    focusAfter.current = 'activities-message';
  };

  /** What the member at hand can do with this activity: a state, or one button. */
  const memberAction = (activity: Activity) => {
    if (!member) return null;
    const existing = live(activity.code);
    if (existing?.status === 'registered') return <span className="state">✔ {t('isRegistered')}</span>;
    if (existing?.status === 'waitlisted') return <span className="state">{t('isWaitlisted', { n: existing.waitlistPosition ?? '?' })}</span>;
    const label = (text: string) => t('labelFor', { action: text, name: activity.name });
    // A paid activity goes into the same cart as the renewal; a free one needs the renewal paid first.
    const settled = renewalInCart && activity.priceCents > 0 && activity.placesLeft !== 0;
    const needs = activity.membershipRequired && membershipMissing && !settled ? <p className="hint">{t('needsMembership')}</p> : null;
    if (activity.placesLeft === 0) {
      return (
        <>
          <Button aria-label={label(t('waitlist'))} disabled={busy} onClick={() => setAsking({ kind: 'waitlist', activity })}>
            {t('waitlist')}
          </Button>
          {needs}
        </>
      );
    }
    if (activity.priceCents > 0) {
      if (inCart(activity.code)) {
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
              addToCart(member.number, { kind: 'activity', activityCode: activity.code });
              navigate({ name: 'checkout' });
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
        <Button aria-label={label(t('register'))} disabled={busy} onClick={() => void register(activity, false)}>
          {t('register')}
        </Button>
        {needs}
      </>
    );
  };

  const placesText = (activity: Activity) => {
    if (activity.placesLeft === null) return t('unlimited');
    if (activity.placesLeft === 0) {
      return (
        <>
          <strong>{t('full')}</strong>
          {activity.waitlistCount > 0 ? <> — {t('fullWaiting', { n: activity.waitlistCount })}</> : null}
        </>
      );
    }
    return t('left', { n: activity.placesLeft, cap: activity.capacity ?? '' });
  };
  const priceText = (activity: Activity) => (activity.priceCents > 0 ? formatMoney(activity.priceCents, language) : t('free'));

  const seasons = activities ? seasonsOf(activities) : [];
  const shown = (activities ?? []).filter((activity) => !season || activity.season === season);

  const head = (
    <div className="screen-head">
      <h1 id="activities-title" ref={heading} tabIndex={-1}>
        {t('title')}
      </h1>
      <div className="actions">
        {cart.lines.length > 0 ? <Button onClick={() => navigate({ name: 'checkout' })}>{t('cart', { n: cart.lines.length })}</Button> : null}
        <Button onClick={() => navigate(member ? { name: 'member', number: member.number } : { name: 'lookup' })}>
          {member ? t('backToProfile') : t('back')}
        </Button>
      </div>
    </div>
  );

  const banner = member ? (
    <div className="member-banner" id="member-banner" tabIndex={-1}>
      <p className="member-banner-name">{t('forMember', { name: fullName(member), n: member.number })}</p>
      <StatusBadge status={member.status} label={member.statusLabel} />
      <div className="member-banner-actions">
        {membershipMissing && !renewalInCart ? <Button onClick={renew}>{t('renewFirst')}</Button> : null}
        {renewalInCart ? <span className="state">✔ {t('renewalInCart')}</span> : null}
        <Button
          onClick={() => {
            setProfile(null);
            setPickText('');
            setMessage(null);
            focusAfter.current = 'pick-member';
          }}
        >
          {t('changeMember')}
        </Button>
      </div>
    </div>
  ) : (
    <form className="pick-member" onSubmit={pick} aria-labelledby="pick-title">
      <h2 id="pick-title">{t('pickTitle')}</h2>
      <div className="pick-row">
        <Field
          id="pick-member"
          label={t('pickLabel')}
          hint={t('pickHint')}
          error={pickError}
          inputMode="numeric"
          autoComplete="off"
          maxLength={9}
          value={pickText}
          onChange={(event) => {
            setPickText(event.target.value);
            setPickError(null);
          }}
        />
        <Button type="submit">{t('pick')}</Button>
      </div>
    </form>
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

  const dialog = asking ? (
    asking.kind === 'waitlist' && member ? (
      <ConfirmDialog
        title={t('waitTitle', { name: fullName(member) })}
        confirmLabel={t('waitConfirm')}
        cancelLabel={t('keep')}
        busy={busy}
        onConfirm={() => void register(asking.activity, true)}
        onCancel={() => setAsking(null)}
      >
        <p>{t('waitBody', { activity: asking.activity.name, name: fullName(member), n: asking.activity.waitlistCount + 1 })}</p>
      </ConfirmDialog>
    ) : asking.kind === 'cancel' ? (
      <ConfirmDialog
        title={t(asking.registration.status === 'waitlisted' ? 'removeTitle' : 'cancelTitle', {
          name: fullName(asking.registration),
          activity: asking.activity.name,
        })}
        confirmLabel={asking.registration.status === 'waitlisted' ? t('removeWait') : t('cancelReg')}
        cancelLabel={t('keepReg')}
        busy={busy}
        onConfirm={() => void cancel(asking.activity, asking.registration)}
        onCancel={() => setAsking(null)}
      >
        <p>{t(asking.registration.status === 'waitlisted' ? 'removeBody' : 'cancelBody')}</p>
        {asking.registration.paid ? <p>{t('cancelPaid')}</p> : null}
      </ConfirmDialog>
    ) : null
  ) : null;

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
    const activity = roster.activity;
    return (
      <section aria-labelledby="activities-title" className="activities">
        {head}
        {member ? banner : null}
        {messageView}
        <section aria-labelledby="roster-title" className="roster">
          <h2 id="roster-title" tabIndex={-1}>
            {t('rosterOf', { activity: activity.name })} <span className="muted">({activity.code})</span>
          </h2>
          <dl className="roster-facts">
            <div>
              <dt>{t('season')}</dt>
              <dd>{activity.season}</dd>
            </div>
            {activity.startsOn && activity.endsOn ? (
              <div>
                <dt>{t('schedule')}</dt>
                <dd>
                  {activity.schedule ? `${activity.schedule} — ` : ''}
                  {t('dates', { from: formatDate(activity.startsOn, language), to: formatDate(activity.endsOn, language) })}
                </dd>
              </div>
            ) : activity.schedule ? (
              <div>
                <dt>{t('schedule')}</dt>
                <dd>{activity.schedule}</dd>
              </div>
            ) : null}
            {activity.leader ? (
              <div>
                <dt>{t('leader')}</dt>
                <dd>{activity.leader}</dd>
              </div>
            ) : null}
            {activity.place ? (
              <div>
                <dt>{t('place')}</dt>
                <dd>{activity.place}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('price')}</dt>
              <dd>{priceText(activity)}</dd>
            </div>
            <div>
              <dt>{t('places')}</dt>
              <dd>{placesText(activity)}</dd>
            </div>
          </dl>
          <div className="actions">
            {memberAction(activity)}
            <Button
              onClick={() => {
                focusAfter.current = `open-${activity.code}`;
                setRoster(null);
              }}
            >
              {t('backToList')}
            </Button>
          </div>

          <h3>{t('registeredList', { n: roster.registered.length })}</h3>
          {roster.registered.length === 0 ? (
            <p>{t('nobody')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('person')}</th>
                  <th scope="col">{COMMON[language].memberNo}</th>
                  <th scope="col">{t('paid')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('action')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {roster.registered.map((registration) => (
                  <RosterRow key={registration.id} registration={registration} activity={activity} t={t} busy={busy} onAsk={setAsking} />
                ))}
              </tbody>
            </table>
          )}

          <h3>{t('waitlistList', { n: roster.waitlist.length })}</h3>
          {roster.waitlist.length === 0 ? (
            <p>{t('nobodyWaiting')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('rank')}</th>
                  <th scope="col">{t('person')}</th>
                  <th scope="col">{COMMON[language].memberNo}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('action')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {roster.waitlist.map((registration, i) => (
                  <RosterRow
                    key={registration.id}
                    registration={registration}
                    activity={activity}
                    rank={registration.waitlistPosition ?? i + 1}
                    t={t}
                    busy={busy}
                    onAsk={setAsking}
                  />
                ))}
              </tbody>
            </table>
          )}
        </section>
        {dialog}
      </section>
    );
  }

  return (
    <section aria-labelledby="activities-title" className="activities">
      {head}
      {banner}
      {messageView}
      <div className="season-row">
        <div className="field">
          <label htmlFor="season">{t('season')}</label>
          <select id="season" value={season ?? ''} onChange={(event) => setSeason(event.target.value)}>
            {seasons.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
            <option value="">{t('allSeasons')}</option>
          </select>
        </div>
        <p className="hint">{t('chooseHint')}</p>
      </div>
      {activities === null ? (
        <p role="status">{COMMON[language].loading}</p>
      ) : shown.length === 0 ? (
        <Notice>{t('none')}</Notice>
      ) : (
        <div className="table-scroll">
          <table className="activity-table">
            <thead>
              <tr>
                <th scope="col">{t('code')}</th>
                <th scope="col">{t('name')}</th>
                {season ? null : <th scope="col">{t('season')}</th>}
                <th scope="col">{t('leader')}</th>
                <th scope="col">{t('schedule')}</th>
                <th scope="col">{t('place')}</th>
                <th scope="col" className="amount">
                  {t('price')}
                </th>
                <th scope="col">{t('places')}</th>
                <th scope="col">{t('membership')}</th>
                {member ? <th scope="col">{t('action')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((activity) => (
                <tr key={activity.id} className={activity.placesLeft === 0 ? 'is-full' : undefined}>
                  <td className="code">{activity.code}</td>
                  <th scope="row" className="name">
                    <Button variant="link" id={`open-${activity.code}`} onClick={() => void openRoster(activity.code)}>
                      {activity.name}
                    </Button>
                  </th>
                  {season ? null : <td>{activity.season}</td>}
                  <td>{activity.leader ?? '—'}</td>
                  <td>{activity.schedule ?? '—'}</td>
                  <td>{activity.place ?? '—'}</td>
                  <td className="amount">{priceText(activity)}</td>
                  <td>{placesText(activity)}</td>
                  <td>{activity.membershipRequired ? COMMON[language].yes : COMMON[language].no}</td>
                  {member ? <td className="member-action">{memberAction(activity)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog}
    </section>
  );
}

function RosterRow({
  registration,
  activity,
  rank,
  t,
  busy,
  onAsk,
}: {
  registration: Registration;
  activity: Activity;
  rank?: number;
  t: T;
  busy: boolean;
  onAsk: (asking: Asking) => void;
}) {
  const { navigate } = useApp();
  const name = fullName(registration);
  const waiting = registration.status === 'waitlisted';
  const label = waiting ? t('removeWait') : t('cancelReg');
  return (
    <tr>
      {rank !== undefined ? <td>{rank}</td> : null}
      <th scope="row">
        <Button variant="link" onClick={() => navigate({ name: 'member', number: registration.memberNumber })}>
          {registration.lastName}, {registration.firstName}
        </Button>
      </th>
      <td>{registration.memberNumber}</td>
      {!waiting ? <td>{registration.paid ? t('paidYes') : t('paidNo')}</td> : null}
      <td>
        <Button variant="danger" aria-label={t('labelFor', { action: label, name })} disabled={busy} onClick={() => onAsk({ kind: 'cancel', activity, registration })}>
          {label}
        </Button>
      </td>
    </tr>
  );
}
