// Human and JSON views of `crm report income`. Returns strings and plain objects; never prints.
import type { IncomeClient, IncomeCurrency, IncomeReport } from '../domain/report-income.js';
import type { DateStr, Money } from '../domain/types.js';
import { plural } from '../domain/words.js';
import type { Style } from './style.js';
import { clip, table } from './table.js';
import { displayWidth } from './width.js';
import { wrap } from './fit.js';
import { alignRight, aside, bare, cash } from './reports.js';

const GAP = 2;
const NAME = 14; // a client's name heads a column of the month table: cut to this…
const NAME_MAX = 24; // …or longer, up to this, where two names would otherwise head alike

/** A share as a whole percentage; a client who paid something never shows 0%, nor one of several 100%. */
function pct(part: Money, whole: Money): string {
  const p = Math.round((part.amount / whole.amount) * 100);
  if (p === 0 && part.amount > 0) return '<1%';
  if (p === 100 && part.amount < whole.amount) return '>99%';
  return `${p}%`;
}

const repeated = (labels: string[]): Set<string> => new Set(labels.filter((l, i) => labels.indexOf(l) !== i));

/**
 * Column heads for the clients: each name cut to NAME columns, longer where that would head two
 * columns alike ("Acme Corporat…" twice), and told apart by id where even NAME_MAX is not enough.
 */
function headLabels(clients: IncomeClient[]): string[] {
  const labels = clients.map((c) => clip(c.client.name, NAME));
  for (let w = NAME + 1, dups = repeated(labels); dups.size > 0 && w <= NAME_MAX; w++, dups = repeated(labels)) {
    clients.forEach((c, i) => {
      if (dups.has(labels[i] ?? '')) labels[i] = clip(c.client.name, w);
    });
  }
  const dups = repeated(labels);
  return clients.map((c, i) => {
    const label = labels[i] ?? '';
    if (!dups.has(label)) return label;
    const tag = ` #${c.client.id}`;
    return clip(c.client.name, NAME_MAX - tag.length) + tag;
  });
}

export interface IncomeRenderOptions {
  style: Style;
  /** The window review's income-concentration line counts, for the footer. */
  review: { from: DateStr; to: DateStr };
  width?: number;
}

export function renderIncome(report: IncomeReport, { style, review, width = Infinity }: IncomeRenderOptions): string {
  const span = `${report.from} – ${report.to} (${plural(report.months.length, 'month')}, the current one so far)`;
  const footer = aside(style, `By payment date; voided payments left out. review's income share counts the 365 days to today `
    + `(${review.from} – ${review.to}) rather than whole calendar months, so its figures can differ from these.`, width);
  if (report.currencies.length === 0) return `No payments received ${report.from} – ${report.to}.\n`;
  const out: string[] = [wrap(style.bold('Money received') + style.dim(` ${span}`), width)];
  for (const cur of report.currencies) {
    out.push('', style.bold(`${cur.currency}: ${bare(cur.total)}`) + style.dim(` from ${plural(cur.clients.length, 'client')}`));
    const head = ['CLIENT', 'RECEIVED', 'SHARE'];
    const rows = cur.clients.map((c) => [clip(c.client.name, 40), bare(c.total), pct(c.total, cur.total)]);
    alignRight(head, rows, [1, 2]);
    out.push(table(style, head, rows, { styled: true, width, flex: [0] }).trimEnd(), '');
    out.push(monthTable(style, report.months, cur, width));
  }
  out.push('', footer);
  return out.join('\n') + '\n';
}

/**
 * Months as rows (120 months still fit a terminal's width), clients as columns, biggest first: as
 * many as fit beside MONTH and TOTAL, the rest summed in one "OTHERS" column.
 */
function monthTable(style: Style, months: string[], cur: IncomeCurrency, width: number): string {
  const colWidth = (label: string, cells: Money[]): number => Math.max(displayWidth(label), ...cells.map((m) => displayWidth(cash(m))));
  const cellsOf = (byMonth: Record<string, Money>): Money[] => months.map((m) => byMonth[m] ?? { amount: 0, currency: cur.currency });
  const fixed = 7 + GAP + colWidth('TOTAL', cellsOf(cur.byMonth));
  const labels = new Map(headLabels(cur.clients).map((l, i) => [cur.clients[i], l]));
  const label = (c: IncomeClient): string => labels.get(c) ?? '';
  const widthOf = (c: IncomeClient): number => colWidth(label(c), cellsOf(c.byMonth));
  const fits = (k: number): boolean => {
    const others = k < cur.clients.length ? GAP + colWidth(`OTHERS (${cur.clients.length - k})`, cellsOf(cur.byMonth)) : 0;
    return fixed + cur.clients.slice(0, k).reduce((a, c) => a + GAP + widthOf(c), 0) + others <= width;
  };
  let k = cur.clients.length;
  while (k > 0 && !fits(k)) k--;
  const shown = cur.clients.slice(0, k);
  const rest = cur.clients.slice(k);
  const head = ['MONTH', 'TOTAL', ...shown.map(label), ...(rest.length && k > 0 ? [`OTHERS (${rest.length})`] : [])];
  const rows = months.map((m) => {
    const sum = (cs: IncomeClient[]) => ({ amount: cs.reduce((a, c) => a + (c.byMonth[m]?.amount ?? 0), 0), currency: cur.currency });
    return [m, cash(sum(cur.clients)), ...shown.map((c) => cash(c.byMonth[m] ?? sum([]))), ...(rest.length && k > 0 ? [cash(sum(rest))] : [])];
  });
  alignRight(head, rows, head.map((_, x) => x).slice(1));
  return table(style, head, rows, { styled: true, width }).trimEnd();
}

/** The JSON document: every field named here. */
export function incomeDto(report: IncomeReport) {
  return {
    from: report.from,
    to: report.to,
    months: report.months,
    currencies: report.currencies.map((cur) => ({
      currency: cur.currency,
      total: cur.total,
      clients: cur.clients.map((c) => ({ client: c.client, total: c.total, share: c.share, byMonth: c.byMonth })),
      byMonth: cur.byMonth,
    })),
  };
}
