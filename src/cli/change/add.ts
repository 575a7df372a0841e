// `crm change add`: record a change request, outside any logged conversation.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, findClient, need, noteIfInactive, printJson } from '../shared.js';
import { nullable, parseHours } from '../../domain/parse.js';
import { UsageError } from '../../domain/errors.js';
import { formatRef } from '../../domain/refs.js';
import { safeText } from '../../domain/text.js';
import { parsePastDate } from '../../domain/dates.js';
import { insertChange } from '../../db/events.js';
import { changeDto, ref } from '../../render/json.js';

export interface AddFlags {
  summary?: string;
  project?: string;
  on?: string;
  hours?: string;
  unbilled?: boolean;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('add').description('record a change request').argument('<client>', 'name, prefix or id')
      .option('--summary <text>', 'what the client wants changed (required)')
      .option('--project <name>', 'project')
      .option('--on <date>', 'date (default today)')
      .option('--hours <n>', 'estimated extra hours')
      .option('--unbilled', 'you are absorbing it without billing')
      .option('--json', 'print the change request as JSON'),
    ['crm change add acme --summary "New colour scheme" --hours 6 --unbilled'],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

export function run(ctx: Ctx, args: { client: string }, o: AddFlags): void {
  const today = ctx.today();
  const on = parsePastDate(o.on, today, '--on');
  const hours = o.hours === undefined ? null : parseHours(o.hours);
  const summary = need(o.summary, '--summary <text>');
  if (summary.trim() === '') throw new UsageError('--summary is empty; say what changed');
  const [client, rec] = ctx.write().write((db) => {
    const c = findClient(db, args.client);
    return [c, insertChange(db, { clientId: c.id, interactionId: null, summary, project: nullable(o.project), on, hours, unbilled: Boolean(o.unbilled) })] as const;
  });
  noteIfInactive(ctx, client);
  if (o.json) return printJson(ctx, changeDto(rec, ref(client.id, client.name)));
  ctx.io.out(`Recorded ${ctx.style.bold(formatRef('change', rec.id))} for ${safeText(client.name)}${rec.unbilled ? ' (unbilled)' : ''}\n`);
}
