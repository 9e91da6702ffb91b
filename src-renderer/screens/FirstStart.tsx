import { useState, type FormEvent } from 'react';
import { callSetup, type SetupMethod } from '../app/api';
import { useTexts, wordsOf } from '../app/i18n';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';

const TEXTS = wordsOf({
  fr: {
    title: 'Mettre ce poste en route',
    intro: 'C’est la première fois que ce poste démarre. Choisissez comment il travaillera ; cela ne se fait qu’une fois.',
    joinTitle: 'Se joindre au serveur du club',
    joinIntro: 'Le poste partage les membres, les ventes et les inscriptions avec les autres postes du club. Il fonctionne aussi sans réseau et envoie tout dès qu’il le peut.',
    address: 'Adresse du serveur du club',
    addressHint: 'Par exemple : https://club.exemple.ca',
    code: 'Code d’inscription',
    codeHint: 'Le code à usage unique donné par l’administrateur du club, par exemple ABCD-EFGH-JKMN.',
    join: 'Se joindre au serveur du club',
    standaloneTitle: 'Poste autonome',
    standaloneIntro: 'Le poste garde ses données pour lui seul, sans serveur. Il ne pourra pas se joindre à un serveur plus tard.',
    clubName: 'Nom du club',
    deskName: 'Nom du poste',
    deskNameHint: 'Par exemple : Accueil.',
    prefix: 'Lettre des reçus',
    prefixHint: 'De 1 à 4 lettres ou chiffres : les reçus s’appelleront A-000001, A-000002…',
    adminName: 'Nom de l’administrateur',
    adminPin: 'NIP de l’administrateur',
    adminPinHint: 'De 4 à 8 chiffres. Il servira à ouvrir une session sur ce poste.',
    standalone: 'Mettre en route le poste autonome',
    working: 'Un instant…',
  },
  en: {
    title: 'Set this desk up',
    intro: 'This desk is starting for the first time. Choose how it will work; this is done once.',
    joinTitle: 'Join the club’s server',
    joinIntro: 'The desk shares members, sales and registrations with the club’s other desks. It also works without a network and sends everything as soon as it can.',
    address: 'Address of the club’s server',
    addressHint: 'For example: https://club.example.ca',
    code: 'Enrollment code',
    codeHint: 'The one-time code from the club’s administrator, for example ABCD-EFGH-JKMN.',
    join: 'Join the club’s server',
    standaloneTitle: 'Desk on its own',
    standaloneIntro: 'The desk keeps its data to itself, without a server. It cannot join a server later.',
    clubName: 'Club name',
    deskName: 'Desk name',
    deskNameHint: 'For example: Front desk.',
    prefix: 'Receipt letter',
    prefixHint: '1 to 4 letters or digits: receipts will be A-000001, A-000002…',
    adminName: 'Administrator’s name',
    adminPin: 'Administrator’s PIN',
    adminPinHint: '4 to 8 digits. It signs in on this desk.',
    standalone: 'Set up the desk on its own',
    working: 'One moment…',
  },
});

/**
 * The desk's first start (docs/SYNC.md): « Se joindre au serveur du club » (address and the
 * administrator's one-time code) or « Poste autonome » (its name, its receipts' letter and a first
 * administrator). The shell does the work; any refusal is shown as it comes, and changes nothing.
 */
export function FirstStartScreen({ onReady }: { onReady: () => void }) {
  const t = useTexts(TEXTS);
  const [values, setValues] = useState<Record<string, string>>({ address: '', code: '', clubName: '', deskName: '', receiptPrefix: 'A', adminName: '', adminPin: '' });
  const [error, setError] = useState<{ method: SetupMethod; message: string } | null>(null);
  const [busy, setBusy] = useState<SetupMethod | null>(null);

  const field = (name: string) => ({ value: values[name] ?? '', autoComplete: 'off', onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }) });
  const submit = (method: SetupMethod, names: string[]) => async (event: FormEvent) => {
    event.preventDefault();
    setBusy(method);
    setError(null);
    const result = await callSetup(method, Object.fromEntries(names.map((name) => [name, values[name] ?? ''])));
    setBusy(null);
    if (result.ok) onReady();
    else setError({ method, message: result.error.message });
  };

  return (
    <main id="main" className="screen">
      <section aria-labelledby="first-start-title" className="narrow">
        <h1 id="first-start-title">{t('title')}</h1>
        <p>{t('intro')}</p>

        <form onSubmit={submit('setup.join', ['address', 'code'])} aria-labelledby="join-title">
          <h2 id="join-title">{t('joinTitle')}</h2>
          <p>{t('joinIntro')}</p>
          <Field label={t('address')} hint={t('addressHint')} inputMode="url" {...field('address')} />
          <Field label={t('code')} hint={t('codeHint')} {...field('code')} />
          {error?.method === 'setup.join' ? <Notice kind="error">{error.message}</Notice> : null}
          <Button variant="primary" type="submit" disabled={busy !== null}>
            {busy === 'setup.join' ? t('working') : t('join')}
          </Button>
        </form>

        <form onSubmit={submit('setup.standalone', ['clubName', 'deskName', 'receiptPrefix', 'adminName', 'adminPin'])} aria-labelledby="standalone-title">
          <h2 id="standalone-title">{t('standaloneTitle')}</h2>
          <p>{t('standaloneIntro')}</p>
          <Field label={t('clubName')} {...field('clubName')} />
          <Field label={t('deskName')} hint={t('deskNameHint')} {...field('deskName')} />
          <Field label={t('prefix')} hint={t('prefixHint')} maxLength={4} {...field('receiptPrefix')} />
          <Field label={t('adminName')} {...field('adminName')} />
          <Field label={t('adminPin')} hint={t('adminPinHint')} type="password" inputMode="numeric" {...field('adminPin')} />
          {error?.method === 'setup.standalone' ? <Notice kind="error">{error.message}</Notice> : null}
          <Button type="submit" disabled={busy !== null}>
            {busy === 'setup.standalone' ? t('working') : t('standalone')}
          </Button>
        </form>
      </section>
    </main>
  );
}
