import { useEffect, useState } from 'react';
import { ROLES } from '../../src-shared/roles';
import { call, type Output } from '../app/api';
import { useTexts, wordsOf } from '../app/i18n';
import { may, useApp } from '../app/navigation';
import { Button } from './Button';
import { Notice } from './Notice';

type User = Output<'users.list'>[number];

const TEXTS = wordsOf({
  fr: {
    locked: 'Compte bloqué (trop de NIP erronés) : {name}.',
    unlock: 'Débloquer {name}',
    unlocked: '{name} peut se connecter de nouveau.',
  },
  en: {
    locked: 'Account locked (too many wrong PINs): {name}.',
    unlock: 'Unlock {name}',
    unlocked: '{name} can sign in again.',
  },
});

/**
 * For an administrator: the accounts locked by wrong PINs, each with « Débloquer » (the lock
 * message tells the volunteer an administrator can do it; docs/ROLES.md).
 */
export function LockedAccounts() {
  const { state } = useApp();
  const t = useTexts(TEXTS);
  const [locked, setLocked] = useState<User[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const admin = may(state, ROLES.administration);

  useEffect(() => {
    if (!admin) return setLocked([]);
    void call('users.list', {}).then((result) => {
      if (result.ok) setLocked(result.value.filter((u) => u.lockedUntil !== null && u.lockedUntil > new Date().toISOString()));
    });
  }, [admin, state.user?.id]);

  const unlock = async (user: User) => {
    const result = await call('users.unlock', { userId: user.id });
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    setLocked((current) => current.filter((u) => u.id !== user.id));
    setDone(t('unlocked', { name: user.name }));
    // Back to where the administrator was working; the confirmation goes after a moment.
    document.getElementById('search')?.focus();
    window.setTimeout(() => setDone(null), 8000);
  };

  if (locked.length === 0 && !done && !failure) return null;
  return (
    <div className="locked-accounts no-print">
      {locked.map((user) => (
        <Notice key={user.id} kind="warning">
          <p>{t('locked', { name: user.name })}</p>
          <Button onClick={() => void unlock(user)}>{t('unlock', { name: user.name })}</Button>
        </Notice>
      ))}
      {done ? <Notice kind="success">{done}</Notice> : null}
      {failure ? <Notice kind="error">{failure}</Notice> : null}
    </div>
  );
}
