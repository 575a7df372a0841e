// evaluate(): facts + { asOf, config, working hours, time zone } → verdict, score, findings, advice.
// PURE: no SQL, no I/O, no colour, never reads the clock. The score is the sum of the findings' points.
import type { ClientFacts } from './facts.js';
import type { Finding, FindingSeverity, Verdict, VerdictKind } from './types.js';
import { buildContext, type EvaluateOptions, type RuleContext } from './context.js';
import { ALL_RULES } from './catalogue.js';
import { computeStats } from './stats.js';
import { daysBetween } from '../domain/dates.js';
import { plural } from './evidence.js';

const SEVERITY_ORDER: Record<FindingSeverity, number> = { dealbreaker: 0, warning: 1, positive: 2, info: 3 };

export function evaluate(facts: ClientFacts, opts: EvaluateOptions): Verdict {
  const ctx = buildContext(facts, opts);
  const raised = ALL_RULES.flatMap((rule) => {
    const finding = rule.check(ctx);
    return finding ? [{ rule, finding }] : [];
  });
  // Summed in catalogue order, before sorting for display, so the total is reproducible to the bit.
  const total = raised.reduce((a, { finding }) => a + finding.points, 0);
  const score = Math.min(100, Math.max(0, Math.round(total)));
  const lowConfidence = ctx.invoices.length < opts.config.lowConfidence.minInvoices
    && daysBetween(ctx.since, ctx.asOf) < opts.config.lowConfidence.minDays;
  const dealbreaker = raised.some(({ finding }) => finding.severity === 'dealbreaker');
  const { watch, fire } = opts.config.thresholds;
  let verdict: VerdictKind = dealbreaker || score >= fire ? 'fire' : score >= watch ? 'watch' : 'keep';
  // Judge softly on thin history: the score alone may not fire a new client; a dealbreaker still does.
  const softened = lowConfidence && !dealbreaker && verdict === 'fire';
  if (softened) verdict = 'watch';

  const ordered = [...raised].sort((a, b) =>
    SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity]
    || Math.abs(b.finding.points) - Math.abs(a.finding.points));
  const advice = [
    ...ordered.flatMap(({ rule, finding }) => rule.advise?.(finding, ctx, verdict) ?? []),
    ...confidenceAdvice(ctx, lowConfidence, softened),
  ];
  if (advice.length === 0) advice.push(verdict === 'keep' ? 'keep: nothing needs doing beyond your regular check-ins' : 'review the findings above with the client');
  const findings: Finding[] = ordered.map(({ finding }) => finding);
  return {
    asOf: ctx.asOf, verdict, score, confidence: lowConfidence ? 'low' : 'normal', findings, stats: computeStats(ctx),
    advice: [...new Set(advice)],
  };
}

function confidenceAdvice(ctx: RuleContext, low: boolean, softened: boolean): string[] {
  if (!low) return [];
  const days = daysBetween(ctx.since, ctx.asOf);
  return [`low confidence: only ${plural(ctx.invoices.length, 'invoice')} and ${plural(days, 'day')} of history`
    + (softened ? ' — the score says fire, but that is held at watch until there is more to go on' : '')
    + '; keep recording and review again later'];
}
