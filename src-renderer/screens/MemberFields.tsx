import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import type { ApiError, Output } from '../app/api';
import { useLanguage, useTexts, wordsOf } from '../app/i18n';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import type { Language } from '../../src-shared/language';

/**
 * The member's personal data as a form: shared by "Nouveau membre" and "Modifier" on the profile.
 * Labels are the ones the core uses in its messages (« Courriel » doit…), so an error names the
 * field the volunteer sees.
 */
export type MemberView = Output<'members.profile'>['member'];

export const TEXT_FIELDS = ['firstName', 'lastName', 'birthDate', 'email', 'phone', 'address', 'city', 'postalCode', 'notes'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type PersonForm = Record<TextField, string> & { language: Language };

export const EMPTY_PERSON: PersonForm = {
  firstName: '',
  lastName: '',
  birthDate: '',
  email: '',
  phone: '',
  address: '',
  city: '',
  postalCode: '',
  notes: '',
  language: 'fr',
};

export function personFromMember(member: MemberView): PersonForm {
  return {
    firstName: member.firstName,
    lastName: member.lastName,
    birthDate: member.birthDate ?? '',
    email: member.email ?? '',
    phone: member.phone ?? '',
    address: member.address ?? '',
    city: member.city ?? '',
    postalCode: member.postalCode ?? '',
    notes: member.notes ?? '',
    language: member.language,
  };
}

export const FIELD_TEXTS = wordsOf({
  fr: {
    firstName: 'Prénom',
    lastName: 'Nom',
    birthDate: 'Date de naissance',
    email: 'Courriel',
    phone: 'Téléphone',
    address: 'Adresse',
    city: 'Ville',
    postalCode: 'Code postal',
    notes: 'Notes',
    language: 'Langue',
    fr: 'Français',
    en: 'English',
    birthDateHint: 'Jour, mois, année : par exemple 17/05/1948 ou 17 mai 1948',
    phoneHint: 'Par exemple 418 555-1234 poste 22 (le poste au besoin)',
    postalCodeHint: 'Par exemple G1H 2A3',
    emailHint: 'Un couple peut avoir la même adresse courriel.',
    emailLockedHint: 'Seul le trésorier peut changer cette adresse : le membre s’en sert pour se connecter à la plateforme.',
    required: '(obligatoire)',
    notGiven: 'Non indiqué',
  },
  en: {
    firstName: 'First name',
    lastName: 'Last name',
    birthDate: 'Birth date',
    email: 'Email',
    phone: 'Phone',
    address: 'Address',
    city: 'City',
    postalCode: 'Postal code',
    notes: 'Notes',
    language: 'Language',
    fr: 'Français',
    en: 'English',
    birthDateHint: 'Day, month, year: for example 17/05/1948 or 17 May 1948',
    phoneHint: 'For example 418-555-1234 ext. 22 (extension if any)',
    postalCodeHint: 'For example G1H 2A3',
    emailHint: 'A couple may share the same email address.',
    emailLockedHint: 'Only the treasurer can change this address: the member signs in to the platform with it.',
    required: '(required)',
    notGiven: 'Not given',
  },
});

export type FieldErrors = Partial<Record<TextField | 'language' | 'householdOf', string>>;

/** The core's INVALID_INPUT lists each bad field (`changes.email`, `phone`…): keyed by field name here. */
export function fieldErrorsOf(error: ApiError, language: Language): FieldErrors {
  const fields = (error.details as { fields?: { field: string; fr: string; en: string }[] } | undefined)?.fields ?? [];
  const errors: Record<string, string> = {};
  for (const item of fields) {
    const name = item.field.split('.').pop() ?? item.field;
    errors[name] ??= item[language];
  }
  return errors as FieldErrors;
}

/**
 * After the core refused a form: `request(errors)` puts the keyboard in the first refused field,
 * in the order they are shown, or on `fallbackId` (the error notice). Done after React's commit,
 * once the fields disabled during the call are enabled again.
 */
export function useFocusFirstInvalid(prefix: string, fallbackId: string): (errors: FieldErrors) => void {
  const [pending, setPending] = useState<{ errors: FieldErrors } | null>(null);
  useEffect(() => {
    if (!pending) return;
    const order = [...TEXT_FIELDS, 'language', 'householdOf'];
    const first = order.find((name) => pending.errors[name as keyof FieldErrors]);
    const element = (first && document.getElementById(`${prefix}-${first}`)) || document.getElementById(fallbackId);
    element?.focus();
  }, [pending, prefix, fallbackId]);
  return useCallback((errors: FieldErrors) => setPending({ errors }), []);
}

/** The errors left once the volunteer retyped some fields: a corrected field no longer shows its old error. */
export function withoutEdited(errors: FieldErrors, before: PersonForm, after: PersonForm): FieldErrors {
  const next = { ...errors };
  for (const name of Object.keys(after) as (keyof PersonForm)[]) if (before[name] !== after[name]) delete next[name];
  return next;
}

interface MemberFieldsProps {
  /** Prefix of the inputs' ids (`${prefix}-email`), for focusing a refused field. */
  prefix: string;
  values: PersonForm;
  onChange: (next: PersonForm) => void;
  errors: FieldErrors;
  disabled?: boolean;
  /** Shown right under the names (the look-alikes found while they are typed). */
  afterNames?: ReactNode;
  /** The email on file may not be changed by this role (docs/ROLES.md): shown read-only. */
  emailLocked?: boolean;
}

export function MemberFields({ prefix, values, onChange, errors, disabled, afterNames, emailLocked }: MemberFieldsProps) {
  const t = useTexts(FIELD_TEXTS);
  const generated = useId();
  const set = (name: keyof PersonForm) => (event: { target: { value: string } }) => onChange({ ...values, [name]: event.target.value });
  const text = (name: TextField, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      id={`${prefix}-${name}`}
      label={t(name)}
      value={values[name]}
      onChange={set(name)}
      error={errors[name] ?? null}
      disabled={disabled}
      autoComplete="off"
      spellCheck={false}
      {...extra}
    />
  );
  const notesError = errors.notes;
  const languageError = errors.language;
  return (
    <>
      <div className="form-grid">
        {text('firstName', { required: true, hint: t('required'), maxLength: 60 })}
        {text('lastName', { required: true, hint: t('required'), maxLength: 60 })}
        {text('birthDate', { hint: t('birthDateHint'), maxLength: 30 })}
      </div>
      {afterNames}
      <div className="form-grid">
        {text('phone', { hint: t('phoneHint'), type: 'tel', maxLength: 40 })}
        {text('email', emailLocked ? { hint: t('emailLockedHint'), type: 'email', readOnly: true } : { hint: t('emailHint'), type: 'email', maxLength: 200 })}
        {text('address', { maxLength: 200 })}
        {text('city', { maxLength: 80 })}
        {text('postalCode', { hint: t('postalCodeHint'), maxLength: 7 })}
        <div className={`field${languageError ? ' field-invalid' : ''}`}>
          <label htmlFor={`${prefix}-language`}>{t('language')}</label>
          <select
            id={`${prefix}-language`}
            value={values.language}
            disabled={disabled}
            onChange={(event) => onChange({ ...values, language: event.target.value === 'en' ? 'en' : 'fr' })}
            aria-invalid={languageError ? true : undefined}
          >
            <option value="fr">{t('fr')}</option>
            <option value="en">{t('en')}</option>
          </select>
          {languageError ? <p className="field-error">{languageError}</p> : null}
        </div>
      </div>
      <div className={`field${notesError ? ' field-invalid' : ''}`}>
        <label htmlFor={`${prefix}-notes`}>{t('notes')}</label>
        <textarea
          id={`${prefix}-notes`}
          rows={3}
          maxLength={1000}
          value={values.notes}
          disabled={disabled}
          onChange={set('notes')}
          aria-invalid={notesError ? true : undefined}
          aria-describedby={notesError ? `${generated}-notes-error` : undefined}
        />
        {notesError ? (
          <p id={`${generated}-notes-error`} className="field-error">
            {notesError}
          </p>
        ) : null}
      </div>
    </>
  );
}

/** A field as the core takes it: trimmed; an empty optional field is null (the names stay text, so "required" is said). */
function fieldValue(name: TextField, text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' && name !== 'firstName' && name !== 'lastName' ? null : trimmed;
}

type PersonInput = { firstName: string; lastName: string; language: Language } & Partial<Record<Exclude<TextField, 'firstName' | 'lastName'>, string | null>>;

/** The person's fields as the core takes them. */
export function personInput(values: PersonForm): PersonInput {
  const out: Record<string, string | null> = { language: values.language };
  for (const name of TEXT_FIELDS) out[name] = fieldValue(name, values[name]);
  return out as PersonInput;
}

/** Only the fields that differ from the stored member (for `members.update`). */
export function changedFields(member: MemberView, values: PersonForm): Partial<PersonInput> {
  const changes: Record<string, string | null> = {};
  for (const name of TEXT_FIELDS) {
    const next = fieldValue(name, values[name]);
    if ((next ?? '') !== (member[name] ?? '')) changes[name] = next;
  }
  if (values.language !== member.language) changes.language = values.language;
  return changes as Partial<PersonInput>;
}

export function useFieldTexts() {
  return { t: useTexts(FIELD_TEXTS), language: useLanguage() };
}

/**
 * What a member form says when a save was refused: the reason, then what to do. Focusable by its
 * id, so the form can move focus to it (useFocusFirstInvalid's fallback).
 */
export function FormRefusal({ id, message, hint }: { id: string; message: string; hint: string }) {
  return (
    <div id={id} tabIndex={-1}>
      <Notice kind="error">
        <p>{message}</p>
        <p>{hint}</p>
      </Notice>
    </div>
  );
}
