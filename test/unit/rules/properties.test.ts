// fast-check properties of evaluate() (issue #11, item 2): total, monotone in bad and good events,
// stable from day to day between documented boundaries, blind to thin history and to record order.
// Generators live in arbitraries.ts; shrunk counterexamples are kept below as explicit regressions.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RULES, defaultRulesConfig, evaluate, type Verdict } from '../../../src/rules/index.js';
import { addDays } from '../../../src/domain/dates.js';
import type { ClientFacts, DisputeFact } from '../../../src/rules/facts.js';
import { ago, batch, change, facts, incident, interaction, invoice, options, referral } from './builders.js';
import {
  AS_OF, BAD_EVENTS, GOOD_EVENTS, NEUTRAL_EVENTS, boundaryDays, build, day, historyArb, judge, nearMonthStart,
  type Case, type EventKind,
} from './arbitraries.js';

// FC_RUNS=5000 npx vitest run … for a deeper search; 150 keeps the file fast.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) };
const RANK = { keep: 0, watch: 1, fire: 2 } as const;
const round1 = (x: number) => Math.round(x * 10) / 10;
/** The kind of sign each rule gives (late-payment and overdue-balance are one: "slow to pay"). */
const KIND_OF = new Map(RULES.map((m) => [m.id, m.sign ?? m.id]));

/** Which rules' points moved between two verdicts: the story a failing property tells. */
function moved(before: Verdict, after: Verdict): string {
  const pts = (v: Verdict) => new Map(v.findings.map((f) => [f.rule, f.points]));
  const a = pts(before);
  const b = pts(after);
  const rules = [...new Set([...a.keys(), ...b.keys()])].filter((r) => a.get(r) !== b.get(r));
  return `score ${before.score} (${before.verdict}) → ${after.score} (${after.verdict}); `
    + (rules.map((r) => `${r}: ${a.get(r) ?? '–'} → ${b.get(r) ?? '–'}`).join(', ') || 'no rule moved');
}
const noBetter = (before: Verdict, after: Verdict) => {
  expect(after.score, moved(before, after)).toBeGreaterThanOrEqual(before.score);
  expect(RANK[after.verdict], moved(before, after)).toBeGreaterThanOrEqual(RANK[before.verdict]);
};
const noWorse = (before: Verdict, after: Verdict) => {
  expect(after.score, moved(before, after)).toBeLessThanOrEqual(before.score);
  expect(RANK[after.verdict], moved(before, after)).toBeLessThanOrEqual(RANK[before.verdict]);
};
const table = (events: EventKind<unknown>[]) => events.map((e) => [e.name, e] as const);
const eventProperty = (e: EventKind<unknown>, check: (before: Verdict, after: Verdict) => void) =>
  fc.assert(fc.property(historyArb, e.spec, (h, s) => {
    const pair = e.apply(build(h), s);
    fc.pre(pair !== null);
    check(judge(pair.before), judge(pair.after));
  }), RUNS);

describe('evaluate properties: total', () => {
  it('any history gets keep/watch/fire and an integer score 0..100 by the documented formula', () => {
    const cfg = defaultRulesConfig();
    const { watch, fire } = cfg.thresholds;
    fc.assert(fc.property(historyArb, day(), (h, asOf) => {
      const v = judge(build(h), undefined, asOf);
      expect(['keep', 'watch', 'fire']).toContain(v.verdict);
      expect(Number.isInteger(v.score) && v.score >= 0 && v.score <= 100).toBe(true);
      const trouble = v.findings.filter((f) => f.severity === 'warning' || f.severity === 'dealbreaker');
      for (const f of trouble) {
        const capped = f.cap === null ? f.measure * f.weight : Math.min(f.cap, f.measure * f.weight);
        if (f.firesAlone === null) {
          expect(f.cap).not.toBeNull();
          expect(f.points).toBeLessThanOrEqual(f.cap as number);
          expect(f.points).toBeCloseTo(round1(capped), 6);
        } else {
          expect(f.points).toBeCloseTo(round1(Math.max(capped, fire)), 6);
        }
      }
      for (const f of v.findings.filter((x) => x.severity === 'positive')) expect(f.points).toBeLessThanOrEqual(0);
      for (const f of v.findings.filter((x) => x.severity === 'info')) expect(f.points).toBe(0);
      // v.total is what the findings say: each sign (its rules together, e.g. late-payment +
      // overdue-balance = "slow to pay") counts at most signCap unless one of them decides.
      const groups = new Map<string, typeof trouble>();
      for (const f of trouble) groups.set(KIND_OF.get(f.rule) ?? f.rule, [...(groups.get(KIND_OF.get(f.rule) ?? f.rule) ?? []), f]);
      const counted = [...groups.values()].map((fs) => {
        const sum = fs.reduce((a, f) => a + f.points, 0);
        const decides = fs.some((f) => f.severity === 'dealbreaker' || f.firesAlone !== null);
        return { decides, counted: fs.length < 2 || decides ? sum : Math.min(cfg.signCap, sum) };
      });
      expect(v.total.signs).toBeCloseTo(counted.reduce((a, g) => a + g.counted, 0), 6);
      expect(v.total.relief).toBeCloseTo(-v.findings.filter((f) => f.severity === 'positive').reduce((a, f) => a + f.points, 0), 6);
      const decisive = trouble.some((f) => f.severity === 'dealbreaker' || f.firesAlone !== null);
      // Floors (README "How crm judges"): fire for a dealbreaker, a sign that fires on its own, or two
      // clear signs (25+ each) of different kinds unless good signs worth 25+ speak for the client;
      // watch for one clear sign.
      const clear = counted.filter((g) => !g.decides && g.counted >= watch - 1e-9);
      const pair = clear.length >= 2 && v.total.relief < watch;
      expect(v.total.floor).toBe(decisive || pair ? fire : clear.length ? watch : 0);
      // …and the score is the documented formula of it.
      const reliefCapped = Math.min(cfg.reliefCap, v.total.relief);
      expect(v.total.reliefCapped).toBeCloseTo(reliefCapped, 6);
      expect(v.score).toBe(Math.min(100, Math.max(0, Math.round(Math.max(round1(v.total.signs - reliefCapped), v.total.floor)))));
      expect(v.verdict).toBe(v.score >= fire ? 'fire' : v.score >= watch ? 'watch' : 'keep');
      if (decisive) expect(v.verdict).toBe('fire');
    }), RUNS);
  });
});

describe('evaluate properties: monotone in bad events', () => {
  it.each(table(BAD_EVENTS))('adding %s never lowers the score nor improves the verdict', (_name, e) => {
    eventProperty(e, noBetter);
  });
});

describe('evaluate properties: good and harmless events', () => {
  it.each(table(GOOD_EVENTS))('adding %s never raises the score nor worsens the verdict', (_name, e) => {
    eventProperty(e, noWorse);
  });
  it.each(table(NEUTRAL_EVENTS))('adding %s never raises the score', (_name, e) => {
    eventProperty(e, (before, after) => expect(after.score, moved(before, after)).toBeLessThanOrEqual(before.score));
  });
});

describe('evaluate properties: stable from day to day', () => {
  it('between documented boundaries, judging on d and d+1 gives the same score and verdict', () => {
    const cfg = defaultRulesConfig();
    const from = -1500;
    const to = 400;
    fc.assert(fc.property(historyArb, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (h, picks) => {
      const c = build(h);
      const blocked = boundaryDays(c, cfg);
      const days: string[] = [];
      for (let k = from; k <= to; k++) {
        const next = addDays(AS_OF, k + 1);
        if (!blocked.has(next) && !nearMonthStart(next)) days.push(addDays(AS_OF, k));
      }
      fc.pre(days.length > 0);
      for (const p of picks) {
        const d = days[p % days.length] as string;
        const a = judge(c, undefined, d);
        const b = judge(c, undefined, addDays(d, 1));
        expect({ on: addDays(d, 1), score: b.score, verdict: b.verdict }, moved(a, b)).toEqual({ on: addDays(d, 1), score: a.score, verdict: a.verdict });
      }
    }), RUNS);
  });

  it('thin history never changes the verdict: lowConfidence.minInvoices = 0 judges the same', () => {
    fc.assert(fc.property(historyArb, day(), (h, asOf) => {
      const c = build(h);
      const v = judge(c, undefined, asOf);
      const sure = judge(c, (cfg) => { cfg.lowConfidence.minInvoices = 0; }, asOf);
      expect(sure.confidence).toBe('normal');
      expect({ verdict: sure.verdict, score: sure.score }).toEqual({ verdict: v.verdict, score: v.score });
    }), RUNS);
  });
});

describe('evaluate properties: order-blind', () => {
  it('shuffling every list gives the same verdict', () => {
    const shuffled = <T>(xs: T[], seed: number) => xs.map((x, i) => ({ x, k: (i * 7919 + seed) % 101 })).sort((a, b) => a.k - b.k).map((p) => p.x);
    fc.assert(fc.property(historyArb, fc.nat(1000), (h, seed) => {
      const c = build(h);
      const f = c.facts;
      const g: ClientFacts = {
        ...f,
        invoices: shuffled(f.invoices.map((i) => ({ ...i, payments: shuffled(i.payments, seed), disputes: shuffled(i.disputes, seed) })), seed),
        incidents: shuffled(f.incidents, seed), changes: shuffled(f.changes, seed), interactions: shuffled(f.interactions, seed),
        referrals: shuffled(f.referrals, seed), deliveries: shuffled(f.deliveries, seed),
        clientIncome: shuffled(f.clientIncome, seed), portfolioIncome: shuffled(f.portfolioIncome, seed),
      };
      const other: Case = { ...c, facts: g };
      expect(judge(other)).toEqual(judge(c));
    }), RUNS);
  });
});

// Shrunk counterexamples of the properties above, as stories (issue #11 item 2). Each asserts what
// the property asks for; they fail until src/ is fixed (reported to the lead with the rule that moved).
describe('evaluate properties: regressions (shrunk counterexamples)', () => {
  const score = (f: ClientFacts) => evaluate(f, options());
  const sunday = (hhmm: string, daysAgo = 0) => `${ago(daysAgo)}T${hhmm}:00.000Z`; // AS_OF is a Sunday
  const call = (at: string) => ({ ...interaction(at), channel: 'phone' as const });

  it.each(['other', 'missed-deadline'] as const)('an incident (%s) recorded with an after-hours call does not erase the call', (kind) => {
    // unreasonable-demands 8.8 → gone: a linked contact "counts once, as the incident", but an
    // `other` incident counts for nothing (9 → 0) and a low missed-deadline for 8 (9 → 8).
    const ring = call(sunday('00:00'));
    noBetter(score(facts({ interactions: [ring] })),
      score(facts({ interactions: [ring], incidents: [incident(kind, ring.at, { severity: 'low', interactionId: ring.id })] })));
  });

  it('an unreasonable-demand incident does not erase the other after-hours calls of its day', () => {
    // 3 calls on Sunday night: 26 points (watch). One low incident that afternoon: the day's calls
    // are dropped as "the same demand", 13 points (keep).
    const calls = ['00:00', '01:00', '02:00'].map((t) => call(sunday(t)));
    noBetter(score(facts({ interactions: calls })),
      score(facts({ interactions: calls, incidents: [incident('unreasonable-demand', sunday('12:00'), { severity: 'low' })] })));
  });

  it('conceding part of a disputed overdue invoice does not lower the score', () => {
    // 2000.00 overdue 45 days (bucket 2: 30) under a stale dispute (14): 44. Conceding 5% moves
    // 15 × 2 × 5% = 1.5 out of overdue-balance and only 14 × 5% = 0.7 into invoice-disputes: 43.
    const disputed = (d: Partial<DisputeFact>) => invoice({ due: ago(45), amount: 200000, disputes: [{ openedOn: ago(40), ...d }] });
    noBetter(score(facts({ invoices: [disputed({})] })),
      score(facts({ invoices: [disputed({ resolvedOn: AS_OF, outcome: 'discounted', conceded: 10000 })] })));
  });

  it('a concession that brings a balance within the residual tolerance does not lower the score', () => {
    // 100.00, half paid, overdue: 7.5 + a stale dispute 14 = 22 (rounded). Conceding 0.01 leaves
    // 49.99 ≤ the 50.00 tolerance: "settled", overdue-balance gone, 14.
    const inv = (d: Partial<DisputeFact>) => invoice({ due: ago(1), issued: ago(30), amount: 10001, payments: [{ on: ago(1), amount: 5000 }], disputes: [{ openedOn: ago(30), ...d }] });
    noBetter(score(facts({ invoices: [inv({})] })),
      score(facts({ invoices: [inv({ resolvedOn: AS_OF, outcome: 'discounted', conceded: 5 })] })));
  });

  it('writing off an overdue invoice does not lower the score (when disputes already fire)', () => {
    // invoice-disputes already fires (20% conceded on A: 60) and B is 45 days overdue (30): 90.
    // Writing B off moves its 30 out of overdue-balance into a rule already at its 60: 60.
    const a = invoice({ due: ago(60), payments: [{ on: ago(55), amount: 80000 }], disputes: [{ openedOn: ago(70), resolvedOn: ago(58), outcome: 'discounted', conceded: 20000 }] });
    const b = (d: Partial<DisputeFact>[]) => invoice({ due: ago(45), amount: 200000, disputes: d });
    noBetter(score(facts({ invoices: [a, b([])] })),
      score(facts({ invoices: [a, b([{ openedOn: ago(20), resolvedOn: AS_OF, outcome: 'written-off', conceded: 200000 }])] })));
  });

  it('writing off an overdue invoice does not lower the score (a write-off more than a year ago)', () => {
    // 2000.00 unpaid for 400 days is 40 (watch); written off 380 days ago it is one dispute of the
    // second year, 0.5 × 2 × 14 = 14 (keep). Ageing the write-off is by design; the open debt never ages.
    const old = (d: Partial<DisputeFact>[]) => invoice({ due: ago(400), amount: 200000, disputes: d });
    noBetter(score(facts({ invoices: [old([])] })),
      score(facts({ invoices: [old([{ openedOn: ago(390), resolvedOn: ago(380), outcome: 'written-off', conceded: 200000 }])] })));
  });

  it('an after-hours call never lengthens the relationship (long-relationship counts good touches only)', () => {
    // Monthly emails for 13 months (1 year: −4) and two Sunday-night calls (17.7): 14. A third call
    // 1001 days ago adds 26 × 0.34 × ¼ = 2.2 but becomes the first touch (2 years: −8): 12.
    const emails = Array.from({ length: 14 }, (_, k) => interaction(ago(30 * k), 'out'));
    const calls = [call(sunday('00:00')), call(sunday('00:00', 7))];
    noBetter(score(facts({ interactions: [...emails, ...calls] })),
      score(facts({ interactions: [...emails, ...calls, call(sunday('12:00', 1001))] })));
  });

  it('an after-hours call never turns fire into watch by lengthening the relationship', () => {
    // Two clear signs (5 unbilled changes 35, 3 Sunday-night calls 26) and 3 referrals (−24 < 25):
    // fire (floor 60). A 4th call 1001 days ago adds nothing to the capped after-hours part but makes
    // the relationship 2 years old (−2.7): good signs 26.7 ≥ 25 lift the floor, 61 − 26.7 = 34 (watch).
    const calls = ['00:00', '01:00', '02:00'].map((t) => call(sunday(t)));
    const story = { changes: [5, 10, 20, 30, 40].map((d) => change(ago(d), { unbilled: true })), referrals: [40, 70, 100].map((d) => referral(ago(d))) };
    noBetter(score(facts({ ...story, interactions: calls })), score(facts({ ...story, interactions: [...calls, call(sunday('12:00', 1001))] })));
  });

  it('a half-paid small invoice is not an invoice paid on time', () => {
    // Found by fast-check when the residual tolerance was max(2%, 50.00): 50.00 short on a 100.00
    // invoice counted as settled, on time, and earned on-time-payer (−15): 15 → 0. The tolerance is
    // now never more than a tenth of the invoice (context.ts residualTolerance).
    const base = batch(2, ago(40), 0);
    const half = invoice({ due: ago(10), amount: 10000, payments: [{ on: ago(12), amount: 5000 }] });
    const trouble = [incident('ignored-advice', ago(5))];
    noBetter(score(facts({ invoices: base, incidents: trouble })), score(facts({ invoices: [...base, half], incidents: trouble })));
  });
});
