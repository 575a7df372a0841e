// Human views of clients: the list and the detail card. Returns strings; never prints.

import type { Client } from '../domain/records.js';
import { type Style } from './style.js';
import { safeText } from '../domain/text.js';
import { clip, table } from './table.js';
import { hanging, wrap } from './fit.js';
import { daysBetween, relativeDays } from '../domain/dates.js';
import { formatMoney } from '../domain/money.js';
import type { DateStr, Money } from '../domain/types.js';

const ago = (date: DateStr, today: DateStr): string => relativeDays(daysBetween(date, today));

const statusMark = (style: Style, c: Client): string =>
  c.status === 'fired' ? style.red('fired') : c.status === 'archived' ? style.dim('archived') : 'active';

export function renderClientList(
  style: Style,
  clients: Client[],
  /** Local calendar date of each client's latest interaction. */
  lastContact: Map<number, DateStr>,
  today: DateStr,
  all: boolean,
  /** The terminal's width: the widest columns shrink to fit it. */
  width = Infinity,
): string {
  if (clients.length === 0) {
    return all ? 'No clients yet. Add one: crm client add "Acme Corp"\n' : 'No active clients. Add one with crm client add NAME, or see all with --all.\n';
  }
  const rows = clients.map((c) => {
    const at = lastContact.get(c.id);
    return [
      String(c.id),
      clip(c.name, 30),
      clip(c.company, 24),
      `${c.cadenceDays}d`,
      at ? ago(at, today) : style.dim('never'),
      statusMark(style, c),
    ];
  });
  return table(style, ['ID', 'NAME', 'COMPANY', 'CHECK-IN', 'LAST CONTACT', 'STATUS'], rows, { styled: true, width, flex: [2, 1], drop: [2, 3] });
}

export interface ClientDetail {
  client: Client;
  /** Local calendar date of the latest interaction. */
  lastContact: DateStr | null;
  counts: Record<string, number>;
  openBalance: Money[];
  openReminders: number;
  /** Status changes, oldest first. */
  statusHistory: { status: string; on: DateStr; reason: string | null }[];
}

/** The detail card; values wrap under themselves, the note under the card, to fit `width`. */
export function renderClientShow(style: Style, d: ClientDetail, today: DateStr, width = Infinity): string {
  const c = d.client;
  const line = (label: string, value: string | null | undefined): string =>
    value ? `${hanging(style.dim(label.padEnd(14)), value, width)}\n` : '';
  let out = wrap(`${style.bold(safeText(c.name))}  ${style.dim(`#${c.id}`)}  ${statusMark(style, c)}`, width) + '\n';
  out += line('company', c.company && safeText(c.company));
  out += line('email', c.email && safeText(c.email));
  out += line('phone', c.phone && safeText(c.phone));
  out += line('prefers', c.channel);
  out += line('time zone', c.timezone);
  out += line('check in', `every ${c.cadenceDays} days`);
  out += line('client since', `${c.createdOn} (${ago(c.createdOn, today)})`);
  const last = d.lastContact;
  out += line('last contact', last ? `${last} (${ago(last, today)})` : 'never');
  for (const [k, h] of d.statusHistory.entries()) {
    out += line(k === 0 ? 'status' : '', `${h.on} ${h.status === 'active' ? 'reactivated' : h.status}${h.reason ? ' — ' + safeText(h.reason) : ''}`);
  }
  const k = d.counts;
  out += line(
    'history',
    `${k.interactions ?? 0} interactions, ${k.invoices ?? 0} invoices, ${k.changeRequests ?? 0} change requests, ` +
      `${k.incidents ?? 0} incidents, ${k.referrals ?? 0} referrals, ${k.deliveries ?? 0} deliveries`,
  );
  out += line('owes you', d.openBalance.length ? d.openBalance.map(formatMoney).join(', ') : 'nothing');
  out += line('reminders', d.openReminders ? `${d.openReminders} open` : null);
  if (c.note) out += `\n${wrap(safeText(c.note), width)}\n`;
  return out;
}
