#!/usr/bin/env node
// Start-up benchmark: what every command pays before it does anything. Spawns the built binary
// (`npm run build` first) against an empty temp database, round-robin with the baselines so machine
// noise hits every case alike, and prints medians. Then prices dayjs on its own, timed inside one
// process (no process start-up in those numbers): imported into a bare node; imported after crm's
// start-up modules (what a static import in src/domain/dates.ts would add to every command); and
// the lazy path src/domain/dates.ts takes, paid only by the first month step (`+1m`, review).
// The dates module is bundled from src by bench/cache.mjs (dist/ is one bundle, with no module per
// file), so "after crm start-up" means after dist/main.js, and the lazy path is that of src/domain/dates.ts.
// Usage: node scripts/bench-startup.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleCode } from '../bench/cache.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'crm.js');
if (!fs.existsSync(path.join(root, 'dist', 'main.js'))) throw new Error('no dist/: run `npm run build` first');

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-startup-'));
// A clean environment: NODE_EXTRA_CA_CERTS, when set, slows every node start.
const env = { PATH: process.env.PATH, HOME: dir, CRM_CONFIG: path.join(dir, 'config.json'), CRM_DB: path.join(dir, 'crm.db'), CRM_NOW: '2026-11-22T10:00:00Z', NO_COLOR: '1', TZ: 'UTC' };

const DAYJS = [
  "const [{ default: dayjs }, { default: utc }, { default: cpf }] = await Promise.all(",
  "[import('dayjs'), import('dayjs/plugin/utc.js'), import('dayjs/plugin/customParseFormat.js')]);",
  'dayjs.extend(utc); dayjs.extend(cpf);',
].join(' ');
const esm = (code) => ['--input-type=module', '-e', code];
const cases = [
  ['node (bare)', esm('')],
  ['node + import dayjs, utc, customParseFormat', esm(DAYJS)],
  ['crm --version', [bin, '--version']],
  ['crm due (empty db)', [bin, 'due']],
];

// Timed inside one process; each prints its milliseconds.
const main = JSON.stringify(pathToFileURL(path.join(root, 'dist', 'main.js')).href);
const dates = JSON.stringify(pathToFileURL(await bundleCode("export * from './src/domain/dates.ts';", 'bench-startup-dates')).href);
const timed = (before, code) => esm(`${before} const t = performance.now(); ${code} process.stdout.write(String(performance.now() - t));`);
const probes = [
  ['dayjs + plugins imported into a bare node', timed('', DAYJS)],
  ['dayjs + plugins imported after crm start-up (a static import)', timed(`await import(${main});`, DAYJS)],
  ['first addMonths after crm start-up (the lazy load crm does)', timed(`await import(${main}); const d = await import(${dates});`, "d.addMonths('2026-01-31', 1);")],
  ['a second addMonths', timed(`await import(${main}); const d = await import(${dates}); d.addMonths('2026-01-31', 1);`, "d.addMonths('2026-03-31', 1);")],
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  // Create and migrate the database once, so `due` measures reading an empty store, not creating it.
  const first = spawnSync(process.execPath, [bin, 'due'], { cwd: root, env, encoding: 'utf8' });
  if (first.status !== 0) throw new Error(`crm due exited ${first.status}: ${first.stderr}`);

  const times = new Map([...cases, ...probes].map(([label]) => [label, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const [label, args] of cases) {
      const t = performance.now();
      const res = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
      const ms = performance.now() - t;
      if (res.status !== 0) throw new Error(`${label} exited ${res.status}: ${res.stderr}`);
      times.get(label).push(ms);
    }
    for (const [label, args] of probes) {
      const res = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
      if (res.status !== 0) throw new Error(`${label} exited ${res.status}: ${res.stderr}`);
      times.get(label).push(Number(res.stdout));
    }
  }

  const m = (label) => median(times.get(label));
  const width = Math.max(...[...cases, ...probes].map(([label]) => label.length));
  const row = (label, digits) => console.log(`  ${label.padEnd(width)}  ${m(label).toFixed(digits).padStart(7)} ms`);
  console.log(`node ${process.version}, ${RUNS} runs each, medians`);
  console.log('whole processes:');
  for (const [label] of cases) row(label, 1);
  console.log(`  ${'dayjs + plugins, difference'.padEnd(width)}  ${(m(cases[1][0]) - m(cases[0][0])).toFixed(1).padStart(7)} ms`);
  console.log('inside one process:');
  for (const [label] of probes) row(label, 2);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
