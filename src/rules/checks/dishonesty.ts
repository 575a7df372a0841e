// Rule dishonesty: a client caught lying is a dealbreaker. Judges; never formats output.
import type { Rule } from '../types.js';
import { dealbreakerIncidents } from '../finding.js';

export const dishonesty: Rule = {
  meta: {
    id: 'dishonesty', severity: 'dealbreaker', title: 'Dishonesty',
    looksAt: 'incidents of kind dishonesty, at any age',
    why: 'Once a client has lied to you, every brief, promise and sign-off is in doubt.',
    measure: 'number of dishonesty incidents',
    configKeys: ['dealbreakerWeight'],
    firesWhen: 'always: one incident is enough, at any age',
    owns: 'dishonesty incidents',
  },
  check(ctx) {
    return dealbreakerIncidents(this.meta, 'dishonesty', ctx);
  },
  advise() {
    return ['wind the work down: finish or hand over what is paid for, then stop taking new work'];
  },
};
