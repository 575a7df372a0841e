// `crm client list`: list active clients, or all of them with --all.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson } from '../shared.js';
import { lastContacts, listClients } from '../../db/clients.js';
import { localDate } from '../../domain/dates.js';
import { clientDto } from '../../render/json.js';
import { renderClientList } from '../../render/clients.js';

export interface ListFlags {
  all?: boolean;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('list')
      .description('list active clients (all with --all)')
      .option('--all', 'include archived and fired clients')
      .option('--json', 'print JSON'),
    ['crm client list', 'crm client list --all --json'],
  ).action((o) => run(ctx, {}, o));
}

export function run(ctx: Ctx, _args: Record<string, never>, o: ListFlags): void {
  const db = ctx.read().db;
  const all = Boolean(o.all);
  const clients = listClients(db, { all });
  if (o.json) return printJson(ctx, clients.map(clientDto));
  const lastContact = new Map([...lastContacts(db)].map(([id, at]) => [id, localDate(at, ctx.zone())]));
  ctx.io.out(renderClientList(ctx.style, clients, lastContact, ctx.today(), all, ctx.io.columns));
}
