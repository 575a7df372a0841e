// `crm recap`: reprint the recap of the last conversation with a client, for pasting into an email.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, findClient, printJson } from '../shared.js';
import { changesOfInteraction, lastInteraction } from '../../db/events.js';
import { changeDto, interactionDto, ref } from '../../render/json.js';
import { renderRecap } from '../../render/recap.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('recap')
      .description('reprint the recap of the last conversation with a client')
      .argument('<client>', 'name, prefix or id')
      .option('--json', 'print JSON: the client, the interaction, its change requests and the recap text'),
    ['crm recap acme | pbcopy', 'crm recap acme --json'],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

export function run(ctx: Ctx, args: { client: string }, o: { json?: boolean }): void {
  const db = ctx.read().db;
  const client = findClient(db, args.client);
  const last = lastInteraction(db, client.id);
  const changes = last ? changesOfInteraction(db, last.id) : [];
  const text = last ? renderRecap(client.name, last, changes, ctx.zone()) : null;
  if (o.json) {
    // Nothing logged yet is an empty result, not an error: interaction and text are null.
    const who = ref(client.id, client.name);
    return printJson(ctx, {
      client: who,
      interaction: last ? interactionDto(last, who, ctx.zone()) : null,
      changeRequests: changes.map((c) => changeDto(c, who)),
      text,
    });
  }
  ctx.io.out(text ?? `Nothing logged with ${client.name} yet.\n`);
}
