import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { call, type Output } from '../app/api';
import { COMMON, useLanguage, useTexts, type Texts } from '../app/i18n';
import { printDocument, savePdf } from '../app/documents';
import { ROLES } from '../../src-shared/roles';
import { may, useApp } from '../app/navigation';
import { Button } from '../components/Button';
import { Table } from '../components/Table';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import './Receipt.css';
import { RefundDialog } from './receipt/RefundDialog';
import { formatLongDate, formatShortDateTime } from '../../src-shared/dates';
import { formatMoney, formatSignedMoney } from '../../src-shared/money';
import { cardBrandName, PAYMENT_METHOD_WORDS } from '../../src-shared/words';

const TEXTS: Texts<
  | 'title'
  | 'copy'
  | 'void'
  | 'refund'
  | 'desk'
  | 'when'
  | 'volunteer'
  | 'member'
  | 'noMember'
  | 'reason'
  | 'item'
  | 'amount'
  | 'total'
  | 'payments'
  | 'method'
  | 'details'
  | 'period'
  | 'periodVoided'
  | 'forMember'
  | 'clubPrice'
  | 'tendered'
  | 'change'
  | 'chequeNo'
  | 'auth'
  | 'credit'
  | 'changeBig'
  | 'voidedBy'
  | 'refundedBy'
  | 'seeReceipt'
  | 'print'
  | 'pdf'
  | 'pdfRoll'
  | 'email'
  | 'emailLabel'
  | 'emailOnFile'
  | 'emailInvalid'
  | 'emailQueued'
  | 'voidButton'
  | 'voidTitle'
  | 'voidIntro'
  | 'voidCash'
  | 'voidCheque'
  | 'voidCredit'
  | 'voidCreditDone'
  | 'refundButton'
  | 'refundTreasurer'
  | 'refundDone'
  | 'refundCheque'
  | 'voidReason'
  | 'voidReasonHint'
  | 'voidCard'
  | 'voidCardCode'
  | 'voidCardError'
  | 'voidOk'
  | 'voidKeep'
  | 'required'
  | 'voidDone'
  | 'voidCashBack'
  | 'done'
  | 'loading'
> = {
  fr: {
    title: 'Reçu {n}',
    copy: 'COPIE',
    void: 'Annulation du reçu {n}',
    refund: 'Remboursement sur le reçu {n}',
    desk: 'Poste {name}',
    when: 'Date et heure',
    volunteer: 'Bénévole',
    member: 'Membre',
    noMember: 'Aucun membre',
    reason: 'Raison',
    item: 'Article',
    amount: 'Montant',
    total: 'Total',
    payments: 'Paiements',
    method: 'Mode',
    details: 'Détails',
    period: 'Du {from} au {to}',
    periodVoided: 'période annulée',
    forMember: 'pour {name}, no de membre {n}',
    clubPrice: 'prix du club : {amount}',
    tendered: 'Montant remis {amount}',
    change: 'monnaie rendue {amount}',
    chequeNo: 'No {n}, {bank}',
    auth: 'autorisation {code}',
    credit: PAYMENT_METHOD_WORDS.fr.credit,
    changeBig: 'Monnaie à rendre : {amount}',
    voidedBy: 'Cette vente a été annulée : reçu {n}.',
    refundedBy: 'Un remboursement a été fait sur cette vente : reçu {n}.',
    seeReceipt: 'Voir le reçu {n}',
    print: 'Imprimer',
    pdf: 'Enregistrer en PDF',
    pdfRoll: 'PDF pour imprimante à reçus (80 mm)',
    email: 'Envoyer par courriel',
    emailLabel: 'Adresse courriel',
    emailOnFile: 'L’adresse du membre. Seul le trésorier peut envoyer un reçu à une autre adresse.',
    emailInvalid: 'Vérifiez l’adresse courriel (exemple : nom@exemple.com).',
    emailQueued: 'Le reçu sera envoyé à {email}.',
    voidButton: 'Annuler cette vente',
    voidTitle: 'Annuler la vente {n} ?',
    voidIntro: 'Chaque article sera annulé (adhésion, inscriptions) et un reçu d’annulation sera fait. On ne peut pas revenir en arrière.',
    voidCash: 'Rendez {amount} comptant au membre.',
    voidCheque: 'Rendez le chèque no {n} ({bank}, {amount}) au membre.',
    voidCredit: '{amount} sera remis sur le crédit du membre.',
    voidCreditDone: '{amount} est remis sur le crédit du membre.',
    refundButton: 'Rembourser des articles',
    refundTreasurer: 'Pour rembourser des articles de ce reçu, le trésorier doit se connecter.',
    refundDone: 'Des articles du reçu {n} sont remboursés.',
    refundCheque: 'Remettez au membre le chèque no {n} ({bank}, {amount}).',
    voidReason: 'Raison de l’annulation',
    voidReasonHint: 'Par exemple : erreur de montant, le membre a changé d’idée.',
    voidCard: 'Remboursez {amount} sur le terminal ({card}). Quand il affiche APPROUVÉE, tapez le code d’autorisation du remboursement.',
    voidCardCode: 'Code d’autorisation du remboursement',
    voidCardError: 'Tapez le code imprimé par le terminal pour le remboursement : de 2 à 12 lettres ou chiffres.',
    voidOk: 'Annuler la vente',
    voidKeep: 'Ne pas annuler',
    required: 'Ce renseignement est nécessaire.',
    voidDone: 'La vente {n} est annulée.',
    voidCashBack: 'Rendez {amount} comptant au membre.',
    done: 'Terminé',
    loading: 'Un instant…',
  },
  en: {
    title: 'Receipt {n}',
    copy: 'COPY',
    void: 'Void of receipt {n}',
    refund: 'Refund on receipt {n}',
    desk: 'Desk {name}',
    when: 'Date and time',
    volunteer: 'Volunteer',
    member: 'Member',
    noMember: 'No member',
    reason: 'Reason',
    item: 'Item',
    amount: 'Amount',
    total: 'Total',
    payments: 'Payments',
    method: 'Method',
    details: 'Details',
    period: 'From {from} to {to}',
    periodVoided: 'period voided',
    forMember: 'for {name}, member no. {n}',
    clubPrice: 'club price: {amount}',
    tendered: 'Tendered {amount}',
    change: 'change given {amount}',
    chequeNo: 'No. {n}, {bank}',
    auth: 'authorization {code}',
    credit: PAYMENT_METHOD_WORDS.en.credit,
    changeBig: 'Change to give: {amount}',
    voidedBy: 'This sale was voided: receipt {n}.',
    refundedBy: 'A refund was made on this sale: receipt {n}.',
    seeReceipt: 'See receipt {n}',
    print: 'Print',
    pdf: 'Save as PDF',
    pdfRoll: 'PDF for receipt printer (80 mm)',
    email: 'Send by email',
    emailLabel: 'Email address',
    emailOnFile: 'The member’s address. Only the treasurer may send a receipt to another address.',
    emailInvalid: 'Check the email address (example: name@example.com).',
    emailQueued: 'The receipt will be sent to {email}.',
    voidButton: 'Void this sale',
    voidTitle: 'Void sale {n}?',
    voidIntro: 'Every item will be cancelled (membership, registrations) and a void receipt will be made. This cannot be undone.',
    voidCash: 'Give {amount} in cash back to the member.',
    voidCheque: 'Give cheque no. {n} ({bank}, {amount}) back to the member.',
    voidCredit: '{amount} will be put back on the member’s credit.',
    voidCreditDone: '{amount} is back on the member’s credit.',
    refundButton: 'Refund items',
    refundTreasurer: 'To refund items of this receipt, the treasurer must sign in.',
    refundDone: 'Items of receipt {n} are refunded.',
    refundCheque: 'Give the member cheque no. {n} ({bank}, {amount}).',
    voidReason: 'Reason for the void',
    voidReasonHint: 'For example: wrong amount, the member changed their mind.',
    voidCard: 'Refund {amount} on the terminal ({card}). When it shows APPROVED, type the refund’s authorization code.',
    voidCardCode: 'Refund authorization code',
    voidCardError: 'Type the code the terminal printed for the refund: 2 to 12 letters or digits.',
    voidOk: 'Void the sale',
    voidKeep: 'Do not void',
    required: 'This is needed.',
    voidDone: 'Sale {n} is voided.',
    voidCashBack: 'Give {amount} in cash back to the member.',
    done: 'Done',
    loading: 'One moment…',
  },
};

type Order = Output<'orders.get'>;
type Change = Output<'sales.checkout'>['cash'];
type T = (key: keyof (typeof TEXTS)['fr'], params?: Record<string, string | number>) => string;

/**
 * Said on the correction's own receipt, once: what was corrected, and what the volunteer hands
 * back (the cash, each cheque by its number, the credit put back), one sentence each.
 */
interface VoidNotice {
  receiptNumber: string;
  done: string;
  giveBack: string[];
  note: string | null;
}

/** Screen 6: the receipt of a sale (or of its void or refund), to print, email, or void. */
export function ReceiptScreen({ receiptNumber, change, reprint }: { receiptNumber: string; change: Change; reprint: boolean }) {
  // A void leads to its own receipt: what to give back is said there, once.
  const [notice, setNotice] = useState<VoidNotice | null>(null);
  return (
    <ReceiptView
      key={receiptNumber}
      receiptNumber={receiptNumber}
      change={change}
      reprint={reprint}
      notice={notice?.receiptNumber === receiptNumber ? notice : null}
      onVoided={setNotice}
    />
  );
}

function ReceiptView({
  receiptNumber,
  change,
  reprint,
  notice,
  onVoided,
}: {
  receiptNumber: string;
  change: Change;
  reprint: boolean;
  notice: VoidNotice | null;
  onVoided: (notice: VoidNotice) => void;
}) {
  const { state, navigate, refresh } = useApp();
  const language = useLanguage();
  const t = useTexts(TEXTS);
  const [order, setOrder] = useState<Order | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [memberEmail, setMemberEmail] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  const [emailSent, setEmailSent] = useState<string | null>(null);
  const [voiding, setVoiding] = useState(false);
  const [refunding, setRefunding] = useState(false);
  const [pdfError, setPdfError] = useState<string | null>(null);
  const savePdfOf = async (size: 'letter' | 'roll') => {
    const file = await call('documents.receipt', { receiptNumber, size, copy: reprint });
    setPdfError(file.ok ? await savePdf(file.value) : file.error.message);
  };
  const done = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void call('orders.get', { receiptNumber }).then((result) => {
      if (!result.ok) return setLoadError(result.error.message);
      setOrder(result.value);
      const member = result.value.member;
      if (member) {
        void call('members.profile', { number: member.number }).then((profile) => {
          if (profile.ok && profile.value.member.email) {
            setMemberEmail(profile.value.member.email);
            setEmail(profile.value.member.email);
          }
        });
      }
    });
  }, [receiptNumber]);

  useEffect(() => {
    if (order || loadError) done.current?.focus();
  }, [order, loadError]);

  const sendEmail = async (event: FormEvent) => {
    event.preventDefault();
    const typed = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(typed)) return setEmailError(t('emailInvalid'));
    setEmailError(null);
    const result = await call('receipts.email', { receiptNumber, ...(typed === memberEmail ? {} : { email: typed }) });
    if (!result.ok) return setEmailError(result.error.message);
    setEmailSent(result.value.email);
  };

  // The core says whether this sale can still be voided here (its drawer open, at this desk):
  // the button is never offered for a void the core would refuse after a card was refunded.
  const canVoid = order !== null && order.voidable;
  // Refunds are the treasurer's (docs/ROLES.md): a volunteer is told whom to call instead.
  const refundable = order !== null && order.refundableLines.length > 0;
  const canRefund = refundable && may(state, ROLES.treasury);
  const emailLocked = memberEmail !== null && memberEmail !== '' && !may(state, ROLES.treasury);

  return (
    <section className="receipt-screen" aria-busy={!order && !loadError}>
      {loadError ? (
        <>
          <h1>{t('title', { n: receiptNumber })}</h1>
          <Notice kind="error">{loadError}</Notice>
        </>
      ) : null}
      {notice ? (
        <Notice kind="success">
          <p>{notice.done}</p>
          {notice.giveBack.map((line) => (
            <p key={line} className="big-amount">
              {line}
            </p>
          ))}
          {notice.note ? <p>{notice.note}</p> : null}
        </Notice>
      ) : null}
      {order ? (
        <ReceiptPaper order={order} reprint={reprint} change={change} t={t} onOpen={(n) => navigate({ name: 'receipt', receiptNumber: n, reprint: true })} />
      ) : !loadError ? (
        <p>{t('loading')}</p>
      ) : null}

      {emailSent ? <Notice kind="success">{t('emailQueued', { email: emailSent })}</Notice> : null}
      {order ? (
        <form className="receipt-email no-print" onSubmit={(event) => void sendEmail(event)}>
          <Field
            label={t('emailLabel')}
            type="email"
            autoComplete="off"
            spellCheck={false}
            // Elsewhere than the member's own address is the treasurer's call (docs/ROLES.md).
            readOnly={emailLocked}
            {...(emailLocked ? { hint: t('emailOnFile') } : {})}
            value={email}
            error={emailError}
            onChange={(event) => {
              setEmail(event.target.value);
              setEmailSent(null);
            }}
          />
          <Button type="submit" disabled={email.trim() === ''}>
            {t('email')}
          </Button>
        </form>
      ) : null}

      {pdfError ? <Notice kind="error">{pdfError}</Notice> : null}
      <div className="actions">
        <Button variant="primary" ref={done} onClick={() => navigate({ name: 'lookup' })}>
          {t('done')}
        </Button>
        {order ? (
          <Button
            onClick={() =>
              void printDocument(call('documents.receipt', { receiptNumber: order.receiptNumber, size: state.paper.receipt, copy: reprint }), 'receipt').then(setPdfError)
            }
          >
            {t('print')}
          </Button>
        ) : null}
        {order ? <Button onClick={() => void savePdfOf('letter')}>{t('pdf')}</Button> : null}
        {order ? <Button onClick={() => void savePdfOf('roll')}>{t('pdfRoll')}</Button> : null}
        {canVoid ? (
          <Button variant="danger" onClick={() => setVoiding(true)}>
            {t('voidButton')}
          </Button>
        ) : null}
        {canRefund ? (
          <Button variant="danger" onClick={() => setRefunding(true)}>
            {t('refundButton')}
          </Button>
        ) : null}
      </div>
      {refundable && !canRefund && !canVoid ? <p className="hint no-print">{t('refundTreasurer')}</p> : null}

      {refunding && order ? (
        <RefundDialog
          order={order}
          onCancel={() => setRefunding(false)}
          onRefunded={async (result) => {
            setRefunding(false);
            const money = (cents: number) => formatMoney(cents, language);
            const payment = result.order.payments[0];
            const given = -(payment?.amountCents ?? 0);
            onVoided({
              receiptNumber: result.order.receiptNumber,
              done: t('refundDone', { n: order.receiptNumber }),
              giveBack:
                payment?.method === 'cash'
                  ? [t('voidCashBack', { amount: money(given) })]
                  : payment?.method === 'cheque'
                    ? [t('refundCheque', { n: payment.chequeNumber ?? '—', bank: payment.bank ?? '—', amount: money(given) })]
                    : [],
              note: payment?.method === 'credit' ? t('voidCreditDone', { amount: money(given) }) : null,
            });
            await refresh();
            navigate({ name: 'receipt', receiptNumber: result.order.receiptNumber });
          }}
        />
      ) : null}

      {voiding && order ? (
        <VoidDialog
          order={order}
          t={t}
          onCancel={() => setVoiding(false)}
          onVoided={async (result) => {
            setVoiding(false);
            const money = (cents: number) => formatMoney(cents, language);
            const creditCents = order.payments.reduce((sum, p) => (p.method === 'credit' ? sum + p.amountCents : sum), 0);
            onVoided({
              receiptNumber: result.order.receiptNumber,
              done: t('voidDone', { n: order.receiptNumber }),
              giveBack: [
                ...(result.cashBackCents > 0 ? [t('voidCashBack', { amount: money(result.cashBackCents) })] : []),
                ...order.payments
                  .filter((p) => p.method === 'cheque')
                  .map((p) => t('voidCheque', { n: p.chequeNumber ?? '—', bank: p.bank ?? '—', amount: money(p.amountCents) })),
              ],
              note: creditCents > 0 ? t('voidCreditDone', { amount: money(creditCents) }) : null,
            });
            await refresh();
            navigate({ name: 'receipt', receiptNumber: result.order.receiptNumber });
          }}
        />
      ) : null}
    </section>
  );
}

/** The receipt itself: what prints (the header and the buttons do not). */
function ReceiptPaper({ order, reprint, change, t, onOpen }: { order: Order; reprint: boolean; change: Change; t: T; onOpen: (receiptNumber: string) => void }) {
  const { state } = useApp();
  const language = useLanguage();
  const common = useTexts(COMMON);
  const methods = useTexts(PAYMENT_METHOD_WORDS);
  const money = (cents: number) => formatMoney(cents, language);

  const paymentDetails = (p: Order['payments'][number]): string => {
    switch (p.method) {
      case 'cash':
        return [p.tenderedCents !== null ? t('tendered', { amount: money(p.tenderedCents) }) : '', p.changeCents !== null ? t('change', { amount: money(p.changeCents) }) : '']
          .filter(Boolean)
          .join(', ');
      case 'cheque':
        return t('chequeNo', { n: p.chequeNumber ?? '—', bank: p.bank ?? '—' });
      case 'card':
        return [`${cardBrandName(p.cardBrand, language)}${p.cardLast4 ? ` •••• ${p.cardLast4}` : ''}`.trim(), p.cardAuthCode ? t('auth', { code: p.cardAuthCode }) : '']
          .filter(Boolean)
          .join(', ');
      case 'credit':
        return t('credit');
    }
  };

  return (
    <article className="receipt" aria-labelledby="receipt-title">
      <header className="receipt-head">
        <p className="receipt-club">{state.desk.clubName}</p>
        <p className="receipt-desk">{t('desk', { name: order.deskName })}</p>
        <h1 id="receipt-title">
          {t('title', { n: order.receiptNumber })}
          {reprint ? <span className="receipt-copy"> {t('copy')}</span> : null}
        </h1>
        {order.kind !== 'sale' && order.originalReceiptNumber ? (
          <p className="receipt-kind">{t(order.kind === 'void' ? 'void' : 'refund', { n: order.originalReceiptNumber })}</p>
        ) : null}
      </header>

      {change && order.kind === 'sale' ? <p className="change-big no-print">{t('changeBig', { amount: money(change.changeCents) })}</p> : null}

      <dl className="receipt-facts">
        <div>
          <dt>{t('when')}</dt>
          <dd>{formatShortDateTime(order.createdAt, language)}</dd>
        </div>
        <div>
          <dt>{t('volunteer')}</dt>
          <dd>{order.createdBy}</dd>
        </div>
        <div>
          <dt>{t('member')}</dt>
          <dd>
            {order.member ? (
              <>
                {order.member.firstName} {order.member.lastName}, {common('memberNo')} {order.member.number}
              </>
            ) : (
              t('noMember')
            )}
          </dd>
        </div>
        {order.reason ? (
          <div>
            <dt>{t('reason')}</dt>
            <dd>{order.reason}</dd>
          </div>
        ) : null}
      </dl>

      <Table
        className="receipt-lines"
        columns={[
          {
            header: t('item'),
            cell: (line) => (
              <>
                <span className="receipt-line-label">{line.description}</span>
                {line.memberNumber !== null && line.memberNumber !== order.member?.number ? (
                  <span className="receipt-note"> ({t('forMember', { name: line.memberName ?? '', n: line.memberNumber })})</span>
                ) : null}
                {line.listPriceCents !== null ? <span className="receipt-note"> ({t('clubPrice', { amount: money(line.listPriceCents) })})</span> : null}
                {line.activitySchedule || line.activityPlace ? (
                  <span className="receipt-period">{[line.activitySchedule, line.activityPlace].filter(Boolean).join(' — ')}</span>
                ) : null}
                {line.period ? (
                  <span className="receipt-period">
                    {t('period', { from: formatLongDate(line.period.startsOn, language), to: formatLongDate(line.period.endsOn, language) })}
                    {line.period.voided ? ` (${t('periodVoided')})` : ''}
                  </span>
                ) : null}
              </>
            ),
          },
          {
            header: t('amount'),
            numeric: true,
            cell: (line) => (line.kind === 'rounding' ? formatSignedMoney(line.amountCents, language) : money(line.amountCents)),
          },
        ]}
        rows={order.lines}
        rowKey={(line) => line.id}
        rowClassName={(line) => (line.kind === 'rounding' ? 'receipt-rounding' : undefined)}
        footer={
          <tr>
            <th scope="row">{t('total')}</th>
            <td className="amount total">{money(order.totalCents)}</td>
          </tr>
        }
      />

      {order.payments.length > 0 ? (
        <>
          <h2>{t('payments')}</h2>
          <Table
            className="receipt-payments"
            columns={[
              { header: t('method'), cell: (payment) => methods(payment.method) },
              { header: t('details'), cell: (payment) => paymentDetails(payment) },
              { header: t('amount'), numeric: true, cell: (payment) => money(payment.amountCents) },
            ]}
            rows={order.payments}
            rowKey={(payment) => payment.id}
          />
        </>
      ) : null}

      {order.kind !== 'sale' && order.originalReceiptNumber ? (
        <p className="no-print">
          <Button variant="link" onClick={() => onOpen(order.originalReceiptNumber!)}>
            {t('seeReceipt', { n: order.originalReceiptNumber })}
          </Button>
        </p>
      ) : null}
      {order.correctedBy.map((c) => (
        <div key={c.receiptNumber} className="receipt-corrected">
          <p>{t(c.kind === 'void' ? 'voidedBy' : 'refundedBy', { n: c.receiptNumber })}</p>
          <Button variant="link" className="no-print" onClick={() => onOpen(c.receiptNumber)}>
            {t('seeReceipt', { n: c.receiptNumber })}
          </Button>
        </div>
      ))}
    </article>
  );
}

function VoidDialog({
  order,
  t,
  onCancel,
  onVoided,
}: {
  order: Order;
  t: T;
  onCancel: () => void;
  onVoided: (result: Output<'sales.void'>) => Promise<void>;
}) {
  const language = useLanguage();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const cards = order.payments.filter((p) => p.method === 'card');
  const [codes, setCodes] = useState<string[]>(cards.map(() => ''));
  const [errors, setErrors] = useState<{ reason: string | null; codes: (string | null)[] }>({ reason: null, codes: [] });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (cents: number) => formatMoney(cents, language);

  // The dialog puts the keyboard on its confirm button; the reason comes first.
  useEffect(() => {
    document.getElementById(reasonId)?.focus();
  }, [reasonId]);

  const cashCents = order.payments.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.amountCents, 0);
  const creditCents = order.payments.filter((p) => p.method === 'credit').reduce((sum, p) => sum + p.amountCents, 0);

  const confirm = async () => {
    if (busy) return;
    const next = {
      reason: reason.trim() === '' ? t('required') : null,
      codes: codes.map((code) => (/^[A-Za-z0-9]{2,12}$/.test(code.trim()) ? null : t('voidCardError'))),
    };
    setErrors(next);
    if (next.reason) return document.getElementById(reasonId)?.focus();
    if (next.codes.some(Boolean)) return;
    setBusy(true);
    setFailure(null);
    const result = await call('sales.void', {
      receiptNumber: order.receiptNumber,
      reason: reason.trim(),
      cardRefunds: codes.map((code) => ({ authCode: code.trim().toUpperCase() })),
    });
    setBusy(false);
    if (!result.ok) return setFailure(result.error.message);
    await onVoided(result.value);
  };

  const onEnter = (event: FormEvent) => {
    event.preventDefault();
    void confirm();
  };

  return (
    <ConfirmDialog
      title={t('voidTitle', { n: order.receiptNumber })}
      confirmLabel={t('voidOk')}
      confirmVariant="danger"
      cancelLabel={t('voidKeep')}
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <form onSubmit={onEnter} className="void-form">
        <p>{t('voidIntro')}</p>
        <ul>
          {cashCents > 0 ? <li>{t('voidCash', { amount: money(cashCents) })}</li> : null}
          {order.payments
            .filter((p) => p.method === 'cheque')
            .map((p) => (
              <li key={p.id}>{t('voidCheque', { n: p.chequeNumber ?? '—', bank: p.bank ?? '—', amount: money(p.amountCents) })}</li>
            ))}
          {creditCents > 0 ? <li>{t('voidCredit', { amount: money(creditCents) })}</li> : null}
        </ul>
        <Field
          id={reasonId}
          label={t('voidReason')}
          hint={t('voidReasonHint')}
          autoComplete="off"
          maxLength={300}
          value={reason}
          error={errors.reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {cards.map((card, i) => (
          <div key={card.id} className="void-card">
            <p>
              {t('voidCard', {
                amount: money(card.amountCents),
                card: `${cardBrandName(card.cardBrand, language)}${card.cardLast4 ? ` •••• ${card.cardLast4}` : ''}`.trim() || PAYMENT_METHOD_WORDS[language].card,
              })}
            </p>
            <Field
              label={cards.length > 1 ? `${t('voidCardCode')} (${i + 1})` : t('voidCardCode')}
              autoComplete="off"
              spellCheck={false}
              maxLength={12}
              value={codes[i] ?? ''}
              error={errors.codes[i] ?? null}
              onChange={(event) => setCodes((list) => list.map((code, j) => (j === i ? event.target.value.toUpperCase() : code)))}
            />
          </div>
        ))}
        {failure ? <Notice kind="error">{failure}</Notice> : null}
        {/* Enter in a field confirms, as the dialog's own button does. */}
        <button type="submit" hidden tabIndex={-1} />
      </form>
    </ConfirmDialog>
  );
}
