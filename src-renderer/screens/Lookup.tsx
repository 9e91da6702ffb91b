import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { call, type Output } from '../app/api';
import { COMMON, useLanguage, useTexts, wordsOf } from '../app/i18n';
import { ROLES } from '../../src-shared/roles';
import { may, sells, useApp } from '../app/navigation';
import { CartButton, WalkInButton } from '../components/CartButton';
import { Button } from '../components/Button';
import { Notice } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import { countOf, withColon } from '../../src-shared/words';

const TEXTS = wordsOf({
  fr: {
    title: 'Trouver un membre',
    label: 'Nom, no de membre, téléphone ou courriel',
    hint: 'Tapez quelques lettres ; ↓ et ↑ pour choisir, Entrée pour ouvrir. Le lecteur de carte fonctionne ici.',
    none: 'Aucun membre ne correspond à « {q} ». Vérifiez l’orthographe, ou créez un nouveau membre.',
    approximate: 'Personne ne s’appelle exactement « {q} » : voici des noms qui s’en approchent.',
    openReceipt: 'Ouvrir le reçu {n}',
    born: 'naissance : {year}',
    more: 'Plus de résultats',
    newMember: 'Nouveau membre',
    activities: 'Activités',
    closeDrawer: 'Fermer la caisse',
    reports: 'Rapport d’une journée',
    drawerClosed: 'La caisse est fermée : vous pouvez chercher et consulter les membres, mais pas vendre.',
    openDrawer: 'Ouvrir la caisse',
    household: 'Ménage',
    notFound: 'Aucun membre ne porte le numéro {q}.',
  },
  en: {
    title: 'Find a member',
    label: 'Name, member number, phone or email',
    hint: 'Type a few letters; ↓ and ↑ to choose, Enter to open. The card scanner works here.',
    none: 'No member matches “{q}”. Check the spelling, or create a new member.',
    approximate: 'Nobody is called exactly “{q}”: here are names close to it.',
    openReceipt: 'Open receipt {n}',
    born: 'born {year}',
    more: 'More results',
    newMember: 'New member',
    activities: 'Activities',
    closeDrawer: 'Close the drawer',
    reports: 'A day’s report',
    drawerClosed: 'The drawer is closed: you can look members up, but not sell.',
    openDrawer: 'Open the drawer',
    household: 'Household',
    notFound: 'No member has number {q}.',
  },
});

type Page = Output<'members.search'>;
const PAGE = 20;

/** Screen 3: one field, always focused; results as you type; a scanned card opens its member. */
export function LookupScreen() {
  const { navigate, state } = useApp();
  const desk = may(state, ROLES.desk);
  const selling = sells(state);
  const t = useTexts(TEXTS);
  const common = useTexts(COMMON);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState<Page | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(0);

  useEffect(() => input.current?.focus(), []);
  // Status labels come in the desk's language: ask again when it changes.
  const language = useLanguage();
  const searchAgain = useRef<() => void>(() => {});
  useEffect(() => searchAgain.current(), [language]);

  const search = async (text: string, offset = 0): Promise<Page | null> => {
    const ticket = ++latest.current;
    if (text.trim() === '') {
      setPage(null);
      return null;
    }
    const result = await call('members.search', { query: text, limit: PAGE, offset });
    // Answers can cross while typing: only the newest query's answer is shown.
    if (ticket !== latest.current) return null;
    if (!result.ok) {
      setError(result.error.message);
      return null;
    }
    setError(null);
    const next = offset === 0 ? result.value : { ...result.value, results: [...(page?.results ?? []), ...result.value.results] };
    setPage(next);
    if (offset === 0) setActive(0);
    return next;
  };

  searchAgain.current = () => {
    if (query.trim() !== '') void search(query);
  };

  const open = (number: number) => navigate({ name: 'member', number });

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    const results = page?.results ?? [];
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, Math.max(results.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const digits = query.trim();
      if (/^\d+$/.test(digits)) {
        // A card scanner types the number then Enter, faster than results can follow: ask directly.
        const exact = (await search(digits))?.results.find((r) => r.number === Number(digits));
        if (exact) return open(exact.number);
        if (digits.length >= 5) return setError(t('notFound', { q: digits }));
      }
      const chosen = results[active];
      if (chosen) open(chosen.number);
    } else if (event.key === 'Escape') {
      setQuery('');
      void search('');
    }
  };

  const results = page?.results ?? [];
  const activeId = results[active] ? `result-${results[active].number}` : undefined;
  return (
    <section aria-labelledby="lookup-title">
      <div className="screen-head">
        <h1 id="lookup-title">{t('title')}</h1>
        <div className="actions">
          {selling ? <CartButton /> : null}
          {selling ? <WalkInButton /> : null}
          {desk ? <Button onClick={() => navigate({ name: 'newMember' })}>{t('newMember')}</Button> : null}
          <Button onClick={() => navigate({ name: 'activities' })}>{t('activities')}</Button>
          {desk ? <Button onClick={() => navigate({ name: 'dayReports' })}>{t('reports')}</Button> : null}
          {selling ? <Button onClick={() => navigate({ name: 'closeDrawer' })}>{t('closeDrawer')}</Button> : null}
        </div>
      </div>
      {desk && !state.drawer ? (
        <Notice kind="info">
          <p>{t('drawerClosed')}</p>
          <Button onClick={() => navigate({ name: 'openDrawer' })}>{t('openDrawer')}</Button>
        </Notice>
      ) : null}
      <div className="field search-field">
        <label htmlFor="search">{t('label')}</label>
        <input
          id="search"
          ref={input}
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls="search-results"
          aria-activedescendant={activeId}
          aria-describedby="search-hint"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            void search(event.target.value);
          }}
          onKeyDown={(event) => void onKeyDown(event)}
          onBlur={() => {
            // The field keeps the focus unless the volunteer moved it to something else on purpose.
            window.setTimeout(() => {
              if (document.activeElement === document.body) input.current?.focus();
            }, 0);
          }}
        />
        <p id="search-hint" className="hint">
          {t('hint')}
        </p>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {page && results.length === 0 && !page.receiptNumber ? <Notice>{t('none', { q: page.query })}</Notice> : null}
      {page?.approximate ? <Notice>{t('approximate', { q: page.query })}</Notice> : null}
      {page?.receiptNumber && desk ? (
        <p>
          <Button variant="primary" onClick={() => navigate({ name: 'receipt', receiptNumber: page.receiptNumber!, reprint: true })}>
            {t('openReceipt', { n: page.receiptNumber })}
          </Button>
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {page ? countOf(results.length, 'result', language) : ''}
      </p>
      <ul id="search-results" role="listbox" aria-label={t('title')} className="results" data-results-for={page?.query ?? ''}>
        {results.map((result, i) => (
          <li
            key={result.id}
            id={`result-${result.number}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'result active' : 'result'}
            onClick={() => open(result.number)}
          >
            {/* Every row has the same cells, filled or not: columns never shift. */}
            <span className="result-name">
              <span className="result-who">
                {result.lastName}, {result.firstName}
              </span>
              <span className="result-household">{result.household ? `${withColon(t('household'), language)} ${result.household}` : ''}</span>
            </span>
            <span className="result-number">
              {common('memberNo')} {result.number}
            </span>
            <span className="result-facts">
              {[result.phone, result.city, result.birthYear === null ? null : t('born', { year: result.birthYear })].filter(Boolean).join(' · ')}
            </span>
            <StatusBadge status={result.status} label={result.statusLabel} />
          </li>
        ))}
      </ul>
      {page?.hasMore ? (
        <Button onClick={() => void search(query, results.length)}>{t('more')}</Button>
      ) : null}
    </section>
  );
}
