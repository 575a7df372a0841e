// fast-check arbitraries for evaluate(): generated client histories (calm and rough), the events
// the monotonicity properties add to them, and the documented boundary days of the stability one.
// Histories are plain data; ids are assigned when a history is built, so added events never collide.
import fc from 'fast-check';
import { evaluate, type Verdict } from '../../../src/rules/index.js';
import { addDays, addMonths, daysBetween, localParts } from '../../../src/domain/dates.js';
import type {
  ClientFacts, InvoiceFact, IncidentFact, ChangeFact, ReferralFact, IncomeFact, InteractionFact, DisputeFact,
} from '../../../src/rules/facts.js';
import type { IncidentKind } from '../../../src/domain/types.js';
import { INCIDENT_KINDS, SEVERITIES } from '../../../src/domain/types.js';
import type { RulesConfig } from '../../../src/rules/index.js';
import { outsideHours } from '../../../src/rules/checks/unreasonable-demands.js';
import { AS_OF, options } from './builders.js';

export { AS_OF };
export const WORKING_HOURS = { start: '08:00', end: '19:00', days: [1, 2, 3, 4, 5] };
export const USER_ZONES = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Pacific/Auckland'] as const;
export const CLIENT_ZONES = [null, 'America/New_York', 'Asia/Tokyo'] as const;
export const CURRENCIES = ['EUR', 'USD', 'JPY'] as const;
export const CHANNEL_OR_NULL = ['email', 'phone', 'video', 'in-person', 'chat', null] as const;

/** Days before AS_OF, mostly recent (so thresholds trigger), some old (so ageing is exercised). */
export const daysAgo = (max = 1600) => fc.oneof(
  { arbitrary: fc.integer({ min: -30, max: Math.min(max, 400) }), weight: 3 },
  { arbitrary: fc.integer({ min: -30, max }), weight: 1 },
);
export const day = (max = 1600) => daysAgo(max).map((d) => addDays(AS_OF, -d));
/** A day on or before AS_OF. */
export const pastDay = (max = 1600) => daysAgo(max).map((d) => addDays(AS_OF, -Math.abs(d)));
const delay = (lateOdds: number) => fc.oneof(
  { arbitrary: fc.integer({ min: -20, max: 7 }), weight: 10 - lateOdds },
  { arbitrary: fc.integer({ min: 8, max: 150 }), weight: lateOdds },
);
const hh = (h: number, m = 0) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
const instant = (on: string, hour: number, minute = 0) => `${on}T${hh(hour, minute)}:00.000Z`;

// ── History specs ────────────────────────────────────────────────────────────────────────────────
const disputeSpec = fc.record({
  after: fc.integer({ min: 0, max: 60 }),
  resolve: fc.constantFrom(null, 'upheld', 'discounted', 'written-off'),
  resolveAfter: fc.integer({ min: 0, max: 60 }),
  share: fc.constantFrom(0.03, 0.1, 0.3),
});
const invoiceOf = (calm: boolean) => fc.record({
  due: day(), terms: fc.integer({ min: 0, max: 60 }), amount: fc.integer({ min: 100, max: 500000 }),
  currency: fc.constantFrom(...CURRENCIES),
  pay: fc.option(fc.record({ delay: delay(calm ? 1 : 4), part: fc.constantFrom(1, 1, 1, 0.5, 0.99) }), { nil: null, freq: 6 }),
  dispute: fc.oneof(
    { arbitrary: fc.constant(null), weight: calm ? 12 : 2 },
    { arbitrary: disputeSpec, weight: 1 },
  ),
});
export type InvoiceSpec = typeof invoiceOf extends (c: boolean) => fc.Arbitrary<infer T> ? T : never;
export const incidentSpec = fc.record({
  kind: fc.oneof(fc.constantFrom(...INCIDENT_KINDS), fc.constant('verbal-abuse' as const)),
  on: day(), hour: fc.integer({ min: 0, max: 23 }), severity: fc.constantFrom(...SEVERITIES), warned: fc.boolean(),
  /** Recorded with a conversation (the `crm log` wizard): index into the interactions, at its instant. */
  link: fc.option(fc.nat(), { nil: null, freq: 3 }),
});
export type IncidentSpec = typeof incidentSpec extends fc.Arbitrary<infer T> ? T : never;
const changeSpec = fc.record({ on: day(), unbilled: fc.boolean(), project: fc.constantFrom(null, 'Site', 'App') });
const interactionSpec = fc.record({
  on: day(), hour: fc.integer({ min: 0, max: 23 }), minute: fc.constantFrom(0, 30, 59),
  dir: fc.constantFrom('in' as const, 'out' as const), channel: fc.constantFrom(...CHANNEL_OR_NULL),
});

// Half the histories are calm (mostly on time, few incidents) so scores spread over 0..100
// instead of piling up at the clamp, where a broken rule could hide.
export const historyOf = (calm: boolean) => fc.record({
  zone: fc.constantFrom(...USER_ZONES),
  clientZone: fc.constantFrom(...CLIENT_ZONES),
  createdAgo: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 1600 })),
  invoices: fc.array(invoiceOf(calm), { maxLength: 15 }),
  incidents: fc.array(incidentSpec, { maxLength: calm ? 1 : 8 }),
  changes: fc.array(changeSpec, { maxLength: calm ? 3 : 7 }),
  interactions: fc.array(interactionSpec, { maxLength: 25 }),
  referrals: fc.array(day(), { maxLength: 3 }),
  deliveries: fc.array(day(), { maxLength: 3 }),
  others: fc.array(fc.record({ on: day(500), amount: fc.integer({ min: 1, max: 900000 }), currency: fc.constantFrom(...CURRENCIES) }), { maxLength: 4 }),
});
export const historyArb = fc.oneof(historyOf(true), historyOf(false));
export type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

// ── Building ─────────────────────────────────────────────────────────────────────────────────────
/** A judged case: the facts, other clients' income, and the user's time zone. */
export interface Case { facts: ClientFacts; others: IncomeFact[]; zone: string }

let seq = 1;
export const nextId = () => seq++;

export function buildInvoice(s: InvoiceSpec): InvoiceFact {
  const issuedOn = addDays(s.due, -s.terms);
  const payOn = s.pay ? addDays(s.due, s.pay.delay) : null;
  const paidOn = payOn && payOn < issuedOn ? issuedOn : payOn;
  const d = s.dispute;
  const openedOn = d ? addDays(issuedOn, d.after) : null;
  const resolvedOn = d?.resolve && openedOn ? addDays(openedOn, d.resolveAfter) : null;
  let conceded = d?.resolve === 'discounted' ? Math.max(1, Math.floor(s.amount * d.share)) : 0;
  const paidAmount = s.pay ? Math.floor((s.amount - conceded) * s.pay.part) : 0;
  if (d?.resolve === 'written-off') conceded = s.amount - paidAmount;
  const id = nextId();
  return {
    id, number: `INV-${id}`, project: null, amount: s.amount, currency: s.currency, issuedOn, dueOn: s.due,
    payments: paidOn && paidAmount > 0 ? [{ id: nextId(), on: paidOn, amount: paidAmount }] : [],
    disputes: d && openedOn ? [{
      id: nextId(), openedOn, reason: 'price', resolvedOn, outcome: d.resolve, conceded: d.resolve === null || d.resolve === 'upheld' ? 0 : conceded,
    }] : [],
  };
}

export function buildIncident(s: Omit<IncidentSpec, 'link'>, linked: InteractionFact | null = null): IncidentFact {
  return {
    id: nextId(), kind: s.kind, at: linked ? linked.at : instant(s.on, s.hour), severity: s.severity, warned: s.warned,
    note: null, interactionId: linked ? linked.id : null,
  };
}
const pick = <T>(xs: T[], n: number | null): T | null => (n === null || xs.length === 0 ? null : xs[n % xs.length] ?? null);

export function withIncome(f: Omit<ClientFacts, 'clientIncome' | 'portfolioIncome'>, others: IncomeFact[]): ClientFacts {
  const clientIncome = f.invoices.flatMap((i) => i.payments.map((p) => ({ on: p.on, currency: i.currency, amount: p.amount })));
  return { ...f, clientIncome, portfolioIncome: [...clientIncome, ...others] };
}

export function build(h: History): Case {
  const interactions: InteractionFact[] = h.interactions.map((i) => ({
    id: nextId(), at: instant(i.on, i.hour, i.minute), direction: i.dir, channel: i.channel, mood: null,
  }));
  return {
    zone: h.zone, others: h.others,
    facts: withIncome({
      client: { id: 1, name: 'Acme', createdOn: addDays(AS_OF, -h.createdAgo), status: 'active', timezone: h.clientZone },
      invoices: h.invoices.map(buildInvoice),
      incidents: h.incidents.map((s) => buildIncident(s, pick(interactions, s.link))),
      changes: h.changes.map((c): ChangeFact => ({ id: nextId(), on: c.on, project: c.project, hours: null, unbilled: c.unbilled })),
      interactions,
      referrals: h.referrals.map((on): ReferralFact => ({ id: nextId(), on, note: null })),
      deliveries: h.deliveries.map((on) => ({ id: nextId(), on, project: null })),
    }, h.others),
  };
}

type Lists = Pick<ClientFacts, 'invoices' | 'incidents' | 'changes' | 'referrals' | 'interactions'>;
/** The case with records added (and income rebuilt from the invoices). */
export function add(c: Case, extra: Partial<Lists>): Case {
  const f = c.facts;
  return {
    ...c, facts: withIncome({
      ...f, invoices: [...f.invoices, ...(extra.invoices ?? [])], incidents: [...f.incidents, ...(extra.incidents ?? [])],
      changes: [...f.changes, ...(extra.changes ?? [])], referrals: [...f.referrals, ...(extra.referrals ?? [])],
      interactions: [...f.interactions, ...(extra.interactions ?? [])],
    }, c.others),
  };
}
/** The case with invoice `k` replaced. */
export function replaceInvoice(c: Case, k: number, inv: InvoiceFact): Case {
  return { ...c, facts: withIncome({ ...c.facts, invoices: c.facts.invoices.map((i, j) => (j === k ? inv : i)) }, c.others) };
}

export function judge(c: Case, tune?: (cfg: RulesConfig) => void, asOf = AS_OF): Verdict {
  return evaluate(c.facts, options({ asOf, timeZone: c.zone, workingHours: WORKING_HOURS, tune }));
}

/** Money still owed on an invoice once every recorded payment and concession is counted. */
export const remaining = (i: InvoiceFact): number =>
  i.amount - i.payments.reduce((a, p) => a + p.amount, 0) - i.disputes.reduce((a, d) => a + d.conceded, 0);
const maxDate = (xs: string[]) => xs.reduce((a, b) => (a > b ? a : b));
const clampPast = (d: string) => (d > AS_OF ? AS_OF : d);

// ── Events ───────────────────────────────────────────────────────────────────────────────────────
/**
 * One event the monotonicity properties add: `apply` gives the case before and after it (the
 * "before" may get a precondition, e.g. a warned incident the event repeats), or null when the
 * history has nothing to hang it on (the property then discards the run).
 */
export interface EventKind<S> { name: string; spec: fc.Arbitrary<S>; apply(c: Case, s: S): { before: Case; after: Case } | null }
const ev = <S>(e: EventKind<S>): EventKind<unknown> => e;
const same = (c: Case, after: Case) => ({ before: c, after });

const amountArb = fc.integer({ min: 100, max: 500000 });
const currencyArb = fc.constantFrom(...CURRENCIES);

/** An instant on or before `on` + `hour`, stepping back by hours, outside working hours in both zones. */
export function afterHoursInstant(on: string, hour: number, userZone: string, clientZone: string | null): string {
  const start = Date.parse(instant(on, hour));
  for (let h = 0; h < 24 * 8; h++) {
    const at = new Date(start - h * 3600_000).toISOString();
    if (outsideHours(WORKING_HOURS, localParts(at, userZone))
      && (clientZone === null || outsideHours(WORKING_HOURS, localParts(at, clientZone)))) return at;
  }
  throw new Error('no after-hours instant in a week');
}

const incidentEvent = (kind: IncidentKind) => ev({
  name: `an incident: ${kind}`,
  spec: fc.record({ on: pastDay(), hour: fc.integer({ min: 0, max: 23 }), severity: fc.constantFrom(...SEVERITIES), warned: fc.boolean(), link: fc.option(fc.nat(), { nil: null, freq: 3 }) }),
  apply: (c, s) => same(c, add(c, { incidents: [buildIncident({ ...s, kind }, pick(c.facts.interactions, s.link))] })),
});

const changeEvent = (unbilled: boolean) => ev({
  name: unbilled ? 'an unbilled change request' : 'a billed change request',
  spec: fc.record({ on: pastDay(), project: fc.constantFrom(null, 'Site', 'App') }),
  apply: (c, s) => same(c, add(c, { changes: [{ id: nextId(), on: s.on, project: s.project, hours: null, unbilled }] })),
});

const disputeOn = (inv: InvoiceFact, d: Omit<DisputeFact, 'id' | 'reason'>): InvoiceFact =>
  ({ ...inv, disputes: [...inv.disputes, { id: nextId(), reason: 'haggling', ...d }] });

export const BAD_EVENTS: EventKind<unknown>[] = [
  ...INCIDENT_KINDS.map(incidentEvent),
  ev({
    name: 'a repeat after a warned incident',
    spec: fc.record({
      kind: fc.constantFrom(...INCIDENT_KINDS), first: daysAgo(1500).map(Math.abs), gap: fc.integer({ min: 0, max: 400 }),
      hour: fc.integer({ min: 0, max: 23 }), severity: fc.constantFrom(...SEVERITIES), againSeverity: fc.constantFrom(...SEVERITIES),
    }),
    apply: (c, s) => {
      const warnedOn = addDays(AS_OF, -s.first);
      const warned = buildIncident({ kind: s.kind, on: warnedOn, hour: s.hour, severity: s.severity, warned: true });
      const againAt = new Date(Math.min(Date.parse(warned.at) + (s.gap * 24 + 1) * 3600_000, Date.parse(`${AS_OF}T23:59:00.000Z`)));
      if (againAt.getTime() <= Date.parse(warned.at)) return null;
      const again: IncidentFact = { ...buildIncident({ kind: s.kind, on: warnedOn, hour: 0, severity: s.againSeverity, warned: false }), at: againAt.toISOString() };
      const before = add(c, { incidents: [warned] });
      return { before, after: add(before, { incidents: [again] }) };
    },
  }),
  ev({
    name: 'an invoice paid late',
    spec: fc.record({ due: daysAgo(1500).map((d) => addDays(AS_OF, -Math.abs(d) - 8)), late: fc.integer({ min: 8, max: 200 }), amount: amountArb, currency: currencyArb }),
    apply: (c, s) => {
      if (addDays(s.due, s.late) > AS_OF) return null;
      return same(c, add(c, { invoices: [buildInvoice({ due: s.due, terms: 30, amount: s.amount, currency: s.currency, dispute: null, pay: { delay: s.late, part: 1 } })] }));
    },
  }),
  ev({
    name: 'an unpaid invoice past due',
    spec: fc.record({ due: daysAgo(1500).map((d) => addDays(AS_OF, -Math.abs(d) - 1)), amount: amountArb, currency: currencyArb }),
    apply: (c, s) => same(c, add(c, { invoices: [buildInvoice({ due: s.due, terms: 30, amount: s.amount, currency: s.currency, dispute: null, pay: null })] })),
  }),
  ev({
    name: 'a partly paid invoice past due',
    // 100000 minor units or more and at most 90% paid: the rest is well above the residual tolerance
    // (a remainder within it is a short payment, "counted as paid": judgement-v2.md, short-payment).
    spec: fc.record({
      due: daysAgo(1500).map((d) => addDays(AS_OF, -Math.abs(d) - 1)), amount: fc.integer({ min: 100000, max: 900000 }),
      currency: currencyArb, part: fc.double({ min: 0.05, max: 0.9, noNaN: true }), payDay: fc.integer({ min: 0, max: 200 }),
    }),
    apply: (c, s) => {
      const inv = buildInvoice({ due: s.due, terms: 30, amount: s.amount, currency: s.currency, dispute: null, pay: null });
      const on = clampPast(addDays(inv.issuedOn, s.payDay));
      return same(c, add(c, { invoices: [{ ...inv, payments: [{ id: nextId(), on, amount: Math.max(1, Math.floor(s.amount * s.part)) }] }] }));
    },
  }),
  ev({
    name: 'a dispute (open or upheld) on an existing invoice',
    spec: fc.record({ pick: fc.nat(), after: fc.integer({ min: 0, max: 120 }), upheldAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }) }),
    apply: (c, s) => {
      const k = s.pick % Math.max(1, c.facts.invoices.length);
      const target = c.facts.invoices[k];
      if (!target) return null;
      const openedOn = clampPast(addDays(target.issuedOn, s.after));
      const resolvedOn = s.upheldAfter === null ? null : clampPast(addDays(openedOn, s.upheldAfter));
      return same(c, replaceInvoice(c, k, disputeOn(target, { openedOn, resolvedOn, outcome: resolvedOn ? 'upheld' : null, conceded: 0 })));
    },
  }),
  ev({
    name: 'a concession: an open dispute resolved as discounted',
    spec: fc.record({ pick: fc.nat(), after: fc.integer({ min: 0, max: 120 }), resolveAfter: fc.integer({ min: 0, max: 90 }), share: fc.double({ min: 0.001, max: 1, noNaN: true }) }),
    apply: (c, s) => {
      const owed = c.facts.invoices.map((inv, k) => ({ inv, k })).filter(({ inv }) => remaining(inv) > 0);
      const t = owed[s.pick % Math.max(1, owed.length)];
      if (!t) return null;
      // The open dispute to resolve: the invoice's own, else one opened for the purpose (in "before" too).
      const own = t.inv.disputes.find((d) => d.resolvedOn === null);
      const open: DisputeFact = own ?? { id: nextId(), reason: 'haggling', openedOn: clampPast(addDays(t.inv.issuedOn, s.after)), resolvedOn: null, outcome: null, conceded: 0 };
      const inv = own ? t.inv : { ...t.inv, disputes: [...t.inv.disputes, open] };
      const conceded = Math.max(1, Math.floor(remaining(inv) * s.share));
      const resolved = { ...open, resolvedOn: clampPast(addDays(open.openedOn, s.resolveAfter)), outcome: 'discounted' as const, conceded };
      const before = replaceInvoice(c, t.k, inv);
      return { before, after: replaceInvoice(c, t.k, { ...inv, disputes: inv.disputes.map((d) => (d === open ? resolved : d)) }) };
    },
  }),
  ev({
    name: 'a concession: a discounted dispute added',
    spec: fc.record({ pick: fc.nat(), after: fc.integer({ min: 0, max: 120 }), resolveAfter: fc.integer({ min: 0, max: 90 }), share: fc.double({ min: 0.001, max: 1, noNaN: true }) }),
    apply: (c, s) => {
      const owed = c.facts.invoices.map((inv, k) => ({ inv, k })).filter(({ inv }) => remaining(inv) > 0);
      const t = owed[s.pick % Math.max(1, owed.length)];
      if (!t) return null;
      const openedOn = clampPast(addDays(t.inv.issuedOn, s.after));
      return same(c, replaceInvoice(c, t.k, disputeOn(t.inv, {
        openedOn, resolvedOn: clampPast(addDays(openedOn, s.resolveAfter)), outcome: 'discounted', conceded: Math.max(1, Math.floor(remaining(t.inv) * s.share)),
      })));
    },
  }),
  ev({
    name: 'a write-off: a dispute resolved as written off for the whole balance',
    spec: fc.record({ pick: fc.nat(), after: fc.integer({ min: 0, max: 120 }), resolveAfter: fc.integer({ min: 0, max: 400 }) }),
    apply: (c, s) => {
      const owed = c.facts.invoices.map((inv, k) => ({ inv, k }))
        .filter(({ inv }) => remaining(inv) > 0 && inv.payments.every((p) => p.on <= AS_OF) && inv.issuedOn <= AS_OF);
      const t = owed[s.pick % Math.max(1, owed.length)];
      if (!t) return null;
      const inv = t.inv;
      const open = inv.disputes.find((d) => d.resolvedOn === null);
      const openedOn = open ? open.openedOn : clampPast(addDays(inv.issuedOn, s.after));
      // Written off after the last payment: conceded is exactly what was still owed.
      const resolvedOn = clampPast(maxDate([addDays(openedOn, s.resolveAfter), ...inv.payments.map((p) => p.on)]));
      const writeOff = { resolvedOn, outcome: 'written-off' as const, conceded: remaining(inv) };
      return same(c, replaceInvoice(c, t.k, open
        ? { ...inv, disputes: inv.disputes.map((d) => (d === open ? { ...d, ...writeOff } : d)) }
        : disputeOn(inv, { openedOn, ...writeOff })));
    },
  }),
  changeEvent(true),
  ev({
    name: 'an inbound phone call after hours',
    spec: fc.record({ on: pastDay(), hour: fc.integer({ min: 0, max: 23 }) }),
    apply: (c, s) => {
      const at = afterHoursInstant(s.on, s.hour, c.zone, c.facts.client.timezone);
      if (at > `${AS_OF}T00:00:00.000Z`) return null; // keep it known on AS_OF in every zone
      return same(c, add(c, { interactions: [{ id: nextId(), at, direction: 'in', channel: 'phone', mood: null }] }));
    },
  }),
];

export const GOOD_EVENTS: EventKind<unknown>[] = [
  ev({
    name: 'an invoice paid on time',
    spec: fc.record({ due: day(1500), terms: fc.integer({ min: 0, max: 45 }), payAfterIssue: fc.nat(60), amount: amountArb, currency: currencyArb }),
    apply: (c, s) => {
      const inv = buildInvoice({ due: s.due, terms: s.terms, amount: s.amount, currency: s.currency, dispute: null, pay: null });
      const on = [addDays(inv.issuedOn, s.payAfterIssue)].map((d) => (daysBetween(s.due, d) > 7 ? addDays(s.due, 7) : d))[0] as string;
      if (on > AS_OF) return null;
      return same(c, add(c, { invoices: [{ ...inv, payments: [{ id: nextId(), on, amount: s.amount }] }] }));
    },
  }),
  ev({
    name: 'a referral',
    spec: pastDay(),
    apply: (c, on) => same(c, add(c, { referrals: [{ id: nextId(), on, note: null }] })),
  }),
];

export const NEUTRAL_EVENTS: EventKind<unknown>[] = [
  changeEvent(false),
  ev({
    name: 'an outbound email',
    spec: fc.record({ on: pastDay(), hour: fc.integer({ min: 0, max: 23 }) }),
    apply: (c, s) => same(c, add(c, { interactions: [{ id: nextId(), at: instant(s.on, s.hour), direction: 'out', channel: 'email', mood: null }] })),
  }),
];

// ── Boundaries (stability) ───────────────────────────────────────────────────────────────────────
/**
 * Every day on which the design says a verdict may move, ±1 day (generous): record dates; each
 * record date + k × halfLifeDays (k = 1..3) and + each window; due dates + grace + 30k (the overdue
 * buckets); disputes + staleDays; the 1st of every month; anniversaries of the first record.
 */
export function boundaryDays(c: Case, cfg: RulesConfig): Set<string> {
  const f = c.facts;
  const dates: string[] = [f.client.createdOn];
  const dues: string[] = [];
  const opened: string[] = [];
  for (const i of f.invoices) {
    dates.push(i.issuedOn, i.dueOn, ...i.payments.map((p) => p.on));
    dues.push(i.dueOn);
    for (const d of i.disputes) {
      dates.push(d.openedOn, ...(d.resolvedOn ? [d.resolvedOn] : []));
      opened.push(d.openedOn);
    }
  }
  const local = (at: string) => [localParts(at, c.zone).date, at.slice(0, 10)];
  dates.push(...f.incidents.flatMap((i) => local(i.at)), ...f.interactions.flatMap((i) => local(i.at)));
  dates.push(...f.changes.map((x) => x.on), ...f.referrals.map((x) => x.on), ...f.deliveries.map((x) => x.on));

  const out = new Set<string>();
  const mark = (d: string) => { for (const o of [-1, 0, 1]) out.add(addDays(d, o)); };
  const offsets = [0, cfg.halfLifeDays, 2 * cfg.halfLifeDays, 3 * cfg.halfLifeDays, cfg.windowDays, cfg.latePayment.windowDays,
    cfg.scopeChurn.windowDays, cfg.lowConfidence.minDays];
  for (const d of dates) for (const o of offsets) mark(addDays(d, o));
  for (const d of dues) {
    for (const grace of [cfg.latePayment.graceDays, cfg.overdueBalance.graceDays]) {
      for (let k = 0; k <= 5; k++) mark(addDays(d, grace + 30 * k));
    }
    // A late-payment habit that includes an unpaid invoice runs to today: it can form fireSpanDays after a due date.
    mark(addDays(d, cfg.latePayment.fireSpanDays));
  }
  for (const d of opened) mark(addDays(d, cfg.invoiceDisputes.staleDays));
  const first = dates.reduce((a, b) => (a < b ? a : b));
  for (let y = 1; y <= 5; y++) mark(addMonths(first, 12 * y));
  return out;
}
/** Is `d` the 1st of a month, ±1 day (active months for long-relationship)? */
export const nearMonthStart = (d: string): boolean => [-1, 0, 1].some((o) => addDays(d, o).endsWith('-01'));
