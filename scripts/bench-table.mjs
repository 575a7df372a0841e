#!/usr/bin/env node
// Benchmark: the table renderer (src/render/table.ts, bundled on the fly by bench/cache.mjs) against the cli-table3 0.6 version it
// replaced, on client-list-shaped rows (some CJK names). cli-table3 is quadratic and overflows
// the stack past ~125k rows, so it only runs up to 10k. Prints medians and the ratio.
// Usage: node scripts/bench-table.mjs [--runs N]
import { pathToFileURL } from 'node:url';
import Table from 'cli-table3';
import { bundleCode } from '../bench/cache.mjs';

const entry = "export { table } from './src/render/table.ts'; export { safeText } from './src/domain/text.ts';";
const { table, safeText } = await import(pathToFileURL(await bundleCode(entry, 'bench-table')).href);

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const SIZES = [1_000, 10_000, 100_000, 200_000];
const ORACLE_MAX = 10_000;
const style = { bold: (s) => s }; // colour off, as in a pipe
const HEAD = ['ID', 'NAME', 'COMPANY', 'CHECK-IN', 'LAST CONTACT', 'STATUS'];
const NAMES = ['Acme Corp', '山田商店', 'Zoë & Partners', 'Beta Ltd', '한국 디자인', 'Northwind Traders'];

/** The old renderer, exactly as src/render/table.ts had it. */
function cliTable3(head, rows) {
  const none = { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
    'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' };
  const t = new Table({ head: head.map((h) => style.bold(h)), chars: none, wordWrap: false,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 } });
  for (const row of rows) t.push(row.map((c) => (c === null ? '' : safeText(String(c)))));
  return t.toString().split('\n').map((l) => l.trimEnd()).join('\n') + '\n';
}

function rowsOf(n) {
  return Array.from({ length: n }, (_, i) => [
    String(i + 1), `${NAMES[i % NAMES.length]} ${i}`, i % 4 ? NAMES[(i * 7) % NAMES.length] : null,
    i % 5 ? 'due in 3d' : '2d overdue', i % 3 ? '12d ago' : 'never', i % 11 ? 'active' : 'paused',
  ]);
}

function median(fn) {
  const times = [];
  let out = '';
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    out = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], out };
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)).padStart(9);
console.log(`table render, median of ${RUNS} runs (node ${process.version})`);
console.log(`${'rows'.padStart(8)} ${'new ms'.padStart(9)} ${'ms/1k'.padStart(7)} ${'cli-table3'.padStart(10)} ${'ratio'.padStart(7)}  same output`);
// Warm both up first, so the smallest size does not pay for JIT compilation.
for (let r = 0; r < 3; r++) { table(style, HEAD, rowsOf(2_000)); cliTable3(HEAD, rowsOf(500)); }
for (const n of SIZES) {
  const rows = rowsOf(n);
  const ours = median(() => table(style, HEAD, rows));
  let old = '', ratio = '', same = '';
  if (n <= ORACLE_MAX) {
    const theirs = median(() => cliTable3(HEAD, rows));
    old = fmt(theirs.ms);
    ratio = `${(theirs.ms / ours.ms).toFixed(0)}x`;
    same = theirs.out === ours.out ? 'yes' : 'NO';
  }
  console.log(`${String(n).padStart(8)} ${fmt(ours.ms)} ${(ours.ms / (n / 1000)).toFixed(2).padStart(7)} ${old.padStart(10)} ${ratio.padStart(7)}  ${same}`);
}
