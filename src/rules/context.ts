// Builds the view of one client's facts *as known on asOf*: later records dropped, balances and
// lateness computed as of that day, every list sorted so input order cannot change a result.
import type { DateStr } from '../domain/types.js';
import type {
  ClientFacts, InvoiceFact, DisputeFact, IncidentFact, InteractionFact, ChangeFact, ReferralFact,
  DeliveryFact, IncomeFact,
} from './facts.js';
import type { RulesConfig } from './config.js';
import { addDays, daysBetween, localParts, minDate, type LocalParts } from '../domain/dates.js';

export interface WorkingHours { start: string; end: string; days: number[] }

/** What a verdict is judged against, besides the facts. (Here, not in types.ts: types.ts
 * names RuleContext, so defining these there would make the two import each other.) */
export interface EvaluateOptions {
  asOf: DateStr;
  config: RulesConfig;
  workingHours: WorkingHours;
  /** IANA zone the user works in, resolved by the caller (config or TZ). */
  timeZone: string;
}

export interface InvoiceState {
  fact: InvoiceFact;
  paid: number;
  conceded: number;
  balance: number;
  /** The day payments and concessions first covered the amount; null while a balance remains. */
  settledOn: DateStr | null;
  /** Settled: settledOn − dueOn. Unsettled and past due: asOf − dueOn. Otherwise null. */
  daysLate: number | null;
  /** Disputes opened by asOf; a resolution after asOf is hidden (still open then). */
  disputes: DisputeFact[];
  /** Settled, or so far past due + grace that it is late whatever happens next. */
  decided: boolean;
  late: boolean;
  /** Paid in full within grace, with nothing conceded. */
  onTime: boolean;
}

export type KnownIncident = IncidentFact & { on: DateStr; local: LocalParts };
export type KnownInteraction = InteractionFact & { local: LocalParts };

export interface RuleContext {
  asOf: DateStr;
  config: RulesConfig;
  timeZone: string;
  workingHours: WorkingHours;
  client: ClientFacts['client'];
  invoices: InvoiceState[];
  incidents: KnownIncident[];
  interactions: KnownInteraction[];
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
  /** Recency weight of an event on `date`: halves every half-life; 0 beyond `windowDays`. */
  recency(date: DateStr, windowDays?: number): number;
}

const byDateThenId = <T extends { id: number }>(key: (x: T) => string) => (a: T, b: T) =>
  key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id;

function invoiceState(inv: InvoiceFact, asOf: DateStr, graceDays: number): InvoiceState {
  const payments = inv.payments.filter((p) => p.on <= asOf);
  const disputes = inv.disputes
    .filter((d) => d.openedOn <= asOf)
    .map((d) => (d.resolvedOn !== null && d.resolvedOn > asOf
      ? { ...d, resolvedOn: null, outcome: null, conceded: 0 } : d))
    .sort(byDateThenId((d) => d.openedOn));
  // Walk payments and concessions in date order to find the day the balance reached zero.
  const credits = [
    ...payments.map((p) => ({ on: p.on, amount: p.amount })),
    ...disputes.filter((d) => d.resolvedOn !== null).map((d) => ({ on: d.resolvedOn as DateStr, amount: d.conceded })),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let covered = 0;
  let settledOn: DateStr | null = null;
  for (const c of credits) {
    covered += c.amount;
    if (settledOn === null && covered >= inv.amount) settledOn = c.on;
  }
  const paid = payments.reduce((s, p) => s + p.amount, 0);
  const conceded = disputes.reduce((s, d) => s + d.conceded, 0);
  const pastDue = daysBetween(inv.dueOn, asOf);
  const daysLate = settledOn !== null ? daysBetween(inv.dueOn, settledOn) : pastDue > 0 ? pastDue : null;
  const late = daysLate !== null && daysLate > graceDays;
  return {
    fact: inv, paid, conceded, balance: Math.max(0, inv.amount - paid - conceded), settledOn, daysLate,
    disputes, decided: settledOn !== null || late, late, onTime: settledOn !== null && !late && conceded === 0,
  };
}

// review --all judges one facts object at 12 dates: convert and sort its timed records only once.
const localisedCache = new WeakMap<object, Map<string, unknown>>();
function localised<T extends { id: number; at: string }>(xs: T[], timeZone: string): (T & { local: LocalParts })[] {
  const perZone = localisedCache.get(xs) ?? new Map<string, unknown>();
  localisedCache.set(xs, perZone);
  let out = perZone.get(timeZone) as (T & { local: LocalParts })[] | undefined;
  if (!out) {
    out = xs.map((x) => ({ ...x, local: localParts(x.at, timeZone) }))
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
    perZone.set(timeZone, out);
  }
  return out;
}

export function buildContext(facts: ClientFacts, opts: EvaluateOptions): RuleContext {
  const { asOf, config, timeZone, workingHours } = opts;
  const invoices = facts.invoices
    .filter((i) => i.issuedOn <= asOf)
    .map((i) => invoiceState(i, asOf, config.latePayment.graceDays))
    .sort((a, b) => byDateThenId<InvoiceFact>((i) => i.issuedOn)(a.fact, b.fact));
  const incidents = localised(facts.incidents, timeZone).filter((i) => i.local.date <= asOf)
    .map((i) => ({ ...i, on: i.local.date }));
  const interactions = localised(facts.interactions, timeZone).filter((i) => i.local.date <= asOf);
  const upTo = <T extends { on: DateStr }>(xs: T[]) => xs.filter((x) => x.on <= asOf);
  const sortOn = <T extends { on: DateStr; id: number }>(xs: T[]) => upTo(xs).sort(byDateThenId((x) => x.on));
  const changes = sortOn(facts.changes);
  const referrals = sortOn(facts.referrals);
  const deliveries = sortOn(facts.deliveries);
  const dates = [
    ...invoices.map((i) => i.fact.issuedOn), ...incidents.map((i) => i.on),
    ...interactions.map((i) => i.local.date), ...changes.map((c) => c.on),
    ...referrals.map((r) => r.on), ...deliveries.map((d) => d.on),
  ];
  const since = dates.reduce(minDate, minDate(facts.client.createdOn, asOf));
  const age = (date: DateStr) => Math.max(0, daysBetween(date, asOf));
  const ages = new Map<DateStr, number>(); // every rule asks about the same few hundred dates
  const recency = (date: DateStr, windowDays = config.windowDays) => {
    let a = ages.get(date);
    if (a === undefined) ages.set(date, (a = age(date)));
    return a > windowDays ? 0 : Math.pow(0.5, a / config.halfLifeDays);
  };
  return {
    asOf, config, timeZone, workingHours, client: facts.client, invoices, incidents, interactions,
    // Income lists stay whole (and shared): read them through incomeBetween(…, from, asOf).
    changes, referrals, deliveries, clientIncome: facts.clientIncome, portfolioIncome: facts.portfolioIncome,
    since, age, recency, yearStart: addDays(asOf, -364),
  };
}

/**
 * The first day anything is recorded about the client, whatever day it is judged on: `since` as
 * seen from the end of time, when every record is known.
 */
export function firstRecordOn(facts: ClientFacts, opts: EvaluateOptions): DateStr {
  return buildContext(facts, { ...opts, asOf: '9999-12-31' }).since;
}
