import { useState, type FormEvent } from 'react';
import { call, type Output } from '../../app/api';

type Choice = Output<'members.search'>['results'][number];

/**
 * « Inscrire un membre »: what was typed (a name or a number), what went wrong, and the members a
 * name matched when there are several. `load` opens a member by number and says what went wrong
 * (null when it worked); `picked` runs once a member is open.
 */
export function usePickMember(options: { initial: string; none: string; load: (number: number) => Promise<string | null>; picked: () => void }) {
  const [text, setText] = useState(options.initial);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Choice[]>([]);

  const choose = async (number: number) => {
    setChoices([]);
    setError(await options.load(number));
    options.picked();
  };

  /** A number opens that member; a name searches, and opens the one member it finds or lists them. */
  const pick = async (event: FormEvent) => {
    event.preventDefault();
    const typed = text.trim();
    if (typed === '') return setError(options.none);
    if (/^\d+$/.test(typed)) return choose(Number(typed));
    const found = await call('members.search', { query: typed, limit: 10 });
    if (!found.ok) return setError(found.error.message);
    const results = found.value.results;
    if (results.length === 1) return choose(results[0]!.number);
    setError(results.length === 0 ? options.none : null);
    setChoices(results);
  };

  return {
    text,
    error,
    choices,
    setError,
    /** The field changed: the last complaint no longer applies. */
    type: (next: string) => {
      setText(next);
      setError(null);
    },
    choose,
    pick,
  };
}
