// Human view of invoices. Returns strings; never prints.

import type { Invoice } from '../domain/records.js';
import { type Style } from './style.js';
import { clip, table } from './table.js';
import { formatMoney } from '../domain/money.js';
import { daysBetween } from '../domain/dates.js';
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
  // Totals of the invoices listed (so the filters apply), one row per currency, under the columns they sum.
  const totals = currencyTotals(invoices).map((t) => [
    style.bold('Total'), `${t.count} invoice${t.count === 1 ? '' : 's'}`, '', style.bold(formatMoney(t.amount, t.currency)),
    style.bold(t.balance > 0 ? formatMoney(t.balance, t.currency) : '—'), '', '', '',
  ]);
  return table(style, ['NUMBER', 'CLIENT', 'PROJECT', 'AMOUNT', 'BALANCE', 'ISSUED', 'DUE', 'STATUS'], [...rows, [], ...totals], { styled: true, width, flex: [2, 1], drop: [5, 3, 6] });
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
