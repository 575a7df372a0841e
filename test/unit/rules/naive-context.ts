// The test oracle for review's trend (issue #13): buildContext as it was before the timeline
// (src/rules/timeline.ts), verbatim — every list filtered from scratch at each date, nothing
// remembered between dates but the localised lists. The fast path must judge exactly as this does.
import type { DateStr } from '../../../src/domain/types.js';
import type { ClientFacts, InvoiceFact } from '../../../src/rules/facts.js';
import type { RulesConfig } from '../../../src/rules/config.js';
import type { EvaluateOptions, InvoiceState, RuleContext } from '../../../src/rules/context.js';
import { addDays, daysBetween, localParts, minDate, type LocalParts } from '../../../src/domain/dates.js';
import { exponentOf } from '../../../src/domain/currencies.js';
import { incomeYear } from '../../../src/domain/income-year.js';

const byDateThenId = <T extends { id: number }>(key: (x: T) => string) => (a: T, b: T) =>
  key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id;

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

export function naiveBuildContext(facts: ClientFacts, opts: EvaluateOptions): RuleContext {
  const { asOf, config, timeZone, workingHours } = opts;
  const invoices = facts.invoices
    .filter((i) => i.issuedOn <= asOf)
    .map((i) => invoiceState(i, asOf, config))
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
    interactionsByDate: interactions.every((x, k) => k === 0 || (interactions[k - 1] as typeof x).local.date <= x.local.date),
    // Income lists stay whole (and shared): read them through incomeBetween(…, from, asOf).
    changes, referrals, deliveries, clientIncome: facts.clientIncome, portfolioIncome: facts.portfolioIncome,
    since, age, recency, fresh: (date: DateStr) => date > cutoff(config.halfLifeDays), yearStart: incomeYear(asOf).from,
    rates: opts.rates ?? {},
  };
}

