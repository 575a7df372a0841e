// One conversation and everything noted during it, as a plan to write in one transaction: the
// `crm log` flags and the wizard both build it here, src/db/log.ts writes it. Pure: "now", "today"
// and the zone are arguments.
import type { ChangeRequest, ClientFields, Dispute, Incident, Interaction, Referral, Reminder } from './records.js';
import type { Channel, DateStr } from './types.js';
import { CHANNELS, DIRECTIONS, MOODS, NEXT_OWNERS } from './types.js';
import { parseFutureDate, parsePastDateTime } from './dates.js';
import { nullable, optOneOf } from './parse.js';

export interface LogPlan {
  /** The client talked to; ignored when `newClient` is set. */
  clientId: number;
  /** A client first met in this conversation (the wizard's "add a new client"), created in the same transaction. */
  newClient?: { fields: ClientFields; createdOn: DateStr } | undefined;
  interaction: Omit<Interaction, 'id' | 'clientId'>;
  /** A reminder to create, linked to the interaction. */
  followUp: { on: DateStr; text: string } | null;
  incidents: Omit<Incident, 'id' | 'clientId' | 'interactionId'>[];
  changes: Omit<ChangeRequest, 'id' | 'clientId' | 'interactionId'>[];
  disputes: { invoiceId: number; reason: string; on: DateStr }[];
  referrals: Omit<Referral, 'id' | 'clientId' | 'interactionId'>[];
}

export interface LogResult {
  clientId: number;
  interaction: Interaction;
  reminder: Reminder | null;
  incidents: Incident[];
  changes: ChangeRequest[];
  disputes: Dispute[];
  referrals: Referral[];
}

/** The conversation as typed: `crm log` flags, or the wizard's answers (same names). */
export interface LogAnswers {
  at?: string | undefined;
  channel?: string | undefined;
  direction?: string | undefined;
  summary?: string | undefined;
  mood?: string | undefined;
  followUp?: string | undefined;
  next?: string | undefined;
  owner?: string | undefined;
}

/** When the plan is made: the instant, the user's calendar day and their zone. */
export interface PlanClock {
  now: Date;
  today: DateStr;
  zone: string;
}

/**
 * Build the conversation part of a plan from answers (each validated here, errors name the flag),
 * so the defaults and the follow-up rule are one piece of code: --follow-up with --next makes a
 * reminder with that text, --follow-up alone "Follow up: <summary>", --next alone no reminder.
 */
export function planLog(clock: PlanClock, clientId: number, defaultChannel: Channel | null, o: LogAnswers): LogPlan {
  const { now, today, zone } = clock;
  const summary = nullable(o.summary);
  const followUpOn = o.followUp === undefined ? null : parseFutureDate(o.followUp, today, '--follow-up');
  const nextStep = nullable(o.next);
  return {
    clientId,
    interaction: {
      at: o.at === undefined ? now.toISOString() : parsePastDateTime(o.at, now, zone, '--at'),
      channel: optOneOf(o.channel, CHANNELS, '--channel') ?? defaultChannel,
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
