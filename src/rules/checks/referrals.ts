// Rule referrals (good sign): the client sent new business your way. Judges; never formats output.
import type { Rule } from '../types.js';
import { plural, referralEvidence } from '../evidence.js';
import { makeFinding } from '../finding.js';

export const referrals: Rule = {
  meta: {
    id: 'referrals', severity: 'positive', title: 'Refers new business',
    looksAt: 'referrals recorded in the window',
    why: 'A client who shares their network with you is a partner, not just a buyer.',
    measure: 'recency-weighted number of referrals, capped at maxCount (points are negative)',
    configKeys: ['referrals.weight', 'referrals.maxCount', 'halfLifeDays', 'windowDays'],
  },
  check(ctx) {
    const recent = ctx.referrals.filter((r) => ctx.recency(r.on) > 0);
    if (recent.length === 0) return null;
    const cfg = ctx.config.referrals;
    return makeFinding(this.meta, {
      detail: `${plural(recent.length, 'referral')} in the last ${ctx.config.windowDays} days (${recent.map((r) => r.on).join(', ')}).`,
      evidence: recent.map(referralEvidence),
      measure: Math.min(cfg.maxCount, recent.reduce((a, r) => a + ctx.recency(r.on), 0)), weight: -cfg.weight,
    });
  },
  advise() {
    return ['thank them for the referrals, and send business their way when you can'];
  },
};
