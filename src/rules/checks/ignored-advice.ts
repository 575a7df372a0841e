// Rule ignored-advice: a warning from recent ignored-advice incidents. Judges; never formats output.
import type { Rule } from '../types.js';
import { warningIncidents } from '../finding.js';

export const ignoredAdvice: Rule = {
  meta: {
    id: 'ignored-advice', severity: 'warning', title: 'Ignores your advice',
    looksAt: 'incidents of kind ignored-advice (at least minIncidents in the window)',
    why: 'A client who overrules the expert and then expects you to fix the fallout costs twice.',
    measure: 'age- and severity-weighted ignored-advice incidents',
    configKeys: ['ignoredAdvice.weight', 'ignoredAdvice.minIncidents', 'severityFactor', 'halfLifeDays', 'windowDays'],
    firesWhen: 'it happens again after an incident recorded with --warned (you raised it), in the last 12 months',
    owns: 'ignored-advice incidents',
  },
  check(ctx) {
    return warningIncidents(this.meta, 'ignored-advice', ctx, ctx.config.ignoredAdvice, true);
  },
  advise(_f, _ctx, verdict) {
    return verdict === 'fire' ? ['put in writing which of your recommendations they overruled, before handing over'] : ['put your recommendation and its risks in writing before doing it their way; record the talk with --warned'];
  },
};
