import { useState, type RefObject } from 'react';
import { call } from '../../app/api';
import { useTexts } from '../../app/i18n';
import { printDocument, savePdf } from '../../app/documents';
import { useApp } from '../../app/navigation';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { type MemberView } from '../MemberFields';
import { CARD_WORDS, cardValidity } from '../../../src-shared/member-card';
import { MEMBER_TEXTS as TEXTS } from './member-words';

/** « Afficher/Imprimer carte de membre »: the card's preview in the words the card prints, then the card PDF printed. */
export function MemberCard({ member, headingRef, onBack }: { member: MemberView; headingRef: RefObject<HTMLHeadingElement | null>; onBack: () => void }) {
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

