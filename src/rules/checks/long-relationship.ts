// Rule long-relationship (good sign): years of work together with regular contact or on-time
// payments, and no dealbreaker. Only good touches count, so recording trouble can never lengthen it.
// Owns the length and steadiness of the relationship. Judges; never formats output.
import type { Rule, Evidence } from '../types.js';
import { daysBetween, monthKey } from '../../domain/dates.js';
import { deliveryEvidence, interactionEvidence, invoiceEvidence, plural, referralEvidence } from '../evidence.js';
import { makeFinding } from '../finding.js';
import { isAfterHoursDemand } from './unreasonable-demands.js';
import { repeatsAfterWarning } from '../finding.js';
import type { KnownInteraction, RuleContext } from '../context.js';

/**
 * The good interactions that can change the finding, in order: when their dates never go down, the
 * first good one, the good ones of the last 12 months and the last good one — the same first, last
 * and months as all of them, without walking a decade of contacts at each of review --all's 12 dates.
 */
function goodTouchesThatCount(ctx: RuleContext, good: (i: KnownInteraction) => boolean): KnownInteraction[] {
  const xs = ctx.interactions;
  if (!ctx.interactionsByDate) return xs.filter(good);
  let a = 0;
  while (a < xs.length && !good(xs[a] as KnownInteraction)) a++;
  if (a === xs.length) return [];
  let z = xs.length - 1;
  while (z > a && !good(xs[z] as KnownInteraction)) z--;
  // The first position dated in the last 12 months (the months counted).
  let lo = a + 1;
  let hi = z;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as KnownInteraction).local.date < ctx.yearStart) lo = mid + 1;
    else hi = mid;
  }
  const out = [xs[a] as KnownInteraction];
  for (let k = lo; k < z; k++) if (good(xs[k] as KnownInteraction)) out.push(xs[k] as KnownInteraction);
  if (z > a) out.push(xs[z] as KnownInteraction);
  return out;
}

/** What the four dealbreaker rules look for: then no history is a good one. */
const hasDealbreaker = (ctx: RuleContext): boolean =>
  ctx.incidents.some((i) => i.kind === 'physical-abuse' || i.kind === 'dishonesty' || i.kind === 'legal-risk')
  || repeatsAfterWarning(ctx, 'verbal-abuse').repeats.length > 0;

/** A good touch's record and how to cite it: evidence is built only for the two the finding cites. */
type Cite = (x: unknown) => Evidence;

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
    // One pass, no sorting, nothing allocated per touch: review --all asks this of every client at 12 dates.
    // The first and the last good touch (the card cites both): the record, and how to cite it.
    let firstOn = '';
    let lastOn = '';
    let firstCite: Cite | null = null;
    let lastCite: Cite | null = null;
    let firstX: unknown = null;
    let lastX: unknown = null;
    const months = new Set<string>();
    const touch = <T>(on: string, cite: (x: T) => Evidence, x: T) => {
      if (firstCite === null || on < firstOn) {
        firstOn = on;
        firstCite = cite as Cite;
        firstX = x;
      }
      if (lastCite === null || on >= lastOn) {
        lastOn = on;
        lastCite = cite as Cite;
        lastX = x;
      }
      if (on >= ctx.yearStart) months.add(monthKey(on));
    };
    // Good touches only: not after-hours demands, not contacts an incident was recorded with.
    const good = (i: KnownInteraction) => !linked.has(i.id) && !isAfterHoursDemand(ctx, i);
    for (const i of goodTouchesThatCount(ctx, good)) touch(i.local.date, interactionEvidence, i);
    for (const s of ctx.invoices) if (s.onTime && s.settledOn !== null) touch(s.settledOn, invoiceEvidence, s);
    for (const d of ctx.deliveries) touch(d.on, deliveryEvidence, d);
    for (const r of ctx.referrals) touch(r.on, referralEvidence, r);
    const [citeFirst, citeLast] = [firstCite as Cite | null, lastCite as Cite | null]; // assigned in touch()
    if (citeFirst === null || citeLast === null) return null;
    const days = daysBetween(firstOn, ctx.asOf);
    if (days < (cfg.minMonths * 365.25) / 12) return null;
    const active = months.size;
    if (active === 0 || active < cfg.minActiveMonths) return null;
    const years = Math.min(cfg.maxYears, Math.floor(days / 365.25));
    return makeFinding(this.meta, ctx, {
      detail: () => `Working together since ${firstOn} (${plural(Math.floor(days / 365.25), 'year')}); in touch or paid on time in `
        + `${plural(Math.min(active, 12), 'month')} of the last 12.`,
      evidence: () => lastX === firstX ? [citeFirst(firstX)] : [citeLast(lastX), citeFirst(firstX)],
      measure: years * (Math.min(active, 12) / 12), weight: -cfg.weight,
    });
  },
};
