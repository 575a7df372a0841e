// `crm remind add`: add a reminder for a client: a follow-up, a feedback request or something personal.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, need, findClient, noteIfInactive, printJson } from '../shared.js';
import { oneOf } from '../../domain/parse.js';
import { UsageError } from '../../domain/errors.js';
import { parseFutureDate } from '../../domain/dates.js';
import { REMINDER_KINDS } from '../../domain/types.js';
import { formatRef } from '../../domain/refs.js';
import { safeText } from '../../domain/text.js';
import { insertReminder } from '../../db/reminders.js';
import { reminderDto } from '../../render/json.js';

export interface AddFlags {
  on?: string;
  text?: string;
  kind?: string;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('add').description('add a reminder').argument('<client>', 'name, prefix or id')
      .option('--on <date>', 'when: YYYY-MM-DD, tomorrow, +3d, +2w, +1m (required)')
      .option('--text <text>', 'what to do (required)')
      .option('--kind <kind>', 'follow-up, personal or feedback (default follow-up)')
      .option('--json', 'print the reminder as JSON'),
    ['crm remind add acme --on +1w --text "Ask how the trip to Japan went" --kind personal'],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

export function run(ctx: Ctx, args: { client: string }, o: AddFlags): void {
  const on = parseFutureDate(need(o.on, '--on <date>'), ctx.today(), '--on');
  const text = need(o.text, '--text <text>');
  const kind = o.kind === undefined ? 'follow-up' : oneOf(o.kind, REMINDER_KINDS, '--kind');
  if (text.trim() === '') throw new UsageError('--text is empty; say what to do');
  const [client, r] = ctx.write().write((db) => {
    const c = findClient(db, args.client);
    return [c, insertReminder(db, { clientId: c.id, on, kind, text })] as const;
  });
  noteIfInactive(ctx, client);
  if (o.json) return printJson(ctx, reminderDto(r));
  ctx.io.out(`Recorded ${ctx.style.bold(formatRef('reminder', r.id))} for ${safeText(r.clientName)} on ${r.on}\n`);
}
