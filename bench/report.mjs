// The bench's tables: per section, each case's median and minimum ms, its ratio (the median of
// per-round ratios) to the section's baseline, the target and whether it is met. Plain text for
// the terminal, or Markdown (--markdown) to paste into docs/BENCHMARKS.md.
import { median } from './measure.mjs';

const fmt = (ms) => (ms === null || Number.isNaN(ms) ? '' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/**
 * A row: { label, times?, ratios?, value?, unit?, target?: { max, text }, note? }. A row with
 * `value` shows that instead of times (RSS, ms per 1000 rows).
 */
export function rowCells(row) {
  const ratio = row.ratios ? median(row.ratios) : null;
  const shown = row.value ?? ratio;
  const met = row.target && shown !== null && Number.isFinite(shown) ? (shown <= row.target.max ? 'yes' : 'no') : '';
  return [
    row.label,
    row.times ? fmt(median(row.times)) : '',
    row.times ? fmt(Math.min(...row.times)) : '',
    ratio !== null ? `${ratio.toFixed(2)}×` : row.value !== undefined ? `${fmt(row.value)} ${row.unit ?? ''}`.trim() : '',
    row.target?.text ?? '',
    met,
    row.note ?? '',
  ];
}

const HEAD = ['case', 'median ms', 'min ms', 'ratio / value', 'target', 'met', 'note'];

export function printSection(section, { markdown = false, log = console.log } = {}) {
  const rows = section.rows.map(rowCells);
  log('');
  if (markdown) {
    log(`### ${section.title}\n`);
    if (section.baseline) log(`Ratio: ${section.baseline}.\n`);
    log(`| ${HEAD.join(' | ')} |`);
    log(`| ${HEAD.map((_, i) => (i === 0 || i === 6 ? '---' : '---:')).join(' | ')} |`);
    for (const r of rows) log(`| ${r.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`);
    return;
  }
  log(`== ${section.title}${section.baseline ? ` (ratio: ${section.baseline})` : ''}`);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  log(line(HEAD));
  for (const r of rows) log(line(r));
}
