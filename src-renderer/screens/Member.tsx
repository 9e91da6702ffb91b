import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { call, type Output } from '../app/api';
import { COMMON, useLanguage, useTexts, type Texts } from '../app/i18n';
import { printDocument, savePdf } from '../app/documents';
import { ROLES } from '../../src-shared/roles';
import { lineMember, may, sells as sellsNow, useApp } from '../app/navigation';
import { CartButton } from '../components/CartButton';
import { HouseholdChoice, householdPatch, type HouseholdChange } from './member/HouseholdChoice';
import { RegistrationPayment } from '../components/RegistrationPayment';
import { Button } from '../components/Button';
import { Table } from '../components/Table';
import { Notice } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import {
  FIELD_TEXTS,
  MemberFields,
  changedFields,
  fieldErrorsOf,
  useFocusFirstInvalid,
  withoutEdited,
  personFromMember,
  type FieldErrors,
  type MemberView,
  type PersonForm,
} from './MemberFields';
import './Member.css';
import { businessDate, businessDateOf, formatLongDate } from '../../src-shared/dates';
import { CARD_WORDS, cardValidity } from '../../src-shared/member-card';
import type { Language } from '../../src-shared/language';
import { cardBrandName, ORDER_KIND_WORDS, PAYMENT_METHOD_WORDS, REGISTRATION_STATUS_WORDS } from '../../src-shared/words';
import { formatMoney } from '../../src-shared/money';

const TEXTS: Texts<
  | 'created'
  | 'expires'
  | 'expired'
  | 'join'
  | 'days'
  | 'noMembership'
  | 'credit'
  | 'renew'
  | 'register'
  | 'printCard'
  | 'back'
  | 'actions'
  | 'personal'
  | 'edit'
  | 'save'
  | 'cancelEdit'
  | 'saving'
  | 'saved'
  | 'noChange'
  | 'fixFields'
  | 'household'
  | 'householdAlone'
  | 'householdMember'
  | 'thisMember'
  | 'transactions'
  | 'noOrders'
  | 'receipt'
  | 'corrects'
  | 'correctedBy_void'
  | 'correctedBy_refund'
  | 'reason'
  | 'by'
  | 'item'
  | 'amount'
  | 'total'
  | 'payments'
  | 'cheque'
  | 'card'
  | 'cardAuth'
  | 'tendered'
  | 'period'
  | 'periodVoided'
  | 'registrations'
  | 'noRegistrations'
  | 'activity'
  | 'status'
  | 'paid'
  | 'date'
  | 'st_waitlisted'
  | 'st_waitlistOver'
  | 'st_over'
  | 'receipts'
  | 'noReceipts'
  | 'openReceipt'
  | 'cardTitle'
  | 'print'
  | 'cardPdf'
  | 'cardSheetPdf'
  | 'backToProfile'
  | 'cardHint'
  | 'loadFailed'
  | 'sep'
> = {
  fr: {
    created: 'Création',
    expires: 'Expire le',
    expired: 'Expirée le',
    days: '({n} jours)',
    noMembership: 'Aucune adhésion',
    credit: PAYMENT_METHOD_WORDS.fr.credit,
    renew: 'Renouveler',
    join: 'Adhérer',
    register: 'Inscrire à une activité',
    printCard: 'Imprimer la carte',
    back: 'Retour',
    actions: 'Actions',
    personal: 'Données personnelles',
    edit: 'Modifier',
    save: 'Sauvegarder',
    cancelEdit: 'Annuler',
    saving: 'Sauvegarde…',
    saved: 'Les données personnelles sont sauvegardées.',
    noChange: 'Rien n’a changé : il n’y avait rien à sauvegarder.',
    fixFields: 'Corrigez les champs indiqués, puis appuyez de nouveau sur « Sauvegarder ».',
    household: 'Ménage : {name}',
    householdAlone: 'Personne d’autre dans ce ménage pour l’instant.',
    householdMember: '{name} (no {n})',
    thisMember: '(cette fiche)',
    transactions: 'Transactions',
    noOrders: 'Aucune transaction pour ce membre.',
    receipt: 'Reçu {n}',
    corrects: 'Corrige le reçu {n}.',
    correctedBy_void: 'Annulée par le reçu {n}.',
    correctedBy_refund: 'Remboursée (en tout ou en partie) par le reçu {n}.',
    reason: 'Raison : {r}',
    by: 'Par {who}, poste {desk}',
    item: 'Article',
    amount: 'Montant',
    total: 'Total',
    payments: 'Paiement : {method}',
    cheque: 'no {n}, {bank}',
    card: '{brand} se terminant par {last4}',
    cardAuth: 'autorisation {code}',
    tendered: 'remis {t}, monnaie rendue {c}',
    period: 'Adhésion du {from} au {to}',
    periodVoided: '(annulée)',
    registrations: 'Mes inscriptions',
    noRegistrations: 'Aucune inscription pour ce membre.',
    activity: 'Activité',
    status: 'Statut',
    paid: 'Paiement',
    date: 'Date',
    st_waitlisted: 'Liste d’attente, rang {n}',
    st_waitlistOver: 'Liste d’attente (activité terminée)',
    st_over: 'Inscrit (activité terminée)',
    receipts: 'Mes reçus',
    noReceipts: 'Aucun reçu pour ce membre.',
    openReceipt: 'Afficher le reçu {n}',
    cardTitle: 'Carte de membre',
    print: 'Imprimer',
    cardPdf: 'Carte en PDF (format carte de crédit)',
    cardSheetPdf: 'Carte en PDF (feuille lettre à découper)',
    backToProfile: 'Retour au profil',
    cardHint: 'Vérifiez la carte (agrandie ici), puis appuyez sur « Imprimer » : la carte imprimée porte aussi le logo du club et le code-barres du numéro.',
    loadFailed: 'La fiche n’a pas pu être ouverte. Revenez à la recherche et réessayez.',
    sep: ' ; ',
  },
  en: {
    created: 'Created',
    expires: 'Expires on',
    expired: 'Expired on',
    days: '({n} days)',
    noMembership: 'No membership',
    credit: PAYMENT_METHOD_WORDS.en.credit,
    renew: 'Renew',
    join: 'Join',
    register: 'Register for an activity',
    printCard: 'Print the card',
    back: 'Back',
    actions: 'Actions',
    personal: 'Personal information',
    edit: 'Edit',
    save: 'Save',
    cancelEdit: 'Cancel',
    saving: 'Saving…',
    saved: 'The personal information is saved.',
    noChange: 'Nothing changed: there was nothing to save.',
    fixFields: 'Correct the fields shown, then press “Save” again.',
    household: 'Household: {name}',
    householdAlone: 'Nobody else in this household yet.',
    householdMember: '{name} (no. {n})',
    thisMember: '(this record)',
    transactions: 'Transactions',
    noOrders: 'No transactions for this member.',
    receipt: 'Receipt {n}',
    corrects: 'Corrects receipt {n}.',
    correctedBy_void: 'Voided by receipt {n}.',
    correctedBy_refund: 'Refunded (in whole or in part) by receipt {n}.',
    reason: 'Reason: {r}',
    by: 'By {who}, desk {desk}',
    item: 'Item',
    amount: 'Amount',
    total: 'Total',
    payments: 'Payment: {method}',
    cheque: 'no. {n}, {bank}',
    card: '{brand} ending in {last4}',
    cardAuth: 'approval {code}',
    tendered: 'tendered {t}, change given {c}',
    period: 'Membership from {from} to {to}',
    periodVoided: '(voided)',
    registrations: 'Registrations',
    noRegistrations: 'No registrations for this member.',
    activity: 'Activity',
    status: 'Status',
    paid: 'Payment',
    date: 'Date',
    st_waitlisted: 'Waitlist, position {n}',
    st_waitlistOver: 'Waitlist (activity over)',
    st_over: 'Registered (activity over)',
    receipts: 'Receipts',
    noReceipts: 'No receipts for this member.',
    openReceipt: 'Show receipt {n}',
    cardTitle: 'Membership card',
    print: 'Print',
    cardPdf: 'Card as PDF (credit-card size)',
    cardSheetPdf: 'Card as PDF (letter sheet to cut)',
    backToProfile: 'Back to the profile',
    cardHint: 'Check the card (enlarged here), then press “Print”: the printed card also carries the club’s logo and the number’s barcode.',
    loadFailed: 'The record could not be opened. Go back to the search and try again.',
    sep: '; ',
  },
};

type Profile = Output<'members.profile'>;
type Order = Profile['orders'][number];
type Payment = Order['payments'][number];
type Registration = Profile['registrations'][number];
type T = ReturnType<typeof useTexts<keyof (typeof TEXTS)['fr']>>;


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
    void call('members.profile', { number }).then((result) => {
      if (!live) return;
      if (result.ok) setProfile(result.value);
      else setLoadError(result.error.message);
    });
    return () => {
      live = false;
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
            <Button variant="primary" onClick={renew}>
              {member.status.kind === 'never' ? t('join') : t('renew')}
            </Button>
          ) : null}
          <Button onClick={() => navigate({ name: 'activities', memberNumber: member.number })}>{t('register')}</Button>
          <Button onClick={() => setShowCard(true)}>{t('printCard')}</Button>
          {sells ? <CartButton /> : null}
          <Button onClick={() => navigate({ name: 'lookup' })}>{t('back')}</Button>
        </nav>
      </div>

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

/** « Données personnelles », read-only until « Modifier »; « Sauvegarder » sends only what changed. */
function PersonalData({ member, onSaved, t }: { member: MemberView; onSaved: (member: MemberView) => void; t: T }) {
  const { state } = useApp();
  const language = useLanguage();
  const fields = useTexts(FIELD_TEXTS);
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<PersonForm>(() => personFromMember(member));
  const [household, setHousehold] = useState<HouseholdChange>({ kind: 'keep' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusInvalid = useFocusFirstInvalid('edit', 'edit-error');
  const editButton = useRef<HTMLButtonElement>(null);

  // Into the form on « Modifier »; back on « Modifier » when the form closes.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (editing) document.getElementById('edit-firstName')?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      document.getElementById('personal-title')?.scrollIntoView({ block: 'start' });
      editButton.current?.focus({ preventScroll: true });
    }
  }, [editing]);

  const edit = (next: PersonForm) => {
    setErrors(withoutEdited(errors, values, next));
    setValues(next);
  };

  const start = () => {
    setValues(personFromMember(member));
    setHousehold({ kind: 'keep' });
    setErrors({});
    setError(null);
    setMessage(null);
    setEditing(true);
  };
  const stop = (note: string | null) => {
    returnFocus.current = true;
    setEditing(false);
    setMessage(note);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const changes = { ...changedFields(member, values), ...householdPatch(household) };
    if (Object.keys(changes).length === 0) return stop(t('noChange'));
    setBusy(true);
    const result = await call('members.update', { number: member.number, changes });
    setBusy(false);
    if (!result.ok) {
      const byField = fieldErrorsOf(result.error, language);
      setErrors(byField);
      setError(result.error.message);
      focusInvalid(byField);
      return;
    }
    onSaved(result.value);
    stop(t('saved'));
  };

  const shown: { key: keyof typeof FIELD_TEXTS.fr; value: string | null }[] = [
    { key: 'firstName', value: member.firstName },
    { key: 'lastName', value: member.lastName },
    { key: 'birthDate', value: member.birthDate ? formatLongDate(member.birthDate, language) : null },
    { key: 'phone', value: member.phone },
    { key: 'email', value: member.email },
    { key: 'address', value: member.address },
    { key: 'city', value: member.city },
    { key: 'postalCode', value: member.postalCode },
    { key: 'language', value: fields(member.language) },
    { key: 'notes', value: member.notes },
  ];

  return (
    <section aria-labelledby="personal-title" className="personal">
      <div className="section-head">
        <h2 id="personal-title">{t('personal')}</h2>
        {!editing && may(state, ROLES.desk) ? (
          <Button ref={editButton} onClick={start} aria-describedby="personal-title">
            {t('edit')}
          </Button>
        ) : null}
      </div>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {!editing ? (
        <dl className="personal-data">
          {shown.map(({ key, value }) => (
            <div key={key} className={key === 'notes' || key === 'address' ? 'wide' : undefined}>
              <dt>{fields(key)}</dt>
              <dd>{value ? value : <span className="muted">{fields('notGiven')}</span>}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <form onSubmit={save} noValidate aria-labelledby="personal-title">
          {error ? (
            <div id="edit-error" tabIndex={-1}>
              <Notice kind="error">
                <p>{error}</p>
                <p>{t('fixFields')}</p>
              </Notice>
            </div>
          ) : null}
          <MemberFields
            prefix="edit"
            values={values}
            onChange={edit}
            errors={errors}
            disabled={busy}
            emailLocked={member.email !== null && !may(state, ROLES.treasury)}
          />
          <HouseholdChoice household={member.household} value={household} disabled={busy} onChange={setHousehold} />
          <div className="actions">
            <Button variant="primary" type="submit" disabled={busy}>
              {busy ? t('saving') : t('save')}
            </Button>
            <Button onClick={() => stop(null)} disabled={busy}>
              {t('cancelEdit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function paymentText(payment: Payment, t: T, language: Language): string {
  const parts: string[] = [];
  if (payment.method === 'cheque' && (payment.chequeNumber || payment.bank)) {
    parts.push(t('cheque', { n: payment.chequeNumber ?? '?', bank: payment.bank ?? '' }).replace(/, $/, ''));
  }
  if (payment.method === 'card') {
    const brand = cardBrandName(payment.cardBrand, language);
    if (payment.cardLast4) parts.push(t('card', { brand, last4: payment.cardLast4 }).trim());
    else if (brand) parts.push(brand);
    if (payment.cardAuthCode) parts.push(t('cardAuth', { code: payment.cardAuthCode }));
  }
  if (payment.method === 'cash' && payment.tenderedCents !== null) {
    parts.push(t('tendered', { t: formatMoney(payment.tenderedCents, language), c: formatMoney(payment.changeCents ?? 0, language) }));
  }
  return parts.join(t('sep'));
}

/** One order of « Transactions »: receipt, date, kind, lines, total and how it was paid. */
function OrderDetails({ order, t, language }: { order: Order; t: T; language: Language }) {
  const titleId = `order-${order.id}`;
  return (
    <section aria-labelledby={titleId} className={`order order-${order.kind}`}>
      <h3 id={titleId}>
        {t('receipt', { n: order.receiptNumber })} — {formatLongDate(order.businessDate, language)} — <span className="order-kind">{ORDER_KIND_WORDS[language][order.kind]}</span>
      </h3>
      <p className="order-meta">
        {t('by', { who: order.createdBy, desk: order.deskName })}
        {order.originalReceiptNumber ? <> · {t('corrects', { n: order.originalReceiptNumber })}</> : null}
        {order.correctedBy.map((correction) => (
          <span key={correction.receiptNumber}> · {t(correction.kind === 'refund' ? 'correctedBy_refund' : 'correctedBy_void', { n: correction.receiptNumber })}</span>
        ))}
        {order.reason ? <> · {t('reason', { r: order.reason })}</> : null}
      </p>
      <Table
        className="order-lines"
        columns={[
          {
            header: t('item'),
            cell: (line) => (
              <>
                {line.description}
                {line.period ? (
                  <span className="line-period">
                    {' '}
                    — {t('period', { from: formatLongDate(line.period.startsOn, language), to: formatLongDate(line.period.endsOn, language) })}
                    {line.period.voided ? ` ${t('periodVoided')}` : ''}
                  </span>
                ) : null}
              </>
            ),
          },
          { header: t('amount'), numeric: true, cell: (line) => formatMoney(line.amountCents, language) },
        ]}
        rows={order.lines}
        rowKey={(line) => line.id}
        footer={
          <>
            <tr className="total">
              <th scope="row">{t('total')}</th>
              <td className="amount">{formatMoney(order.totalCents, language)}</td>
            </tr>
            {order.payments.map((payment) => {
              const details = paymentText(payment, t, language);
              return (
                <tr key={payment.id} className="order-payment">
                  <th scope="row">
                    {t('payments', { method: PAYMENT_METHOD_WORDS[language][payment.method] })}
                    {details ? <span className="payment-details"> — {details}</span> : null}
                  </th>
                  <td className="amount">{formatMoney(payment.amountCents, language)}</td>
                </tr>
              );
            })}
          </>
        }
      />
    </section>
  );
}

/** « Afficher/Imprimer carte de membre »: the card's preview in the words the card prints, then the card PDF printed. */
function MemberCard({ member, headingRef, onBack }: { member: MemberView; headingRef: RefObject<HTMLHeadingElement | null>; onBack: () => void }) {
  const { state } = useApp();
  const t = useTexts(TEXTS);
  const card = CARD_WORDS[member.language];
  const validity = cardValidity(member.status, member.language);
  const [pdfError, setPdfError] = useState<string | null>(null);
  // The PDF card carries the scannable barcode (Code 128) of the member number.
  const saveCard = async (size: 'cr80' | 'letter') => {
    const file = await call('documents.memberCard', { number: member.number, size });
    setPdfError(file.ok ? await savePdf(file.value) : file.error.message);
  };
  return (
    <section aria-labelledby="member-title" className="card-view">
      <h1 id="member-title" ref={headingRef} tabIndex={-1} className="no-print">
        {t('cardTitle')} — {member.firstName} {member.lastName}
      </h1>
      <p className="hint no-print">{t('cardHint')}</p>
      {/* The preview says what the card will: same words, in the member's language, as the PDF. */}
      <div className="member-card" aria-label={t('cardTitle')} lang={member.language === 'fr' ? 'fr-CA' : 'en-CA'}>
        <p className="member-card-club">{state.desk.clubName}</p>
        <p className="member-card-kind">{card.title}</p>
        <p className="member-card-name">
          {member.firstName} {member.lastName}
        </p>
        <dl className="member-card-facts">
          <div>
            <dt>{card.number}</dt>
            <dd className="member-card-number">{member.number}</dd>
          </div>
          <div>
            <dt>{validity.label}</dt>
            <dd>{validity.value}</dd>
          </div>
        </dl>
      </div>
      <div className="actions">
        <Button variant="primary" onClick={() => void printDocument(call('documents.memberCard', { number: member.number, size: state.paper.card }), 'card').then(setPdfError)}>
          {t('print')}
        </Button>
        <Button onClick={() => void saveCard('cr80')}>{t('cardPdf')}</Button>
        <Button onClick={() => void saveCard('letter')}>{t('cardSheetPdf')}</Button>
        <Button onClick={onBack}>{t('backToProfile')}</Button>
      </div>
      {pdfError ? <Notice kind="error">{pdfError}</Notice> : null}
    </section>
  );
}
