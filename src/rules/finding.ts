// Builds a Finding so that points are always the very numbers shown: measure × weight, kept within
// the rule's cap, and raised to the fire threshold when the sign fires on its own.
// Also the shapes shared by incident-driven rules (dealbreaker, warning, warning that fires when repeated).
import type { IncidentKind } from '../domain/types.js';
import type { RuleContext, KnownIncident } from './context.js';
import type { Evidence, Finding, FindingSeverity, RuleMeta } from './types.js';
import { incidentEvidence, plural, round3, times, when } from './evidence.js';

/** Points to one decimal: what the card, the JSON and the sum all use. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

export interface FindingParts {
  severity?: FindingSeverity;
  title?: string;
  /** Built only when the finding is shown: a trend point (ctx.brief) needs only its points. */
  detail: string | (() => string);
  evidence: Evidence[] | (() => Evidence[]);
  measure: number;
  weight: number;
  /** Most points (default: the warning cap for warnings, 100 for dealbreakers, none for the rest). */
  cap?: number | null;
  /** Why the sign fires on its own, when it does. */
  firesAlone?: string | null;
}

export function makeFinding(meta: RuleMeta, ctx: Pick<RuleContext, 'config' | 'brief' | 'bare'>, p: FindingParts): Finding {
  const measure = round3(p.measure);
  const severity = p.severity ?? meta.severity;
  const cap = p.cap !== undefined ? p.cap
    : severity === 'dealbreaker' ? 100 : severity === 'warning' ? ctx.config.signCap : null;
  const raw = measure * p.weight;
  const capped = cap === null ? raw : Math.min(cap, raw);
  const firesAlone = p.firesAlone ?? null;
  return {
    rule: meta.id, severity, title: p.title ?? meta.title, measure, weight: p.weight,
    detail: ctx.brief ? '' : typeof p.detail === 'function' ? p.detail() : p.detail,
    evidence: ctx.brief || ctx.bare ? [] : typeof p.evidence === 'function' ? p.evidence() : p.evidence,
    cap, firesAlone, points: round1(firesAlone === null ? capped : Math.max(capped, ctx.config.thresholds.fire)),
  };
}

/** A dealbreaker, or a sign that fires on its own: either makes the verdict fire whatever else is true. */
export const decides = (f: Finding): boolean => f.severity === 'dealbreaker' || f.firesAlone !== null;

export const incidentsOf = (ctx: RuleContext, kind: IncidentKind): KnownIncident[] =>
  ctx.incidents.filter((i) => i.kind === kind);

/** Age × severity: how much a set of incidents weighs today. */
export const incidentWeight = (ctx: RuleContext, incidents: KnownIncident[]): number =>
  incidents.reduce((s, i) => s + ctx.recency(i.on) * ctx.config.severityFactor[i.severity], 0);

const dates = (xs: KnownIncident[]) => xs.map((i) => i.on).join(', ');

/** Dealbreakers never fade: one such incident, however old, ends trust. */
export function dealbreakerIncidents(meta: RuleMeta, kind: IncidentKind, ctx: RuleContext): Finding | null {
  const found = incidentsOf(ctx, kind);
  if (found.length === 0) return null;
  return makeFinding(meta, ctx, {
    detail: () => `${plural(found.length, `${meta.title.toLowerCase()} incident`)} on record (${dates(found)}). This ends trust whatever came before.`,
    evidence: () => [...found].reverse().map(incidentEvidence), measure: found.length, weight: ctx.config.dealbreakerWeight,
  });
}

/**
 * The incidents of `kind` that happened strictly after an earlier one recorded with `--warned`
 * (you raised it with the client), and that warning.
 */
export function repeatsAfterWarning(ctx: RuleContext, kind: IncidentKind): { warned: KnownIncident | undefined; repeats: KnownIncident[] } {
  const all = incidentsOf(ctx, kind);
  const warned = all.find((i) => i.warned);
  return { warned, repeats: warned ? all.filter((i) => Date.parse(i.at) > Date.parse(warned.at)) : [] };
}

/**
 * A warning from incidents of one kind in the window (at least `minIncidents`). With
 * `repeatFires`, it fires on its own when one came after an incident recorded with `--warned`
 * in the last `halfLifeDays` (you raised it, and it happened again).
 */
export function warningIncidents(
  meta: RuleMeta, kind: IncidentKind, ctx: RuleContext, setting: { weight: number; minIncidents: number },
  repeatFires = false,
): Finding | null {
  const found = incidentsOf(ctx, kind).filter((i) => ctx.recency(i.on) > 0);
  if (found.length === 0 || found.length < setting.minIncidents) return null;
  const { warned, repeats } = repeatsAfterWarning(ctx, kind);
  const freshRepeat = repeatFires && warned ? repeats.filter((i) => ctx.fresh(i.on)) : [];
  const firesAlone = warned && freshRepeat.length > 0
    ? `it happened again on ${dates(freshRepeat)} after you raised it with them on ${warned.on}` : null;
  return makeFinding(meta, ctx, {
    detail: () => `${times(found.length)} ${when(ctx, found.map((i) => i.on))}: ${dates(found)}`
      + (warned && !firesAlone ? `; you raised it with them on ${warned.on}` : '') + '.',
    evidence: () => [...found].reverse().map(incidentEvidence), measure: incidentWeight(ctx, found), weight: setting.weight,
    firesAlone,
  });
}
