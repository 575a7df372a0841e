// Key numbers for the verdict card, computed from the as-of view. Describes; never judges.
import type { RuleContext } from './context.js';
import type { Stats } from './types.js';
import { daysBetween } from '../domain/dates.js';
import { round2 } from './evidence.js';
import { sumByCurrency } from '../domain/money.js';
import { incomeBetween } from './income.js';
import { combinedShare } from './checks/income-concentration.js';

export function computeStats(ctx: RuleContext): Stats {
  const decided = ctx.invoices.filter((s) => s.decided);
  const late = decided.filter((s) => s.late);
  const lateness = decided.map((s) => Math.max(0, s.daysLate ?? 0));
  const from = ctx.yearStart;
  const mine = incomeBetween(ctx.clientIncome, from, ctx.asOf);
  const all = new Map(incomeBetween(ctx.portfolioIncome, from, ctx.asOf).map((m) => [m.currency, m.amount]));
  const disputes = ctx.invoices.flatMap((s) => s.disputes.map((d) => ({ s, d })));
  const incidents: Stats['incidents'] = {};
  for (const i of ctx.incidents) incidents[i.kind] = (incidents[i.kind] ?? 0) + 1;
  const lastInteraction = ctx.interactions[ctx.interactions.length - 1];
  const currencies = incomeBetween(ctx.portfolioIncome, from, ctx.asOf).map((m) => m.currency);
  const incomes = mine.map((m) => ({ type: 'income' as const, from, to: ctx.asOf, client: m, total: m, share: 0 }));
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
    income12m: mine.map((m) => {
      const total = Math.max(all.get(m.currency) ?? 0, m.amount);
      return { currency: m.currency, amount: m, total: { amount: total, currency: m.currency }, share: round2(m.amount / total) };
    }),
    income12mCombined: combinedShare(ctx, incomes, currencies),
    currencies12m: currencies.length,
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
