// Rule referrals (good sign): the client sent new business your way. Owns referrals. Judges; never formats output.
import type { Rule } from '../types.js';
import { plural, referralEvidence, when } from '../evidence.js';
import { makeFinding } from '../finding.js';

export const referrals: Rule = {
  meta: {
    id: 'referrals', severity: 'positive', title: 'Refers new business',
    looksAt: 'referrals recorded in the window',
    why: 'A client who shares their network with you is a partner, not just a buyer.',
    measure: 'referrals × age weight, at most maxCount (points are negative)',
    configKeys: ['referrals.weight', 'referrals.maxCount', 'halfLifeDays', 'windowDays'],
    firesWhen: null,
    owns: 'referrals',
  },
  check(ctx) {
    const recent = ctx.referrals.filter((r) => ctx.recency(r.on) > 0);
    if (recent.length === 0) return null;
    const cfg = ctx.config.referrals;
    return makeFinding(this.meta, ctx, {
      detail: () => `${plural(recent.length, 'referral')} ${when(ctx, recent.map((r) => r.on))} (${recent.map((r) => r.on).join(', ')}).`,
      evidence: () => recent.map(referralEvidence).reverse(),
      measure: Math.min(cfg.maxCount, recent.reduce((a, r) => a + ctx.recency(r.on), 0)), weight: -cfg.weight,
    });
  },
  advise(_f, _ctx, verdict) {
    return verdict === 'fire' ? [] : ['thank them for the referrals, and send business their way when you can'];
  },
};
