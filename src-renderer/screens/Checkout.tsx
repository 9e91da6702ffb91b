import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { call, type ApiError, type Input, type Output } from '../app/api';
import { formatMoney, parseMoney } from '../app/format';
import { COMMON, useLanguage, useTexts, type Texts } from '../app/i18n';
import { useApp, type CartLine } from '../app/navigation';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { brandLabel, centsToInput, LINE_WORDS, METHOD_WORDS, signedMoney, colon, type CardBrand } from './sale-words';
import './Checkout.css';

const TEXTS: Texts<
  | 'title'
  | 'for'
  | 'noMember'
  | 'credit'
  | 'empty'
  | 'find'
  | 'clear'
  | 'lines'
  | 'item'
  | 'amount'
  | 'remove'
  | 'removeLine'
  | 'forced'
  | 'full'
  | 'fullHint'
  | 'memberOf'
  | 'donationTitle'
  | 'donationAmount'
  | 'donationAdd'
  | 'amountError'
  | 'paymentsTitle'
  | 'choose'
  | 'cashDue'
  | 'tendered'
  | 'tenderedHint'
  | 'removeCash'
  | 'chequeNumber'
  | 'bank'
  | 'chequeAdd'
  | 'cardAmount'
  | 'cardSteps'
  | 'authCode'
  | 'authCodeHint'
  | 'authCodeError'
  | 'last4'
  | 'last4Error'
  | 'brand'
  | 'brandNone'
  | 'cardAdd'
  | 'creditAmount'
  | 'creditAvailable'
  | 'creditAdd'
  | 'creditTooMuch'
  | 'tooMuch'
  | 'required'
  | 'cancelForm'
  | 'chequeLabel'
  | 'cardLabel'
  | 'authLabel'
  | 'summary'
  | 'total'
  | 'paidExact'
  | 'remaining'
  | 'rounding'
  | 'cashToPay'
  | 'change'
  | 'statusPaid'
  | 'statusChoose'
  | 'statusMissing'
  | 'statusTendered'
  | 'statusOver'
  | 'statusCashUseless'
  | 'statusCashTiny'
  | 'checkout'
  | 'confirmTitle'
  | 'confirmOk'
  | 'confirmTendered'
  | 'confirmChange'
  | 'forceButton'
  | 'forceTitle'
  | 'forceBody'
  | 'waitlistButton'
  | 'waitlistHint'
  | 'clearTitle'
  | 'clearBody'
  | 'clearOk'
  | 'leaveTitle'
  | 'leaveBody'
  | 'leaveOk'
  | 'cardWarning'
  | 'removeCardTitle'
  | 'removeCardBody'
  | 'removeCardOk'
  | 'busy'
> = {
  fr: {
    title: 'Panier',
    for: 'Pour',
    noMember: 'Aucun membre choisi',
    credit: 'Crédit / Coupons : {amount}',
    empty: 'Le panier est vide. Trouvez un membre, puis choisissez « Renouveler » ou une activité.',
    find: 'Trouver un membre',
    clear: 'Vider le panier',
    lines: 'Articles',
    item: 'Article',
    amount: 'Montant',
    remove: 'Retirer',
    removeLine: 'Retirer : {what}',
    forced: 'deuxième renouvellement, confirmé',
    full: '⚠ Complet',
    fullHint: 'Cette activité est complète : elle ne peut pas être vendue. Le bouton ci-dessous la retire du panier et ouvre les activités, pour inscrire le membre sur la liste d’attente.',
    memberOf: 'pour {name} (no {number})',
    donationTitle: 'Ajouter un don',
    donationAmount: 'Montant du don',
    donationAdd: 'Ajouter le don',
    amountError: 'Tapez un montant, par exemple 20 ou 12,50.',
    paymentsTitle: 'Paiement',
    choose: 'Comment le membre paie-t-il ? On peut combiner plusieurs modes.',
    cashDue: 'À payer en argent',
    tendered: 'Montant remis',
    tenderedHint: 'Ce que le membre vous donne, par exemple 50 ou 40,25.',
    removeCash: 'Retirer l’argent',
    chequeNumber: 'Numéro du chèque',
    bank: 'Banque',
    chequeAdd: 'Ajouter le chèque',
    cardAmount: 'Montant',
    cardSteps: 'Entrez {amount} sur le terminal. Quand il affiche APPROUVÉE, tapez le code d’autorisation.',
    authCode: 'Code d’autorisation',
    authCodeHint: 'Imprimé sur le reçu du terminal, par exemple 0A12BC.',
    authCodeError: 'Le code d’autorisation a de 2 à 12 lettres ou chiffres. Recopiez-le du reçu du terminal.',
    last4: '4 derniers chiffres (facultatif)',
    last4Error: 'Tapez exactement 4 chiffres, ou laissez vide.',
    brand: 'Type de carte (facultatif)',
    brandNone: '— Je ne sais pas —',
    cardAdd: 'Ajouter le paiement par carte',
    creditAmount: 'Montant pris du crédit',
    creditAvailable: 'Crédit disponible : {amount}.',
    creditAdd: 'Utiliser le crédit',
    creditTooMuch: 'Le crédit disponible est de {amount} seulement.',
    tooMuch: 'Il ne reste que {amount} à payer : corrigez le montant.',
    required: 'Ce renseignement est nécessaire.',
    cancelForm: 'Annuler',
    chequeLabel: 'Chèque no {number} ({bank})',
    cardLabel: 'Carte {brand}',
    authLabel: 'autorisation {code}',
    summary: 'À payer',
    total: 'Total',
    paidExact: 'Payé par chèque, carte ou crédit',
    remaining: 'Reste à payer',
    rounding: 'Arrondi',
    cashToPay: 'À payer en argent',
    change: 'Monnaie à rendre',
    statusPaid: '✔ Tout est payé : choisissez « Encaisser ».',
    statusChoose: 'Choisissez comment le membre paie : Argent, Chèque ou Carte.',
    statusMissing: 'Il reste {amount} à payer : ajoutez un paiement.',
    statusTendered: 'Tapez le montant remis : au moins {amount}.',
    statusOver: 'Les paiements dépassent le total de {amount} : retirez ou corrigez un paiement.',
    statusCashUseless: 'Tout est déjà payé sans argent : retirez le paiement en argent.',
    statusCashTiny: 'Le reste ({amount}) s’arrondit à 0,00 $ en argent : corrigez plutôt le montant du chèque ou de la carte.',
    checkout: 'Encaisser',
    confirmTitle: 'Confirmer la vente de {amount} ?',
    confirmOk: 'Confirmer la vente',
    confirmTendered: 'montant remis {amount}',
    confirmChange: 'Monnaie à rendre : {amount}',
    forceButton: 'Renouveler quand même',
    forceTitle: 'Renouveler une deuxième fois ?',
    forceBody: 'Le membre a déjà renouvelé. Si vous continuez, il paiera une autre adhésion, qui s’ajoutera à la suite de la première. Faites-le seulement si le membre le demande.',
    waitlistButton: 'Aller à la liste d’attente',
    waitlistHint: 'Retirez l’activité complète du panier, puis inscrivez le membre sur la liste d’attente depuis l’écran des activités.',
    clearTitle: 'Vider le panier ?',
    clearBody: 'Tous les articles et les paiements du panier seront retirés. Rien n’a encore été vendu.',
    clearOk: 'Vider le panier',
    leaveTitle: 'Quitter le panier ?',
    leaveBody: 'Les articles restent dans le panier, mais les paiements déjà ajoutés seront oubliés.',
    leaveOk: 'Quitter le panier',
    cardWarning: 'Attention : un paiement par carte a déjà été approuvé au terminal. Annulez-le aussi sur le terminal.',
    removeCardTitle: 'Retirer ce paiement par carte ?',
    removeCardBody: 'Le terminal a déjà approuvé {amount}. Si vous le retirez ici, annulez-le aussi sur le terminal, sinon le membre sera débité.',
    removeCardOk: 'Retirer le paiement',
    busy: 'Un instant…',
  },
  en: {
    title: 'Cart',
    for: 'For',
    noMember: 'No member chosen',
    credit: 'Credit / Coupons: {amount}',
    empty: 'The cart is empty. Find a member, then choose “Renew” or an activity.',
    find: 'Find a member',
    clear: 'Empty the cart',
    lines: 'Items',
    item: 'Item',
    amount: 'Amount',
    remove: 'Remove',
    removeLine: 'Remove: {what}',
    forced: 'second renewal, confirmed',
    full: '⚠ Full',
    fullHint: 'This activity is full: it cannot be sold. The button below removes it from the cart and opens the activities, to put the member on the waitlist.',
    memberOf: 'for {name} (no. {number})',
    donationTitle: 'Add a donation',
    donationAmount: 'Donation amount',
    donationAdd: 'Add the donation',
    amountError: 'Type an amount, for example 20 or 12.50.',
    paymentsTitle: 'Payment',
    choose: 'How does the member pay? Several ways can be combined.',
    cashDue: 'Cash due',
    tendered: 'Amount tendered',
    tenderedHint: 'What the member hands you, for example 50 or 40.25.',
    removeCash: 'Remove the cash',
    chequeNumber: 'Cheque number',
    bank: 'Bank',
    chequeAdd: 'Add the cheque',
    cardAmount: 'Amount',
    cardSteps: 'Enter {amount} on the terminal. When it shows APPROVED, type the authorization code.',
    authCode: 'Authorization code',
    authCodeHint: 'Printed on the terminal slip, for example 0A12BC.',
    authCodeError: 'The authorization code has 2 to 12 letters or digits. Copy it from the terminal slip.',
    last4: 'Last 4 digits (optional)',
    last4Error: 'Type exactly 4 digits, or leave empty.',
    brand: 'Card type (optional)',
    brandNone: '— I don’t know —',
    cardAdd: 'Add the card payment',
    creditAmount: 'Amount taken from credit',
    creditAvailable: 'Credit available: {amount}.',
    creditAdd: 'Use the credit',
    creditTooMuch: 'The credit available is only {amount}.',
    tooMuch: 'Only {amount} is left to pay: correct the amount.',
    required: 'This is needed.',
    cancelForm: 'Cancel',
    chequeLabel: 'Cheque no. {number} ({bank})',
    cardLabel: 'Card {brand}',
    authLabel: 'authorization {code}',
    summary: 'To pay',
    total: 'Total',
    paidExact: 'Paid by cheque, card or credit',
    remaining: 'Left to pay',
    rounding: 'Rounding',
    cashToPay: 'Cash due',
    change: 'Change to give',
    statusPaid: '✔ Everything is paid: choose “Check out”.',
    statusChoose: 'Choose how the member pays: Cash, Cheque or Card.',
    statusMissing: '{amount} is left to pay: add a payment.',
    statusTendered: 'Type the amount tendered: at least {amount}.',
    statusOver: 'The payments exceed the total by {amount}: remove or correct a payment.',
    statusCashUseless: 'Everything is already paid without cash: remove the cash payment.',
    statusCashTiny: 'The rest ({amount}) rounds to $0.00 in cash: correct the cheque or card amount instead.',
    checkout: 'Check out',
    confirmTitle: 'Confirm the sale of {amount}?',
    confirmOk: 'Confirm the sale',
    confirmTendered: 'tendered {amount}',
    confirmChange: 'Change to give: {amount}',
    forceButton: 'Renew anyway',
    forceTitle: 'Renew a second time?',
    forceBody: 'The member already renewed. If you go on, they pay for another membership, which follows the first one. Only do it if the member asks.',
    waitlistButton: 'Go to the waitlist',
    waitlistHint: 'Remove the full activity from the cart, then put the member on the waitlist from the activities screen.',
    clearTitle: 'Empty the cart?',
    clearBody: 'Every item and payment in the cart will be removed. Nothing has been sold yet.',
    clearOk: 'Empty the cart',
    leaveTitle: 'Leave the cart?',
    leaveBody: 'The items stay in the cart, but the payments already added will be forgotten.',
    leaveOk: 'Leave the cart',
    cardWarning: 'Careful: a card payment was already approved on the terminal. Cancel it on the terminal too.',
    removeCardTitle: 'Remove this card payment?',
    removeCardBody: 'The terminal already approved {amount}. If you remove it here, cancel it on the terminal too, or the member will be charged.',
    removeCardOk: 'Remove the payment',
    busy: 'One moment…',
  },
};

type Quote = Output<'sales.quote'>;
type PaymentInput = Input<'sales.checkout'>['payments'][number];
type ExactPayment = Exclude<PaymentInput, { method: 'cash' }>;
type Profile = Output<'members.profile'>;
type Form = 'cheque' | 'card' | 'credit' | null;
type Dialog = { kind: 'sale' } | { kind: 'force' } | { kind: 'clear' } | { kind: 'leave' } | { kind: 'removeCard'; index: number } | null;

/** The quote answers the exact input it was asked for: stale answers never enable « Encaisser ». */
interface QuoteState {
  key: string;
  value: Quote | null;
  error: string | null;
}

/**
 * Screen 5: the cart priced by the core (`sales.quote` on every change), split payments, the cash
 * tendered and the change, then one confirmed `sales.checkout`.
 */
export function CheckoutScreen() {
  const { cart, setCart, navigate, refresh } = useApp();
  const language = useLanguage();
  const t = useTexts(TEXTS);
  const common = useTexts(COMMON);
  const methods = useTexts(METHOD_WORDS);
  const lineWords = useTexts(LINE_WORDS);

  const [profile, setProfile] = useState<Profile | null>(null);
  const [profileError, setProfileError] = useState<string | null>(null);
  const [payments, setPayments] = useState<ExactPayment[]>([]);
  const [cash, setCash] = useState(false);
  const [tendered, setTendered] = useState('');
  const [form, setForm] = useState<Form>(null);
  const [quote, setQuote] = useState<QuoteState | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [donation, setDonation] = useState('');
  const [donationError, setDonationError] = useState<string | null>(null);

  const firstMethod = useRef<HTMLButtonElement>(null);
  const tenderedInput = useRef<HTMLInputElement>(null);
  const checkoutButton = useRef<HTMLButtonElement>(null);
  const errorAction = useRef<HTMLButtonElement>(null);
  const ticket = useRef(0);

  const memberNumber = cart.memberNumber;
  const tenderedCents = tendered.trim() === '' ? 0 : parseMoney(tendered);
  const tenderedError = cash && tenderedCents === null ? t('amountError') : null;

  const quoteInput = useCallback(
    (lines: CartLine[]): Input<'sales.checkout'> => ({
      ...(memberNumber !== null ? { memberNumber } : {}),
      lines,
      payments: [...payments, ...(cash ? [{ method: 'cash' as const, tenderedCents: tenderedCents ?? 0 }] : [])],
    }),
    [memberNumber, payments, cash, tenderedCents],
  );
  const input = quoteInput(cart.lines);
  const key = JSON.stringify(input);

  const askQuote = useCallback(async (wanted: Input<'sales.checkout'>): Promise<QuoteState> => {
    const wantedKey = JSON.stringify(wanted);
    const mine = ++ticket.current;
    const result = await call('sales.quote', wanted);
    const next = result.ok ? { key: wantedKey, value: result.value, error: null } : { key: wantedKey, value: null, error: result.error.message };
    // Answers can cross while typing: only the newest question's answer is kept.
    if (mine === ticket.current) setQuote(next);
    return next;
  }, []);

  useEffect(() => {
    if (cart.lines.length === 0) return;
    void askQuote(JSON.parse(key) as Input<'sales.checkout'>);
  }, [key, askQuote, cart.lines.length]);

  useEffect(() => {
    if (memberNumber === null) return;
    void call('members.profile', { number: memberNumber }).then((result) =>
      result.ok ? setProfile(result.value) : setProfileError(result.error.message),
    );
  }, [memberNumber]);

  useEffect(() => {
    firstMethod.current?.focus();
  }, []);

  // A change to the cart or its payments makes the last checkout error stale.
  useEffect(() => setError(null), [key]);

  // An error that offers a way out puts the keyboard on it.
  useEffect(() => {
    if (error) errorAction.current?.focus();
  }, [error]);

  const fresh = quote && quote.key === key ? quote.value : null;
  const shown = quote?.value ?? null;
  const payableBy = (q: Quote | null, hasCash: boolean): boolean =>
    q !== null && cart.lines.length > 0 && (hasCash ? q.changeCents !== null : q.remainingCents === 0);
  const payable = payableBy(fresh, cash) && !tenderedError && !busy;

  const cardPaid = payments.some((p) => p.method === 'card');
  const member = profile?.member ?? null;
  const creditUsed = payments.reduce((sum, p) => (p.method === 'credit' ? sum + p.amountCents : sum), 0);
  const creditLeft = (member?.creditCents ?? 0) - creditUsed;
  const remaining = shown?.remainingCents ?? 0;

  const money = (cents: number) => formatMoney(cents, language);
  const saleTotal = (q: Quote) => q.totalCents + (cash ? q.roundingCents : 0);

  const memberName = (number: number | null): string | null => {
    if (number === null || number === memberNumber) return null;
    const partner = member?.household?.members.find((m) => m.number === number);
    return t('memberOf', { name: partner ? `${partner.firstName} ${partner.lastName}` : '—', number });
  };

  const lineLabel = (line: CartLine, index: number): string => {
    const priced = shown?.lines[index];
    if (line.kind === 'activity') return priced?.description ?? `${lineWords('activity')} ${line.activityCode}`;
    return lineWords(line.kind);
  };

  const removeLine = (index: number) => {
    setError(null);
    const lines = cart.lines.filter((_, i) => i !== index);
    setCart({ memberNumber: lines.length === 0 ? null : cart.memberNumber, lines });
    if (lines.length === 0) {
      setPayments([]);
      setCash(false);
    }
    // The button pressed is gone: the keyboard goes on to the payment methods (or « Trouver un membre »).
    window.setTimeout(() => firstMethod.current?.focus(), 0);
  };

  const addDonation = (event: FormEvent) => {
    event.preventDefault();
    const amount = parseMoney(donation);
    if (amount === null || amount <= 0) return setDonationError(t('amountError'));
    setDonationError(null);
    setDonation('');
    setCart({ memberNumber: cart.memberNumber, lines: [...cart.lines, { kind: 'donation', amountCents: amount }] });
  };

  const startCash = () => {
    setCash(true);
    setForm(null);
  };
  // The amount tendered is typed right after « Argent »: the field takes the keyboard at once.
  useLayoutEffect(() => {
    if (cash) tenderedInput.current?.focus();
  }, [cash]);

  const addPayment = (payment: ExactPayment) => {
    setPayments((list) => [...list, payment]);
    setForm(null);
    setError(null);
    // Once the payment is in, the next step is either another method or « Encaisser ».
    window.setTimeout(() => (checkoutButton.current && !checkoutButton.current.disabled ? checkoutButton.current : firstMethod.current)?.focus(), 300);
  };

  const removePayment = (index: number) => {
    setPayments((list) => list.filter((_, i) => i !== index));
    setDialog(null);
    window.setTimeout(() => firstMethod.current?.focus(), 0);
  };

  /** Asks the core again for the exact current cart, then asks the volunteer to confirm. */
  const startCheckout = async () => {
    if (busy || tenderedError || cart.lines.length === 0) return;
    const current = fresh ? { value: fresh } : await askQuote(input);
    if (payableBy(current.value, cash)) setDialog({ kind: 'sale' });
  };

  const runCheckout = async (lines: CartLine[]) => {
    setBusy(true);
    setError(null);
    const result = await call('sales.checkout', quoteInput(lines));
    setBusy(false);
    setDialog(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setCart({ memberNumber: null, lines: [] });
    await refresh();
    navigate({ name: 'receipt', receiptNumber: result.value.order.receiptNumber, change: result.value.cash });
  };

  const renewAnyway = () => {
    const lines = cart.lines.map((line) => (line.kind === 'membership' ? { ...line, force: true } : line));
    setCart({ memberNumber: cart.memberNumber, lines });
    void runCheckout(lines);
  };

  /** A full activity cannot be sold: it leaves the cart, and the member goes on its waitlist instead. */
  const goToWaitlist = () => {
    const lines = cart.lines.filter((_, i) => !shown?.lines[i]?.activityFull);
    setCart({ memberNumber: lines.length === 0 ? null : cart.memberNumber, lines });
    navigate({ name: 'activities', ...(memberNumber !== null ? { memberNumber } : {}) });
  };

  const leave = () => {
    setDialog(null);
    navigate(memberNumber !== null ? { name: 'member', number: memberNumber } : { name: 'lookup' });
  };

  const clearCart = () => {
    setDialog(null);
    setCart({ memberNumber: null, lines: [] });
    navigate({ name: 'lookup' });
  };

  const status = (): { kind: 'success' | 'info' | 'warning'; text: string } | null => {
    if (!shown) return null;
    if (payableBy(shown, cash)) return { kind: 'success', text: t('statusPaid') };
    if (shown.remainingCents < 0) return { kind: 'warning', text: t('statusOver', { amount: money(-shown.remainingCents) }) };
    if (cash) {
      if (shown.remainingCents === 0) return { kind: 'warning', text: t('statusCashUseless') };
      if (shown.cashDueCents === 0) return { kind: 'warning', text: t('statusCashTiny', { amount: money(shown.remainingCents) }) };
      return { kind: 'info', text: t('statusTendered', { amount: money(shown.cashDueCents) }) };
    }
    if (payments.length === 0) return { kind: 'info', text: t('statusChoose') };
    return { kind: 'info', text: t('statusMissing', { amount: money(shown.remainingCents) }) };
  };

  if (cart.lines.length === 0) {
    return (
      <section aria-labelledby="checkout-title" className="narrow">
        <h1 id="checkout-title">{t('title')}</h1>
        <Notice>{t('empty')}</Notice>
        <div className="actions">
          <Button variant="primary" ref={firstMethod} onClick={() => navigate({ name: 'lookup' })}>
            {t('find')}
          </Button>
        </div>
      </section>
    );
  }

  const current = status();
  const hasFull = shown?.lines.some((line) => line.activityFull) ?? false;

  return (
    <section aria-labelledby="checkout-title" className="checkout">
      <div className="screen-head">
        <h1 id="checkout-title">{t('title')}</h1>
        <div className="actions">
          <Button onClick={() => (payments.length > 0 ? setDialog({ kind: 'leave' }) : leave())}>{common('back')}</Button>
          <Button variant="danger" onClick={() => setDialog({ kind: 'clear' })}>
            {t('clear')}
          </Button>
        </div>
      </div>

      <p className="checkout-member">
        {t('for')}
        {colon(language)}
        {memberNumber === null ? (
          <strong>{t('noMember')}</strong>
        ) : (
          <>
            <strong>{member ? `${member.firstName} ${member.lastName}` : '…'}</strong>{' '}
            <span className="muted">
              ({common('memberNo')} {memberNumber})
            </span>
            {member && member.creditCents > 0 ? <span className="checkout-credit"> · {t('credit', { amount: money(member.creditCents) })}</span> : null}
          </>
        )}
      </p>
      {profileError ? <Notice kind="error">{profileError}</Notice> : null}

      <div className="checkout-grid">
        <div className="checkout-main">
          <h2>{t('lines')}</h2>
          <table className="cart-lines">
            <thead>
              <tr>
                <th scope="col">{t('item')}</th>
                <th scope="col" className="amount">
                  {t('amount')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cart.lines.map((line, index) => {
                const priced = shown?.lines[index];
                const label = lineLabel(line, index);
                const other = memberName(priced?.memberNumber ?? null);
                return (
                  <tr key={index}>
                    <td>
                      <span className="line-label">{label}</span>
                      {other ? <span className="line-note"> {other}</span> : null}
                      {line.kind === 'membership' && line.force ? <span className="line-note"> ({t('forced')})</span> : null}
                      {priced?.activityFull ? <span className="line-full"> {t('full')}</span> : null}
                    </td>
                    <td className="amount">{priced ? money(priced.amountCents) : '…'}</td>
                    <td className="line-action">
                      <Button onClick={() => removeLine(index)} aria-label={t('removeLine', { what: label })}>
                        {t('remove')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {hasFull ? (
            <Notice kind="warning">
              <p>{t('fullHint')}</p>
              <Button ref={error?.code === 'ACTIVITY_FULL' ? errorAction : undefined} onClick={goToWaitlist}>
                {t('waitlistButton')}
              </Button>
            </Notice>
          ) : null}

          <form className="donation-form" onSubmit={addDonation}>
            <Field
              label={t('donationAmount')}
              inputMode="decimal"
              autoComplete="off"
              value={donation}
              error={donationError}
              onChange={(event) => setDonation(event.target.value)}
            />
            <Button type="submit">{t('donationAdd')}</Button>
          </form>

          <h2>{t('paymentsTitle')}</h2>
          <p className="hint">{t('choose')}</p>
          <div className="actions method-buttons" role="group" aria-label={t('paymentsTitle')}>
            <Button ref={firstMethod} onClick={() => (cash ? tenderedInput.current?.focus() : startCash())} aria-pressed={cash}>
              {methods('cash')}
            </Button>
            <Button onClick={() => setForm('cheque')} aria-pressed={form === 'cheque'}>
              {methods('cheque')}
            </Button>
            <Button onClick={() => setForm('card')} aria-pressed={form === 'card'}>
              {methods('card')}
            </Button>
            {member && member.creditCents > 0 ? (
              <Button onClick={() => setForm('credit')} aria-pressed={form === 'credit'} disabled={creditLeft <= 0}>
                {methods('credit')}
              </Button>
            ) : null}
          </div>

          {form === 'cheque' ? (
            <ChequeForm t={t} remaining={remaining} onAdd={addPayment} onCancel={() => setForm(null)} />
          ) : null}
          {form === 'card' ? <CardForm t={t} remaining={remaining} onAdd={addPayment} onCancel={() => setForm(null)} /> : null}
          {form === 'credit' ? (
            <CreditForm t={t} remaining={remaining} available={creditLeft} onAdd={addPayment} onCancel={() => setForm(null)} />
          ) : null}

          {payments.length > 0 || cash ? (
            <ul className="payment-list" aria-label={t('paymentsTitle')}>
              {payments.map((payment, index) => (
                <li key={index} className="payment-item">
                  <span className="payment-label">
                    <PaymentLabel payment={payment} t={t} />
                  </span>
                  <span className="amount">{money(payment.amountCents)}</span>
                  <Button
                    onClick={() => (payment.method === 'card' ? setDialog({ kind: 'removeCard', index }) : removePayment(index))}
                    aria-label={`${t('remove')}${colon(language)}${methods(payment.method)} ${money(payment.amountCents)}`}
                  >
                    {t('remove')}
                  </Button>
                </li>
              ))}
              {cash ? (
                <li className="payment-item payment-cash">
                  <span className="payment-label">
                    <strong>{methods('cash')}</strong>
                    {shown && shown.cashDueCents > 0 ? (
                      <span className="line-note">
                        {' '}
                        — {t('cashDue')}
                        {colon(language)}
                        {money(shown.cashDueCents)}
                      </span>
                    ) : null}
                  </span>
                  <form
                    className="tendered-form"
                    onSubmit={(event) => {
                      event.preventDefault();
                      void startCheckout();
                    }}
                  >
                    <Field
                      ref={tenderedInput}
                      label={t('tendered')}
                      hint={t('tenderedHint')}
                      inputMode="decimal"
                      autoComplete="off"
                      className="tendered-field"
                      value={tendered}
                      error={tenderedError}
                      onChange={(event) => setTendered(event.target.value)}
                    />
                  </form>
                  <Button
                    onClick={() => {
                      setCash(false);
                      setTendered('');
                      firstMethod.current?.focus();
                    }}
                  >
                    {t('removeCash')}
                  </Button>
                </li>
              ) : null}
            </ul>
          ) : null}
        </div>

        <aside className="checkout-summary" aria-labelledby="summary-title">
          <h2 id="summary-title">{t('summary')}</h2>
          {quote?.error ? <Notice kind="error">{quote.error}</Notice> : null}
          {shown ? (
            <dl className="summary-list">
              <SummaryRow label={t('total')} value={money(shown.totalCents)} />
              {shown.exactPaidCents > 0 ? <SummaryRow label={t('paidExact')} value={money(shown.exactPaidCents)} /> : null}
              <SummaryRow label={t('remaining')} value={money(shown.remainingCents)} big />
              {cash && shown.cashDueCents > 0 ? (
                <>
                  {shown.roundingCents !== 0 ? <SummaryRow label={t('rounding')} value={signedMoney(shown.roundingCents, language)} /> : null}
                  <SummaryRow label={t('cashToPay')} value={money(shown.cashDueCents)} />
                  <SummaryRow label={t('tendered')} value={tenderedCents === null || tendered.trim() === '' ? '—' : money(tenderedCents)} />
                </>
              ) : null}
              {cash ? (
                <SummaryRow label={t('change')} value={shown.changeCents === null ? '—' : money(shown.changeCents)} big live />
              ) : null}
            </dl>
          ) : (
            <p>{t('busy')}</p>
          )}
          {current && !error ? (
            <p className={`checkout-status checkout-status-${current.kind}`} role="status">
              {current.text}
            </p>
          ) : null}
          {error ? (
            <Notice kind="error">
              <p>{error.message}</p>
              {error.code === 'ALREADY_RENEWED' ? (
                <Button ref={errorAction} onClick={() => setDialog({ kind: 'force' })}>
                  {t('forceButton')}
                </Button>
              ) : null}
              {error.code === 'ACTIVITY_FULL' && !hasFull ? (
                <>
                  <p>{t('waitlistHint')}</p>
                  <Button ref={errorAction} onClick={goToWaitlist}>
                    {t('waitlistButton')}
                  </Button>
                </>
              ) : null}
            </Notice>
          ) : null}
          <Button variant="primary" ref={checkoutButton} className="checkout-button" disabled={!payable} onClick={() => void startCheckout()}>
            {t('checkout')}
          </Button>
        </aside>
      </div>

      {dialog?.kind === 'sale' && fresh ? (
        <ConfirmDialog
          title={t('confirmTitle', { amount: money(saleTotal(fresh)) })}
          confirmLabel={t('confirmOk')}
          cancelLabel={common('back')}
          busy={busy}
          onConfirm={() => void runCheckout(cart.lines)}
          onCancel={() => setDialog(null)}
        >
          <ul className="confirm-list">
            {payments.map((payment, index) => (
              <li key={index}>
                <PaymentLabel payment={payment} t={t} />
                {colon(language)}
                {money(payment.amountCents)}
              </li>
            ))}
            {cash ? (
              <li>
                {methods('cash')}
                {colon(language)}
                {money(fresh.cashDueCents)} ({t('confirmTendered', { amount: money(tenderedCents ?? 0) })})
              </li>
            ) : null}
          </ul>
          {cash && fresh.changeCents !== null ? <p className="confirm-change">{t('confirmChange', { amount: money(fresh.changeCents) })}</p> : null}
        </ConfirmDialog>
      ) : null}
      {dialog?.kind === 'force' ? (
        <ConfirmDialog
          title={t('forceTitle')}
          confirmLabel={t('forceButton')}
          cancelLabel={common('back')}
          busy={busy}
          onConfirm={renewAnyway}
          onCancel={() => setDialog(null)}
        >
          <p>{t('forceBody')}</p>
        </ConfirmDialog>
      ) : null}
      {dialog?.kind === 'clear' ? (
        <ConfirmDialog title={t('clearTitle')} confirmLabel={t('clearOk')} cancelLabel={common('back')} onConfirm={clearCart} onCancel={() => setDialog(null)}>
          <p>{t('clearBody')}</p>
          {cardPaid ? <Notice kind="warning">{t('cardWarning')}</Notice> : null}
        </ConfirmDialog>
      ) : null}
      {dialog?.kind === 'leave' ? (
        <ConfirmDialog title={t('leaveTitle')} confirmLabel={t('leaveOk')} cancelLabel={common('back')} onConfirm={leave} onCancel={() => setDialog(null)}>
          <p>{t('leaveBody')}</p>
          {cardPaid ? <Notice kind="warning">{t('cardWarning')}</Notice> : null}
        </ConfirmDialog>
      ) : null}
      {dialog?.kind === 'removeCard' ? (
        <ConfirmDialog
          title={t('removeCardTitle')}
          confirmLabel={t('removeCardOk')}
          cancelLabel={common('back')}
          onConfirm={() => removePayment(dialog.index)}
          onCancel={() => setDialog(null)}
        >
          <p>{t('removeCardBody', { amount: money(payments[dialog.index]?.amountCents ?? 0) })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

type T = (key: keyof (typeof TEXTS)['fr'], params?: Record<string, string | number>) => string;

function SummaryRow({ label, value, big, live }: { label: string; value: ReactNode; big?: boolean; live?: boolean }) {
  return (
    <div className={big ? 'summary-row summary-big' : 'summary-row'}>
      <dt>{label}</dt>
      <dd aria-live={live ? 'polite' : undefined}>{value}</dd>
    </div>
  );
}

function PaymentLabel({ payment, t }: { payment: ExactPayment; t: T }) {
  const language = useLanguage();
  const methods = useTexts(METHOD_WORDS);
  switch (payment.method) {
    case 'cheque':
      return <>{t('chequeLabel', { number: payment.chequeNumber, bank: payment.bank })}</>;
    case 'card': {
      const brand = brandLabel(payment.approval.brand ?? null, language);
      const last4 = payment.approval.last4 ? ` •••• ${payment.approval.last4}` : '';
      return (
        <>
          {t('cardLabel', { brand: `${brand}${last4}`.trim() })}, {t('authLabel', { code: payment.approval.authCode })}
        </>
      );
    }
    case 'credit':
      return <>{methods('credit')}</>;
  }
}

/** Typed amount → cents, with the reason it is refused (the field shows it). */
function checkAmount(text: string, remaining: number, t: T, language: 'fr' | 'en'): { cents: number | null; error: string | null } {
  const cents = parseMoney(text);
  if (cents === null || cents <= 0) return { cents: null, error: t('amountError') };
  if (remaining > 0 && cents > remaining) return { cents: null, error: t('tooMuch', { amount: formatMoney(remaining, language) }) };
  return { cents, error: null };
}

function FormButtons({ submitLabel, onCancel, busy, t }: { submitLabel: string; onCancel: () => void; busy?: boolean; t: T }) {
  return (
    <div className="form-buttons">
      <Button type="submit" variant="secondary" disabled={busy}>
        {submitLabel}
      </Button>
      <Button onClick={onCancel}>{t('cancelForm')}</Button>
    </div>
  );
}

function ChequeForm({ t, remaining, onAdd, onCancel }: { t: T; remaining: number; onAdd: (p: ExactPayment) => void; onCancel: () => void }) {
  const language = useLanguage();
  const [number, setNumber] = useState('');
  const [bank, setBank] = useState('');
  const [amount, setAmount] = useState(remaining > 0 ? centsToInput(remaining, language) : '');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAmount(amount, remaining, t, language);
    const next = {
      number: number.trim() === '' ? t('required') : null,
      bank: bank.trim() === '' ? t('required') : null,
      amount: checked.error,
    };
    setErrors(next);
    if (next.number || next.bank || checked.cents === null) return;
    onAdd({ method: 'cheque', chequeNumber: number.trim(), bank: bank.trim(), amountCents: checked.cents });
  };

  return (
    <form className="payment-form" onSubmit={submit} aria-label={t('chequeAdd')}>
      <div className="form-grid">
        <Field ref={first} label={t('chequeNumber')} autoComplete="off" maxLength={20} value={number} error={errors.number} onChange={(e) => setNumber(e.target.value)} />
        <Field label={t('bank')} autoComplete="off" maxLength={80} value={bank} error={errors.bank} onChange={(e) => setBank(e.target.value)} />
        <Field label={t('amount')} inputMode="decimal" autoComplete="off" value={amount} error={errors.amount} onChange={(e) => setAmount(e.target.value)} />
      </div>
      <FormButtons submitLabel={t('chequeAdd')} onCancel={onCancel} t={t} />
    </form>
  );
}

function CardForm({ t, remaining, onAdd, onCancel }: { t: T; remaining: number; onAdd: (p: ExactPayment) => void; onCancel: () => void }) {
  const language = useLanguage();
  const brandId = useId();
  const [amount, setAmount] = useState(remaining > 0 ? centsToInput(remaining, language) : '');
  const [authCode, setAuthCode] = useState('');
  const [last4, setLast4] = useState('');
  const [brand, setBrand] = useState<CardBrand | ''>('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const typed = parseMoney(amount);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkAmount(amount, remaining, t, language);
    const next = {
      amount: checked.error,
      authCode: /^[A-Za-z0-9]{2,12}$/.test(authCode.trim()) ? null : t('authCodeError'),
      last4: last4.trim() === '' || /^\d{4}$/.test(last4.trim()) ? null : t('last4Error'),
    };
    setErrors(next);
    if (next.authCode || next.last4 || checked.cents === null) return;
    setBusy(true);
    setFailure(null);
    const slip = {
      authCode: authCode.trim().toUpperCase(),
      ...(last4.trim() ? { last4: last4.trim() } : {}),
      ...(brand ? { brand } : {}),
    };
    const result = await call('payments.card', { amountCents: checked.cents, reference: 'panier', slip });
    setBusy(false);
    if (!result.ok) return setFailure(result.error.message);
    onAdd({ method: 'card', amountCents: checked.cents, approval: result.value });
  };

  return (
    <form className="payment-form" onSubmit={(event) => void submit(event)} aria-label={t('cardAdd')}>
      <Field ref={first} label={t('cardAmount')} inputMode="decimal" autoComplete="off" value={amount} error={errors.amount} onChange={(e) => setAmount(e.target.value)} />
      <p className="card-steps">{t('cardSteps', { amount: typed !== null && typed > 0 ? formatMoney(typed, language) : '…' })}</p>
      <div className="form-grid">
        <Field
          label={t('authCode')}
          hint={t('authCodeHint')}
          autoComplete="off"
          spellCheck={false}
          maxLength={12}
          value={authCode}
          error={errors.authCode}
          onChange={(e) => setAuthCode(e.target.value.toUpperCase())}
        />
        <Field
          label={t('last4')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          value={last4}
          error={errors.last4}
          onChange={(e) => setLast4(e.target.value.replace(/\D/g, ''))}
        />
        <div className="field">
          <label htmlFor={brandId}>{t('brand')}</label>
          <select id={brandId} value={brand} onChange={(e) => setBrand(e.target.value as CardBrand | '')}>
            <option value="">{t('brandNone')}</option>
            <option value="visa">Visa</option>
            <option value="mastercard">Mastercard</option>
            <option value="amex">American Express</option>
            <option value="interac">Interac</option>
            <option value="other">{language === 'fr' ? 'Autre' : 'Other'}</option>
          </select>
        </div>
      </div>
      {failure ? <Notice kind="error">{failure}</Notice> : null}
      <FormButtons submitLabel={t('cardAdd')} onCancel={onCancel} busy={busy} t={t} />
    </form>
  );
}

function CreditForm({
  t,
  remaining,
  available,
  onAdd,
  onCancel,
}: {
  t: T;
  remaining: number;
  available: number;
  onAdd: (p: ExactPayment) => void;
  onCancel: () => void;
}) {
  const language = useLanguage();
  const [amount, setAmount] = useState(centsToInput(Math.max(0, Math.min(available, remaining)), language));
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAmount(amount, remaining, t, language);
    if (checked.cents === null) return setError(checked.error);
    if (checked.cents > available) return setError(t('creditTooMuch', { amount: formatMoney(available, language) }));
    setError(null);
    onAdd({ method: 'credit', amountCents: checked.cents });
  };

  return (
    <form className="payment-form" onSubmit={submit} aria-label={t('creditAdd')}>
      <p>{t('creditAvailable', { amount: formatMoney(available, language) })}</p>
      <Field ref={first} label={t('creditAmount')} inputMode="decimal" autoComplete="off" value={amount} error={error} onChange={(e) => setAmount(e.target.value)} />
      <FormButtons submitLabel={t('creditAdd')} onCancel={onCancel} t={t} />
    </form>
  );
}

