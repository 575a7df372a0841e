// `crm history <client>`: the client's timeline, newest first — every kind of record, one a line —
// with the date window, type filter and limit; voids and the audit trail with --all.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, findClient, printJson } from '../shared.js';
import { readHistory } from '../../db/history.js';
import { parseDate } from '../../domain/dates.js';
import { parseLimit } from '../../domain/parse.js';
import { HISTORY_TYPES, checkWindow, screenful, timeline, type HistoryQuery } from '../../domain/history.js';
import { parseTypes } from '../../domain/refs.js';
import { historyEntryDto, renderHistory } from '../../render/history.js';

interface Flags {
  since?: string;
  until?: string;
  type?: string;
  limit?: string;
  all?: boolean;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('history')
      .description("the client's timeline, newest first: conversations, invoices, payments, disputes, changes, incidents, …")
      .argument('<client>', 'name, prefix or id')
      .option('--since <date>', 'from this date (YYYY-MM-DD, yesterday, -3m, …)')
      .option('--until <date>', 'up to and including this date')
      .option('--type <types>', `only these kinds, comma-separated: ${HISTORY_TYPES.join(', ')}`)
      .option('--limit <n>', 'at most this many entries (default on a terminal: a screenful)')
      .option('--all', 'also void records, marked, and every record\'s corrections (the audit trail)')
      .option('--json', 'print JSON: an array of entries, each with ref, type, on, summary, voided, corrections, …'),
    [
      'crm history acme',
      'crm history acme --since -6m --type interaction,incident',
      'crm history acme --all --limit 100',
      'crm history acme --json | jq \'.[] | select(.type == "invoice")\'',
    ],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

export function run(ctx: Ctx, args: { client: string }, o: Flags): void {
  // Every flag is checked before the database is read: bad input exits 2 whatever the data.
  const today = ctx.today();
  const since = o.since === undefined ? null : parseDate(o.since, today, '--since');
  const until = o.until === undefined ? null : parseDate(o.until, today, '--until');
  checkWindow(since, until);
  const types = parseTypes(o.type, HISTORY_TYPES);
  const limit = o.limit !== undefined ? parseLimit(o.limit)
    : ctx.io.stdoutIsTTY && !o.json ? screenful(ctx.env.LINES) : Infinity;
  const query: HistoryQuery = { since, until, types, all: Boolean(o.all) };

  const db = ctx.read().db;
  const client = findClient(db, args.client);
  const zone = ctx.zone();
  const read = readHistory(db, client.id, query, zone, limit);
  const entries = timeline(read.entries, query);
  const shown = entries.slice(0, limit);
  if (o.json) {
    const who = { id: client.id, name: client.name };
    return printJson(ctx, shown.map((e) => historyEntryDto(e, who, zone)));
  }
  const filters = [
    since !== null && `since ${since}`, until !== null && `until ${until}`, types !== null && `type ${types.join(',')}`,
  ].filter((f): f is string => typeof f === 'string');
  ctx.io.out(renderHistory(ctx.style, {
    client: { name: client.name, status: client.status, statusOn: client.statusOn },
    entries: shown, more: (read.total ?? entries.length) - shown.length, all: query.all, filters, width: ctx.io.columns, zone,
  }));
}
