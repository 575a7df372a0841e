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
  return table(style, ['NUMBER', 'CLIENT', 'PROJECT', 'AMOUNT', 'BALANCE', 'ISSUED', 'DUE', 'STATUS'], rows, { styled: true, width, flex: [2, 1], drop: [5, 3, 6] });
}
