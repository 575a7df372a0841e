// `crm remind list`: list open reminders, or all of them with --all.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson } from '../shared.js';
import { listReminders } from '../../db/reminders.js';
import { reminderDto } from '../../render/json.js';
import { renderReminderList } from '../../render/reminders.js';

export interface ListFlags {
  all?: boolean;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('list').description('list open reminders (all with --all)').option('--all', 'include done reminders').option('--json', 'print JSON'),
    ['crm remind list', 'crm remind list --all --json'],
  ).action((o) => run(ctx, {}, o));
}

export function run(ctx: Ctx, _args: Record<string, never>, o: ListFlags): void {
  const rows = listReminders(ctx.read().db, { all: Boolean(o.all) });
  if (o.json) return printJson(ctx, rows.map(reminderDto));
  ctx.io.out(renderReminderList(ctx.style, rows, ctx.today(), Boolean(o.all), ctx.io.columns));
}
