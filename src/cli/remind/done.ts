// `crm remind done`: mark a reminder done.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson, written } from '../shared.js';
import { findOpenReminder } from './find.js';
import { getReminder, markReminderDone } from '../../db/reminders.js';
import { reminderDto } from '../../render/json.js';
import { safeText } from '../../domain/text.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('done').description('mark a reminder done').argument('<id>', 'reminder id (8 or reminder:8)').option('--json', 'print the reminder as JSON'),
    ['crm remind done 4'],
  ).action((id, o) => run(ctx, { id }, o));
}

export function run(ctx: Ctx, args: { id: string }, o: { json?: boolean }): void {
  const r = ctx.write().write((db) => {
    const found = findOpenReminder(db, args.id);
    markReminderDone(db, found.id, ctx.today());
    return written(getReminder(db, found.id), `reminder #${found.id}`);
  });
  if (o.json) return printJson(ctx, reminderDto(r));
  ctx.io.out(`Done: #${r.id} ${safeText(r.text)}\n`);
}
