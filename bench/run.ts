import { buildDemoDesk } from './demo-desk.js';
import { formatFigure, progress, type Figure } from './figures.js';
import { benchCheckout } from './checkout.js';
import { benchDayReport } from './report.js';
import { benchSearch, benchSearchQuality, realisticQueries, slowestQueries } from './search.js';
import { benchUi, bundleFigures } from './ui.js';
import { benchDocuments } from './documents.js';
import { benchVerify } from './verify.js';
import { benchSync } from './sync.js';

/**
 * `npm run bench`: one line per figure, `name value unit`. Each group of figures lives in its own
 * module of bench/ and returns Figure[]; add a group by adding a call here.
 * BENCH_MEMBERS changes the club size (default 100,000); BENCH_SLOW=1 lists the slowest queries;
 * BENCH_ONLY=sync runs only the sync figures (BENCH_SYNC_MEMBERS sets their club's size).
 */
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const LABEL = MEMBERS % 1000 === 0 ? `${MEMBERS / 1000}k` : String(MEMBERS);

async function main(): Promise<void> {
  const figures: Figure[] = [];
  const emit = (more: Figure[]) => {
    for (const figure of more) {
      figures.push(figure);
      process.stdout.write(`${formatFigure(figure)}\n`);
    }
  };

  if (process.env.BENCH_ONLY === 'sync') return emit(await benchSync());
  progress(`Création de ${MEMBERS} membres de démonstration…`);
  const demo = buildDemoDesk(MEMBERS);
  try {
    progress('Recherche…');
    emit(benchSearch(demo.desk, LABEL));
    emit([{ name: `rss_mb_${LABEL}`, value: process.memoryUsage().rss / 2 ** 20, unit: 'MB' }]);
    // After the memory figure: FlexSearch's index lives in this process while it is compared.
    progress('Recherche : membres trouvés en première page, et FlexSearch sur les mêmes requêtes…');
    emit(benchSearchQuality(demo.desk));
    progress('Écran du bénévole dans Chromium…');
    emit(await benchUi(demo.desk));
    emit(bundleFigures());
    if (process.env.BENCH_SLOW) {
      for (const { query, ms } of slowestQueries(demo.desk, realisticQueries(demo.desk, 120))) progress(`${ms.toFixed(3)} ms  ${query}`);
    }
  } finally {
    demo.dispose();
  }
  emit([{ name: `demo_insert_${LABEL}_s`, value: demo.inserted.ms / 1000, unit: 's' }]);
  progress('Vente au comptoir, chacune à côté d’une écriture durable nue…');
  emit(benchCheckout());
  emit(benchDayReport());
  progress('verify sur 10 000 ventes…');
  emit(benchVerify());
  progress('Documents PDF…');
  emit(await benchDocuments());
  emit(await benchSync());
}

await main();
