// Rule long-relationship (good sign): years of work together with regular contact or on-time
// payments, and no dealbreaker. Only good touches count, so recording trouble can never lengthen it.
// Owns the length and steadiness of the relationship. Judges; never formats output.
import type { Rule, Evidence } from '../types.js';
import { daysBetween, monthKey } from '../../domain/dates.js';
import { deliveryEvidence, interactionEvidence, invoiceEvidence, plural, referralEvidence } from '../evidence.js';
import { makeFinding } from '../finding.js';
import { physicalAbuse } from './physical-abuse.js';
import { dishonesty } from './dishonesty.js';
import { legalRisk } from './legal-risk.js';
import { verbalAbuse } from './verbal-abuse.js';
import { isAfterHoursDemand } from './unreasonable-demands.js';

interface Touch { on: string; evidence: Evidence }

export const longRelationship: Rule = {
  meta: {
    id: 'long-relationship', severity: 'positive', title: 'Long, steady relationship',
    looksAt: 'time since the first good contact, and the months of the last 12 with an interaction, on-time payment, delivery or referral',
    why: 'Years of steady work together are trust you would have to rebuild with anyone new.',
    measure: 'whole years together (at most maxYears) × active months in the last 12 / 12 (points are negative)',
    configKeys: ['longRelationship.weight', 'longRelationship.minMonths', 'longRelationship.minActiveMonths', 'longRelationship.maxYears'],
    firesWhen: null,
    owns: 'the length and steadiness of the relationship',
  },
  check(ctx) {
    const cfg = ctx.config.longRelationship;
    if ([physicalAbuse, dishonesty, legalRisk, verbalAbuse].some((r) => r.check(ctx)?.severity === 'dealbreaker')) return null;
    const linked = new Set(ctx.incidents.map((i) => i.interactionId));
    const touches: Touch[] = [
      // Good touches only: not after-hours demands, not contacts an incident was recorded with.
      ...ctx.interactions.filter((i) => !linked.has(i.id) && !isAfterHoursDemand(ctx, i))
        .map((i) => ({ on: i.local.date, evidence: interactionEvidence(i) })),
      ...ctx.invoices.filter((s) => s.onTime && s.settledOn !== null).map((s) => ({ on: s.settledOn as string, evidence: invoiceEvidence(s) })),
      ...ctx.deliveries.map((d) => ({ on: d.on, evidence: deliveryEvidence(d) })),
      ...ctx.referrals.map((r) => ({ on: r.on, evidence: referralEvidence(r) })),
    ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const first = touches[0];
    const last = touches[touches.length - 1];
    if (!first || !last) return null;
    const days = daysBetween(first.on, ctx.asOf);
    if (days < (cfg.minMonths * 365.25) / 12) return null;
    const active = new Set(touches.filter((t) => ctx.age(t.on) < 365).map((t) => monthKey(t.on))).size;
    if (active === 0 || active < cfg.minActiveMonths) return null;
    const years = Math.min(cfg.maxYears, Math.floor(days / 365.25));
    return makeFinding(this.meta, ctx, {
      detail: `Working together since ${first.on} (${plural(Math.floor(days / 365.25), 'year')}); in touch or paid on time in `
        + `${plural(Math.min(active, 12), 'month')} of the last 12.`,
      evidence: last === first ? [first.evidence] : [last.evidence, first.evidence],
      measure: years * (Math.min(active, 12) / 12), weight: -cfg.weight,
    });
  },
};
