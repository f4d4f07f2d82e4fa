// The core's criterion results: the medians of target/criterion/**/new/estimates.json that
// this run wrote (`cargo bench -p servicescore --bench core`, run by scripts/bench).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function criterionResults(dir, since) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (!statSync(p).isDirectory()) continue;
      const est = join(p, 'new', 'estimates.json');
      const meta = join(p, 'new', 'benchmark.json');
      if (name !== 'report' && existsSync(est) && existsSync(meta)) {
        const mtime = statSync(est).mtimeMs;
        if (mtime >= since) {
          const e = JSON.parse(readFileSync(est, 'utf8'));
          const m = JSON.parse(readFileSync(meta, 'utf8'));
          out.push({
            name: m.full_id ?? relative(dir, p),
            median_ns: e.median.point_estimate,
            median_lo_ns: e.median.confidence_interval.lower_bound,
            median_hi_ns: e.median.confidence_interval.upper_bound,
            mtime,
          });
        }
      } else if (name !== 'new' && name !== 'base' && name !== 'change') {
        walk(p);
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort((a, b) => a.mtime - b.mtime).map(({ mtime, ...r }) => r);
}
