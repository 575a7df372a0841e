// `crm remind snooze`: move an open reminder to a later date.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, need, printJson, written } from '../shared.js';
import { findOpenReminder } from './find.js';
import { UsageError, quote } from '../../domain/errors.js';
import { parseDate } from '../../domain/dates.js';
import { getReminder, snoozeReminder } from '../../db/reminders.js';
import { reminderDto } from '../../render/json.js';
import { safeText } from '../../domain/text.js';

export interface SnoozeFlags {
  until?: string;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('snooze').description('move a reminder to a later date').argument('<id>', 'reminder id (8 or reminder:8)')
      .option('--until <date>', 'new date: YYYY-MM-DD, tomorrow, +3d, +1w (required)')
      .option('--json', 'print the reminder as JSON'),
    ['crm remind snooze 4 --until +1w'],
  ).action((id, o) => run(ctx, { id }, o));
}

export function run(ctx: Ctx, args: { id: string }, o: SnoozeFlags): void {
  const today = ctx.today();
  const untilText = need(o.until, '--until <date>');
  const until = parseDate(untilText, today, '--until');
  // Snoozing into the past or to today would leave it due: that is not what anyone means.
  if (until <= today) throw new UsageError(`--until ${quote(untilText)} is not after today (${today}); snooze to a later date`);
  const r = ctx.write().write((db) => {
    const found = findOpenReminder(db, args.id);
    snoozeReminder(db, found.id, until);
    return written(getReminder(db, found.id), `reminder #${found.id}`);
  });
  if (o.json) return printJson(ctx, reminderDto(r));
  ctx.io.out(`Snoozed: #${r.id} ${safeText(r.text)} until ${r.on}\n`);
}
