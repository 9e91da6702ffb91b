import { useEffect, useState } from 'react';
import { call } from '../../app/api';
import { useLanguage, useTexts, wordsOf } from '../../app/i18n';
import type { Output } from '../../../src-main/api/contract';
import { formatShortDateTime } from '../../../src-shared/dates';

type OrderEmail = Output<'receipts.emails'>[number];

const TEXTS = wordsOf({
  fr: {
    heading: 'Courriels',
    line: '{what} : {state}',
    receipt: 'Reçu par courriel',
    membership: 'Confirmation d’adhésion',
    pending: 'en attente : partira vers le serveur du club au prochain envoi de ce poste',
    atServer: 'remis au serveur du club, qui l’envoie',
    sent: 'envoyé le {at}',
    failed: 'non remis ({why}) le {at}',
    rejected: 'adresse refusée par le serveur de courrier du membre',
    gave_up: 'le serveur de courrier ne répondait pas, après {n} essais',
    erased: 'membre effacé',
    no_address: 'aucune adresse au dossier',
    voided: 'vente annulée avant l’envoi',
    no_attachment: 'le reçu n’a pas pu être joint ; demandez-le de nouveau',
  },
  en: {
    heading: 'Emails',
    line: '{what}: {state}',
    receipt: 'Receipt by email',
    membership: 'Membership confirmation',
    pending: 'waiting: leaves for the club’s server with this desk’s next send',
    atServer: 'handed to the club’s server, which is sending it',
    sent: 'sent {at}',
    failed: 'not delivered ({why}) {at}',
    rejected: 'address refused by the member’s mail server',
    gave_up: 'the mail server did not answer, after {n} tries',
    erased: 'member erased',
    no_address: 'no address on file',
    voided: 'sale voided before sending',
    no_attachment: 'the receipt could not be attached; ask for it again',
  },
});

/**
 * What became of a sale's emails (its receipt, its membership confirmations), as the club's
 * server reported; asked again every 10 s while one is still waiting. `asked` changes when the
 * volunteer asks for one more.
 */
export function ReceiptEmails({ receiptNumber, asked }: { receiptNumber: string; asked: number }) {
  const t = useTexts(TEXTS);
  const language = useLanguage();
  const [emails, setEmails] = useState<OrderEmail[]>([]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const load = () =>
      void call('receipts.emails', { receiptNumber }).then((result) => {
        if (!live || !result.ok) return;
        setEmails(result.value);
        if (result.value.some((email) => email.status === 'pending')) timer = setTimeout(load, 10_000);
      });
    load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [receiptNumber, asked]);

  if (emails.length === 0) return null;
  const state = (email: OrderEmail) => {
    const at = email.at ? formatShortDateTime(email.at, language) : '';
    if (email.status === 'pending') return t(email.atServer ? 'atServer' : 'pending');
    if (email.status === 'sent') return t('sent', { at });
    return t('failed', { why: email.failure ? t(email.failure, { n: email.attempts }) : '', at });
  };
  return (
    <section className="receipt-emails no-print" aria-live="polite">
      <h2>{t('heading')}</h2>
      <ul>
        {emails.map((email, i) => (
          <li key={i} data-status={email.status}>
            {t('line', { what: t(email.kind), state: state(email) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
