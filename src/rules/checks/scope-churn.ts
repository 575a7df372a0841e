// Rule scope-churn: the brief keeps changing and you are not paid for it. Owns change requests:
// unbilled ones are the cost; billed ones are paid work (billedWeight, 0 by default). Judges; never
// formats output.
import type { Rule } from '../types.js';
import { changeEvidence, inWords, plural } from '../evidence.js';
import { makeFinding } from '../finding.js';

export const scopeChurn: Rule = {
  meta: {
    id: 'scope-churn', severity: 'warning', title: 'Keeps changing the brief, unpaid',
    looksAt: 'change requests in the last windowDays (12 months): the unbilled ones, per project; billed changes are paid work',
    why: 'A brief that never settles eats your margin and pushes every deadline, unless every change is paid for.',
    measure: 'unbilled change requests (+ billed ones × billedWeight / weight)',
    configKeys: ['scopeChurn.weight', 'scopeChurn.billedWeight', 'scopeChurn.minChanges', 'scopeChurn.windowDays', 'scopeChurn.fireUnbilled'],
    firesWhen: 'your cut-off: fireUnbilled (6) or more unbilled change requests in the last windowDays (12 months)',
    owns: 'change requests',
  },
  check(ctx) {
    const cfg = ctx.config.scopeChurn;
    const changes = ctx.changes.filter((c) => ctx.age(c.on) < cfg.windowDays);
    const unbilled = changes.filter((c) => c.unbilled);
    const billed = changes.length - unbilled.length;
    const counted = cfg.billedWeight > 0 ? changes : unbilled;
    if (counted.length === 0 || unbilled.length < cfg.minChanges) return null;
    const perProject = new Map<string, number>();
    for (const c of unbilled) perProject.set(c.project ?? 'no project', (perProject.get(c.project ?? 'no project') ?? 0) + 1);
    const projects = [...perProject.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const hours = unbilled.reduce((a, c) => a + (c.hours ?? 0), 0);
    const fires = cfg.fireUnbilled > 0 && unbilled.length >= cfg.fireUnbilled;
    const span = inWords(cfg.windowDays);
    return makeFinding(this.meta, ctx, {
      detail: () => `${plural(unbilled.length, 'unbilled change request')} in the last ${span}`
        + `${hours ? ` (${hours} h of work)` : ''} (${projects.map(([p, n]) => `${p}: ${n}`).join(', ')})`
        + (billed ? `; ${billed} more were billed, which is paid work.` : '.'),
      evidence: () => counted.map(changeEvidence).reverse(), // most recent first
      measure: unbilled.length + (cfg.weight > 0 ? (billed * cfg.billedWeight) / cfg.weight : 0), weight: cfg.weight,
      firesAlone: fires ? `${unbilled.length} unbilled changes in ${span}, at or past your cut-off of ${cfg.fireUnbilled}` : null,
    });
  },
  advise(f, _ctx, verdict) {
    const unbilled = f.evidence.filter((e) => e.type === 'change' && e.unbilled).length;
    if (verdict === 'fire') return [`invoice the ${plural(unbilled, 'unbilled change')} before you part`];
    return [`bill the ${plural(unbilled, 'unbilled change')} and quote every new change before doing it`];
  },
};
