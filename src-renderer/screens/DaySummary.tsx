import type { CashSession, DayReport } from '../app/navigation';

export function DaySummaryScreen({ day }: { session: CashSession; day: DayReport }) {
  return <h1>Résumé {day.date}</h1>;
}
