// Rule competitor-leverage: a warning from recent competitor-leverage incidents. Judges; never formats output.
import type { Rule } from '../types.js';
import { warningIncidents } from '../finding.js';

export const competitorLeverage: Rule = {
  meta: {
    id: 'competitor-leverage', severity: 'warning', title: 'Plays you against competitors',
    looksAt: 'incidents of kind competitor-leverage: quoting rivals to reopen agreed prices',
    why: 'Reopening an agreed price with a rival’s quote turns every deal into a new negotiation.',
    measure: 'age- and severity-weighted competitor-leverage incidents',
    configKeys: ['competitorLeverage.weight', 'competitorLeverage.minIncidents', 'severityFactor', 'halfLifeDays', 'windowDays'],
    firesWhen: 'it happens again after an incident recorded with --warned (you raised it), in the last 12 months',
    owns: 'competitor-leverage incidents',
  },
  check(ctx) {
    return warningIncidents(this.meta, 'competitor-leverage', ctx, ctx.config.competitorLeverage, true);
  },
  advise(_f, _ctx, verdict) {
    return verdict === 'fire' ? ['hold the agreed price for the work in progress, and do not quote them again'] : ['hold the agreed price; a new price only comes with a new scope, in writing (record the talk with --warned)'];
  },
};
