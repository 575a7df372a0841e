// review --all's 12-point trend without re-judging from scratch (issue #13): the timeline
// (src/rules/timeline.ts) sorts each client's facts once and slices them per date, and settled
// invoices are remembered. The oracle is buildContext as it was (naive-context.ts): every verdict
// and every trend score must be exactly what it gives, on random histories, at any dates, in any order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate, scoreOf, type EvaluateOptions } from '../../../src/rules/index.js';
import { evaluateContext, scoreOfContext } from '../../../src/rules/evaluate.js';
import { upTo } from '../../../src/rules/timeline.js';
import { monthEnd } from '../../../src/domain/dates.js';
import type { ClientFacts } from '../../../src/rules/facts.js';
import { options } from './builders.js';
import { WORKING_HOURS, build, day, historyArb } from './arbitraries.js';
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
