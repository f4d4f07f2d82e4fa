// The machine scripts/bench runs on: its load average, cores, CPU, memory, OS and tool versions,
// and whether it was busy while the page was measured.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { CHROMIUM } from '../../tests/e2e/lib.mjs';

export const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const sh = (cmd, args) => {
  try { return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; }
};

export function machine(chromium) {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown';
  const os = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? 'unknown';
  return {
    cores: sh('nproc', []) ?? String(availableParallelism()),
    cpu,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os}, Linux ${sh('uname', ['-r']) ?? ''}`.trim(),
    rustc: sh('rustc', ['--version']),
    chromium: sh(CHROMIUM, ['--version'])?.split('\n').pop() ?? chromium,
    node: process.version,
    trunk: sh('trunk', ['--version']),
  };
}

/** Whether the 1-minute load average exceeded the cores while the page was measured. */
export function busy(page, mach) {
  const loads = [
    page.loadavg.start, page.loadavg.end, ...page.input.flatMap((i) => i.loadavg ?? []),
    ...Object.values(page.keypress ?? {}).flatMap((k) => (k && typeof k === 'object' ? Object.values(k).flatMap((r) => r?.loadavg ?? []) : [])),
    ...(page.lighthouse?.loadavg ?? []),
  ];
  return loads.some((l) => Number(String(l).split(' ')[0]) > Number(mach.cores));
}
