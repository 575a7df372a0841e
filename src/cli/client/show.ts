// `crm client show`: a client's details, status history and counts of everything recorded.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, findClient, printJson } from '../shared.js';
import { clientActivity, statusHistory } from '../../db/clients.js';
import { eventCounts } from '../../db/events.js';
import { listInvoices } from '../../db/invoices.js';
import { sumByCurrency } from '../../domain/money.js';
import { localDate } from '../../domain/dates.js';
import { clientDto } from '../../render/json.js';
import { renderClientShow } from '../../render/clients.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('show').description("show a client's details and history counts").argument('<client>', 'name, prefix or id').option('--json', 'print JSON'),
    ['crm client show acme', 'crm client show 3 --json'],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

export function run(ctx: Ctx, args: { client: string }, o: { json?: boolean }): void {
  const db = ctx.read().db;
  const c = findClient(db, args.client);
  const activity = clientActivity(db, c.id);
  const open = listInvoices(db, { clientId: c.id, open: true });
  const detail = {
    client: c,
    lastContact: activity.lastContactAt ? localDate(activity.lastContactAt, ctx.zone()) : null,
    counts: eventCounts(db, c.id),
    openBalance: sumByCurrency(open.map((i) => ({ amount: i.balance, currency: i.currency }))),
    openReminders: activity.openReminders,
    statusHistory: statusHistory(db, c.id),
  };
  if (o.json) {
    return printJson(ctx, {
      ...clientDto(c),
      stats: {
        lastContact: detail.lastContact,
        ...detail.counts,
        openBalance: detail.openBalance,
        openReminders: detail.openReminders,
      },
      statusHistory: detail.statusHistory,
    });
  }
  ctx.io.out(renderClientShow(ctx.style, detail, ctx.today(), ctx.io.columns));
}
