// The work behind `crm review`: load facts (one statement per table, run once per chunk of clients
// for --all, so memory holds one chunk's records and each client's small result row), evaluate (pure), render.
// Loaded only when `crm review` runs (review.ts), so other commands never pay for the rules and zod.
import type { Ctx } from '../context.js';
import { findClient, printJson } from '../shared.js';
import { UsageError, quote } from '../../domain/errors.js';
import { safeText } from '../../domain/text.js';
import { monthEnd, parseDate } from '../../domain/dates.js';
import type { DateStr } from '../../domain/types.js';
import { activeFacts, clientFacts, portfolioIncome } from '../../db/facts.js';
import { evaluate, evaluateRow, firstRecordOn, incomeRange, scoreOf, type ClientFacts, type EvaluateOptions, type Verdict } from '../../rules/index.js';
import { renderReview, renderReviewAll } from '../../render/review.js';
import { reviewAllDto, reviewDto, type ReviewRow } from '../../render/json.js';

export interface ReviewFlags {
  all?: true;
  json?: true;
  explain?: true;
  asOf?: string;
}

const RANK = { fire: 0, watch: 1, keep: 2 } as const;

async function evaluateOptions(ctx: Ctx, asOf: DateStr): Promise<EvaluateOptions> {
  const config = await ctx.config();
  return { asOf, config: config.rules, workingHours: config.workingHours, timeZone: ctx.zone(), rates: config.rates };
}

/** The last 11 month ends before asOf: the trend's earlier points. */
const monthEnds = (asOf: DateStr): DateStr[] => Array.from({ length: 11 }, (_, k) => monthEnd(asOf, k - 11));

/**
 * Scores at the last 11 month ends (`points`: one set of options per month end, made once for every
 * client), then asOf's (`today`, already judged): the same facts, judged as of each day.
 */
function trend(facts: ClientFacts, points: EvaluateOptions[], today: Verdict): { on: DateStr; score: number }[] {
  return [...points.map((at) => ({ on: at.asOf, score: scoreOf(facts, at) })), { on: today.asOf, score: today.score }];
}

/** Worst first: fire, watch, keep; then the higher score; then by name. */
const byWorst = (a: ReviewRow, b: ReviewRow): number =>
  RANK[a.verdict.verdict] - RANK[b.verdict.verdict] || b.verdict.score - a.verdict.score
  || a.client.name.localeCompare(b.client.name) || a.client.id - b.client.id;

export async function judge(ctx: Ctx, clientRef: string | undefined, o: ReviewFlags): Promise<void> {
  if (clientRef !== undefined && o.all) throw new UsageError('name a client or use --all, not both');
  if (clientRef === undefined && !o.all) throw new UsageError('name a client to review (crm review <client>), or use --all');
  if (o.all && o.explain) throw new UsageError('--explain works for one client: crm review <client> --explain');
  const today = ctx.today();
  const asOf = o.asOf === undefined ? today : parseDate(o.asOf, today, '--as-of');
  const opts = await evaluateOptions(ctx, asOf);
  const db = ctx.read().db;

  if (o.all) {
    // Income only over the days the trend's 12 dates read; then one chunk of clients at a time.
    const ends = monthEnds(asOf);
    const portfolio = portfolioIncome(db, incomeRange([...ends, asOf]));
    const points = ends.map((on) => ({ ...opts, asOf: on }));
    const rows: ReviewRow[] = [];
    for (const facts of activeFacts(db, portfolio)) {
      // A row keeps all of a verdict but the findings' evidence and the advice, which it never shows.
      const verdict = evaluateRow(facts, opts);
      rows.push({ client: { id: facts.client.id, name: facts.client.name }, verdict, trend: trend(facts, points, verdict) });
    }
    rows.sort(byWorst);
    if (o.json) return printJson(ctx, reviewAllDto(asOf, rows));
    return ctx.io.out(renderReviewAll(asOf, rows, ctx.style, ctx.io.columns));
  }

  const client = findClient(db, clientRef as string);
  const facts = clientFacts(db, client.id, portfolioIncome(db, incomeRange([asOf])));
  if (!facts) throw new UsageError(`client ${quote(client.name)} disappeared while reading; try again`);
  const verdict: Verdict = evaluate(facts, opts);
  const ref = { id: client.id, name: client.name };
  // Judged on a day before anything was recorded: say so, rather than print an empty "keep".
  const first = firstRecordOn(facts, opts);
  if (asOf < first) {
    if (o.json) return printJson(ctx, { ...reviewDto(ref, verdict, ctx.zone()), noHistoryYet: true, firstRecordOn: first });
    return ctx.io.out(`As of ${asOf} there was no history with ${safeText(client.name)} yet: the first record is on ${first}.\n`);
  }
  if (o.json) return printJson(ctx, reviewDto(ref, verdict, ctx.zone()));
  ctx.io.out(renderReview(ref, verdict, { style: ctx.style, explain: Boolean(o.explain), width: ctx.io.columns }));
}
