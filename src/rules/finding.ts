// Builds a Finding so that points are always measure × weight of the very numbers shown.
// Also the two shapes shared by incident-driven rules (dealbreaker and warning).
import type { IncidentKind } from '../domain/types.js';
import type { RuleContext, KnownIncident } from './context.js';
import type { Evidence, Finding, FindingSeverity, RuleMeta } from './types.js';
import { incidentEvidence, plural, round3 } from './evidence.js';

// Exact product, minus binary noise (0.1 × 3 = 0.30000000000000004) so JSON and --explain stay readable.
const stripNoise = (x: number): number => Math.round(x * 1e8) / 1e8;

export interface FindingParts {
  severity?: FindingSeverity;
  title?: string;
  detail: string;
  evidence: Evidence[];
  measure: number;
  weight: number;
}

export function makeFinding(meta: RuleMeta, p: FindingParts): Finding {
  const measure = round3(p.measure);
  return {
    rule: meta.id, severity: p.severity ?? meta.severity, title: p.title ?? meta.title, detail: p.detail,
    evidence: p.evidence, measure, weight: p.weight, points: stripNoise(measure * p.weight),
  };
}

export const incidentsOf = (ctx: RuleContext, kind: IncidentKind): KnownIncident[] =>
  ctx.incidents.filter((i) => i.kind === kind);

/** Recency × severity: how much a set of incidents weighs today. */
export const incidentWeight = (ctx: RuleContext, incidents: KnownIncident[]): number =>
  incidents.reduce((s, i) => s + ctx.recency(i.on) * ctx.config.severityFactor[i.severity], 0);

const dates = (xs: KnownIncident[]) => xs.map((i) => i.on + (i.note ? ` (${i.note})` : '')).join('; ');

/** Dealbreakers never fade: one such incident, however old, ends trust. */
export function dealbreakerIncidents(meta: RuleMeta, kind: IncidentKind, ctx: RuleContext): Finding | null {
  const found = incidentsOf(ctx, kind);
  if (found.length === 0) return null;
  return makeFinding(meta, {
    detail: `${plural(found.length, `${kind} incident`)} recorded: ${dates(found)}.`,
    evidence: found.map(incidentEvidence), measure: found.length, weight: ctx.config.dealbreakerWeight,
  });
}

/** A warning raised by at least `minIncidents` incidents of one kind inside the window. */
export function warningIncidents(
  meta: RuleMeta, kind: IncidentKind, ctx: RuleContext, setting: { weight: number; minIncidents: number },
): Finding | null {
  const found = incidentsOf(ctx, kind).filter((i) => ctx.recency(i.on) > 0);
  if (found.length === 0 || found.length < setting.minIncidents) return null;
  return makeFinding(meta, {
    detail: `${plural(found.length, `${kind} incident`)} in the last ${ctx.config.windowDays} days `
      + `(recency- and severity-weighted: ${round3(incidentWeight(ctx, found))}): ${dates(found)}.`,
    evidence: found.map(incidentEvidence), measure: incidentWeight(ctx, found), weight: setting.weight,
  });
}
