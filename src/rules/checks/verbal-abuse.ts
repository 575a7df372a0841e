// Rule verbal-abuse: a warning, and a dealbreaker once it happens again after you said it is not ok.
// Judges from incidents only; never formats output.
import type { Rule } from '../types.js';
import { incidentEvidence, plural } from '../evidence.js';
import { incidentsOf, incidentWeight, makeFinding } from '../finding.js';

export const verbalAbuse: Rule = {
  meta: {
    id: 'verbal-abuse', severity: 'warning', escalatesTo: 'dealbreaker', title: 'Verbal abuse',
    looksAt: 'incidents of kind verbal-abuse, and whether one came after an incident recorded with --warned',
    why: 'Abuse once can be named and stopped; abuse again after you said it hurts will not stop.',
    measure: 'warning: recency- and severity-weighted incidents; dealbreaker: number of incidents',
    configKeys: ['verbalAbuse.weight', 'dealbreakerWeight', 'severityFactor', 'halfLifeDays', 'windowDays'],
  },
  check(ctx) {
    const all = incidentsOf(ctx, 'verbal-abuse');
    const warned = all.find((i) => i.warned);
    const repeats = warned ? all.filter((i) => Date.parse(i.at) > Date.parse(warned.at)) : [];
    if (warned && repeats.length > 0) {
      // Counted without fading so the dealbreaker always outweighs the warning it replaces.
      return makeFinding(this.meta, {
        severity: 'dealbreaker', title: 'Verbal abuse after a warning',
        detail: `You told them on ${warned.on} it is not acceptable; it happened again on `
          + `${repeats.map((i) => i.on).join(', ')} (${plural(all.length, 'incident')} in all).`,
        evidence: [warned, ...repeats].map(incidentEvidence), measure: all.length,
        weight: ctx.config.dealbreakerWeight,
      });
    }
    const recent = all.filter((i) => ctx.recency(i.on) > 0);
    if (recent.length === 0) return null;
    return makeFinding(this.meta, {
      detail: `${plural(recent.length, 'verbal-abuse incident')} (${recent.map((i) => i.on).join(', ')})`
        + (warned ? `; you warned them on ${warned.on} and it has not happened since.` : '; not yet warned.'),
      evidence: recent.map(incidentEvidence), measure: incidentWeight(ctx, recent), weight: ctx.config.verbalAbuse.weight,
    });
  },
  advise(f) {
    if (f.severity === 'dealbreaker') return ['end the engagement: the abuse continued after you said it is not acceptable'];
    const warned = f.evidence.some((e) => e.type === 'incident' && e.warned);
    return warned ? [] : ['tell the client plainly this is not acceptable, then record it with `crm incident add --warned`'];
  },
};
