// `crm log` (record a conversation) and `crm recap` (reprint the last recap). Flags build a
// LogPlan; on a terminal with no --summary the wizard fills it in instead. One transaction either way.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from './context.js';
import { type AnyCommand, examples, findClient, noteIfInactive, nullable, optOneOf, printJson } from './shared.js';
import { UsageError } from '../domain/errors.js';
import { parseFutureDate, parsePastDateTime } from '../domain/dates.js';
import { CHANNELS, DIRECTIONS, MOODS, NEXT_OWNERS } from '../domain/types.js';
import { recordLog, type LogPlan, type LogResult } from '../db/log.js';
import { getClient } from '../db/clients.js';
import { changesOfInteraction, lastInteraction } from '../db/events.js';
import { changeDto, interactionDto, reminderDto, ref } from '../render/json.js';
import { renderRecap } from '../render/recap.js';

export interface LogFlags {
  at?: string;
  channel?: string;
  direction?: string;
  summary?: string;
  mood?: string;
  followUp?: string;
  next?: string;
  owner?: string;
}

/** Build the interaction part of a plan from flags (all validated here). */
export async function planFromFlags(ctx: Ctx, clientId: number, defaultChannel: string | null, o: LogFlags): Promise<LogPlan> {
  return planFromAnswers(ctx, clientId, defaultChannel, { ...o, summary: await ctx.text(o.summary, '--summary') });
}

/**
 * The same, from values already in hand (flags with --summary read, or the wizard's answers), so the
 * defaults and the follow-up rule are one piece of code: --follow-up with --next makes a reminder
 * with that text, --follow-up alone "Follow up: <summary>", --next alone no reminder.
 */
export function planFromAnswers(ctx: Ctx, clientId: number, defaultChannel: string | null, o: LogFlags): LogPlan {
  const now = ctx.now();
  const today = ctx.today();
  const summary = nullable(o.summary);
  const followUpOn = o.followUp === undefined ? null : parseFutureDate(o.followUp, today, '--follow-up');
  const nextStep = nullable(o.next);
  return {
    clientId,
    interaction: {
      at: o.at === undefined ? now.toISOString() : parsePastDateTime(o.at, now, ctx.zone(), '--at'),
      channel: optOneOf(o.channel, CHANNELS, '--channel') ?? (defaultChannel as LogPlan['interaction']['channel']),
      direction: optOneOf(o.direction, DIRECTIONS, '--direction') ?? 'out',
      summary,
      mood: optOneOf(o.mood, MOODS, '--mood'),
      nextStep,
      nextOwner: nextStep === null ? null : optOneOf(o.owner, NEXT_OWNERS, '--owner') ?? 'me',
      followUpOn,
      recordedAt: now.toISOString(),
    },
    followUp: followUpOn === null ? null : { on: followUpOn, text: nextStep ?? `Follow up: ${summary ?? 'check in'}` },
    incidents: [],
    changes: [],
    disputes: [],
    referrals: [],
  };
}

/** " (with 1 change request, 2 incidents)" for what the wizard recorded besides the conversation. */
function alsoRecorded(r: LogResult): string {
  const n = (count: number, one: string, many: string): string | null => (count === 0 ? null : `${count} ${count === 1 ? one : many}`);
  const parts = [
    n(r.changes.length, 'change request', 'change requests'),
    n(r.incidents.length, 'incident', 'incidents'),
    n(r.disputeIds.length, 'dispute', 'disputes'),
    n(r.referrals.length, 'referral', 'referrals'),
  ].filter((p) => p !== null);
  return parts.length ? ` (with ${parts.join(', ')})` : '';
}

export function logCommand(ctx: Ctx): AnyCommand {
  return examples(
    new Command('log')
      .description('record a call, email or meeting, and print a recap to paste into an email')
      .argument('[client]', 'name, prefix or id (asked for on a terminal)')
      .option('--at <datetime>', 'when it happened (default now)')
      .option('--channel <channel>', "email, phone, video, in-person or chat (default: the client's preferred)")
      .option('--direction <dir>', 'in = the client reached out, out = you did (default out)')
      .option('--summary <text>', "what was discussed ('-' reads stdin)")
      .option('--mood <mood>', 'positive, neutral or negative')
      .option('--follow-up <date>', 'create a follow-up reminder on this date')
      .option('--next <text>', 'the agreed next step (with --follow-up it is the reminder text)')
      .option('--owner <who>', 'who owns the next step: me, client or both (default me)')
      .option('--no-recap', 'do not print the recap')
      .option('--json', 'print the recorded interaction as JSON'),
    [
      'crm log acme --channel phone --summary "Kick-off: scope and timeline" --mood positive',
      'crm log acme --direction in --summary "Asked for a quote" --follow-up +2d --next "Send the quote"',
      'crm log            # on a terminal: the interactive wizard',
    ],
  ).action(async (clientRef, o) => {
    const interactive = ctx.io.stdinIsTTY && ctx.io.stdoutIsTTY && o.summary === undefined;
    let plan: LogPlan;
    let clientName: string;
    if (interactive) {
      const { runLogWizard } = await import('./log-wizard.js');
      const result = await runLogWizard(ctx, clientRef, o);
      plan = result.plan;
      clientName = result.clientName;
    } else {
      if (clientRef === undefined) throw new UsageError('missing <client>: name the client, e.g. crm log acme --summary "…"');
      const client = findClient(ctx.read().db, clientRef);
      plan = await planFromFlags(ctx, client.id, client.channel, o);
      // A conversation with nothing said would still reset the check-in clock: refuse it.
      if (plan.interaction.summary === null) {
        throw new UsageError(
          o.summary === undefined
            ? 'missing required option --summary <text> (not a terminal, so crm cannot ask for it)'
            : `--summary is empty${o.summary === '-' ? ' (nothing came on standard input)' : ''}; say what was discussed`,
        );
      }
      clientName = client.name;
    }
    const store = ctx.write();
    const result = store.write((db) => recordLog(db, plan));
    const recorded = getClient(store.db, result.clientId);
    if (recorded) noteIfInactive(ctx, recorded);
    const client = ref(result.clientId, clientName);
    if (o.json) {
      return printJson(ctx, {
        ...interactionDto(result.interaction, client, ctx.zone()),
        reminder: result.reminder ? reminderDto(result.reminder) : null,
      });
    }
    if (plan.newClient) ctx.io.out(`Added client #${result.clientId} ${ctx.style.bold(clientName)}\n`);
    ctx.io.out(`Logged ${ctx.style.bold('#' + result.interaction.id)} with ${ctx.style.bold(clientName)}${alsoRecorded(result)}` +
      (result.reminder ? `; follow-up reminder #${result.reminder.id} on ${result.reminder.on}` : '') + '\n');
    if (o.recap) ctx.io.out('\n' + renderRecap(clientName, result.interaction, result.changes, ctx.zone()));
  });
}

export function recapCommand(ctx: Ctx): AnyCommand {
  return examples(
    new Command('recap')
      .description('reprint the recap of the last conversation with a client')
      .argument('<client>', 'name, prefix or id')
      .option('--json', 'print JSON: the client, the interaction, its change requests and the recap text'),
    ['crm recap acme | pbcopy', 'crm recap acme --json'],
  ).action((clientRef, o) => {
    const db = ctx.read().db;
    const client = findClient(db, clientRef);
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
  });
}
