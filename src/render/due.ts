// The human view of `crm due`: a DueReport -> a grouped, aligned string. Returns strings only;
// never prints, never reads the clock, never decides colour itself (the Style is passed in).
import type { DueReport } from '../domain/due.js';
import { formatMoney } from '../domain/money.js';
import { relativeDays } from '../domain/dates.js';
import { safeText } from '../domain/text.js';
import type { Style } from './style.js';
import { displayWidth, truncateToWidth } from './width.js';
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

/**
 * Stored names and texts are user input: line breaks would break a one-line-per-item layout, and
 * other control characters (ESC) could drive the terminal, so breaks become spaces and the rest
 * is made visible by safeText.
 */
export function oneLine(text: string): string {
  return safeText(text.replace(/[\r\n\t]+/g, ' ').trim());
}

/** "1,200.50 EUR". */
/** "every 7 days" / "every day". */
export function cadence(days: number): string {
  return days === 1 ? 'every day' : `every ${days} days`;
}

/** Left-aligned table cells: widths are measured before styling, so colour codes never skew them. */
function layout(rows: { text: string; paint?: (s: string) => string }[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell.text));
    });
  }
  return rows.map((row) => {
    const cells = row.map((cell, i) => {
      const last = i === row.length - 1;
      const pad = last ? '' : ' '.repeat((widths[i] ?? 0) - displayWidth(cell.text));
      return (cell.paint ? cell.paint(cell.text) : cell.text) + pad;
    });
    return (indent + cells.join('  ')).trimEnd();
  });
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
    out.push(
      ...layout(
        checkIns.map((c) => [
          { text: oneLine(c.client.name) },
          { text: lateness(c.daysOverdue), paint: urgency(style, c.daysOverdue) },
          {
            text: `${c.lastContact ? `last contact ${c.lastContact}` : 'never contacted'}, ${cadence(c.cadenceDays)}`,
            paint: style.dim,
          },
        ]),
      ),
    );
  }

  if (invoices.length > 0) {
    out.push('', style.bold(`Invoices to chase (${invoices.length})`));
    out.push(
      ...layout(
        invoices.map((inv) => [
          { text: oneLine(inv.number) },
          { text: oneLine(inv.client.name) },
          { text: formatMoney(inv.balance) },
          { text: lateness(inv.daysOverdue), paint: urgency(style, inv.daysOverdue) },
          { text: `due ${inv.dueOn}`, paint: style.dim },
        ]),
      ),
    );
  }

  if (reminders.length > 0) {
    out.push('', style.bold(`Reminders (${reminders.length})`));
    out.push(
      ...layout(
        reminders.map((r) => [
          { text: `#${r.id}`, paint: style.dim },
          { text: oneLine(r.client.name) },
          { text: lateness(r.daysOverdue), paint: urgency(style, r.daysOverdue) },
          { text: `${oneLine(r.text)} (${r.kind})` },
        ]),
      ),
    );
  }

  // One line per item, so a long one is cut rather than wrapped; headings wrap.
  return out.map((line) => (line.startsWith('  ') ? (displayWidth(line) > width ? truncateToWidth(line, width) : line) : wrap(line, width))).join('\n') + '\n';
}
