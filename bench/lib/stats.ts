/**
 * Small, dependency-free statistics for the bench report: medians over repeated runs,
 * paired ratios (one ratio per round, so noise that hits a whole round cancels), formatting.
 */

/** The median of a list of numbers (NaN for an empty list). */
export function median(xs: readonly number[]): number {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return Number.NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** Linear-interpolated quantile, q in [0, 1]. */
export function quantile(xs: readonly number[], q: number): number {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return Number.NaN;
  const pos = (v.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo]! + (v[hi]! - v[lo]!) * (pos - lo);
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Interquartile range: a noise indicator printed next to the median. */
  iqr: number;
  n: number;
}

export function summarize(xs: readonly number[]): Summary {
  const v = xs.filter((x) => Number.isFinite(x));
  return {
    median: median(v),
    min: v.length ? Math.min(...v) : Number.NaN,
    max: v.length ? Math.max(...v) : Number.NaN,
    iqr: quantile(v, 0.75) - quantile(v, 0.25),
    n: v.length,
  };
}

/**
 * Median of per-round ratios a[i]/b[i]. Each round runs every implementation back to back,
 * so a ratio within a round is less exposed to the load of a shared machine than a ratio of
 * two medians taken minutes apart.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  const r: number[] = [];
  for (let i = 0; i < n; i++) if (b[i]! > 0 && Number.isFinite(a[i]!)) r.push(a[i]! / b[i]!);
  return median(r);
}

/** Rotate an order by `round` so that no implementation always runs first. */
export function rotate<T>(xs: readonly T[], round: number): T[] {
  if (!xs.length) return [];
  const k = ((round % xs.length) + xs.length) % xs.length;
  return [...xs.slice(k), ...xs.slice(0, k)];
}

/** `12.3 ms`, `1.23 s`, `850 µs`. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

/** Bytes as MiB with one decimal. */
export function fmtMiB(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a';
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A ratio as `1.04×`. */
export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return 'n/a';
  return r >= 100 ? `${r.toFixed(0)}×` : r >= 10 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`;
}
