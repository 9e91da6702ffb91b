import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call } from '../../app/api';
import { useLanguage, useTexts } from '../../app/i18n';
import { ROLES } from '../../../src-shared/roles';
import { may, useApp } from '../../app/navigation';
import { HouseholdChoice, householdPatch, type HouseholdChange } from './HouseholdChoice';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { FIELD_TEXTS, FormRefusal, MemberFields, changedFields, fieldErrorsOf, useFocusFirstInvalid, withoutEdited, personFromMember, type FieldErrors, type MemberView, type PersonForm } from '../MemberFields';
import { formatLongDate } from '../../../src-shared/dates';
import { type T } from './member-words';

/** « Données personnelles », read-only until « Modifier »; « Sauvegarder » sends only what changed. */
export function PersonalData({ member, onSaved, t }: { member: MemberView; onSaved: (member: MemberView) => void; t: T }) {
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
          {error ? <FormRefusal id="edit-error" message={error} hint={t('fixFields')} /> : null}
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

