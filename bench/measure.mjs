// Timing processes side by side: each round runs every case of a group once, in an order that
// alternates round by round (forward, then backward), so neither side always meets a warm or a
// cold cache; a case's ratio is the median of its per-round ratios to the group's baseline.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A failed crm command stops the bench (exit 1); anything else is reported, not fatal. */
export class CommandFailed extends Error {}

/** Run `cmd args` once; ms from spawn to exit. */
export function timeOnce({ cmd, args, env, cwd, input, label, mustSucceed = true }) {
  const t = performance.now();
  const res = spawnSync(cmd, args, { env, cwd, input, encoding: 'utf8', maxBuffer: 1 << 30, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  const ms = performance.now() - t;
  if (mustSucceed && res.status !== 0) {
    throw new CommandFailed(`${label ?? cmd} exited ${res.status ?? res.signal}: ${(res.stderr || res.error?.message || '').trim().slice(0, 500)}`);
  }
  return { ms, stdout: res.stdout ?? '' };
}

/**
 * Time `cases` ({ label, run() → ms }) `runs` rounds. `cases[0]` is the baseline. Returns per case
 * { label, times, ratios } where ratios[i] = times[i] / baseline.times[i].
 */
export function sideBySide(cases, runs, { warmup = 1 } = {}) {
  for (let w = 0; w < warmup; w++) for (const c of cases) c.run();
  const times = cases.map(() => []);
  for (let r = 0; r < runs; r++) {
    const order = cases.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) times[i].push(cases[i].run());
  }
  const base = times[0];
  return cases.map((c, i) => ({ ...c, times: times[i], ratios: times[i].map((t, k) => t / base[k]) }));
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const RSS_PRELOAD = path.join(here, 'rss-preload.mjs');

/** Peak RSS (MiB) of one run of node with `args`, measured by a preload that reports its peak (VmHWM) at exit. */
export function peakRss({ args, env, label }) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-rss-')), 'rss');
  try {
    timeOnce({ cmd: process.execPath, args: ['--import', RSS_PRELOAD, ...args], env: { ...env, CRM_BENCH_RSS_OUT: out }, label });
    return Number(fs.readFileSync(out, 'utf8')) / 1024;
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}
