import { useLanguage } from '../app/i18n';
import type { Language } from '../../src-shared/language';
import { formatMoney } from '../../src-shared/money';

/** Canadian bills and coins, in cents, largest first (as a drawer is counted). */
export const DENOMINATIONS = [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5] as const;
export type CashCount = Record<string, number>;

export function countTotal(count: CashCount): number {
  return DENOMINATIONS.reduce((sum, d) => sum + d * (count[String(d)] ?? 0), 0);
}

function denominationLabel(cents: number, language: Language): string {
  const value = formatMoney(cents, language).replace(/[,.]00(?=\s|\$|$)/, '');
  const bill = cents >= 500;
  if (language === 'fr') return bill ? `Billets de ${value}` : `Pièces de ${value}`;
  return bill ? `${value} bills` : `${value} coins`;
}

/**
 * The drawer counted by denomination: one number per bill or coin, with each line's value and
 * the total as you type. Arrow keys are not needed: Tab goes down the list.
 */
export function DenominationCount({ count, onChange, idPrefix }: { count: CashCount; onChange: (count: CashCount) => void; idPrefix: string }) {
  const language = useLanguage();
  return (
    <table className="count-table">
      <caption className="visually-hidden">{language === 'fr' ? 'Comptage par coupure' : 'Count by denomination'}</caption>
      <thead>
        <tr>
          <th scope="col">{language === 'fr' ? 'Coupure' : 'Denomination'}</th>
          <th scope="col">{language === 'fr' ? 'Nombre' : 'Count'}</th>
          <th scope="col">{language === 'fr' ? 'Valeur' : 'Value'}</th>
        </tr>
      </thead>
      <tbody>
        {DENOMINATIONS.map((d) => {
          const id = `${idPrefix}-${d}`;
          const n = count[String(d)] ?? 0;
          return (
            <tr key={d}>
              <th scope="row">
                <label htmlFor={id}>{denominationLabel(d, language)}</label>
              </th>
              <td>
                <input
                  id={id}
                  inputMode="numeric"
                  autoComplete="off"
                  value={n === 0 ? '' : String(n)}
                  placeholder="0"
                  onChange={(event) => {
                    const digits = event.target.value.replace(/\D/g, '').slice(0, 5);
                    onChange({ ...count, [String(d)]: digits === '' ? 0 : Number(digits) });
                  }}
                />
              </td>
              <td className="amount">{formatMoney(d * n, language)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            {language === 'fr' ? 'Total compté' : 'Total counted'}
          </th>
          <td className="amount total" aria-live="polite">
            {formatMoney(countTotal(count), language)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
