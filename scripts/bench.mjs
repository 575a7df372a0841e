#!/usr/bin/env node
// crm's benchmark (issue #13). Builds (or reuses, from node_modules/.cache/crm-bench/) seeded,
// reproducible databases with bench/generate.ts — typical (200 clients, ~20k rows) and stress
// (10,000 clients, ~1.1M rows) — and times the built crm (`node bin/crm.js`) side by side with bare
// `node -e 0` in a clean environment (NODE_EXTRA_CA_CERTS removed), each round in alternating
// order, reporting the median of per-round ratios; the SQL behind `due` and `review --all` in the
// sqlite3 shell; peak RSS; a cold-cache run; taskwarrior as a peer. No assertions on time: the
// only failure (exit 1) is a crm command that fails.
//
// Usage: npm run bench [-- options]   (or: node scripts/bench.mjs [options] after a build)
//   --runs N          rounds per case (default 15; the stress database: --stress-runs, default 5)
//   --quick           CI smoke test: tiny databases, 2 rounds, 1 on stress
//   --markdown        tables as Markdown, for docs/BENCHMARKS.md
//   --seed S          generator seed (default 13)
//   --no-stress       only the typical database
//   --against DIR     also time the crm built in DIR (e.g. a worktree of the previous commit) on
//                     the typical database, paired run by run: this ÷ that
//   --crm DIR         time the crm built in DIR instead of this checkout's (e.g. a copy of bin/ and
//                     dist/ that a concurrent rebuild cannot swap out mid-run)
//   --keep            keep the database copies and captured SQL for profiling
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { CACHE, ROOT, cachedDatabase, copyDatabase } from '../bench/cache.mjs';
import { evictor } from '../bench/cold.mjs';
import { CommandFailed, timeOnce } from '../bench/measure.mjs';
import { sqliteShellVersion, which } from '../bench/peers.mjs';
import { printSection } from '../bench/report.mjs';
import {
  caCertsSection, coldSection, sqlSection, stressSection, taskwarriorSection, typicalSection, wizardSection, KNOWN,
} from '../bench/sections.mjs';
import { ttyAvailable } from '../bench/tty.mjs';

const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string' }, 'stress-runs': { type: 'string' }, quick: { type: 'boolean' }, markdown: { type: 'boolean' },
    seed: { type: 'string' }, 'no-stress': { type: 'boolean' }, against: { type: 'string' }, crm: { type: 'string' }, keep: { type: 'boolean' },
  },
});
const quick = opt.quick ?? false;
const seed = opt.seed !== undefined ? (/^\d+$/.test(opt.seed) ? Number(opt.seed) : opt.seed) : 13;
const log = (s = '') => console.log(s);
const say = (s) => console.error(`bench: ${s}`);

const bin = path.join(opt.crm ? path.resolve(opt.crm) : ROOT, 'bin', 'crm.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-'));
const home = path.join(dir, 'home');
fs.mkdirSync(home);
const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS;
// The clean environment every measurement runs in unless a section says otherwise.
const env = { PATH: process.env.PATH, HOME: home, CRM_CONFIG: path.join(home, 'config.json'), CRM_NOW: KNOWN.now, NO_COLOR: '1', TZ: 'UTC', LANG: 'C.UTF-8' };
const ctx = {
  bin, dir, env, failures: [], extraCaCerts,
  runs: Number(opt.runs ?? (quick ? 2 : 15)),
  stressRuns: Number(opt['stress-runs'] ?? (quick ? 1 : 5)),
  againstBin: opt.against ? path.join(path.resolve(opt.against), 'bin', 'crm.js') : null,
};
const sections = [];
const show = (s) => {
  sections.push(s);
  printSection(s, { markdown: opt.markdown, log });
};

async function database(name) {
  const scale = quick ? `${name}-quick` : name;
  const { file, generatedMs } = await cachedDatabase(scale, seed, say);
  const copy = copyDatabase(file, dir, `${name}.db`);
  // crm migrates on open: let it, once, before anything is timed.
  timeOnce({ cmd: process.execPath, args: [bin, 'due'], env: { ...env, CRM_DB: copy }, label: 'crm due (first open)' });
  const db = new Database(copy, { readonly: true });
  const rows = db.prepare(`SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM interactions) + (SELECT count(*) FROM invoices)
    + (SELECT count(*) FROM payments) + (SELECT count(*) FROM disputes) + (SELECT count(*) FROM change_requests) + (SELECT count(*) FROM incidents)
    + (SELECT count(*) FROM referrals) + (SELECT count(*) FROM deliveries) + (SELECT count(*) FROM reminders)`).pluck().get();
  const clients = db.prepare('SELECT count(*) FROM clients').pluck().get();
  const known = db.prepare('SELECT count(*) FROM clients WHERE name = ?').pluck().get(KNOWN.client);
  db.close();
  if (known !== 1) throw new Error(`no client ${KNOWN.client} in ${scale}: bench/sections.mjs KNOWN is out of step with bench/plan.ts`);
  const mib = (fs.statSync(copy).size / 1048576).toFixed(1);
  const made = generatedMs === null ? 'cached' : `generated in ${(generatedMs / 1000).toFixed(1)} s`;
  return { copy, info: `${scale}, seed ${seed}: ${clients} clients, ${rows} record rows, ${mib} MiB, ${made}` };
}

function header() {
  const sqlite = new Database(':memory:');
  const bundled = sqlite.prepare('SELECT sqlite_version()').pluck().get();
  sqlite.close();
  const cpus = os.cpus();
  log(`crm bench — ${new Date().toISOString().slice(0, 16)}Z, node ${process.version}, ${os.type()} ${os.release()}`);
  log(`machine: ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  log(`crm: ${bin}`);
  log(`command: node scripts/bench.mjs ${process.argv.slice(2).join(' ')}`.trimEnd());
  log(`SQLite: better-sqlite3 bundles ${bundled}; the sqlite3 shell is ${sqliteShellVersion() ?? 'not installed'} (Debian's, older)`);
  log(`environment: clean (NODE_EXTRA_CA_CERTS ${extraCaCerts ? 'removed; measured separately below' : 'not set'}), CRM_NOW=${KNOWN.now}, TZ=UTC, NO_COLOR=1`);
  log(`rounds: ${ctx.runs} per case on typical, ${ctx.stressRuns} on stress; each round alternates the order`);
}

try {
  if (!fs.existsSync(bin)) throw new Error('bin/crm.js is missing');
  timeOnce({ cmd: process.execPath, args: [bin, '--version'], env, label: 'crm --version' });
  header();
  const typical = await database('typical');
  ctx.typicalDb = typical.copy;
  ctx.typicalInfo = typical.info;
  for (const s of typicalSection(ctx)) show(s);
  ctx.tty = ttyAvailable();
  if (ctx.tty) show(await wizardSection(ctx));
  else log('\n(wizard first prompt: skipped, `script -qfc` does not work here)');
  if (extraCaCerts) show(caCertsSection(ctx));
  if (which('sqlite3')) show(await sqlSection(ctx, 'typical', ctx.typicalDb, ctx.runs));
  if (!opt['no-stress']) {
    const stress = await database('stress');
    ctx.stressDb = stress.copy;
    ctx.stressInfo = stress.info;
    show(stressSection(ctx));
    if (which('sqlite3')) show(await sqlSection(ctx, 'stress', ctx.stressDb, ctx.stressRuns));
    else log('\n(sqlite3 shell not installed: the SQL comparison is skipped)');
    const evict = evictor(path.dirname(path.dirname(bin)), [ctx.stressDb], { dropAll: !quick });
    if (evict) show(coldSection(ctx, evict, quick ? 1 : 3));
    else log('\n(cold cache: skipped, neither drop_caches nor posix_fadvise works here)');
    if (which('task')) show(taskwarriorSection(ctx));
    else log('\n(taskwarrior: skipped, `task` is not installed)');
  }
  log(`\ncache: ${CACHE}`);
} catch (e) {
  if (!(e instanceof CommandFailed)) throw e;
  ctx.failures.push(e.message);
  console.error(`bench: stopped: ${e.message}`);
} finally {
  if (opt.keep) log(`kept: ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
if (ctx.failures.length) {
  console.error(`\nbench: ${ctx.failures.length} crm command(s) failed:`);
  for (const f of [...new Set(ctx.failures)]) console.error(`  ${f}`);
  process.exitCode = 1;
}
