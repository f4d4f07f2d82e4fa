// How scripts/bench writes its figures: times (ms, ns), sizes (KB), and tables as plain text
// (the printout) or Markdown (BENCHMARKS.md).

export const ms = (x) => (x == null ? '—' : `${x.toFixed(1)} ms`);
export const kb = (b) => `${Number((b / 1000).toFixed(1))} KB`;

export function ns(x) {
  if (x < 1e3) return `${x.toFixed(1)} ns`;
  if (x < 1e6) return `${(x / 1e3).toFixed(2)} µs`;
  return `${(x / 1e6).toFixed(2)} ms`;
}

/** A plain text table (first column left-aligned, the others right-aligned). */
export function table(head, rows) {
  const all = [head, ...rows].map((r) => r.map((c) => String(c ?? '—')));
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(all[0]), w.map((n) => '-'.repeat(n)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** The same table in Markdown. */
export function mdTable(head, rows) {
  const esc = (c) => String(c ?? '—').replace(/\|/g, '\\|');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
