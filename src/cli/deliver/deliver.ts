// `crm deliver`: record a delivery, and schedule a feedback request and a check-back after it.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, findClient, noteIfInactive, printJson } from '../shared.js';
import { nullable } from '../../domain/parse.js';
import { addDays, parsePastDate } from '../../domain/dates.js';
import { insertDelivery } from '../../db/events.js';
import { insertReminder } from '../../db/reminders.js';
import { deliveryDto, ref, reminderDto } from '../../render/json.js';
import { safeText } from '../../domain/text.js';
import { formatRef } from '../../domain/refs.js';

export interface DeliverFlags {
  project?: string;
  on?: string;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('deliver').description('record a delivery; schedules a feedback request and a check-back a month later')
      .argument('<client>', 'name, prefix or id')
      .option('--project <name>', 'what you delivered')
      .option('--on <date>', 'date delivered (default today)')
      .option('--json', 'print the delivery as JSON'),
    ['crm deliver acme --project "Website v2"'],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

export async function run(ctx: Ctx, args: { client: string }, o: DeliverFlags): Promise<void> {
  const today = ctx.today();
  const on = parsePastDate(o.on, today, '--on');
  const cfg = await ctx.config();
  const [client, rec, reminders] = ctx.write().write((db) => {
    const c = findClient(db, args.client);
    const d = insertDelivery(db, { clientId: c.id, project: nullable(o.project), on });
    const what = d.project ?? 'the delivery';
    const rs = [
      insertReminder(db, { clientId: c.id, deliveryId: d.id, on: addDays(on, cfg.feedbackAfterDays), kind: 'feedback', text: `Ask ${c.name} for feedback on ${what}` }),
      insertReminder(db, { clientId: c.id, deliveryId: d.id, on: addDays(on, cfg.checkBackAfterDays), kind: 'follow-up', text: `Check how ${what} landed with ${c.name}` }),
    ];
    return [c, d, rs] as const;
  });
  noteIfInactive(ctx, client);
  if (o.json) return printJson(ctx, { ...deliveryDto(rec, ref(client.id, client.name)), reminders: reminders.map(reminderDto) });
  ctx.io.out(`Recorded ${ctx.style.bold(formatRef('delivery', rec.id))} for ${safeText(client.name)}\n`);
  for (const r of reminders) ctx.io.out(`  ${formatRef('reminder', r.id)} on ${r.on}: ${safeText(r.text)}\n`);
}
