import type { Output } from '../app/api';
import { useLanguage, useTexts, wordsOf } from '../app/i18n';
import { fullName } from '../app/format';
import { lineMember, sells, useApp } from '../app/navigation';
import { formatMoney } from '../../src-shared/money';
import { REGISTRATION_PAYMENT_WORDS } from '../../src-shared/words';
import { Button } from './Button';

type Registration = Output<'activities.roster'>['registered'][number];

const TEXTS = wordsOf({
  fr: { pay: 'Payer {amount}', payLabel: 'Payer {amount} : {activity} pour {name}' },
  en: { pay: 'Pay {amount}', payLabel: 'Pay {amount}: {activity} for {name}' },
});

/**
 * Where a registration's money stands (« Payée », « À payer », « Gratuite », « Remboursée »), and
 * for a place held but not paid (a waitlist promotion, a leader's registration) a « Payer » that
 * puts it in the cart: the same cell on the member's profile and on the activity's list.
 */
export function RegistrationPayment({ registration, household }: { registration: Registration; household?: { members: readonly { number: number }[] } | null }) {
  const { state, cart, addToCart, navigate } = useApp();
  const language = useLanguage();
  const t = useTexts(TEXTS);
  const words = useTexts(REGISTRATION_PAYMENT_WORDS);
  const r = registration;
  const due = r.payment === 'due' && r.status === 'registered';
  const payable = due && sells(state);
  if (!payable) return <>{words(r.payment)}</>;
  const amount = formatMoney(r.priceCents, language);
  const inCart = cart.lines.some((line) => line.kind === 'activity' && line.activityCode === r.activityCode && lineMember(cart, line) === r.memberNumber);
  const pay = () =>
    inCart
      ? navigate({ name: 'checkout' })
      : addToCart({ number: r.memberNumber, firstName: r.firstName, lastName: r.lastName, household: household ?? null }, { kind: 'activity', activityCode: r.activityCode }, { name: 'checkout' });
  return (
    <span className="registration-due">
      {words('due')}{' '}
      <Button onClick={pay} aria-label={t('payLabel', { amount, activity: r.activityName, name: fullName(r) })}>
        {t('pay', { amount })}
      </Button>
    </span>
  );
}
