// fast-check properties of evaluate(): monotone in bad and good events, order-blind, total.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate, type Verdict } from '../../../src/rules/index.js';
import { addDays } from '../../../src/domain/dates.js';
import type { ClientFacts, InvoiceFact, IncidentFact, ChangeFact, ReferralFact, IncomeFact } from '../../../src/rules/facts.js';
import { INCIDENT_KINDS, SEVERITIES } from '../../../src/domain/types.js';
import { AS_OF, options } from './builders.js';

const RUNS = { numRuns: 150 };
const RANK = { keep: 0, watch: 1, fire: 2 } as const;
// Mostly recent dates, so that rules with thresholds actually trigger; some old ones to test fading.
const day = (max = 1600) => fc.oneof(
  { arbitrary: fc.integer({ min: -30, max: Math.min(max, 400) }), weight: 3 },
  { arbitrary: fc.integer({ min: -30, max }), weight: 1 },
).map((d) => addDays(AS_OF, -d));
const delay = (lateOdds: number) => fc.oneof(
  { arbitrary: fc.integer({ min: -20, max: 7 }), weight: 10 - lateOdds },
  { arbitrary: fc.integer({ min: 8, max: 150 }), weight: lateOdds },
);

// Ids are assigned after generation so that added events never collide with existing ones.
const invoiceOf = (calm: boolean) => fc.record({
  due: day(), terms: fc.integer({ min: 0, max: 60 }), amount: fc.integer({ min: 100, max: 500000 }),
  currency: fc.constantFrom('EUR', 'USD'),
  pay: fc.option(fc.record({ delay: delay(calm ? 1 : 4), part: fc.constantFrom(1, 1, 1, 0.5) }), { nil: null, freq: 6 }),
  dispute: fc.oneof(
    { arbitrary: fc.constant(null), weight: calm ? 12 : 2 },
    { arbitrary: fc.record({ after: fc.integer({ min: 0, max: 60 }), resolve: fc.constantFrom(null, 'upheld', 'discounted' as const) }), weight: 1 },
  ),
});
type InvoiceSpec = ReturnType<typeof invoiceOf> extends fc.Arbitrary<infer T> ? T : never;
const incidentArb = fc.record({
  kind: fc.oneof(fc.constantFrom(...INCIDENT_KINDS), fc.constant('verbal-abuse' as const)), on: day(), hour: fc.integer({ min: 0, max: 23 }),
  severity: fc.constantFrom(...SEVERITIES), warned: fc.boolean(),
});
type IncidentSpec = typeof incidentArb extends fc.Arbitrary<infer T> ? T : never;
const changeArb = fc.record({ on: day(), unbilled: fc.boolean(), project: fc.constantFrom(null, 'Site', 'App') });

// Half the histories are calm (mostly on time, few incidents) so scores spread over 0..100
// instead of piling up at the clamp, where a broken rule could hide.
const historyOf = (calm: boolean) => fc.record({
  createdAgo: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 1600 })),
  invoices: fc.array(invoiceOf(calm), { maxLength: 15 }),
  incidents: fc.array(incidentArb, { maxLength: calm ? 1 : 8 }),
  changes: fc.array(changeArb, { maxLength: calm ? 3 : 6 }),
  interactions: fc.array(fc.record({ on: day(), hour: fc.integer({ min: 0, max: 23 }), dir: fc.constantFrom('in', 'out') }), { maxLength: 25 }),
  referrals: fc.array(day(), { maxLength: 3 }),
  others: fc.array(fc.record({ on: day(500), amount: fc.integer({ min: 1, max: 900000 }), currency: fc.constantFrom('EUR', 'USD') }), { maxLength: 4 }),
});
const historyArb = fc.oneof(historyOf(true), historyOf(false));
type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

let seq = 1;
function buildInvoice(s: InvoiceSpec): InvoiceFact {
  const issuedOn = addDays(s.due, -s.terms);
  const payOn = s.pay ? addDays(s.due, s.pay.delay) : null;
  const paidOn = payOn && payOn < issuedOn ? issuedOn : payOn;
  const conceded = s.dispute?.resolve === 'discounted' ? Math.max(1, Math.floor(s.amount / 10)) : 0;
  const paidAmount = s.pay ? Math.floor((s.amount - conceded) * s.pay.part) : 0;
  return {
    id: seq++, number: `INV-${seq}`, project: null, amount: s.amount, currency: s.currency, issuedOn, dueOn: s.due,
    payments: paidOn && paidAmount > 0 ? [{ id: seq++, on: paidOn, amount: paidAmount }] : [],
    disputes: s.dispute ? [{
      id: seq++, openedOn: addDays(issuedOn, s.dispute.after), reason: 'price',
      resolvedOn: s.dispute.resolve ? addDays(issuedOn, s.dispute.after + 5) : null, outcome: s.dispute.resolve, conceded,
    }] : [],
  };
}
const buildIncident = (s: IncidentSpec): IncidentFact => ({
  id: seq++, kind: s.kind, at: `${s.on}T${String(s.hour).padStart(2, '0')}:00:00.000Z`, severity: s.severity, warned: s.warned, note: null,
});
const buildChange = (s: History['changes'][number]): ChangeFact => ({ id: seq++, on: s.on, project: s.project, hours: null, unbilled: s.unbilled });
const buildReferral = (on: string): ReferralFact => ({ id: seq++, on, note: null });

function withIncome(f: Omit<ClientFacts, 'clientIncome' | 'portfolioIncome'>, others: IncomeFact[]): ClientFacts {
  const clientIncome = f.invoices.flatMap((i) => i.payments.map((p) => ({ on: p.on, currency: i.currency, amount: p.amount })));
  return { ...f, clientIncome, portfolioIncome: [...clientIncome, ...others] };
}

function build(h: History): ClientFacts {
  return withIncome({
    client: { id: 1, name: 'Acme', createdOn: addDays(AS_OF, -h.createdAgo), status: 'active', timezone: null },
    invoices: h.invoices.map(buildInvoice), incidents: h.incidents.map(buildIncident), changes: h.changes.map(buildChange),
    interactions: h.interactions.map((i) => ({ id: seq++, at: `${i.on}T${String(i.hour).padStart(2, '0')}:30:00.000Z`, direction: i.dir, channel: null, mood: null })),
    referrals: h.referrals.map(buildReferral), deliveries: [],
  }, h.others);
}
const add = (f: ClientFacts, extra: Partial<Pick<ClientFacts, 'invoices' | 'incidents' | 'changes' | 'referrals'>>): ClientFacts => withIncome({
  ...f, invoices: [...f.invoices, ...(extra.invoices ?? [])], incidents: [...f.incidents, ...(extra.incidents ?? [])],
  changes: [...f.changes, ...(extra.changes ?? [])], referrals: [...f.referrals, ...(extra.referrals ?? [])],
}, f.portfolioIncome.slice(f.clientIncome.length));

const judge = (f: ClientFacts): Verdict => evaluate(f, options());
const noBetter = (before: Verdict, after: Verdict) => {
  expect(after.score).toBeGreaterThanOrEqual(before.score);
  expect(RANK[after.verdict]).toBeGreaterThanOrEqual(RANK[before.verdict]);
};

// A bad payment: an invoice due by asOf and settled more than grace (7) days late, or not at all.
const lateInvoiceArb = fc.record({ due: day(1500).filter((d) => d <= addDays(AS_OF, -8)), unpaid: fc.boolean(), late: fc.integer({ min: 8, max: 200 }), amount: fc.integer({ min: 100, max: 100000 }) })
  .map(({ due, unpaid, late, amount }) => {
    const paid = addDays(due, late);
    return buildInvoice({ due, terms: 30, amount, currency: 'EUR', dispute: null, pay: unpaid || paid > AS_OF ? null : { delay: late, part: 1 } });
  });
// A good payment: an invoice paid in full on or before its due date, by asOf.
const onTimeInvoiceArb = fc.record({ due: day(1500), early: fc.integer({ min: 0, max: 20 }), amount: fc.integer({ min: 100, max: 100000 }) })
  .map(({ due, early, amount }) => {
    const inv = buildInvoice({ due, terms: 30, amount, currency: 'USD', dispute: null, pay: null });
    const wanted = addDays(due, -early);
    const paidOn = [wanted > AS_OF ? AS_OF : wanted].map((d) => (d < inv.issuedOn ? inv.issuedOn : d))[0]!;
    return { ...inv, payments: [{ id: seq++, on: paidOn, amount }] };
  });

describe('evaluate properties', () => {
  it('any history gets a verdict whose score is the clamped sum of measure × weight', () => {
    fc.assert(fc.property(historyArb, day(), (h, asOf) => {
      const v = evaluate(build(h), options({ asOf }));
      expect(['keep', 'watch', 'fire']).toContain(v.verdict);
      expect(Number.isInteger(v.score) && v.score >= 0 && v.score <= 100).toBe(true);
      for (const f of v.findings) expect(f.points).toBeCloseTo(f.measure * f.weight, 6);
      expect(v.score).toBe(Math.min(100, Math.max(0, Math.round(v.findings.reduce((a, f) => a + f.points, 0)))));
      if (v.findings.some((f) => f.severity === 'dealbreaker')) expect(v.verdict).toBe('fire');
    }), RUNS);
  });

  it('adding a late or unpaid invoice never lowers the score nor improves the verdict', () => {
    fc.assert(fc.property(historyArb, lateInvoiceArb, (h, inv) => {
      const f = build(h);
      noBetter(judge(f), judge(add(f, { invoices: [inv] })));
    }), RUNS);
  });

  it('adding an incident or a change request never lowers the score nor improves the verdict', () => {
    fc.assert(fc.property(historyArb, incidentArb, changeArb, fc.boolean(), (h, inc, ch, pickIncident) => {
      const f = build(h);
      noBetter(judge(f), judge(add(f, pickIncident ? { incidents: [buildIncident(inc)] } : { changes: [buildChange(ch)] })));
    }), RUNS);
  });

  it('verbal abuse after a warning never scores less than the warning it escalates', () => {
    const verbal = fc.record({ on: day(400), hour: fc.integer({ min: 0, max: 23 }), severity: fc.constantFrom(...SEVERITIES) });
    fc.assert(fc.property(historyOf(true), fc.array(verbal, { maxLength: 3 }), verbal, verbal, (h, before, warned, again) => {
      const f = add(build(h), { incidents: [...before.map((v) => buildIncident({ ...v, kind: 'verbal-abuse', warned: false })),
        buildIncident({ ...warned, kind: 'verbal-abuse', warned: true })] });
      noBetter(judge(f), judge(add(f, { incidents: [buildIncident({ ...again, kind: 'verbal-abuse', warned: false })] })));
    }), RUNS);
  });

  it('adding a dispute (open or upheld) never lowers the score nor improves the verdict', () => {
    fc.assert(fc.property(historyArb, fc.nat(), fc.integer({ min: 0, max: 90 }), fc.boolean(), (h, pick, after, upheld) => {
      const f = build(h);
      if (f.invoices.length === 0) return;
      const k = pick % f.invoices.length;
      const target = f.invoices[k]!;
      const openedOn = addDays(target.issuedOn, after);
      const disputed = { ...target, disputes: [...target.disputes, { id: seq++, openedOn, reason: 'haggling', resolvedOn: upheld ? addDays(openedOn, 3) : null, outcome: upheld ? 'upheld' as const : null, conceded: 0 }] };
      noBetter(judge(f), judge({ ...f, invoices: f.invoices.map((i, j) => (j === k ? disputed : i)) }));
    }), RUNS);
  });

  it('adding an on-time payment or a referral never raises the score', () => {
    fc.assert(fc.property(historyArb, onTimeInvoiceArb, day(), fc.boolean(), (h, inv, on, pickInvoice) => {
      const f = build(h);
      const after = judge(add(f, pickInvoice ? { invoices: [inv] } : { referrals: [buildReferral(on)] }));
      expect(after.score).toBeLessThanOrEqual(judge(f).score);
    }), RUNS);
  });

  it('the order of records does not matter', () => {
    const shuffled = <T>(xs: T[], seed: number) => xs.map((x, i) => ({ x, k: (i * 7919 + seed) % 101 })).sort((a, b) => a.k - b.k).map((p) => p.x);
    fc.assert(fc.property(historyArb, fc.nat(1000), (h, seed) => {
      const f = build(h);
      const g: ClientFacts = {
        ...f, invoices: shuffled(f.invoices.map((i) => ({ ...i, payments: shuffled(i.payments, seed) })), seed),
        incidents: shuffled(f.incidents, seed), changes: shuffled(f.changes, seed), interactions: shuffled(f.interactions, seed),
        referrals: shuffled(f.referrals, seed), clientIncome: shuffled(f.clientIncome, seed), portfolioIncome: shuffled(f.portfolioIncome, seed),
      };
      expect(judge(g)).toEqual(judge(f));
    }), RUNS);
  });
});
