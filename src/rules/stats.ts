// Key numbers for the verdict card, computed from the as-of view. Describes; never judges.
import type { RuleContext } from './context.js';
import type { Stats } from './types.js';
import { daysBetween } from '../domain/dates.js';
import { round2 } from './evidence.js';
import { sumByCurrency } from '../domain/money.js';
import { incomeView } from './income.js';

export function computeStats(ctx: RuleContext): Stats {
  const decided = ctx.invoices.filter((s) => s.decided);
  const late = decided.filter((s) => s.late);
  const lateness = decided.map((s) => Math.max(0, s.daysLate ?? 0));
  const from = ctx.yearStart;
  const income = incomeView(ctx);
  const disputes = ctx.invoices.flatMap((s) => s.disputes.map((d) => ({ s, d })));
  const incidents: Stats['incidents'] = {};
  for (const i of ctx.incidents) incidents[i.kind] = (incidents[i.kind] ?? 0) + 1;
  const lastInteraction = ctx.interactions[ctx.interactions.length - 1];
  return {
    status: { status: ctx.client.status, on: ctx.client.statusOn ?? null },
    since: ctx.since,
    relationshipDays: daysBetween(ctx.since, ctx.asOf),
    lastContact: lastInteraction ? lastInteraction.local.date : null,
    invoices: {
      issued: ctx.invoices.length,
      open: ctx.invoices.filter((s) => s.balance > 0).length,
      paidOnTime: decided.filter((s) => s.onTime).length,
      paidLate: late.length,
      avgDaysLate: lateness.length ? round2(lateness.reduce((a, b) => a + b, 0) / lateness.length) : null,
      worstDaysLate: lateness.length ? Math.max(...lateness) : null,
    },
    income12m: income.shares.map((x) => ({ currency: x.client.currency, amount: x.client, total: x.total, share: round2(x.share) })),
    income12mCombined: income.combined,
    currencies12m: income.currencies.length,
    overdue: sumByCurrency(ctx.invoices
      .filter((s) => !s.decided && s.balance > 0 && s.fact.dueOn < ctx.asOf)
      .map((s) => ({ currency: s.fact.currency, amount: s.balance }))),
    disputes: {
      count: disputes.length,
      open: disputes.filter(({ d }) => d.resolvedOn === null).length,
      conceded: sumByCurrency(disputes.filter(({ d }) => d.conceded > 0).map(({ s, d }) => ({ currency: s.fact.currency, amount: d.conceded }))),
    },
    changes: {
      count: ctx.changes.length,
      last12m: ctx.changes.filter((c) => c.on >= from).length,
      unbilled: ctx.changes.filter((c) => c.unbilled).length,
    },
    incidents,
    referrals: ctx.referrals.length,
    deliveries: ctx.deliveries.length,
  };
}
