/** One measured figure, printed as `name value unit` so scripts and people can both read it. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export function formatFigure({ name, value, unit }: Figure): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 3;
  return `${name} ${value.toFixed(digits)} ${unit}`;
}

/** The p-th percentile (0–100) of some samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Wall time of one call, in milliseconds, with the monotonic high-resolution clock. */
export function timeMs(work: () => unknown): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Progress for the person waiting; stdout keeps only the figures. */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}
