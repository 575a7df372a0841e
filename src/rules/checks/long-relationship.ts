// Rule long-relationship (good sign): a long history with regular contact or on-time payments and
// no dealbreaker. Only good touches count, so recording trouble can never lengthen it.
import type { Rule } from '../types.js';
import { daysBetween, minDate, monthKey } from '../../domain/dates.js';
import { plural, round2 } from '../evidence.js';
import { makeFinding } from '../finding.js';
import { physicalAbuse } from './physical-abuse.js';
import { dishonesty } from './dishonesty.js';
import { legalRisk } from './legal-risk.js';
import { verbalAbuse } from './verbal-abuse.js';

export const longRelationship: Rule = {
  meta: {
    id: 'long-relationship', severity: 'positive', title: 'Long, steady relationship',
    looksAt: 'time since the first good contact, and the months of the last 12 with an interaction, on-time payment, delivery or referral',
    why: 'Years of steady work together are trust you would have to rebuild with anyone new.',
    measure: 'years together (capped at maxYears) × active months in the last 12 / 12 (points are negative)',
    configKeys: ['longRelationship.weight', 'longRelationship.minMonths', 'longRelationship.minActiveMonths', 'longRelationship.maxYears'],
  },
  check(ctx) {
    const cfg = ctx.config.longRelationship;
    if ([physicalAbuse, dishonesty, legalRisk, verbalAbuse].some((r) => r.check(ctx)?.severity === 'dealbreaker')) return null;
    const touches = [
      ...ctx.interactions.map((i) => i.local.date),
      ...ctx.invoices.filter((s) => s.onTime && s.settledOn !== null).map((s) => s.settledOn as string),
      ...ctx.deliveries.map((d) => d.on), ...ctx.referrals.map((r) => r.on),
    ];
    const created = ctx.client.createdOn <= ctx.asOf ? [ctx.client.createdOn] : [];
    const first = [...touches, ...created].reduce(minDate, ctx.asOf);
    const days = daysBetween(first, ctx.asOf);
    if (days < (cfg.minMonths * 365.25) / 12) return null;
    const active = new Set(touches.filter((d) => ctx.age(d) < 365).map(monthKey)).size;
    if (active === 0 || active < cfg.minActiveMonths) return null;
    const years = Math.min(cfg.maxYears, days / 365.25);
    return makeFinding(this.meta, {
      detail: `Working together since ${first} (${round2(days / 365.25)} years); in touch or paid on time in `
        + `${plural(Math.min(active, 12), 'month')} of the last 12.`,
      evidence: [], measure: years * (Math.min(active, 12) / 12), weight: -cfg.weight,
    });
  },
};
