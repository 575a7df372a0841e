// Rule missed-commitments: a warning from recent missed-deadline incidents. Judges; never formats output.
import type { Rule } from '../types.js';
import { warningIncidents } from '../finding.js';

export const missedCommitments: Rule = {
  meta: {
    id: 'missed-commitments', severity: 'warning', title: 'Misses its own deadlines',
    looksAt: 'incidents of kind missed-deadline: the client late with its own deliverables or decisions',
    why: 'When the client misses its own deadlines, your schedule and your other clients pay for it.',
    measure: 'age- and severity-weighted missed-deadline incidents',
    configKeys: ['missedCommitments.weight', 'missedCommitments.minIncidents', 'severityFactor', 'halfLifeDays', 'windowDays'],
    firesWhen: null,
    owns: 'missed-deadline incidents',
  },
  check(ctx) {
    return warningIncidents(this.meta, 'missed-deadline', ctx, ctx.config.missedCommitments);
  },
  advise() {
    return ['agree the client’s deliverables and dates in writing, and say what moves when they slip'];
  },
};
