// `crm client add|list|show|edit|archive|fire`: thin adapters from flags to the clients repo.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from './context.js';
import { type AnyCommand, examples, noteFrom, findClient, printJson } from './shared.js';
import { clientValues, type ClientFlags } from '../domain/client-input.js';
import { UsageError, CrmError, quote } from '../domain/errors.js';
import {
  findByNameKey, getClient, insertClient, lastContacts, listClients, statusHistory, updateClient, clientActivity,
} from '../db/clients.js';
import { eventCounts } from '../db/events.js';
import { listInvoices } from '../db/invoices.js';
import { sumByCurrency } from '../domain/money.js';
import { localDate } from '../domain/dates.js';
import { clientDto } from '../render/json.js';
import { statusCommands } from './client-status.js';
import { renderClientList, renderClientShow } from '../render/clients.js';
import type { DB } from '../db/store.js';

function addFieldOptions<T extends AnyCommand>(cmd: T): T {
  return cmd
    .option('--email <email>', 'email address')
    .option('--phone <phone>', 'phone number')
    .option('--company <company>', 'company name')
    .option('--channel <channel>', 'preferred channel: email, phone, video, in-person, chat')
    .option('--cadence <duration>', 'how often to check in: 10d, 2w, 1m (30 days) or days')
    .option('--timezone <zone>', "the client's IANA time zone, e.g. Europe/Oslo")
    .option('--note <text>', "a note about the client ('-' reads it from stdin)")
    .option('--note-file <file>', 'read the note from a file') as T;
}

/** The flags `client edit` can change (each `--<key>`). */
const EDITABLE = ['name', 'email', 'phone', 'company', 'channel', 'cadence', 'timezone', 'note'] as const;

function assertNameFree(db: DB, key: string, name: string, exceptId?: number): void {
  const other = findByNameKey(db, key);
  if (other && other.id !== exceptId) {
    throw new UsageError(`a client named ${quote(other.name)} already exists (#${other.id}); names are unique regardless of case`);
  }
}

export function clientCommand(ctx: Ctx): AnyCommand {
  const client = examples(new Command('client').description('add, list, show, edit, archive or fire clients'), [
    'crm client add "Acme Corp" --cadence 2w',
    'crm client list --all',
    'crm client show acme',
  ]);

  examples(
    addFieldOptions(
      client.command('add').description('add a client').argument('<name>', 'the client name (unique, case-insensitive)'),
    ).option('--json', 'print the new client as JSON'),
    ['crm client add "Acme Corp" --email ops@acme.test --cadence 2w', 'crm client add "Zoë Lund" --channel phone --timezone Europe/Oslo'],
  ).action(async (name, o) => {
    const f = o as typeof o & ClientFlags & { noteFile?: string };
    const note = await noteFrom(ctx, f);
    const values = clientValues({ ...f, name, note }, {
      name, email: null, phone: null, company: null, channel: null,
      cadenceDays: (await ctx.config()).cadenceDays, timezone: null, note: null,
    });
    const store = ctx.write();
    const created = store.write((db) => {
      assertNameFree(db, values.nameKey, values.name);
      return insertClient(db, values, ctx.today());
    });
    if (o.json) return printJson(ctx, clientDto(created));
    ctx.io.out(`Added client #${created.id} ${ctx.style.bold(created.name)} (check in every ${created.cadenceDays} days)\n`);
  });

  examples(
    client
      .command('list')
      .description('list active clients (all with --all)')
      .option('--all', 'include archived and fired clients')
      .option('--json', 'print JSON'),
    ['crm client list', 'crm client list --all --json'],
  ).action((o) => {
    const db = ctx.read().db;
    const clients = listClients(db, { all: Boolean(o.all) });
    if (o.json) return printJson(ctx, clients.map(clientDto));
    ctx.io.out(renderClientList(ctx.style, clients, new Map([...lastContacts(db)].map(([id, at]) => [id, localDate(at, ctx.zone())])), ctx.today(), Boolean(o.all)));
  });

  examples(
    client.command('show').description("show a client's details and history counts").argument('<client>', 'name, prefix or id').option('--json', 'print JSON'),
    ['crm client show acme', 'crm client show 3 --json'],
  ).action((ref, o) => {
    const db = ctx.read().db;
    const c = findClient(db, ref);
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
    ctx.io.out(renderClientShow(ctx.style, detail, ctx.today()));
  });

  examples(
    addFieldOptions(
      client.command('edit').description("change a client's details").argument('<client>', 'name, prefix or id'),
    )
      .option('--name <name>', 'rename the client')
      .option('--json', 'print the changed client as JSON'),
    ['crm client edit acme --cadence 1m', 'crm client edit acme --name "Acme Industries" --email ""'],
  ).action(async (ref, o) => {
    const f = o as typeof o & ClientFlags & { noteFile?: string };
    const given = EDITABLE.filter((k) => f[k] !== undefined || (k === 'note' && f.noteFile !== undefined));
    if (given.length === 0) {
      throw new UsageError(`nothing to change; give at least one of ${EDITABLE.map((k) => `--${k}`).join(', ')}`);
    }
    const note = await noteFrom(ctx, f);
    const store = ctx.write();
    const updated = store.write((db) => {
      const c = findClient(db, ref);
      const values = clientValues({ ...f, note }, c);
      if (EDITABLE.every((k) => (k === 'cadence' ? values.cadenceDays === c.cadenceDays : values[k] === c[k]))) {
        throw new UsageError(`nothing to change: ${quote(c.name)} already has ${given.length === 1 ? 'that value' : 'those values'}`);
      }
      assertNameFree(db, values.nameKey, values.name, c.id);
      if (!updateClient(db, c.id, c.revision, values)) {
        throw new CrmError(`client #${c.id} was changed by another crm while editing; nothing was written, try again`);
      }
      return getClient(db, c.id)!;
    });
    if (o.json) return printJson(ctx, clientDto(updated));
    ctx.io.out(`Updated client #${updated.id} ${ctx.style.bold(updated.name)}\n`);
  });

  statusCommands(ctx, client);
  return client;
}
