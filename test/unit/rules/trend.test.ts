// review --all's 12-point trend without re-judging from scratch (issue #13): the timeline
// (src/rules/timeline.ts) sorts each client's facts once and slices them per date, and settled
// invoices are remembered. The oracle is buildContext as it was (naive-context.ts): every verdict
// and every trend score must be exactly what it gives, on random histories, at any dates, in any order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate, evaluateRow, scoreOf, type EvaluateOptions } from '../../../src/rules/index.js';
import { evaluateContext, scoreOfContext } from '../../../src/rules/evaluate.js';
import { upTo } from '../../../src/rules/timeline.js';
import { monthEnd } from '../../../src/domain/dates.js';
import type { ClientFacts } from '../../../src/rules/facts.js';
import { options } from './builders.js';
import { USER_ZONES, WORKING_HOURS, build, day, historyArb } from './arbitraries.js';
import { buildContext } from '../../../src/rules/context.js';
import { naiveBuildContext } from './naive-context.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) };

/** A fresh deep copy: nothing the fast path remembers about the original can reach it. */
const copy = (f: ClientFacts): ClientFacts => structuredClone(f);
const naiveVerdict = (f: ClientFacts, o: EvaluateOptions) => evaluateContext(naiveBuildContext(copy(f), o), o);
const naiveScore = (f: ClientFacts, o: EvaluateOptions) => scoreOfContext(naiveBuildContext(copy(f), o), o);
const opts = (zone: string, asOf: string) => options({ asOf, timeZone: zone, workingHours: WORKING_HOURS });

describe('trend and verdicts through the timeline equal the naive judgement', () => {
  it('review --all order: the verdict on asOf, then the 11 month ends before it, on one facts object', () => {
    fc.assert(fc.property(historyArb, day(), (h, asOf) => {
      const c = build(h);
      const o = opts(c.zone, asOf);
      expect(evaluate(c.facts, o)).toEqual(naiveVerdict(c.facts, o));
      for (let k = -11; k < 0; k++) {
        const at = { ...o, asOf: monthEnd(asOf, k) };
        expect(scoreOf(c.facts, at)).toBe(naiveScore(c.facts, at));
      }
    }), RUNS);
  });

  it('any dates in any order, scores and whole verdicts, on one facts object', () => {
    fc.assert(fc.property(historyArb, fc.array(day(), { minLength: 1, maxLength: 6 }), (h, days) => {
      const c = build(h);
      for (const asOf of days) {
        const o = opts(c.zone, asOf);
        expect(scoreOf(c.facts, o)).toBe(naiveScore(c.facts, o));
        expect(evaluate(c.facts, o)).toEqual(naiveVerdict(c.facts, o));
      }
    }), RUNS);
  });

  it('one facts object judged in several zones and with another config stays exact', () => {
    fc.assert(fc.property(historyArb, day(), (h, asOf) => {
      const c = build(h);
      for (const zone of ['UTC', 'Pacific/Auckland', c.zone]) {
        const o = opts(zone, asOf);
        expect(evaluate(c.facts, o)).toEqual(naiveVerdict(c.facts, o));
        const strict = options({ asOf, timeZone: zone, workingHours: WORKING_HOURS, tune: (cfg) => { cfg.latePayment.graceDays = 0; cfg.residual.share = 0; } });
        expect(evaluate(c.facts, strict)).toEqual(naiveVerdict(c.facts, strict));
      }
    }), RUNS);
  });
});

describe('the trend’s brief judgement (score only: no detail, evidence, advice nor info rules)', () => {
  /** Settings that move the thresholds, caps, windows and weights the score reads. */
  const tuneArb = fc.record({
    watch: fc.integer({ min: 10, max: 50 }), fire: fc.integer({ min: 51, max: 90 }), signCap: fc.integer({ min: 20, max: 80 }),
    reliefCap: fc.integer({ min: 0, max: 40 }), halfLifeDays: fc.constantFrom(90, 182, 365), grace: fc.integer({ min: 0, max: 30 }),
    residual: fc.constantFrom(0, 0.01, 0.05), minActiveMonths: fc.integer({ min: 1, max: 6 }),
  });
  it('scores exactly what the full verdict scores, on random facts, dates, zones and settings', () => {
    fc.assert(fc.property(historyArb, day(), fc.constantFrom(...USER_ZONES), tuneArb, fc.boolean(), (h, asOf, zone, t, rates) => {
      const c = build(h);
      const o = options({
        asOf, timeZone: zone, workingHours: WORKING_HOURS, rates: rates ? { EUR: 1, USD: 0.9, JPY: 0.006 } : undefined,
        tune: (cfg) => {
          cfg.thresholds.watch = t.watch; cfg.thresholds.fire = t.fire; cfg.signCap = t.signCap; cfg.reliefCap = t.reliefCap;
          cfg.halfLifeDays = t.halfLifeDays; cfg.latePayment.graceDays = t.grace; cfg.residual.share = t.residual;
          cfg.longRelationship.minActiveMonths = t.minActiveMonths;
        },
      });
      const brief = buildContext(c.facts, o, 'score');
      expect(brief.brief).toBe(true);
      expect(scoreOf(c.facts, o)).toBe(evaluate(copy(c.facts), o).score);
      expect(scoreOfContext(brief, o)).toBe(naiveScore(c.facts, o));
    }), RUNS);
  });
});

describe('review --all’s row (findings without evidence, no advice)', () => {
  it('is the full verdict without evidence and advice, at any date, in any zone', () => {
    fc.assert(fc.property(historyArb, day(), fc.constantFrom(...USER_ZONES), (h, asOf, zone) => {
      const c = build(h);
      const o = opts(zone, asOf);
      const full = evaluate(copy(c.facts), o);
      expect(evaluateRow(c.facts, o)).toEqual({ ...full, findings: full.findings.map((f) => ({ ...f, evidence: [] })), advice: [] });
    }), RUNS);
  });
});

describe('timeline prefixes', () => {
  it('a list whose dates go down somewhere (a zone turning its clocks back over midnight) is filtered, not sliced', () => {
    const items = [{ d: '2026-04-04' }, { d: '2026-04-05' }, { d: '2026-04-04' }, { d: '2026-04-06' }];
    const s = { items, dateOf: (x: { d: string }) => x.d, monotone: false };
    expect(upTo(s, '2026-04-04')).toEqual([items[0], items[2]]);
    const m = { items: [...items].sort((a, b) => a.d.localeCompare(b.d)), dateOf: s.dateOf, monotone: true };
    expect(upTo(m, '2026-04-04')).toEqual([items[0], items[2]]);
    expect(upTo(m, '2026-04-03')).toEqual([]);
    expect(upTo(m, '2026-04-06')).toHaveLength(4);
  });
});
