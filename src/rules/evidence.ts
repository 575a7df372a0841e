// Turns known records into Evidence items and formats the numbers findings quote.
// Pure helpers shared by the rule files; no judgement lives here.
import type { Money } from '../domain/types.js';
import { weekdayName } from '../domain/dates.js';
import { pct, plural } from '../domain/words.js';
import type { InvoiceState, KnownIncident, KnownInteraction } from './context.js';
import type { ChangeFact, DeliveryFact, DisputeFact, ReferralFact } from './facts.js';
import type { RuleContext } from './context.js';
import type { Evidence } from './types.js';

const money = (amount: number, currency: string): Money => ({ amount, currency });

export const invoiceEvidence = (s: InvoiceState): Evidence => ({
  type: 'invoice', id: s.fact.id, number: s.fact.number,
  amount: money(s.fact.amount, s.fact.currency), balance: money(s.balance, s.fact.currency), givenUp: money(s.givenUp, s.fact.currency),
  issuedOn: s.fact.issuedOn, dueOn: s.fact.dueOn, paidOn: s.settledOn, daysLate: s.daysLate,
});

export const disputeEvidence = (s: InvoiceState, d: DisputeFact): Evidence => ({
  type: 'dispute', id: d.id, invoice: s.fact.number, openedOn: d.openedOn, reason: d.reason,
  outcome: d.outcome, resolvedOn: d.resolvedOn, conceded: money(d.conceded, s.fact.currency),
});

export const incidentEvidence = (i: KnownIncident): Evidence => ({
  type: 'incident', id: i.id, kind: i.kind, on: i.on, at: i.at, severity: i.severity, warned: i.warned, note: i.note,
});

export const changeEvidence = (c: ChangeFact): Evidence => ({
  type: 'change', id: c.id, on: c.on, project: c.project, hours: c.hours, unbilled: c.unbilled,
});

export const interactionEvidence = (i: KnownInteraction): Evidence => ({
  type: 'interaction', id: i.id, at: i.at, direction: i.direction, channel: i.channel,
  local: `${weekdayName(i.local.isoWeekday, 'short')} ${i.local.date} ${i.local.time}`,
});

export const referralEvidence = (r: ReferralFact): Evidence => ({ type: 'referral', id: r.id, on: r.on, note: r.note });

export const deliveryEvidence = (d: DeliveryFact): Evidence => ({ type: 'delivery', id: d.id, on: d.on, project: d.project });

/** A span of days in words: 30 → "30 days", 90 → "3 months", 365 → "12 months", 1095 → "3 years". */
export function inWords(days: number): string {
  if (days % 365 === 0 && days >= 730) return `${days / 365} years`;
  if (days % 365 === 0) return plural(days / 365 * 12, 'month');
  if (days >= 60 && days % 30 === 0) return plural(days / 30, 'month');
  return plural(days, 'day');
}

/**
 * "in the last 12 months" / "2 years" / "3 years": the shortest age step that holds all `dates`, so
 * a finding says how far back it looks without naming the window in days.
 */
export function when(ctx: Pick<RuleContext, 'age' | 'config'>, dates: string[], windowDays = ctx.config.windowDays): string {
  const oldest = Math.max(0, ...dates.map((d) => ctx.age(d)));
  let span = ctx.config.halfLifeDays;
  while (span <= oldest && span < windowDays) span += ctx.config.halfLifeDays;
  return `in the last ${inWords(Math.min(span, windowDays))}`;
}

// The rules spell counts the way the cards do: one definition, in src/domain/words.ts.
export { pct, plural };

/** 1 → "once", 2 → "twice", n → "n times". */
export const times = (n: number): string => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** Rounds a measure so the explanation shows exactly the numbers that were summed. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
export const round2 = (x: number): number => Math.round(x * 100) / 100;

