// The rules' shortcuts over interactions sorted by date (issue #13): long-relationship reads only the
// first good contact, the last 12 months and the last good contact; unreasonable-demands only the
// contacts in the window. Each must equal the same rule walking every interaction, which is what it
// does when the context says the dates may go down (interactionsByDate false).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { longRelationship } from '../../../src/rules/checks/long-relationship.js';
import { unreasonableDemands } from '../../../src/rules/checks/unreasonable-demands.js';
import { buildContext } from '../../../src/rules/context.js';
import { options } from './builders.js';
import { USER_ZONES, WORKING_HOURS, build, day, historyArb } from './arbitraries.js';
import { naiveBuildContext } from './naive-context.js';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 200) };

describe('interaction shortcuts equal the walk over every interaction', () => {
  it('long-relationship and unreasonable-demands, at any date, in any zone, timeline or naive context', () => {
    fc.assert(fc.property(historyArb, day(), fc.constantFrom(...USER_ZONES), fc.boolean(), (h, asOf, zone, naive) => {
      const c = build(h);
      const o = options({ asOf, timeZone: zone, workingHours: WORKING_HOURS, tune: (cfg) => { cfg.longRelationship.minActiveMonths = 1; } });
      const ctx = (naive ? naiveBuildContext : buildContext)(c.facts, o);
      const walk = { ...ctx, interactionsByDate: false };
      for (const rule of [longRelationship, unreasonableDemands]) expect(rule.check(ctx)).toEqual(rule.check(walk));
    }), RUNS);
  });

  it('the timeline says whether local dates never go down, as the interactions are ordered', () => {
    fc.assert(fc.property(historyArb, day(), fc.constantFrom(...USER_ZONES), (h, asOf, zone) => {
      const ctx = buildContext(build(h).facts, options({ asOf, timeZone: zone, workingHours: WORKING_HOURS }));
      const xs = ctx.interactions;
      if (ctx.interactionsByDate) expect(xs.every((x, k) => k === 0 || (xs[k - 1] as typeof x).local.date <= x.local.date)).toBe(true);
    }), RUNS);
  });
});
