// The human view of `crm due`: a DueReport -> a grouped, aligned string. Returns strings only;
// never prints, never reads the clock, never decides colour itself (the Style is passed in).
import type { DueReport } from '../domain/due.js';
import { formatMoney } from '../domain/money.js';
import { relativeDays } from '../domain/dates.js';
import { oneLine } from '../domain/text.js';
import { formatRef } from '../domain/refs.js';
import type { Style } from './style.js';
import { table } from './table.js';
import { wrap } from './fit.js';

export interface DueRenderOptions {
  style: Style;
  /** The --within the report was computed with; only changes the headline. */
  within: number;
  /** The terminal's width: a line longer than this ends in "…" (the JSON has every word). */
  width?: number;
}

/** "3 days overdue", "1 day overdue", "due today"; ahead of time as everywhere: "tomorrow", "in 2 days". */
export function lateness(daysOverdue: number): string {
  if (daysOverdue > 1) return `${daysOverdue} days overdue`;
  if (daysOverdue === 1) return '1 day overdue';
  if (daysOverdue === 0) return 'due today';
  return relativeDays(daysOverdue);
}

/** "every 7 days" / "every day". */
export function cadence(days: number): string {
  return days === 1 ? 'every day' : `every ${days} days`;
}

const INDENT = '  ';

/**
 * One group of the list: the one table renderer, borderless and indented, cells coloured after
 * they were measured; to fit `width` its last (free-text) column is cut first.
 */
function layout(out: string[], style: Style, rows: { text: string; paint?: (s: string) => string }[][], width: number): void {
  const cells = rows.map((row) => row.map((c) => (c.paint ? c.paint(c.text) : c.text)));
  const last = (rows[0]?.length ?? 1) - 1;
  const fit = Number.isFinite(width) ? { width: width - INDENT.length, flex: [last] } : {};
  // Appended one by one: out.push(...lines) overflows the stack past ~125k lines.
  for (const line of table(style, [], cells, { styled: true, ...fit }).trimEnd().split('\n')) out.push(INDENT + line);
}

function urgency(style: Style, daysOverdue: number): (s: string) => string {
  if (daysOverdue > 0) return style.red;
  if (daysOverdue === 0) return style.yellow;
  return style.dim;
}

export function renderDue(report: DueReport, { style, within, width = Infinity }: DueRenderOptions): string {
  const window = within > 0 ? `in the next ${within === 1 ? 'day' : `${within} days`}` : 'today';
  const { checkIns, invoices, reminders } = report;
  if (checkIns.length + invoices.length + reminders.length === 0) {
    return `${style.green(`Nothing due ${window}.`)} ${style.dim(`(as of ${report.asOf})`)}\n`;
  }

  const out: string[] = [style.bold(`Due ${window}`) + style.dim(` (as of ${report.asOf})`)];

  if (checkIns.length > 0) {
    out.push('', style.bold(`Check-ins (${checkIns.length})`));
    layout(
      out,
      style,
      checkIns.map((c) => [
        { text: oneLine(c.client.name) },
        { text: lateness(c.daysOverdue), paint: urgency(style, c.daysOverdue) },
        {
          text: `${c.lastContact ? `last contact ${c.lastContact}` : 'never contacted'}, ${cadence(c.cadenceDays)}`,
          paint: style.dim,
        },
      ]),
      width,
    );
  }

  if (invoices.length > 0) {
    out.push('', style.bold(`Invoices to chase (${invoices.length})`));
    layout(
      out,
      style,
      invoices.map((inv) => [
        { text: oneLine(inv.number) },
        { text: oneLine(inv.client.name) },
        { text: formatMoney(inv.balance) },
        { text: lateness(inv.daysOverdue), paint: urgency(style, inv.daysOverdue) },
        { text: `due ${inv.dueOn}`, paint: style.dim },
      ]),
      width,
    );
  }

  if (reminders.length > 0) {
    out.push('', style.bold(`Reminders (${reminders.length})`));
    layout(
      out,
      style,
      reminders.map((r) => [
        { text: formatRef('reminder', r.id), paint: style.dim },
        { text: oneLine(r.client.name) },
        { text: lateness(r.daysOverdue), paint: urgency(style, r.daysOverdue) },
        { text: `${oneLine(r.text)} (${r.kind})` },
      ]),
      width,
    );
  }

  // One line per item (the tables cut their last column to fit); headings wrap.
  return out.map((line) => wrap(line, width)).join('\n') + '\n';
}
