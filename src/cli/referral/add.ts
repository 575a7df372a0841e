// `crm referral add`: record a referral, outside any logged conversation.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, findClient, noteIfInactive, printJson } from '../shared.js';
import { nullable } from '../../domain/parse.js';
import { parsePastDate } from '../../domain/dates.js';
import { insertReferral } from '../../db/events.js';
import { ref, referralDto } from '../../render/json.js';

export interface AddFlags {
  note?: string;
  on?: string;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('add').description('record a referral').argument('<client>', 'name, prefix or id')
      .option('--note <text>', 'who they referred')
      .option('--on <date>', 'date (default today)')
      .option('--json', 'print the referral as JSON'),
    ['crm referral add acme --note "introduced us to Globex"'],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

export function run(ctx: Ctx, args: { client: string }, o: AddFlags): void {
  const today = ctx.today();
  const on = parsePastDate(o.on, today, '--on');
  const [client, rec] = ctx.write().write((db) => {
    const c = findClient(db, args.client);
    return [c, insertReferral(db, { clientId: c.id, interactionId: null, on, note: nullable(o.note) })] as const;
  });
  noteIfInactive(ctx, client);
  if (o.json) return printJson(ctx, referralDto(rec, ref(client.id, client.name)));
  ctx.io.out(`Referral #${rec.id} recorded for ${client.name} — thank them!\n`);
}
