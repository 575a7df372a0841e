// `crm log`: record a conversation. Flags build a LogPlan (domain/log-plan.ts); on a terminal with
// no --summary the wizard fills it in instead. One transaction either way, then a recap.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, findClient, noteIfInactive, planClock, printJson } from '../shared.js';
import { UsageError } from '../../domain/errors.js';
import { planLog, type LogAnswers, type LogPlan } from '../../domain/log-plan.js';
import { recordLog } from '../../db/log.js';
import { getClient } from '../../db/clients.js';
import { formatRef } from '../../domain/refs.js';
import { changeDto, disputeDto, incidentDto, interactionDto, referralDto, reminderDto, ref } from '../../render/json.js';
import { alsoRecorded, renderRecap } from '../../render/recap.js';

export interface LogFlags extends LogAnswers {
  recap?: boolean;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('log')
      .description('record a call, email or meeting, and print a recap to paste into an email')
      .argument('[client]', 'name, prefix or id (asked for on a terminal)')
      .option('--at <datetime>', "when it happened: now (default), 15:00, 'yesterday 15:00', 2026-11-20 14:30")
      .option('--channel <channel>', "email, phone, video, in-person or chat (default: the client's preferred)")
      .option('--direction <dir>', 'in = the client reached out, out = you did (default out)')
      .option('--summary <text>', "what was discussed ('-' reads stdin)")
      .option('--mood <mood>', 'positive, neutral or negative')
      .option('--follow-up <date>', 'create a follow-up reminder on this date')
      .option('--next <text>', 'the agreed next step (with --follow-up it is the reminder text)')
      .option('--owner <who>', 'who owns the next step: me, client or both (default me)')
      .option('--no-recap', 'do not print the recap')
      .option('--json', 'print the recorded interaction, and what was recorded with it, as JSON'),
    [
      'crm log acme --channel phone --summary "Kick-off: scope and timeline" --mood positive',
      'crm log acme --direction in --summary "Asked for a quote" --follow-up +2d --next "Send the quote"',
      'crm log            # on a terminal: the interactive wizard',
    ],
  ).action((clientRef, o) => run(ctx, { client: clientRef }, o));
}

/** From flags alone: refuses a conversation with nothing said, which would still reset the check-in clock. */
async function planFromFlags(ctx: Ctx, clientRef: string | undefined, o: LogFlags): Promise<{ plan: LogPlan; clientName: string }> {
  if (clientRef === undefined) throw new UsageError('missing <client>: name the client, e.g. crm log acme --summary "…"');
  const client = findClient(ctx.read().db, clientRef);
  const plan = planLog(planClock(ctx), client.id, client.channel, { ...o, summary: await ctx.text(o.summary, '--summary') });
  if (plan.interaction.summary === null) {
    throw new UsageError(
      o.summary === undefined
        ? 'missing required option --summary <text> (not a terminal, so crm cannot ask for it)'
        : `--summary is empty${o.summary === '-' ? ' (nothing came on standard input)' : ''}; say what was discussed`,
    );
  }
  return { plan, clientName: client.name };
}

export async function run(ctx: Ctx, args: { client?: string | undefined }, o: LogFlags): Promise<void> {
  const interactive = ctx.io.stdinIsTTY && ctx.io.stdoutIsTTY && o.summary === undefined;
  const { plan, clientName } = interactive
    ? await (await import('./wizard.js')).runLogWizard(ctx, args.client, o)
    : await planFromFlags(ctx, args.client, o);
  const store = ctx.write();
  const result = store.write((db) => recordLog(db, plan));
  const recorded = getClient(store.db, result.clientId);
  if (recorded) noteIfInactive(ctx, recorded);
  if (o.json) {
    const client = ref(result.clientId, clientName);
    return printJson(ctx, {
      ...interactionDto(result.interaction, client, ctx.zone()),
      reminder: result.reminder ? reminderDto(result.reminder) : null,
      changes: result.changes.map((c) => changeDto(c, client)),
      incidents: result.incidents.map((i) => incidentDto(i, client, ctx.zone())),
      disputes: result.disputes.map(disputeDto),
      referrals: result.referrals.map((r) => referralDto(r, client)),
    });
  }
  const s = ctx.style;
  if (plan.newClient) ctx.io.out(`Added client #${result.clientId} ${s.bold(clientName)}\n`);
  ctx.io.out(`Logged ${s.bold(formatRef('interaction', result.interaction.id))} with ${s.bold(clientName)}${alsoRecorded(result)}` +
    (result.reminder ? `; follow-up ${formatRef('reminder', result.reminder.id)} on ${result.reminder.on}` : '') + '\n');
  if (o.recap !== false) ctx.io.out('\n' + renderRecap(clientName, result.interaction, result.changes, ctx.zone()));
}
