// Builds the view of one client's facts *as known on asOf*: later records dropped, balances and
// lateness computed as of that day, every list sorted so input order cannot change a result.
import type { DateStr } from '../domain/types.js';
import type {
  ClientFacts, InvoiceFact, DisputeFact, ChangeFact, ReferralFact,
  DeliveryFact, IncomeFact,
} from './facts.js';
import type { RulesConfig } from './config.js';
import { addDays, daysBetween, minDate } from '../domain/dates.js';
import { exponentOf } from '../domain/currencies.js';
import { incomeYear } from '../domain/income-year.js';
import {
  byDateThenId, byDay, earliest, incidentsIn, interactionsIn, invoicesByIssue, upTo, type KnownIncident, type KnownInteraction,
} from './timeline.js';

export type { KnownIncident, KnownInteraction };

export interface WorkingHours { start: string; end: string; days: number[] }

/** What a verdict is judged against, besides the facts. (Here, not in types.ts: types.ts
 * names RuleContext, so defining these there would make the two import each other.) */
export interface EvaluateOptions {
  asOf: DateStr;
  config: RulesConfig;
  workingHours: WorkingHours;
  /** IANA zone the user works in, resolved by the caller (config or TZ). */
  timeZone: string;
  /** Optional exchange rates (currency → value in a common unit) for one combined income share. */
  rates?: Record<string, number>;
}

export interface InvoiceState {
  fact: InvoiceFact;
  paid: number;
  /** Money given up: conceded or written off when a dispute was resolved. */
  givenUp: number;
  balance: number;
  /** Money not received: amount − payments. Money given up is still money not received. */
  unpaid: number;
  /**
   * The day *payments* brought what is unpaid within the residual tolerance (bank fees, rounding);
   * null until then. Money given up never settles an invoice: it is money you were not paid.
   */
  settledOn: DateStr | null;
  /** What is still owed on a settled invoice: the residual to chase (0 when paid in full). */
  residual: number;
  /**
   * Days past due, in calendar days (a dispute does not stop the clock: the money is held up either
   * way): settled, settledOn − dueOn; unsettled and past due, asOf − dueOn; otherwise null.
   */
  daysLate: number | null;
  /** Disputes opened by asOf; a resolution after asOf is hidden (still open then). */
  disputes: DisputeFact[];
  /** A dispute is open on asOf. */
  inDispute: boolean;
  /** Settled: paid to within the tolerance. */
  decided: boolean;
  /** Settled more than graceDays late. */
  late: boolean;
  /** Settled within grace, with nothing given up. */
  onTime: boolean;
}


export interface RuleContext {
  asOf: DateStr;
  config: RulesConfig;
  timeZone: string;
  workingHours: WorkingHours;
  client: ClientFacts['client'];
  invoices: InvoiceState[];
  incidents: KnownIncident[];
  interactions: KnownInteraction[];
  /** The interactions' local dates never go down in their order (false only where a zone's clocks go back over midnight). */
  interactionsByDate: boolean;
  changes: ChangeFact[];
  referrals: ReferralFact[];
  deliveries: DeliveryFact[];
  /** Unfiltered: may hold payments after asOf; sum them with incomeBetween(…, from, asOf). */
  clientIncome: IncomeFact[];
  portfolioIncome: IncomeFact[];
  /** The first day of the 12 months that end on asOf (for income over the last year). */
  yearStart: DateStr;
  /** First day anything was recorded about the client (created, or an older backdated record). */
  since: DateStr;
  /** Days between `date` and asOf (0 for asOf itself). */
  age(date: DateStr): number;
  /**
   * Age weight of an event on `date`, in steps: 1 in its first `halfLifeDays`, then ½, ¼…; 0 once it
   * is `windowDays` old. Steps, not a curve, so a verdict only moves on a day something ages a step.
   */
  recency(date: DateStr, windowDays?: number): number;
  /** The event on `date` is in its first `halfLifeDays` (counts in full): the period a sign can fire on its own. */
  fresh(date: DateStr): boolean;
  rates: Record<string, number>;
  /**
   * Only the score is wanted (review --all's trend points): findings carry their points, severity and
   * whether they fire on their own, without detail or evidence; rules that never score are skipped.
   */
  brief?: boolean;
  /** The verdict is shown as a row of review --all: findings without evidence, and no advice. */
  bare?: boolean;
}

/** How much of a verdict is wanted: all of it, review --all's row, or only the score (a trend point). */
export type Judging = 'full' | 'row' | 'score';


/**
 * The largest remainder that counts as a residual on this invoice (minor units): `residual.share`
 * of it or `residual.amount` in its currency, whichever is more — but never more than a tenth of
 * the invoice, so half of a small invoice is never a residual.
 */
function residualTolerance(inv: InvoiceFact, config: RulesConfig): number {
  const minor = Math.pow(10, exponentOf(inv.currency));
  const tolerance = Math.max(Math.floor(inv.amount * config.residual.share), Math.round(config.residual.amount * minor));
  return Math.min(tolerance, Math.floor(inv.amount / 10));
}

function invoiceState(inv: InvoiceFact, asOf: DateStr, config: RulesConfig): InvoiceState {
  const payments = inv.payments.filter((p) => p.on <= asOf);
  const disputes = inv.disputes
    .filter((d) => d.openedOn <= asOf)
    .map((d) => (d.resolvedOn !== null && d.resolvedOn > asOf
      ? { ...d, resolvedOn: null, outcome: null, conceded: 0 } : d))
    .sort(byDateThenId((d) => d.openedOn));
  // Walk payments in date order to find the day what is unpaid came within tolerance.
  const credits = [...payments].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const tolerance = residualTolerance(inv, config);
  let covered = 0;
  let settledOn: DateStr | null = null;
  for (const c of credits) {
    covered += c.amount;
    if (settledOn === null && covered >= inv.amount - tolerance) settledOn = c.on;
  }
  const paid = payments.reduce((s, p) => s + p.amount, 0);
  const givenUp = disputes.reduce((s, d) => s + d.conceded, 0);
  const balance = Math.max(0, inv.amount - paid - givenUp);
  const pastDue = daysBetween(inv.dueOn, asOf);
  const daysLate = settledOn !== null ? daysBetween(inv.dueOn, settledOn) : pastDue > 0 ? pastDue : null;
  const decided = settledOn !== null;
  const late = decided && (daysLate ?? 0) > config.latePayment.graceDays;
  return {
    fact: inv, paid, givenUp, balance, unpaid: Math.max(0, inv.amount - paid), settledOn, residual: decided ? balance : 0, daysLate, disputes,
    inDispute: disputes.some((d) => d.resolvedOn === null), decided, late, onTime: decided && !late && givenUp === 0,
  };
}

/**
 * invoiceState, remembered once it can no longer change: settled, and judged on or after the last
 * day anything happened to the invoice (issue, payment, dispute opened or resolved). review --all
 * judges every invoice at 12 dates; most are long settled.
 */
const finalStates = new WeakMap<InvoiceFact, { config: RulesConfig; from: DateStr; state: InvoiceState }>();
function stateOn(inv: InvoiceFact, asOf: DateStr, config: RulesConfig): InvoiceState {
  const known = finalStates.get(inv);
  if (known && known.config === config && asOf >= known.from) return known.state;
  const state = invoiceState(inv, asOf, config);
  if (state.decided && !known) {
    let from = inv.issuedOn;
    for (const p of inv.payments) if (p.on > from) from = p.on;
    for (const d of inv.disputes) for (const on of [d.openedOn, d.resolvedOn]) if (on !== null && on > from) from = on;
    if (asOf >= from) finalStates.set(inv, { config, from, state });
  }
  return state;
}

export function buildContext(facts: ClientFacts, opts: EvaluateOptions, judging: Judging = 'full'): RuleContext {
  const { asOf, config, timeZone, workingHours } = opts;
  // Each list sorted once per facts (timeline.ts); what is known on asOf is a prefix of it.
  const lists = {
    invoices: invoicesByIssue(facts.invoices), incidents: incidentsIn(facts.incidents, timeZone),
    interactions: interactionsIn(facts.interactions, timeZone), changes: byDay(facts.changes),
    referrals: byDay(facts.referrals), deliveries: byDay(facts.deliveries),
  };
  const known = {
    invoices: upTo(lists.invoices, asOf), incidents: upTo(lists.incidents, asOf), interactions: upTo(lists.interactions, asOf),
    changes: upTo(lists.changes, asOf), referrals: upTo(lists.referrals, asOf), deliveries: upTo(lists.deliveries, asOf),
  };
  const invoices = known.invoices.map((i) => stateOn(i, asOf, config));
  const { incidents, interactions, changes, referrals, deliveries } = known;
  const firsts = [
    earliest(lists.invoices, known.invoices), earliest(lists.incidents, incidents), earliest(lists.interactions, interactions),
    earliest(lists.changes, changes), earliest(lists.referrals, referrals), earliest(lists.deliveries, deliveries),
  ];
  const since = firsts.reduce<DateStr>((a, d) => (d === undefined ? a : minDate(d, a)), minDate(facts.client.createdOn, asOf));
  const age = (date: DateStr) => Math.max(0, daysBetween(date, asOf));
  // Age steps as cut-off dates, so weighing an event is a few string comparisons (review --all asks
  // about every record at 12 dates): `date > cutoff(n)` ⇔ the event is less than n days old.
  const cutoffs = new Map<number, DateStr>();
  const cutoff = (days: number): DateStr => {
    let c = cutoffs.get(days);
    if (c === undefined) cutoffs.set(days, (c = addDays(asOf, -days)));
    return c;
  };
  const recency = (date: DateStr, windowDays = config.windowDays) => {
    if (date <= cutoff(windowDays)) return 0;
    let weight = 1;
    for (let step = config.halfLifeDays; date <= cutoff(step); step += config.halfLifeDays) weight /= 2;
    return weight;
  };
  return {
    asOf, config, timeZone, workingHours, client: facts.client, invoices, incidents, interactions,
    interactionsByDate: lists.interactions.monotone,
    // Income lists stay whole (and shared): read them through incomeBetween(…, from, asOf).
    changes, referrals, deliveries, clientIncome: facts.clientIncome, portfolioIncome: facts.portfolioIncome,
    since, age, recency, fresh: (date: DateStr) => date > cutoff(config.halfLifeDays), yearStart: incomeYear(asOf).from,
    rates: opts.rates ?? {}, brief: judging === 'score', bare: judging !== 'full',
  };
}

/**
 * The first day anything is recorded about the client, whatever day it is judged on: `since` as
 * seen from the end of time, when every record is known.
 */
export function firstRecordOn(facts: ClientFacts, opts: EvaluateOptions): DateStr {
  return buildContext(facts, { ...opts, asOf: '9999-12-31' }).since;
}
