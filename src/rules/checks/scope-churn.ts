// Rule scope-churn: frequent change requests, heavier when unbilled. Judges; never formats output.
import type { Rule } from '../types.js';
import { daysBetween } from '../../domain/dates.js';
import { changeEvidence, pct, plural, round2 } from '../evidence.js';
import { makeFinding } from '../finding.js';

export const scopeChurn: Rule = {
  meta: {
    id: 'scope-churn', severity: 'warning', title: 'Keeps changing the brief',
    looksAt: 'change requests in the window: how many, per month and per project, and how many went unbilled',
    why: 'A brief that never settles eats your margin and pushes every deadline.',
    measure: 'Σ over change requests of recency × (unbilledFactor if unbilled, else 1)',
    configKeys: ['scopeChurn.weight', 'scopeChurn.minChanges', 'scopeChurn.windowDays', 'scopeChurn.unbilledFactor', 'halfLifeDays'],
  },
  check(ctx) {
    const cfg = ctx.config.scopeChurn;
    const w = (on: string) => ctx.recency(on, cfg.windowDays);
    const changes = ctx.changes.filter((c) => w(c.on) > 0);
    if (changes.length === 0 || changes.length < cfg.minChanges) return null;
    const unbilled = changes.filter((c) => c.unbilled).length;
    const months = Math.max(1, Math.min(cfg.windowDays, daysBetween(ctx.since, ctx.asOf) + 1) / 30.44);
    const perProject = new Map<string, number>();
    for (const c of changes) perProject.set(c.project ?? '(no project)', (perProject.get(c.project ?? '(no project)') ?? 0) + 1);
    const projects = [...perProject.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return makeFinding(this.meta, {
      detail: `${plural(changes.length, 'change request')} in the last ${cfg.windowDays} days `
        + `(${round2(changes.length / months)} a month) across ${plural(projects.length, 'project')} `
        + `(${projects.map(([p, n]) => `${p}: ${n}`).join(', ')}); ${unbilled} unbilled (${pct(unbilled / changes.length)}).`,
      evidence: changes.map(changeEvidence).reverse(), // most recent first
      measure: changes.reduce((a, c) => a + w(c.on) * (c.unbilled ? cfg.unbilledFactor : 1), 0), weight: cfg.weight,
    });
  },
  advise(f) {
    const unbilled = f.evidence.filter((e) => e.type === 'change' && e.unbilled).length;
    return [unbilled > 0
      ? `bill the ${plural(unbilled, 'unbilled change')} and quote every new change before doing it`
      : 'freeze the scope per phase and quote every new change before doing it'];
  },
};
