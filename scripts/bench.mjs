#!/usr/bin/env node
// Benchmark: seeds a large database through crm's own repositories, then times common commands
// by spawning the built binary, interleaved round-robin so machine noise hits every command alike.
// Reports medians and the ratio to `crm --version` (pure start-up cost). Usage: npm run bench [-- --runs N]
// [--keep] leaves the seeded database for profiling. [--against DIR]: also time the crm built in DIR (another checkout, e.g. a `git worktree` of the
// previous commit) on the same database, each run paired with this one, and report the median of
// the per-pair ratios (this ÷ that).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'crm.js');
const { openStore } = await import(path.join(root, 'dist/db/store.js'));
const { insertClient } = await import(path.join(root, 'dist/db/clients.js'));
const { insertInvoice, insertPayment } = await import(path.join(root, 'dist/db/invoices.js'));
const { insertInteraction, insertIncident, insertChange } = await import(path.join(root, 'dist/db/events.js'));
const { insertReminder } = await import(path.join(root, 'dist/db/reminders.js'));
const { addDays } = await import(path.join(root, 'dist/domain/dates.js'));

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const againstArg = process.argv.indexOf('--against');
const againstBin = againstArg > 0 ? path.join(path.resolve(process.argv[againstArg + 1]), 'bin', 'crm.js') : null;
const CLIENTS = 200;
const PER_CLIENT = { interactions: 100, invoices: 25, incidents: 3, changes: 5, reminders: 3 };
const NOW = '2026-11-22';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-'));
const dbFile = path.join(dir, 'crm.db');
const store = openStore(dbFile, { write: true });
let seq = 0;
const t0 = performance.now();
store.write((db) => {
  for (let c = 0; c < CLIENTS; c++) {
    const name = `Client ${String(c).padStart(4, '0')}`;
    const client = insertClient(db, { name, nameKey: name.toLowerCase(), email: null, phone: null, company: null, channel: 'email', cadenceDays: 14, timezone: null, note: null }, '2023-01-01');
    for (let i = 0; i < PER_CLIENT.interactions; i++) {
      const at = `${addDays('2024-01-01', (i * 7 + c) % 1050)}T10:00:00.000Z`;
      insertInteraction(db, { clientId: client.id, at, channel: 'phone', direction: i % 3 ? 'out' : 'in', summary: 'call', mood: 'neutral', nextStep: null, nextOwner: null, followUpOn: null, recordedAt: at });
    }
    for (let i = 0; i < PER_CLIENT.invoices; i++) {
      const issuedOn = addDays('2024-01-01', i * 40 + (c % 30));
      const inv = insertInvoice(db, { number: `B-${++seq}`, clientId: client.id, project: null, amount: 100000, currency: c % 4 ? 'EUR' : 'USD', issuedOn, dueOn: addDays(issuedOn, 30) });
      const paidOn = addDays(issuedOn, 20 + ((c + i) % 5) * 10);
      if (paidOn < NOW) insertPayment(db, inv.id, 100000, paidOn);
    }
    for (let i = 0; i < PER_CLIENT.incidents; i++) insertIncident(db, { clientId: client.id, interactionId: null, kind: i % 2 ? 'unreasonable-demand' : 'missed-deadline', at: '2026-06-01T10:00:00.000Z', severity: 'medium', note: null, warned: false });
    for (let i = 0; i < PER_CLIENT.changes; i++) insertChange(db, { clientId: client.id, interactionId: null, summary: 'change', project: 'p', on: addDays('2026-01-01', i * 30), hours: 2, unbilled: i % 2 === 0 });
    for (let i = 0; i < PER_CLIENT.reminders; i++) insertReminder(db, { clientId: client.id, on: addDays('2026-11-01', i * 15), kind: 'follow-up', text: 'follow up' });
  }
});
store.close();
const seedMs = performance.now() - t0;

const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' }).stdout;
const has = (cmd) => new RegExp(`^\\s+${cmd}\\b`, 'm').test(help);
const cases = [
  ['--version', ['--version']],
  ['client list', ['client', 'list']],
  ['client show', ['client', 'show', 'Client 0100']],
  ['invoice list --open', ['invoice', 'list', '--open', '--json']],
  ['remind list', ['remind', 'list']],
  ...(has('due') ? [['due', ['due']], ['due --cron', ['due', '--cron']]] : []),
  ...(has('review') ? [['review <client>', ['review', 'Client 0100']], ['review --all', ['review', '--all']]] : []),
  ['log (write)', ['log', 'Client 0001', '--summary', 'bench', '--no-recap']],
  ...(has('report') ? [['report aging', ['report', 'aging']], ['report income', ['report', 'income']]] : []),
  ...(has('export') ? [['export (jsonl)', ['export', '-o', path.join(dir, 'export.jsonl')]],
    ['export --format csv', ['export', '--format', 'csv', '--type', 'invoices', '-o', path.join(dir, 'invoices.csv')]],
    ['import (nothing new)', ['import', path.join(dir, 'dump.jsonl')]]] : []),
  ...(has('completion') ? [['__complete clients', ['__complete', 'clients', 'Client 01']]] : []),
];
const env = { ...process.env, CRM_DB: dbFile, CRM_NOW: NOW, NO_COLOR: '1', TZ: 'UTC' };
// What `import (nothing new)` reads: this database's own export, so every record is already there.
if (has('export')) spawnSync(process.execPath, [bin, 'export', '-o', path.join(dir, 'dump.jsonl')], { env });
const times = new Map(cases.map(([label]) => [label, []]));
const other = new Map(cases.map(([label]) => [label, []]));
const timeOne = (which, args) => {
  const t = performance.now();
  const res = spawnSync(process.execPath, [which, ...args], { env, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (res.status !== 0) throw new Error(`crm ${args.join(' ')} exited ${res.status}: ${res.stderr}`);
  return ms;
};
for (let r = 0; r < RUNS; r++) {
  for (const [label, args] of cases) {
    // Alternate which goes first, so neither always meets a warm or a cold cache.
    if (againstBin && r % 2) other.get(label).push(timeOne(againstBin, args));
    times.get(label).push(timeOne(bin, args));
    if (againstBin && !(r % 2)) other.get(label).push(timeOne(againstBin, args));
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = median(times.get('--version'));
const size = fs.statSync(dbFile).size;
console.log(`crm bench: ${CLIENTS} clients, ${CLIENTS * PER_CLIENT.interactions} interactions, ${CLIENTS * PER_CLIENT.invoices} invoices; database ${(size / 1048576).toFixed(1)} MiB, seeded in ${seedMs.toFixed(0)} ms`);
console.log(`${RUNS} runs each, interleaved; node ${process.version}\n`);
const vs = againstBin ? `${'vs ms'.padStart(9)}${'this ÷ vs'.padStart(11)}` : '';
console.log(`${'command'.padEnd(22)}${'median ms'.padStart(10)}${'min ms'.padStart(9)}${'× start-up'.padStart(12)}${vs}`);
for (const [label] of cases) {
  const xs = times.get(label);
  const ys = other.get(label);
  const pair = againstBin ? `${median(ys).toFixed(1).padStart(9)}${median(xs.map((x, i) => x / ys[i])).toFixed(2).padStart(11)}` : '';
  console.log(`${label.padEnd(22)}${median(xs).toFixed(1).padStart(10)}${Math.min(...xs).toFixed(1).padStart(9)}${(median(xs) / base).toFixed(2).padStart(12)}${pair}`);
}
if (againstBin) console.log(`\nvs = ${againstBin}`);
if (process.argv.includes('--keep')) console.log(`\ndatabase kept: ${dbFile}`);
else fs.rmSync(dir, { recursive: true, force: true });
