// Human and JSON views of `crm report aging` (and the helpers the income report shares). Returns
// strings and plain objects; never prints, never reads the clock.
import { BUCKETS, type AgingClient, type AgingReport, type Buckets } from '../domain/aging.js';
import { formatMoney } from '../domain/money.js';
import { plural } from '../domain/words.js';
import type { Money } from '../domain/types.js';
import type { Style } from './style.js';
import { clip, table } from './table.js';
import { displayWidth } from './width.js';
import { wrap } from './fit.js';

/** An amount without its currency code, for a table that names the currency once: "1,200.50". */
export function bare(m: Money): string {
  return formatMoney(m).slice(0, -(m.currency.length + 1));
}

/** A dim footnote, wrapped to the terminal (each line dimmed on its own, so no colour spans a line break). */
export function aside(style: Style, text: string, width: number): string {
  return wrap(text, width).split('\n').map((l) => style.dim(l)).join('\n');
}

/** A money cell: the amount, or a dash for nothing. */
export const cash = (m: Money): string => (m.amount === 0 ? '—' : bare(m));

/**
 * Right-align the given columns (header included) by padding to the column's widest cell, so the
 * one table renderer (which aligns left) lines up the digits.
 */
export function alignRight(head: string[], rows: string[][], columns: number[]): void {
  for (const x of columns) {
    const w = Math.max(displayWidth(head[x] ?? ''), ...rows.map((r) => displayWidth(r[x] ?? '')));
    const pad = (s: string): string => ' '.repeat(w - displayWidth(s)) + s;
    head[x] = pad(head[x] ?? '');
    for (const r of rows) r[x] = pad(r[x] ?? '');
  }
}

const BUCKET_HEADS = ['CURRENT', '1–30', '31–60', '61–90', '90+'];

function bucketCells(b: Buckets): string[] {
  return [...BUCKETS.map((k) => cash(b[k])), cash(b.total)];
}

function note(c: AgingClient): string {
  return c.disputed.length === 0 ? '' : `${c.disputed.length} disputed`;
}

export function renderAging(style: Style, report: AgingReport, width = Infinity): string {
  if (report.currencies.length === 0) return `Nobody owes you anything: no open invoices as of ${report.asOf}.\n`;
  const out: string[] = [style.bold(`Owed to you, by days past due`) + style.dim(` (as of ${report.asOf})`)];
  let disputes = false;
  for (const cur of report.currencies) {
    // A NOTE column only where something is in dispute.
    const noted = cur.clients.some((c) => c.disputed.length > 0);
    const head = ['CLIENT', ...BUCKET_HEADS, 'TOTAL', ...(noted ? ['NOTE'] : [])];
    const rows = cur.clients.map((c) => [clip(c.client.name, 32), ...bucketCells(c), ...(noted ? [note(c)] : [])]);
    rows.push(['Total', ...bucketCells(cur.totals), ...(noted ? [''] : [])]);
    alignRight(head, rows, [1, 2, 3, 4, 5, 6]);
    disputes ||= noted;
    // On a narrow terminal, bucket columns with nothing in them go first: the totals show them empty anyway.
    const empty = BUCKETS.map((k, x) => (cur.totals[k].amount === 0 ? x + 1 : -1)).filter((x) => x > 0);
    const styled = rows.map((r, y) => (y === rows.length - 1 ? r.map((c) => style.bold(c)) : r));
    out.push('', style.bold(`${cur.currency}`) + style.dim(` (${plural(cur.clients.length, 'client')})`));
    out.push(table(style, head, styled, { styled: true, width, flex: [0, 7], drop: empty }).trimEnd());
  }
  out.push('', aside(style, 'Current: not yet due, or due today. Balances are what is left after payments and concessions.', width));
  if (disputes) out.push(aside(style, 'Disputed invoices are counted: the money is still owed, but held up.', width));
  return out.join('\n') + '\n';
}

/** The JSON document: every field named here, so the domain model can change without changing it. */
export function agingDto(report: AgingReport) {
  const buckets = (b: Buckets) => ({
    current: b.current, days1to30: b.days1to30, days31to60: b.days31to60, days61to90: b.days61to90, days90plus: b.days90plus,
    total: b.total,
  });
  return {
    asOf: report.asOf,
    currencies: report.currencies.map((cur) => ({
      currency: cur.currency,
      clients: cur.clients.map((c) => ({ client: c.client, ...buckets(c), invoices: c.invoices, disputed: c.disputed })),
      totals: buckets(cur.totals),
    })),
  };
}
