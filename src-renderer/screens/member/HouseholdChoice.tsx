import { useId } from 'react';
import { useTexts, wordsOf } from '../../app/i18n';
import { Field } from '../../components/Field';

/** What « Sauvegarder » does to the member's household: nothing, join another member's, or leave it. */
export type HouseholdChange = { kind: 'keep' } | { kind: 'join'; number: string } | { kind: 'leave' };

const TEXTS = wordsOf({
  fr: {
    legend: 'Ménage',
    keep: 'Garder le ménage actuel ({name})',
    keepNone: 'Pas de ménage (vit seul ou seule)',
    join: 'Joindre le ménage d’un autre membre',
    joinNumber: 'No de membre de l’autre personne',
    joinHint: 'Le conjoint, la conjointe ou un membre de la famille qui vit à la même adresse.',
    leave: 'Quitter ce ménage',
  },
  en: {
    legend: 'Household',
    keep: 'Keep the current household ({name})',
    keepNone: 'No household (lives alone)',
    join: 'Join another member’s household',
    joinNumber: 'The other person’s member number',
    joinHint: 'The spouse or a family member living at the same address.',
    leave: 'Leave this household',
  },
});

/**
 * The household part of « Modifier » (a couple who married, a widow who moved): keep it, join
 * another member's household by their number, or leave it. The core checks the number.
 */
export function HouseholdChoice({
  household,
  value,
  disabled,
  onChange,
}: {
  household: { name: string } | null;
  value: HouseholdChange;
  disabled: boolean;
  onChange: (next: HouseholdChange) => void;
}) {
  const t = useTexts(TEXTS);
  const name = useId();
  return (
    <fieldset className="household-choice" disabled={disabled}>
      <legend>{t('legend')}</legend>
      <label className="radio">
        <input type="radio" name={name} checked={value.kind === 'keep'} onChange={() => onChange({ kind: 'keep' })} />
        {household ? t('keep', { name: household.name }) : t('keepNone')}
      </label>
      <label className="radio">
        <input type="radio" name={name} checked={value.kind === 'join'} onChange={() => onChange({ kind: 'join', number: '' })} />
        {t('join')}
      </label>
      {value.kind === 'join' ? (
        <Field
          id="edit-householdOf"
          label={t('joinNumber')}
          hint={t('joinHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={9}
          value={value.number}
          onChange={(event) => onChange({ kind: 'join', number: event.target.value.replace(/\D/g, '') })}
        />
      ) : null}
      {household ? (
        <label className="radio">
          <input type="radio" name={name} checked={value.kind === 'leave'} onChange={() => onChange({ kind: 'leave' })} />
          {t('leave')}
        </label>
      ) : null}
    </fieldset>
  );
}

/** The `householdOf` change « Sauvegarder » sends, or nothing when the household stays. */
export function householdPatch(change: HouseholdChange): { householdOf?: number | null } {
  if (change.kind === 'leave') return { householdOf: null };
  if (change.kind === 'join' && change.number !== '') return { householdOf: Number(change.number) };
  return {};
}
