import { useEffect, useRef, useState } from 'react';
import { call } from '../app/api';
import { COMMON, useLanguage, useTexts } from '../app/i18n';
import { lineMember, sells as sellsNow, useApp } from '../app/navigation';
import { CartButton } from '../components/CartButton';
import { RegistrationPayment } from '../components/RegistrationPayment';
import { Button } from '../components/Button';
import { Table } from '../components/Table';
import { Notice } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import './Member.css';
import { businessDate, businessDateOf, formatLongDate } from '../../src-shared/dates';
import type { Language } from '../../src-shared/language';
import { ORDER_KIND_WORDS, REGISTRATION_STATUS_WORDS } from '../../src-shared/words';
import { formatMoney } from '../../src-shared/money';
import { MEMBER_TEXTS as TEXTS, type Profile, type Registration, type T } from './member/member-words';
import { PersonalData } from './member/PersonalData';
import { OrderDetails } from './member/OrderDetails';
import { MemberCard } from './member/MemberCard';



/** How often an open profile asks whether it changed, in ms. */
const PROFILE_WATCH_MS = 2000;

/** Screen 4, « Mon profil »: the member's facts, personal data, household, transactions, registrations and receipts. */
export function MemberScreen({ number }: { number: number }) {
  const { navigate, addToCart, cart, state } = useApp();
  const sells = sellsNow(state);
  const t = useTexts(TEXTS);
  const language = useLanguage();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [showCard, setShowCard] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    let stamp: string | null = null;
    const load = () =>
      call('members.profile', { number }).then((result) => {
        if (!live) return;
        if (result.ok) setProfile(result.value);
        else setLoadError(result.error.message);
      });
    // Another desk's edit or sale reaches this desk within seconds: an open profile shows it,
    // read again only when its stamp says it changed (each reading is in the access log).
    const watch = async () => {
      const now = await call('members.profileStamp', { number });
      if (!live || !now.ok) return;
      if (stamp !== null && now.value.stamp !== stamp) await load();
      stamp = now.value.stamp;
    };
    // The stamp first: a change that lands while the profile loads is seen by the next look.
    void call('members.profileStamp', { number }).then((first) => {
      if (live && first.ok) stamp = first.value.stamp;
      return load();
    });
    const timer = window.setInterval(() => void watch(), PROFILE_WATCH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [number]);

  // The keyboard starts on the member's name, as a screen reader announces it.
  useEffect(() => {
    if (profile || loadError) heading.current?.focus();
  }, [profile !== null, loadError, showCard]);

  if (loadError) {
    return (
      <section aria-labelledby="member-title" className="narrow">
        <h1 id="member-title" ref={heading} tabIndex={-1}>
          {fallbackTitle(language, number)}
        </h1>
        <Notice kind="error">
          <p>{loadError}</p>
          <p>{t('loadFailed')}</p>
        </Notice>
        <div className="actions">
          <Button variant="primary" onClick={() => navigate({ name: 'lookup' })}>
            {t('back')}
          </Button>
        </div>
      </section>
    );
  }
  if (!profile) return <p role="status">{COMMON[language].loading}</p>;

  const { member } = profile;
  const fullName = `${member.firstName} ${member.lastName}`;

  if (showCard) {
    return (
      <MemberCard member={member} headingRef={heading} onBack={() => setShowCard(false)} />
    );
  }

  const renew = () => {
    const already = cart.lines.some((line) => line.kind === 'membership' && lineMember(cart, line) === member.number);
    if (already) navigate({ name: 'checkout' });
    else addToCart(member, { kind: 'membership' }, { name: 'checkout' });
  };

  return (
    <article aria-labelledby="member-title" className="member">
      <div className="screen-head">
        <div>
          <h1 id="member-title" ref={heading} tabIndex={-1}>
            {fullName}
          </h1>
          <p className="member-subtitle">
            <span className="member-number">
              {COMMON[language].memberNo} {member.number}
            </span>
            <StatusBadge status={member.status} label={member.statusLabel} />
          </p>
        </div>
        <nav aria-label={t('actions')} className="actions member-actions">
          {sells ? (
            <Button variant={member.alreadyRenewed ? 'secondary' : 'primary'} onClick={renew}>
              {member.status.kind === 'never' ? t('join') : member.alreadyRenewed ? t('renewAgain') : t('renew')}
            </Button>
          ) : null}
          <Button onClick={() => navigate({ name: 'activities', memberNumber: member.number })}>{t('register')}</Button>
          <Button onClick={() => setShowCard(true)}>{t('printCard')}</Button>
          {sells ? <CartButton /> : null}
          <Button onClick={() => navigate({ name: 'lookup' })}>{t('back')}</Button>
        </nav>
      </div>

      {member.alreadyRenewed && member.expiresOn ? (
        <Notice kind="success">{t('alreadyRenewed', { date: formatLongDate(member.expiresOn, language) })}</Notice>
      ) : null}

      <dl className="facts">
        <div className="fact">
          <dt>{t('created')}</dt>
          <dd>{formatLongDate(businessDateOf(member.createdAt), language)}</dd>
        </div>
        <div className="fact">
          <dt>{member.status.kind === 'expired' || member.status.kind === 'grace' ? t('expired') : t('expires')}</dt>
          <dd>
            {member.expiresOn ? formatLongDate(member.expiresOn, language) : t('noMembership')}
            {member.status.kind === 'active' ? <span className="fact-extra"> {t('days', { n: member.status.daysLeft })}</span> : null}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('credit')}</dt>
          <dd>{formatMoney(member.creditCents, language)}</dd>
        </div>
      </dl>

      <PersonalData member={member} onSaved={(next) => setProfile({ ...profile, member: next })} t={t} />

      {member.household ? (
        <section aria-labelledby="household-title">
          <h2 id="household-title">
            {t('household', { name: member.household.name })}
          </h2>
          {member.household.members.length <= 1 ? <p>{t('householdAlone')}</p> : null}
          <ul className="household-list">
            {member.household.members.map((other) => (
              <li key={other.number}>
                {other.number === member.number ? (
                  <span className="household-self">
                    {t('householdMember', { name: `${other.firstName} ${other.lastName}`, n: other.number })} {t('thisMember')}
                  </span>
                ) : (
                  <Button variant="link" onClick={() => navigate({ name: 'member', number: other.number })}>
                    {t('householdMember', { name: `${other.firstName} ${other.lastName}`, n: other.number })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="transactions-title">
        <h2 id="transactions-title">{t('transactions')}</h2>
        {profile.orders.length === 0 ? <p>{t('noOrders')}</p> : null}
        {profile.orders.map((order) => (
          <OrderDetails key={order.id} order={order} t={t} language={language} />
        ))}
      </section>

      <section aria-labelledby="registrations-title">
        <h2 id="registrations-title">{t('registrations')}</h2>
        {profile.registrations.length === 0 ? (
          <p>{t('noRegistrations')}</p>
        ) : (
          <Table
            columns={[
              { header: t('activity'), cell: (r) => <>{r.activityName} <span className="muted">({r.activityCode})</span></> },
              { header: t('status'), cell: (r) => registrationStatus(r, t, language) },
              { header: t('paid'), cell: (r) => <RegistrationPayment registration={r} household={member.household} /> },
              { header: t('date'), cell: (r) => formatLongDate(businessDateOf(r.createdAt), language) },
            ]}
            rows={currentFirst(profile.registrations)}
            rowKey={(r) => r.id}
          />
        )}
      </section>

      <section aria-labelledby="receipts-title">
        <h2 id="receipts-title">{t('receipts')}</h2>
        {profile.orders.length === 0 ? (
          <p>{t('noReceipts')}</p>
        ) : (
          <ul className="receipt-list">
            {profile.orders.map((order) => (
              <li key={order.id}>
                {sells ? (
                  <Button onClick={() => navigate({ name: 'receipt', receiptNumber: order.receiptNumber, reprint: true })}>
                    {t('openReceipt', { n: order.receiptNumber })}
                  </Button>
                ) : (
                  <span>{t('receipt', { n: order.receiptNumber })}</span>
                )}
                <span className="receipt-meta">
                  {formatLongDate(order.businessDate, language)} — {ORDER_KIND_WORDS[language][order.kind]} — {formatMoney(order.totalCents, language)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function fallbackTitle(language: Language, number: number): string {
  return `${COMMON[language].memberNo} ${number}`;
}

/** Registrations of activities still running first, then those of activities that are over (newest first in each). */
function currentFirst(registrations: readonly Registration[]): Registration[] {
  const today = businessDate(new Date());
  const over = (r: Registration) => r.activityEndsOn !== null && r.activityEndsOn < today;
  return [...registrations.filter((r) => !over(r)), ...registrations.filter(over)];
}

function registrationStatus(registration: Registration, t: T, language: Language): string {
  // A waitlist of an activity that is over is not a place anyone is waiting for any more.
  const over = registration.activityEndsOn !== null && registration.activityEndsOn < businessDate(new Date());
  if (registration.status === 'waitlisted') return over ? t('st_waitlistOver') : t('st_waitlisted', { n: registration.waitlistPosition ?? '?' });
  if (over && registration.status === 'registered') return t('st_over');
  return REGISTRATION_STATUS_WORDS[language][registration.status];
}

