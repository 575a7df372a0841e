// Rule physical-abuse: any physical-abuse incident is a dealbreaker. Judges; never formats output.
import type { Rule } from '../types.js';
import { dealbreakerIncidents } from '../finding.js';

export const physicalAbuse: Rule = {
  meta: {
    id: 'physical-abuse', severity: 'dealbreaker', title: 'Physical abuse',
    looksAt: 'incidents of kind physical-abuse, at any age',
    why: 'No fee and no apology makes it acceptable to be hurt at work; end it.',
    measure: 'number of physical-abuse incidents',
    configKeys: ['dealbreakerWeight'],
    firesWhen: 'always: one incident is enough, at any age',
    owns: 'physical-abuse incidents',
  },
  check(ctx) {
    return dealbreakerIncidents(this.meta, 'physical-abuse', ctx);
  },
  advise() {
    return ['end the engagement now, in writing, and keep your records of the incident'];
  },
};
