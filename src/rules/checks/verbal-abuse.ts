// Rule verbal-abuse: a warning, and a dealbreaker once it happens again after you said it is not ok.
// Owns verbal-abuse incidents. Judges from incidents only; never formats output.
import type { Rule } from '../types.js';
import { incidentEvidence, plural, times, when } from '../evidence.js';
import { incidentsOf, incidentWeight, makeFinding, repeatsAfterWarning } from '../finding.js';

export const verbalAbuse: Rule = {
  meta: {
    id: 'verbal-abuse', severity: 'warning', escalatesTo: 'dealbreaker', title: 'Verbal abuse',
    looksAt: 'incidents of kind verbal-abuse, and whether one came after an incident recorded with --warned',
    why: 'Abuse once can be named and stopped; abuse again after you said it hurts will not stop.',
    measure: 'warning: incidents × age weight × severity; dealbreaker: number of incidents',
    configKeys: ['verbalAbuse.weight', 'dealbreakerWeight', 'severityFactor', 'halfLifeDays', 'windowDays'],
    firesWhen: 'it happens again after an incident recorded with --warned (then it is a dealbreaker, at any age)',
    owns: 'verbal-abuse incidents',
  },
  check(ctx) {
    const all = incidentsOf(ctx, 'verbal-abuse');
    const { warned, repeats } = repeatsAfterWarning(ctx, 'verbal-abuse');
    if (warned && repeats.length > 0) {
      return makeFinding(this.meta, ctx, {
        severity: 'dealbreaker', title: 'Verbal abuse after a warning',
        detail: () => `You told them on ${warned.on} it is not acceptable; it happened again on `
          + `${repeats.map((i) => i.on).join(', ')} (${plural(all.length, 'incident')} in all).`,
        evidence: () => [...repeats].reverse().concat(warned).map(incidentEvidence), measure: all.length,
        weight: ctx.config.dealbreakerWeight,
      });
    }
    const recent = all.filter((i) => ctx.recency(i.on) > 0);
    if (recent.length === 0) return null;
    return makeFinding(this.meta, ctx, {
      detail: () => `${times(recent.length)} ${when(ctx, recent.map((i) => i.on))} (${recent.map((i) => i.on).join(', ')})`
        + (warned ? `; you told them on ${warned.on} it is not acceptable, and it has not happened since.` : '; you have not told them yet that it is not acceptable.'),
      evidence: () => [...recent].reverse().map(incidentEvidence), measure: incidentWeight(ctx, recent), weight: ctx.config.verbalAbuse.weight,
    });
  },
  advise(f, _ctx, verdict) {
    if (f.severity === 'dealbreaker') return ['end the engagement: the abuse continued after you said it is not acceptable'];
    const warned = f.evidence.some((e) => e.type === 'incident' && e.warned);
    if (warned) return [];
    return verdict === 'fire'
      ? ['when you end it, say plainly that the way they spoke to you is one of the reasons']
      : ['tell the client plainly this is not acceptable, then record it with `crm incident add --warned`'];
  },
};
