// The bench's sections. Each takes the run's context (crm's binary, a clean environment, the
// database copies, how many rounds) and returns { title, baseline, rows } for bench/report.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleCode } from './cache.mjs';
import { CommandFailed, median, peakRss, sideBySide, timeOnce } from './measure.mjs';
import { taskwarriorData, overdueCount, timeShell } from './peers.mjs';
import { timeToText } from './tty.mjs';

/** What bench/plan.ts's KNOWN says (scripts/bench.mjs checks the client is there). */
export const KNOWN = { client: 'Zoë Lefèvre Design', search: 'roadmap', now: '2026-11-22' };

const x = (max) => ({ max, text: `≤ ${max}×` });

/** A case that runs node with `args`, timed from spawn to exit. */
export function nodeCase(ctx, label, args, { env = ctx.env, target, bin = ctx.bin } = {}) {
  const argv = args === null ? ['-e', '0'] : [bin, ...args];
  return {
    label, target, args,
    run: () => {
      try {
        return timeOnce({ cmd: process.execPath, args: argv, env, cwd: ctx.dir, label: args ? `crm ${args.join(' ')}` : 'node -e 0' }).ms;
      } catch (e) {
        if (e instanceof CommandFailed) ctx.failures.push(e.message);
        throw e;
      }
    },
  };
}

/** `crm` cases side by side with bare node; failing cases are dropped (and reported), not fatal. */
function compare(ctx, cases, runs) {
  const ok = [cases[0]];
  for (const c of cases.slice(1)) {
    try {
      c.run();
      ok.push(c);
    } catch (e) {
      if (!(e instanceof CommandFailed)) throw e;
    }
  }
  const timed = new Map(sideBySide(ok, runs, { warmup: 0 }).map((r) => [r.label, r]));
  return cases.map((c) => timed.get(c.label) ?? { label: c.label, target: c.target, against: c.against, note: 'FAILED (see the end)' });
}

export function typicalSection(ctx) {
  const env = { ...ctx.env, CRM_DB: ctx.typicalDb };
  const c = (label, args, target) => nodeCase(ctx, label, args, { env, target });
  const K = KNOWN;
  const cases = [
    c('node -e 0 (bare)', null),
    c('crm --version', ['--version'], x(1.5)),
    c('crm due', ['due'], x(2)),
    c('crm due --json', ['due', '--json'], x(2)),
    c('crm review <client>', ['review', K.client], x(2)),
    c('crm review --all', ['review', '--all'], x(2.5)),
    c('crm log … (one write)', ['log', K.client, '--summary', 'bench call', '--no-recap'], x(2)),
    c('crm history <client>', ['history', K.client], x(2)),
    c(`crm search ${K.search}`, ['search', K.search], x(2)),
    c('crm client list', ['client', 'list']),
    c('crm client show', ['client', 'show', K.client]),
    c('crm invoice list --open --json', ['invoice', 'list', '--open', '--json']),
    c('crm remind list', ['remind', 'list']),
    c('crm due --cron', ['due', '--cron']),
    c('crm report aging', ['report', 'aging']),
    c('crm report income', ['report', 'income']),
    c('crm export (jsonl)', ['export', '-o', path.join(ctx.dir, 'export.jsonl')]),
    c('crm __complete clients', ['__complete', 'clients', 'Zo']),
  ];
  if (ctx.againstBin) {
    for (const k of cases.slice(1)) cases.push({ ...nodeCase(ctx, `${k.label} [against]`, k.args, { env, bin: ctx.againstBin }), against: k.label });
  }
  const rows = compare(ctx, cases, ctx.runs);
  const byLabel = new Map(rows.map((r) => [r.label, r]));
  const main = rows.filter((r) => !r.against);
  const against = rows.filter((r) => r.against && byLabel.get(r.against)?.times).map((r) => {
    const mine = byLabel.get(r.against);
    return { label: r.against, times: r.times, ratios: mine.times.map((t, i) => t / r.times[i]), note: 'ratio: this ÷ against; ms: against' };
  });
  const sections = [{ title: `Typical database (${ctx.typicalInfo})`, baseline: 'median of per-round ratios to bare `node -e 0`', rows: main }];
  if (against.length) sections.push({ title: `This build against ${ctx.againstBin}`, baseline: 'median of per-round ratios this ÷ against', rows: against });
  return sections;
}

/** The wizard's first prompt on a terminal, against bare node printing the same text there. */
export async function wizardSection(ctx) {
  const PROMPT = 'Who did you talk to?';
  const env = { ...ctx.env, CRM_DB: ctx.typicalDb, TERM: 'xterm-256color' };
  const cases = [
    { label: 'node prints the prompt (bare)', run: () => timeToText([process.execPath, '-e', `process.stdout.write(${JSON.stringify(PROMPT)})`], PROMPT, env) },
    { label: 'crm log: first prompt', target: x(3), run: () => timeToText([process.execPath, ctx.bin, 'log'], PROMPT, env) },
  ];
  const times = cases.map(() => []);
  await cases[1].run(); // warm-up, and a check that the prompt comes
  for (let r = 0; r < ctx.runs; r++) {
    const order = r % 2 ? [1, 0] : [0, 1];
    for (const i of order) times[i].push(await cases[i].run());
  }
  const rows = cases.map((c, i) => ({ label: c.label, target: c.target, times: times[i], ratios: times[i].map((t, k) => t / times[0][k]) }));
  return { title: `Wizard on a terminal (${ctx.tty})`, baseline: 'median of per-round ratios to bare node printing the same text on the same kind of terminal', rows };
}

/** Start-up with NODE_EXTRA_CA_CERTS as this machine sets it, against the clean default. */
export function caCertsSection(ctx) {
  const withCa = { ...ctx.env, CRM_DB: ctx.typicalDb, NODE_EXTRA_CA_CERTS: ctx.extraCaCerts };
  const clean = { ...ctx.env, CRM_DB: ctx.typicalDb };
  const cases = [
    nodeCase(ctx, 'node -e 0 (clean, the default)', null, { env: clean }),
    nodeCase(ctx, 'node -e 0 with NODE_EXTRA_CA_CERTS', null, { env: withCa }),
    nodeCase(ctx, 'crm --version with it', ['--version'], { env: withCa }),
    nodeCase(ctx, 'crm due with it', ['due'], { env: withCa }),
  ];
  return { title: `NODE_EXTRA_CA_CERTS=${ctx.extraCaCerts}`, baseline: 'median of per-round ratios to bare node in the clean environment (every other section measures without the variable)', rows: compare(ctx, cases, ctx.runs) };
}

export function stressSection(ctx) {
  const env = { ...ctx.env, CRM_DB: ctx.stressDb };
  const c = (label, args, target) => nodeCase(ctx, label, args, { env, target });
  const cases = [
    c('node -e 0 (bare)', null),
    c('crm due', ['due']),
    c('crm review --all', ['review', '--all']),
    c('crm review <client>', ['review', KNOWN.client]),
    c(`crm search ${KNOWN.search}`, ['search', KNOWN.search], x(3)),
    // What a terminal shows (the 20 best hits); piped, as above, every hit is printed.
    c(`crm search ${KNOWN.search} --limit 20`, ['search', KNOWN.search, '--limit', '20'], x(3)),
    c('crm client list', ['client', 'list']),
    c('crm invoice list', ['invoice', 'list']),
  ];
  const rows = compare(ctx, cases, ctx.stressRuns);
  const node = median(rows[0].times);
  const extra = [];
  for (const [label, args] of [['crm client list', ['client', 'list']], ['crm invoice list', ['invoice', 'list']]]) {
    const row = rows.find((r) => r.label === label);
    if (!row?.times) continue;
    const lines = spawnSync(process.execPath, [ctx.bin, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 30 }).stdout.split('\n').filter((l) => l.trim()).length;
    extra.push({ label: `${label}: ms per 1000 rows (${lines} lines)`, value: ((median(row.times) - node) / lines) * 1000, unit: 'ms', target: { max: 20, text: '≤ 20 ms' }, note: '(crm − bare node) ÷ rows' });
  }
  for (const [label, args, max] of [['peak RSS: crm due', ['due'], 64], ['peak RSS: crm review --all', ['review', '--all'], 160], ['peak RSS: node -e 0', null, null]]) {
    try {
      const mib = peakRss({ args: args ? [ctx.bin, ...args] : ['-e', '0'], env, label });
      extra.push({ label, value: mib, unit: 'MiB', ...(max ? { target: { max, text: `≤ ${max} MiB` } } : {}), note: 'VmHWM at exit' });
    } catch (e) {
      if (!(e instanceof CommandFailed)) throw e;
      ctx.failures.push(e.message);
      extra.push({ label, note: 'FAILED' });
    }
  }
  return { title: `Stress database (${ctx.stressInfo})`, baseline: 'median of per-round ratios to bare `node -e 0`', rows: [...rows, ...extra] };
}

/** crm against bare node + the sqlite3 shell running the SQL crm ran, captured in-process. */
export async function sqlSection(ctx, which, db, runs) {
  const capture = await bundleCode(`import { capture } from './bench/capture-sql.ts';
process.exitCode = await capture(JSON.parse(process.env.CRM_BENCH_ARGV), process.env, process.env.CRM_BENCH_SQL_OUT);`, 'capture-sql');
  const rows = [];
  const notes = [];
  for (const [label, args, max] of [['crm due', ['due'], 2], ['crm review --all', ['review', '--all'], 1.3]]) {
    const script = path.join(ctx.dir, `${which}-${args.join('-').replace(/^-+/, '')}.sql`);
    const env = { ...ctx.env, CRM_DB: db, CRM_BENCH_SQL_OUT: script, CRM_BENCH_ARGV: JSON.stringify(args) };
    const cap = spawnSync(process.execPath, [capture], { env, cwd: ctx.dir, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (cap.status !== 0) {
      ctx.failures.push(`capturing the SQL of crm ${args.join(' ')} exited ${cap.status}: ${cap.stderr.trim().slice(0, 300)}`);
      continue;
    }
    const statements = fs.readFileSync(script, 'utf8').split(';\n').length - 1;
    const cases = [
      nodeCase(ctx, 'node -e 0', null, { env: { ...ctx.env, CRM_DB: db } }),
      { label: `sqlite3 shell: the SQL of ${label}`, run: () => timeShell(db, script) },
      nodeCase(ctx, label, args, { env: { ...ctx.env, CRM_DB: db } }),
    ];
    let timed;
    try {
      timed = sideBySide(cases, runs, { warmup: 1 });
    } catch (e) {
      if (!(e instanceof CommandFailed)) throw e;
      continue;
    }
    const [node, shell, crm] = timed;
    const limit = node.times.map((t, i) => t + shell.times[i]);
    rows.push({ label: `${label}: node + sqlite3 shell`, times: limit, note: `${statements} statements` });
    rows.push({ label: `${label}: sqlite3 shell alone`, times: shell.times });
    rows.push({ label, times: crm.times, ratios: crm.times.map((t, i) => t / limit[i]), target: x(max) });
    notes.push(script);
  }
  return { title: `SQL behind due and review --all, ${which} database`, baseline: 'median of per-round ratios crm ÷ (bare node + sqlite3 shell running the captured SQL)', rows, scripts: notes };
}

/** Cold cache: drop the page cache (or evict the files) before each run. */
export function coldSection(ctx, evict, runs) {
  const env = { ...ctx.env, CRM_DB: ctx.stressDb };
  const rows = [];
  for (const [label, args] of [['node -e 0 (cold)', null], ['crm due (cold)', ['due']], ['crm review --all (cold)', ['review', '--all']]]) {
    const times = [];
    try {
      for (let r = 0; r < runs; r++) {
        evict.run();
        times.push(nodeCase(ctx, label, args, { env }).run());
      }
      rows.push({ label, times });
    } catch (e) {
      if (!(e instanceof CommandFailed)) throw e;
      rows.push({ label, note: 'FAILED' });
    }
  }
  return { title: `Cold cache, stress database (${evict.how})`, baseline: 'none: absolute ms, each run after eviction', rows };
}

/** taskwarrior listing 5,000 overdue of 10,000 tasks, beside crm due on the stress database. */
export function taskwarriorSection(ctx) {
  const { taskrc } = taskwarriorData();
  const twEnv = { ...ctx.env, TASKRC: taskrc };
  const overdue = overdueCount(taskrc, ctx.env);
  const cases = [
    nodeCase(ctx, 'node -e 0 (bare)', null),
    { label: `task +OVERDUE list (${overdue} lines)`, run: () => timeOnce({ cmd: 'task', args: ['+OVERDUE', 'list'], env: twEnv, label: 'task' }).ms },
    nodeCase(ctx, 'crm due (stress)', ['due'], { env: { ...ctx.env, CRM_DB: ctx.stressDb } }),
  ];
  const [node, task, crm] = compare(ctx, cases, ctx.stressRuns);
  const rows = [node, task, crm];
  if (crm.times) rows.push({ label: 'crm due ÷ task', times: crm.times, ratios: crm.times.map((t, i) => t / task.times[i]), target: { max: 1, text: '< 1× (beats it)' } });
  let rss = null;
  try {
    const res = spawnSync('/usr/bin/time', ['-f', '%M', 'task', '+OVERDUE', 'list'], { env: twEnv, encoding: 'utf8' });
    rss = Number(res.stderr.trim().split('\n').pop()) / 1024;
  } catch {
    // no /usr/bin/time
  }
  if (rss) rows.push({ label: 'peak RSS: task +OVERDUE list', value: rss, unit: 'MiB' });
  return { title: 'Peer: taskwarrior, 10,000 tasks, 5,000 overdue', baseline: 'median of per-round ratios to bare `node -e 0` (last ratio row: crm ÷ task)', rows };
}
