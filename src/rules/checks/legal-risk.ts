// Rule legal-risk: work that exposes you to legal liability is a dealbreaker. Judges; never formats.
import type { Rule } from '../types.js';
import { dealbreakerIncidents } from '../finding.js';

export const legalRisk: Rule = {
  meta: {
    id: 'legal-risk', severity: 'dealbreaker', title: 'Legal risk',
    looksAt: 'incidents of kind legal-risk, at any age',
    why: 'No client is worth being held liable for what they asked you to do.',
    measure: 'number of legal-risk incidents',
    configKeys: ['dealbreakerWeight'],
    firesWhen: 'always: one incident is enough, at any age',
    owns: 'legal-risk incidents',
  },
  check(ctx) {
    return dealbreakerIncidents(this.meta, 'legal-risk', ctx);
  },
  advise() {
    return ['stop the risky work now and get legal advice before you deliver anything else'];
  },
};
