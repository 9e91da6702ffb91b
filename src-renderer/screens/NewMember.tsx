import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call, type Input, type Output } from '../app/api';
import { useLanguage, useTexts, wordsOf } from '../app/i18n';
import { useApp } from '../app/navigation';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { EMPTY_PERSON, FormRefusal, MemberFields, fieldErrorsOf, useFocusFirstInvalid,
  withoutEdited, personInput, type FieldErrors, type PersonForm } from './MemberFields';
import './NewMember.css';
import { DUPLICATE_REASON_WORDS } from '../../src-shared/words';
import { formatLongDate } from '../../src-shared/dates';

type Candidate = Output<'members.checkDuplicates'>[number];

const TEXTS = wordsOf({
  fr: {
    title: 'Nouveau membre',
    intro: 'Seuls le prénom et le nom sont obligatoires. Le reste peut être ajouté plus tard avec « Modifier ».',
    householdOf: 'Même ménage que le membre no',
    householdHint: 'Facultatif : pour un couple ou une famille, le no de membre de l’autre personne.',
    householdIs: 'Ménage de : {name}',
    householdUnknown: 'Aucun membre ne porte le numéro {n}. Vérifiez le numéro sur la carte de l’autre personne, ou laissez la case vide.',
    householdDigits: 'Tapez seulement les chiffres du numéro de membre.',
    dupTitle: 'Ce membre existe peut-être déjà',
    dupIntro: 'Vérifiez avec la personne. Si c’est elle, ouvrez sa fiche au lieu d’en créer une nouvelle.',
    alikeTitle: 'Membres au nom semblable',
    alikeIntro: 'Est-ce l’une de ces personnes ? Si oui, ouvrez sa fiche. Sinon, continuez : vous pouvez créer le membre.',
    born: 'naissance : {d}',
    phone: 'tél. : {p}',
    email: 'courriel : {e}',
    reasons: 'Ressemblance : {list}',
    openInstead: 'Ouvrir la fiche no {n}',
    numberShort: 'no {n}',
    createAnyway: 'C’est une autre personne : créer quand même',
    createAnywayHint: 'Cochez cette case pour pouvoir appuyer sur « Créer le membre ».',
    create: 'Créer le membre',
    creating: 'Création…',
    cancel: 'Annuler',
    checking: 'Vérification des membres semblables…',
    fixFields: 'Corrigez les champs indiqués, puis appuyez de nouveau sur « Créer le membre ». Ce que vous avez tapé est conservé.',
    leaveTitle: 'Abandonner ce nouveau membre ?',
    leaveBody: 'Ce que vous avez tapé sera effacé et aucun membre ne sera créé.',
    leave: 'Abandonner',
    stay: 'Continuer la saisie',
  },
  en: {
    title: 'New member',
    intro: 'Only the first and last names are required. The rest can be added later with “Edit”.',
    householdOf: 'Same household as member no.',
    householdHint: 'Optional: for a couple or a family, the other person’s member number.',
    householdIs: 'Household of: {name}',
    householdUnknown: 'No member has number {n}. Check the number on the other person’s card, or leave the box empty.',
    householdDigits: 'Type only the digits of the member number.',
    dupTitle: 'This member may already exist',
    dupIntro: 'Check with the person. If it is them, open their record instead of creating a new one.',
    alikeTitle: 'Members with a similar name',
    alikeIntro: 'Is it one of these people? If so, open their record. If not, go on: you can create the member.',
    born: 'born: {d}',
    phone: 'phone: {p}',
    email: 'email: {e}',
    reasons: 'Alike: {list}',
    openInstead: 'Open record no. {n}',
    numberShort: 'no. {n}',
    createAnyway: 'This is another person: create anyway',
    createAnywayHint: 'Tick this box to be able to press “Create the member”.',
    create: 'Create the member',
    creating: 'Creating…',
    cancel: 'Cancel',
    checking: 'Looking for similar members…',
    fixFields: 'Correct the fields shown, then press “Create the member” again. What you typed is kept.',
    leaveTitle: 'Give up this new member?',
    leaveBody: 'What you typed will be erased and no member will be created.',
    leave: 'Give up',
    stay: 'Keep typing',
  },
});

type CreateInput = Input<'members.create'>;
type DuplicateInput = Input<'members.checkDuplicates'>;

function householdNumber(text: string): number | null {
  const digits = text.trim();
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

/** Screen 5: a new member; look-alikes are shown while typing, and creating one anyway is a choice. */
export function NewMemberScreen({ firstName, lastName }: { firstName?: string | undefined; lastName?: string | undefined }) {
  const { navigate } = useApp();
  const t = useTexts(TEXTS);
  const reasons = useTexts(DUPLICATE_REASON_WORDS);
  const language = useLanguage();
  const [values, setValues] = useState<PersonForm>({ ...EMPTY_PERSON, firstName: firstName ?? '', lastName: lastName ?? '' });
  const [household, setHousehold] = useState('');
  const [householdName, setHouseholdName] = useState<string | null>(null);
  const [householdError, setHouseholdError] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [checking, setChecking] = useState(false);
  const [force, setForce] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focusInvalid = useFocusFirstInvalid('new', 'new-error');
  const [leaving, setLeaving] = useState(false);
  const ticket = useRef(0);
  const shown = useRef<Candidate[]>([]);

  // Once, on arrival. The names may come from the look-up: the keyboard starts on the first empty field.
  useEffect(() => {
    document.getElementById(firstName ? (lastName ? 'new-birthDate' : 'new-lastName') : 'new-firstName')?.focus();
  }, []);

  // Look-alikes, ~300 ms after the volunteer stops typing, once both names are there.
  const { firstName: first, lastName: last, birthDate, phone, email, postalCode } = values;
  useEffect(() => {
    const mine = ++ticket.current;
    if (!first.trim() || !last.trim()) {
      shown.current = [];
      setCandidates([]);
      setChecking(false);
      return;
    }
    const timer = window.setTimeout(async () => {
      setChecking(true);
      const typed = { birthDate, phone, email, postalCode };
      let input: DuplicateInput = { firstName: first, lastName: last };
      for (const [name, value] of Object.entries(typed)) if (value.trim()) Object.assign(input, { [name]: value });
      let result = await call('members.checkDuplicates', input);
      // A field still being typed (half an email) is left out rather than stopping the check.
      if (!result.ok && result.error.code === 'INVALID_INPUT') {
        const bad = fieldErrorsOf(result.error, language);
        input = Object.fromEntries(Object.entries(input).filter(([name]) => !(name in bad))) as DuplicateInput;
        if (!('firstName' in bad) && !('lastName' in bad)) result = await call('members.checkDuplicates', input);
      }
      if (mine !== ticket.current) return;
      setChecking(false);
      // A name that cannot be checked yet (a character the card cannot print) has no look-alikes:
      // what was found for the name before must not stay on screen.
      showCandidates(result.ok ? result.value : []);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [first, last, birthDate, phone, email, postalCode]);

  // Whose household: the name behind the number, so the volunteer can check it.
  useEffect(() => {
    setHouseholdName(null);
    setHouseholdError(null);
    const text = household.trim();
    if (!text) return;
    const number = householdNumber(text);
    if (number === null) return setHouseholdError(t('householdDigits'));
    let live = true;
    const timer = window.setTimeout(async () => {
      const result = await call('members.profile', { number });
      if (!live) return;
      if (result.ok) setHouseholdName(`${result.value.member.firstName} ${result.value.member.lastName}`);
      else setHouseholdError(result.error.code === 'MEMBER_NOT_FOUND' ? t('householdUnknown', { n: number }) : result.error.message);
    }, 300);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [household]);

  function showCandidates(next: Candidate[]) {
    const current = shown.current;
    setCandidates(next);
    const probable = next.filter((c) => c.level === 'probable');
    if (current.length === probable.length && current.every((c, i) => c.number === probable[i]?.number)) return;
    // A new probable duplicate must be looked at before "create anyway" counts (a look-alike by name only is a hint).
    shown.current = probable;
    setForce(false);
  }

  const edit = (next: PersonForm) => {
    setErrors(withoutEdited(errors, values, next));
    setValues(next);
  };

  const dirty = Object.entries(values).some(([name, value]) => name !== 'language' && value.trim() !== '') || household.trim() !== '';
  const probable = candidates.filter((candidate) => candidate.level === 'probable');
  const lookalikes = candidates.filter((candidate) => candidate.level === 'lookalike');
  const blocked = probable.length > 0 && !force;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || blocked) return;
    const number = householdNumber(household);
    if (household.trim() && number === null) {
      setErrors({ householdOf: t('householdDigits') });
      document.getElementById('new-householdOf')?.focus();
      return;
    }
    setBusy(true);
    const input: CreateInput = { ...personInput(values), force: probable.length > 0 && force };
    if (number !== null) input.householdOf = number;
    const result = await call('members.create', input);
    setBusy(false);
    if (!result.ok) {
      const byField = fieldErrorsOf(result.error, language);
      setErrors(byField);
      setError(result.error.message);
      focusInvalid(byField);
      return;
    }
    if (result.value.created) return navigate({ name: 'member', number: result.value.member.number });
    // Someone created a look-alike meanwhile, or the check had not answered yet.
    ticket.current++;
    setChecking(false);
    setErrors({});
    setError(null);
    shown.current = result.value.duplicates;
    setForce(false);
    setCandidates(result.value.duplicates);
    window.setTimeout(() => document.getElementById('duplicates-title')?.focus(), 0);
  };

  const list = (shownCandidates: Candidate[]) => (
    <ul className="candidates">
      {shownCandidates.map((candidate) => (
        <li key={candidate.id} className="candidate">
          <div>
            <p className="candidate-name">
              {candidate.firstName} {candidate.lastName}{' '}
              <span className="candidate-number">
                ({t('numberShort', { n: candidate.number })})
              </span>
            </p>
            <p className="candidate-facts">
              {[
                candidate.birthDate ? t('born', { d: formatLongDate(candidate.birthDate, language) }) : null,
                candidate.phone ? t('phone', { p: candidate.phone }) : null,
                candidate.email ? t('email', { e: candidate.email }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <p className={candidate.level === 'probable' ? 'candidate-reasons' : 'hint'}>
              {t('reasons', { list: candidate.reasons.map((reason) => reasons(reason)).join(', ') })}
            </p>
          </div>
          <Button onClick={() => navigate({ name: 'member', number: candidate.number })}>{t('openInstead', { n: candidate.number })}</Button>
        </li>
      ))}
    </ul>
  );

  const warning = (
    <>
      {probable.length > 0 ? (
        <Notice kind="warning">
          <h2 id="duplicates-title" tabIndex={-1} className="duplicates-title">
            {t('dupTitle')}
          </h2>
          <p>{t('dupIntro')}</p>
          {list(probable)}
          <div className="create-anyway">
            <input
              id="create-anyway"
              type="checkbox"
              checked={force}
              onChange={(event) => setForce(event.target.checked)}
              aria-describedby="create-anyway-hint"
            />
            <label htmlFor="create-anyway">{t('createAnyway')}</label>
          </div>
          <p id="create-anyway-hint" className="hint">
            {t('createAnywayHint')}
          </p>
        </Notice>
      ) : null}
      {lookalikes.length > 0 ? (
        // A hint, not an alarm: a similar name alone never stops the creation.
        <Notice kind="info">
          <h2 className="duplicates-title">{t('alikeTitle')}</h2>
          <p>{t('alikeIntro')}</p>
          {list(lookalikes)}
        </Notice>
      ) : null}
    </>
  );

  return (
    <section aria-labelledby="new-member-title" className="new-member">
      <h1 id="new-member-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <form onSubmit={submit} noValidate aria-labelledby="new-member-title">
        {error ? <FormRefusal id="new-error" message={error} hint={t('fixFields')} /> : null}
        <MemberFields prefix="new" values={values} onChange={edit} errors={errors} disabled={busy} afterNames={warning} />
        <div className="form-grid">
          <Field
            id="new-householdOf"
            label={t('householdOf')}
            hint={householdName ? <strong>{t('householdIs', { name: householdName })}</strong> : t('householdHint')}
            error={errors.householdOf ?? householdError}
            inputMode="numeric"
            autoComplete="off"
            maxLength={9}
            value={household}
            disabled={busy}
            onChange={(event) => {
              setHousehold(event.target.value);
              setErrors(({ householdOf: _, ...rest }) => rest);
            }}
          />
        </div>

        <p className="visually-hidden" aria-live="polite">
          {checking ? t('checking') : ''}
        </p>


        <div className="actions">
          <Button variant="primary" type="submit" disabled={busy || blocked} aria-describedby={blocked ? 'create-anyway-hint' : undefined}>
            {busy ? t('creating') : t('create')}
          </Button>
          <Button onClick={() => (dirty ? setLeaving(true) : navigate({ name: 'lookup' }))} disabled={busy}>
            {t('cancel')}
          </Button>
        </div>
      </form>
      {leaving ? (
        <ConfirmDialog
          title={t('leaveTitle')}
          confirmLabel={t('leave')}
          cancelLabel={t('stay')}
          onConfirm={() => navigate({ name: 'lookup' })}
          onCancel={() => setLeaving(false)}
        >
          <p>{t('leaveBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
