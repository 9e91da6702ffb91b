import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call } from '../app/api';
import { useLanguage, useTexts } from '../app/i18n';
import { printDocument, savePdf } from '../app/documents';
import { ROLES } from '../../src-shared/roles';
import { may, useApp } from '../app/navigation';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import './Receipt.css';
import { RefundDialog } from './receipt/RefundDialog';
import { formatMoney } from '../../src-shared/money';
import { RECEIPT_TEXTS as TEXTS, type Change, type Order } from './receipt/receipt-words';
import { ReceiptPaper } from './receipt/ReceiptPaper';
import { VoidDialog } from './receipt/VoidDialog';
import { ReceiptEmails } from './receipt/ReceiptEmails';

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
  const [emailsAsked, setEmailsAsked] = useState(0);
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
    setEmailsAsked((n) => n + 1);
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
      {order ? <ReceiptEmails receiptNumber={order.receiptNumber} asked={emailsAsked} /> : null}
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
