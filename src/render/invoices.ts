// Human view of invoices. Returns strings; never prints.

import type { Invoice } from '../domain/records.js';
import { type Style } from './style.js';
import { clip, table } from './table.js';
import { formatMoney } from '../domain/money.js';
import { daysBetween } from '../domain/dates.js';
import { alignRight, bare, cash } from './reports.js';
import type { DateStr } from '../domain/types.js';

/** `width`: the terminal's; the widest columns shrink to fit it. */
export function renderInvoiceList(style: Style, invoices: Invoice[], today: DateStr, width = Infinity): string {
  if (invoices.length === 0) return 'No invoices.\n';
  const rows = invoices.map((i) => {
    const late = i.balance > 0 && i.dueOn < today ? daysBetween(i.dueOn, today) : 0;
    const status =
      i.status === 'paid' ? style.green('paid')
      : i.status === 'disputed' ? style.yellow('disputed')
      : i.status === 'written-off' ? style.dim('written off')
      : late > 0 ? style.red(`${late}d overdue`) : 'open';
    return [
      clip(i.number, 16), clip(i.clientName, 24), clip(i.project, 20), formatMoney(i.amount, i.currency),
      i.balance > 0 ? formatMoney(i.balance, i.currency) : '—', i.issuedOn, i.dueOn, status,
    ];
  });
  // A PROJECT column with nothing in it is the first to go on a narrow terminal, before NUMBER or CLIENT is cut.
  const noProjects = invoices.every((i) => !i.project);
  const list = table(style, ['NUMBER', 'CLIENT', 'PROJECT', 'AMOUNT', 'BALANCE', 'ISSUED', 'DUE', 'STATUS'], rows,
    { styled: true, width, flex: [2, 1], drop: noProjects ? [2, 5, 3, 6] : [5, 3, 6] });
  // Totals of the invoices listed (so the filters apply), per currency, in a table of their own: on a
  // narrow terminal the list drops its AMOUNT column, but what was invoiced still shows here.
  const head = ['TOTAL', 'INVOICES', 'INVOICED', 'OUTSTANDING'];
  const totals = currencyTotals(invoices).map((t) => [t.currency, String(t.count), bare({ amount: t.amount, currency: t.currency }), cash({ amount: t.balance, currency: t.currency })]);
  alignRight(head, totals, [1, 2, 3]);
  return `${list}\n${table(style, head, totals, { width })}`;
}

/** Per currency, by code: how many invoices, the amount invoiced, and the balance still outstanding. */
function currencyTotals(invoices: Invoice[]): { currency: string; count: number; amount: number; balance: number }[] {
  const by = new Map<string, { currency: string; count: number; amount: number; balance: number }>();
  for (const i of invoices) {
    const t = by.get(i.currency) ?? { currency: i.currency, count: 0, amount: 0, balance: 0 };
    t.count++;
    t.amount += i.amount;
    t.balance += Math.max(0, i.balance);
    by.set(i.currency, t);
  }
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
