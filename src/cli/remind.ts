// `crm remind add|done|snooze|list`: reminders to follow up, ask for feedback, or ask about something personal.
import type { Reminder } from '../domain/records.js';
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from './context.js';
import { type AnyCommand, examples, need, findClient, noteIfInactive, oneOf, parseId, printJson } from './shared.js';
import { UsageError, quote } from '../domain/errors.js';
import { parseDate, parseFutureDate } from '../domain/dates.js';
import { REMINDER_KINDS } from '../domain/types.js';
import { getReminder, insertReminder, listReminders, markReminderDone, snoozeReminder } from '../db/reminders.js';
import type { DB } from '../db/store.js';
import { reminderDto } from '../render/json.js';
import { renderReminderList } from '../render/reminders.js';
import { safeText } from '../domain/text.js';

export function findReminder(db: DB, idText: string): Reminder {
  const id = parseId(idText, 'reminder id');
  const r = getReminder(db, id);
  if (!r) throw new UsageError(`no reminder #${id} (crm remind list --all shows them)`);
  return r;
}

export function remindCommand(ctx: Ctx): AnyCommand {
  const remind = examples(new Command('remind').description('reminders: follow-ups, feedback requests, personal things to ask about'), [
    'crm remind add acme --on +1w --text "Ask how the launch went"',
    'crm remind list',
    'crm remind done 4',
  ]);
  const say = (text: string): void => ctx.io.out(text + '\n');

  examples(
    remind.command('add').description('add a reminder').argument('<client>', 'name, prefix or id')
      .option('--on <date>', 'when: YYYY-MM-DD, tomorrow, +3d, +2w, +1m (required)')
      .option('--text <text>', 'what to do (required)')
      .option('--kind <kind>', 'follow-up, personal or feedback (default follow-up)')
      .option('--json', 'print the reminder as JSON'),
    ['crm remind add acme --on +1w --text "Ask how the trip to Japan went" --kind personal'],
  ).action((clientRef, o) => {
    const on = parseFutureDate(need(o.on, '--on <date>'), ctx.today(), '--on');
    const text = need(o.text, '--text <text>');
    const kind = o.kind === undefined ? 'follow-up' : oneOf(o.kind, REMINDER_KINDS, '--kind');
    if (text.trim() === '') throw new UsageError('--text is empty; say what to do');
    const [client, r] = ctx.write().write((db) => {
      const c = findClient(db, clientRef);
      return [c, insertReminder(db, { clientId: c.id, on, kind, text })] as const;
    });
    noteIfInactive(ctx, client);
    if (o.json) return printJson(ctx, reminderDto(r));
    say(`Reminder #${r.id} for ${r.clientName} on ${r.on}`);
  });

  examples(
    remind.command('done').description('mark a reminder done').argument('<id>', 'reminder id').option('--json', 'print the reminder as JSON'),
    ['crm remind done 4'],
  ).action((idText, o) => {
    const r = ctx.write().write((db) => {
      const found = findReminder(db, idText);
      if (found.doneOn) throw new UsageError(`reminder #${found.id} is already done (on ${found.doneOn})`);
      markReminderDone(db, found.id, ctx.today());
      return getReminder(db, found.id)!;
    });
    if (o.json) return printJson(ctx, reminderDto(r));
    say(`Done: #${r.id} ${safeText(r.text)}`);
  });

  examples(
    remind.command('snooze').description('move a reminder to a later date').argument('<id>', 'reminder id')
      .option('--until <date>', 'new date: YYYY-MM-DD, tomorrow, +3d, +1w (required)')
      .option('--json', 'print the reminder as JSON'),
    ['crm remind snooze 4 --until +1w'],
  ).action((idText, o) => {
    const today = ctx.today();
    const untilText = need(o.until, '--until <date>');
    const until = parseDate(untilText, today, '--until');
    // Snoozing into the past or to today would leave it due: that is not what anyone means.
    if (until <= today) throw new UsageError(`--until ${quote(untilText)} is not after today (${today}); snooze to a later date`);
    const r = ctx.write().write((db) => {
      const found = findReminder(db, idText);
      if (found.doneOn) throw new UsageError(`reminder #${found.id} is already done (on ${found.doneOn})`);
      snoozeReminder(db, found.id, until);
      return getReminder(db, found.id)!;
    });
    if (o.json) return printJson(ctx, reminderDto(r));
    say(`Snoozed: #${r.id} ${safeText(r.text)} until ${r.on}`);
  });

  examples(
    remind.command('list').description('list open reminders (all with --all)').option('--all', 'include done reminders').option('--json', 'print JSON'),
    ['crm remind list', 'crm remind list --all --json'],
  ).action((o) => {
    const rows = listReminders(ctx.read().db, { all: Boolean(o.all) });
    if (o.json) return printJson(ctx, rows.map(reminderDto));
    ctx.io.out(renderReminderList(ctx.style, rows, ctx.today(), Boolean(o.all)));
  });
  return remind;
}
