// `crm due [--within DAYS] [--json | --cron | --ics]`: what needs attention now. A thin adapter:
// flags -> db/due (rows) -> domain/due (decide) -> render. Only reads; never creates a database.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson } from '../shared.js';
import { UsageError } from '../../domain/errors.js';
import { parseDuration } from '../../domain/dates.js';
import { computeDue } from '../../domain/due.js';
import { readDueInput } from '../../db/due.js';
import { renderDue } from '../../render/due.js';
import { renderDigest } from '../../render/digest.js';
import { renderIcs } from '../../render/ics.js';
import { dueDto } from '../../render/json.js';

export interface DueFlags {
  within?: string;
  json?: true;
  cron?: true;
  ics?: true;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('due')
      .description('what needs attention: check-ins, overdue invoices to chase, reminders')
      .option('--within <days>', 'also list what falls due in the next DAYS days (10d, 2w, 1m or a number)')
      .option('--json', 'print JSON')
      .option('--cron', 'plain-text digest for cron mail; prints nothing when nothing is due')
      .option('--ics', 'write an iCalendar (.ics) file to stdout: one all-day event per item'),
    ['crm due', 'crm due --within 1w', 'crm due --cron', 'crm due --within 2w --ics > ~/crm-due.ics'],
  ).action((o) => run(ctx, {}, o));
}

export function run(ctx: Ctx, _args: Record<string, never>, o: DueFlags): void {
  const formats = (['json', 'cron', 'ics'] as const).filter((f) => o[f]);
  if (formats.length > 1) throw new UsageError(`--${formats.join(' and --')} cannot be used together; pick one`);
  const within = o.within === undefined ? 0 : parseDuration(o.within, '--within');
  const today = ctx.today();
  const report = computeDue(readDueInput(ctx.read().db, { today, within, zone: ctx.zone() }), { today, within });

  if (o.json) return printJson(ctx, dueDto(report));
  if (o.cron) return ctx.io.out(renderDigest(report, { within }));
  if (o.ics) return ctx.io.out(renderIcs(report, { now: ctx.now().toISOString() }));
  ctx.io.out(renderDue(report, { style: ctx.style, within, width: ctx.io.columns }));
}
