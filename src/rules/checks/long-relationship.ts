// Rule long-relationship (good sign): years of work together with regular contact or on-time
// payments, and no dealbreaker. Only good touches count, so recording trouble can never lengthen it.
// Owns the length and steadiness of the relationship. Judges; never formats output.
import type { Rule, Evidence } from '../types.js';
import { daysBetween, monthKey } from '../../domain/dates.js';
import { deliveryEvidence, interactionEvidence, invoiceEvidence, plural, referralEvidence } from '../evidence.js';
import { makeFinding } from '../finding.js';
import { isAfterHoursDemand } from './unreasonable-demands.js';
import { repeatsAfterWarning } from '../finding.js';
import type { RuleContext } from '../context.js';

/** What the four dealbreaker rules look for: then no history is a good one. */
const hasDealbreaker = (ctx: RuleContext): boolean =>
  ctx.incidents.some((i) => i.kind === 'physical-abuse' || i.kind === 'dishonesty' || i.kind === 'legal-risk')
  || repeatsAfterWarning(ctx, 'verbal-abuse').repeats.length > 0;

/** A good touch; its evidence is built only for the two the finding cites (review --all judges thousands). */
interface Touch { on: string; evidence: () => Evidence }

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
    if (hasDealbreaker(ctx)) return null;
    const linked = new Set(ctx.incidents.map((i) => i.interactionId));
    // One pass, no sorting: review --all asks this of every client at 12 dates.
    let first: Touch | undefined;
    let last: Touch | undefined;
    const months = new Set<string>();
    const touch = (on: string, evidence: () => Evidence) => {
      if (!first || on < first.on) first = { on, evidence };
      if (!last || on >= last.on) last = { on, evidence };
      if (on >= ctx.yearStart) months.add(monthKey(on));
    };
    // Good touches only: not after-hours demands, not contacts an incident was recorded with.
    for (const i of ctx.interactions) if (!linked.has(i.id) && !isAfterHoursDemand(ctx, i)) touch(i.local.date, () => interactionEvidence(i));
    for (const s of ctx.invoices) if (s.onTime && s.settledOn !== null) touch(s.settledOn, () => invoiceEvidence(s));
    for (const d of ctx.deliveries) touch(d.on, () => deliveryEvidence(d));
    for (const r of ctx.referrals) touch(r.on, () => referralEvidence(r));
    if (!first || !last) return null;
    const days = daysBetween(first.on, ctx.asOf);
    if (days < (cfg.minMonths * 365.25) / 12) return null;
    const active = months.size;
    if (active === 0 || active < cfg.minActiveMonths) return null;
    const years = Math.min(cfg.maxYears, Math.floor(days / 365.25));
    return makeFinding(this.meta, ctx, {
      detail: `Working together since ${first.on} (${plural(Math.floor(days / 365.25), 'year')}); in touch or paid on time in `
        + `${plural(Math.min(active, 12), 'month')} of the last 12.`,
      evidence: last === first ? [first.evidence()] : [last.evidence(), first.evidence()],
      measure: years * (Math.min(active, 12) / 12), weight: -cfg.weight,
    });
  },
};
