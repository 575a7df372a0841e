// evaluate(): facts + { asOf, config, working hours, time zone } → verdict, score, findings, advice.
// PURE: no SQL, no I/O, no colour, never reads the clock. The verdict logic, exactly (README, "How crm judges"):
//   signs  = Σ points of warnings and dealbreakers (each kept within its cap; at least the fire threshold when it fires on its own;
//            two rules reading one sign, such as paying late and money overdue, at most signCap together)
//   relief = Σ good signs' points, at most reliefCap
//   floor  = fire threshold if a dealbreaker, a sign that fires on its own, or two clear signs (each
//            worth the watch threshold) while good signs are worth less than that; watch threshold if
//            one clear sign; else 0
//   score  = round(max(signs − relief, floor)), kept within 0..100; fire/watch/keep by the thresholds.
import type { ClientFacts } from './facts.js';
import type { Finding, FindingSeverity, Rule, Verdict, VerdictKind } from './types.js';
import { buildContext, type EvaluateOptions, type RuleContext } from './context.js';
import { ALL_RULES } from './catalogue.js';
import { computeStats } from './stats.js';
import { daysBetween } from '../domain/dates.js';
import { plural } from './evidence.js';
import { decides, round1 } from './finding.js';

/** A client no longer active gets only the advice about money still owed. */
const MONEY_RULES: ReadonlySet<string> = new Set(['overdue-balance', 'invoice-disputes', 'short-payment']);

const SEVERITY_ORDER: Record<FindingSeverity, number> = { dealbreaker: 0, warning: 1, positive: 2, info: 3 };

type Raised = { rule: Rule; finding: Finding }[];

/** The score and verdict from the findings: the formula at the top of this file, and nothing else. */
function weigh(raised: Raised, opts: EvaluateOptions): { score: number; verdict: VerdictKind; total: Verdict['total'] } {
  const { watch, fire } = opts.config.thresholds;
  // Summed in catalogue order, before sorting for display, so the total is reproducible to the bit.
  const trouble: Finding[] = [];
  // Each sign counts at most signCap, also when two rules read it (paying late + money overdue).
  const groups = new Map<string, Finding[]>();
  for (const { rule, finding: f } of raised) {
    if (f.severity !== 'warning' && f.severity !== 'dealbreaker') continue;
    trouble.push(f);
    const sign = rule.meta.sign ?? rule.meta.id;
    const group = groups.get(sign);
    if (group) group.push(f);
    else groups.set(sign, [f]);
  }
  const signList = [...groups].map(([sign, fs]) => {
    const points = round1(fs.reduce((p, f) => p + f.points, 0));
    const decisive = fs.some(decides);
    return { sign, fs, points, counted: fs.length < 2 || decisive ? points : Math.min(opts.config.signCap, points), decisive };
  });
  const signs = round1(signList.reduce((a, g) => a + g.counted, 0));
  const shared = signList.filter((g) => g.fs.length > 1 && !g.decisive)
    .map((g) => ({ sign: g.sign, rules: g.fs.map((f) => f.rule), points: g.points, counted: round1(g.counted) }));
  const good = round1(raised.filter(({ finding: f }) => f.severity === 'positive').reduce((a, { finding }) => a - finding.points, 0));
  const relief = Math.min(opts.config.reliefCap, good);
  const decisive = trouble.find(decides);
  // A clear sign: one sign worth the watch threshold on its own (its rules together, within the cap).
  const clear = signList.filter((g) => !g.decisive && g.counted >= watch).sort((a, b) => b.counted - a.counted);
  const name = (g: (typeof signList)[number]) => g.fs.map((f) => f.title).join(' and ');
  // Two clear, independent signs together fire — unless good signs worth a clear sign speak for the client.
  const pair = clear.length >= 2 && good < watch;
  const floor = decisive || pair ? fire : clear.length ? watch : 0;
  const floorReason = decisive ? `${decisive.title} (${decisive.severity === 'dealbreaker' ? 'a dealbreaker' : 'fires on its own'})`
    : pair ? `two clear signs: ${clear.map(name).join('; ')}` : clear[0] ? `one clear sign: ${name(clear[0])}` : null;
  const score = Math.min(100, Math.max(0, Math.round(Math.max(round1(signs - relief), floor))));
  const verdict: VerdictKind = score >= fire ? 'fire' : score >= watch ? 'watch' : 'keep';
  return { score, verdict, total: { signs, relief: good, reliefCapped: relief, floor, floorReason, shared } };
}

/** The rules that can move a score: info findings (context, 0 points) never do. */
const SCORING = ALL_RULES.filter((rule) => rule.meta.severity !== 'info');

function raise(ctx: RuleContext): Raised {
  const raised: Raised = [];
  for (const rule of ctx.brief ? SCORING : ALL_RULES) {
    const finding = rule.check(ctx);
    if (finding) raised.push({ rule, finding });
  }
  return raised;
}

/** Only the score, for review --all's trend: the same rules and formula, without advice or stats. */
export function scoreOf(facts: ClientFacts, opts: EvaluateOptions): number {
  return scoreOfContext(buildContext(facts, opts, 'score'), opts);
}

/** scoreOf for a context already built (the tests' oracle builds its own). */
export const scoreOfContext = (ctx: RuleContext, opts: EvaluateOptions): number => weigh(raise(ctx), opts).score;

export function evaluate(facts: ClientFacts, opts: EvaluateOptions): Verdict {
  return evaluateContext(buildContext(facts, opts), opts);
}

/** The verdict as a row of review --all shows it: the same, but findings without evidence, and no advice. */
export function evaluateRow(facts: ClientFacts, opts: EvaluateOptions): Verdict {
  return evaluateContext(buildContext(facts, opts, 'row'), opts);
}

/** evaluate for a context already built. */
export function evaluateContext(ctx: RuleContext, opts: EvaluateOptions): Verdict {
  const raised = raise(ctx);
  const { score, verdict, total } = weigh(raised, opts);
  const ordered = [...raised].sort((a, b) =>
    SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity]
    || Number(b.finding.firesAlone !== null) - Number(a.finding.firesAlone !== null)
    || Math.abs(b.finding.points) - Math.abs(a.finding.points));
  const days = daysBetween(ctx.since, ctx.asOf);
  const { minInvoices, minDays } = opts.config.lowConfidence;
  const basis = { invoices: ctx.invoices.length, days, low: ctx.invoices.length < minInvoices && days < minDays };
  const advice = ctx.bare ? [] : [
    ...statusAdvice(ctx),
    ...ordered.filter(({ rule }) => ctx.client.status === 'active' || MONEY_RULES.has(rule.meta.id))
      .flatMap(({ rule, finding }) => rule.advise?.(finding, ctx, verdict) ?? []),
    ...confidenceAdvice(basis),
  ];
  if (advice.length === 0 && !ctx.bare) advice.push(closing(verdict));
  return {
    asOf: ctx.asOf, verdict, score, confidence: basis.low ? 'low' : 'normal', basis,
    total,
    findings: ordered.map(({ finding }) => finding), stats: computeStats(ctx), advice: [...new Set(advice)],
  };
}

function closing(verdict: VerdictKind): string {
  if (verdict === 'keep') return 'keep: nothing needs doing beyond your regular check-ins';
  if (verdict === 'fire') return 'end the engagement: finish or hand over what is paid for, in writing, and take no new work';
  return 'raise the findings above with the client at your next check-in';
}

/** A client you already fired or archived: the card is about what is still owed, not about firing. */
function statusAdvice(ctx: RuleContext): string[] {
  const { status, statusOn } = ctx.client;
  if (status === 'active') return [];
  const since = statusOn ? ` on ${statusOn}` : '';
  return [status === 'fired'
    ? `you already ended work with them${since}: what is left is collecting what they owe`
    : `they are archived${since}: if work resumes, start from this record`];
}

function confidenceAdvice(basis: { invoices: number; days: number; low: boolean }): string[] {
  if (!basis.low) return [];
  return [`little history yet (${plural(basis.invoices, 'invoice')}, ${plural(basis.days, 'day')}): a first impression, not a track record; review again as it grows`];
}
