// Sample statistics of scripts/bench: nearest-rank quantiles, the n / p50 / p95 / max / min
// summary of a list of times, and rounding.

export function quantile(xs, q) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  // Nearest rank: the smallest sample with at least q of the samples at or below it.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
export const stats = (xs) => ({
  n: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: xs.length ? Math.max(...xs) : null,
  min: xs.length ? Math.min(...xs) : null,
});
export const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
