// Rule income-concentration (context, 0 points): the client's share of all payments received in the
// 12 months up to asOf — per currency, or as one share when `rates` convert every currency involved.
// Never changes the score. Judges; never formats output.
import type { Rule, Evidence } from '../types.js';
import type { RuleContext } from '../context.js';
import { pct, plural } from '../evidence.js';
import { formatMoney } from '../../domain/money.js';
import { incomeBetween } from '../income.js';
import { makeFinding } from '../finding.js';
import { exponentOf } from '../../domain/currencies.js';

type Income = Evidence & { type: 'income' };

/** One combined share when every currency you were paid in has a rate; null otherwise. */
export function combinedShare(ctx: RuleContext, mine: Income[], currencies: string[]): number | null {
  if (currencies.length === 0 || currencies.some((c) => ctx.rates[c] === undefined)) return null;
  const all = incomeBetween(ctx.portfolioIncome, ctx.yearStart, ctx.asOf);
  // Minor units to major units first: 1 JPY and 1 EUR have different numbers of decimals.
  const value = (amount: number, currency: string) => (amount / Math.pow(10, exponentOf(currency))) * (ctx.rates[currency] ?? 0);
  const total = all.reduce((a, m) => a + value(m.amount, m.currency), 0);
  const client = mine.reduce((a, e) => a + value(e.client.amount, e.client.currency), 0);
  return total > 0 ? Math.min(1, client / total) : null;
}

export const incomeConcentration: Rule = {
  meta: {
    id: 'income-concentration', severity: 'info', title: 'Share of your income',
    looksAt: 'payments from this client vs payments from all clients in the 12 months up to the review date: per currency, or one share when config `rates` convert every currency',
    why: 'Firing a client who pays a large share of your bills needs a plan; keeping one just for that share is a risk too.',
    measure: 'the combined share with rates, else the largest per-currency share (0..1); weight 0, so it never moves the score',
    configKeys: ['incomeConcentration.notableShare'],
    firesWhen: null,
    owns: 'context only: counts nothing',
  },
  check(ctx) {
    const from = ctx.yearStart;
    const mine = incomeBetween(ctx.clientIncome, from, ctx.asOf);
    if (mine.length === 0) return null;
    const totals = incomeBetween(ctx.portfolioIncome, from, ctx.asOf);
    const all = new Map(totals.map((m) => [m.currency, m.amount]));
    const evidence = mine.map((m): Income => {
      const total = Math.max(all.get(m.currency) ?? 0, m.amount); // never above 100%, even on odd data
      return { type: 'income', from, to: ctx.asOf, client: m, total: { amount: total, currency: m.currency }, share: m.amount / total };
    });
    const currencies = totals.map((m) => m.currency);
    const combined = combinedShare(ctx, evidence, currencies);
    const perCurrency = evidence.map((e) => `${pct(e.share)} of your ${e.client.currency} income (${formatMoney(e.client)} of ${formatMoney(e.total)})`).join('; ');
    return makeFinding(this.meta, ctx, {
      detail: combined !== null
        ? `${pct(combined)} of everything you were paid in the last 12 months, converted with your rates: ${perCurrency}.`
        : `${perCurrency} in the last 12 months`
          + (currencies.length > 1 ? `; you were paid in ${plural(currencies.length, 'currency', 'currencies')} (${currencies.join(', ')}), and without exchange rates (config \`rates\`) crm cannot add them up.` : '.'),
      evidence, measure: combined ?? Math.max(...evidence.map((e) => e.share)), weight: 0, cap: null,
    });
  },
  advise(f, ctx, verdict) {
    const notable = ctx.config.incomeConcentration.notableShare;
    const incomes = f.evidence.filter((e): e is Income => e.type === 'income');
    const currencies = incomeBetween(ctx.portfolioIncome, ctx.yearStart, ctx.asOf).map((m) => m.currency);
    const combined = combinedShare(ctx, incomes, currencies);
    const big = incomes.filter((e) => e.share >= notable);
    const share = combined !== null ? (combined >= notable ? `${pct(combined)} of your income` : null)
      : currencies.length === 1 ? (big[0] ? `${pct(big[0].share)} of your income` : null)
      : big.length ? `${big.map((e) => `${pct(e.share)} of your ${e.client.currency}`).join(' and ')} income (one of ${currencies.length} currencies you are paid in)` : null;
    if (share === null) return [];
    if (ctx.client.status !== 'active') return [];
    if (verdict === 'fire') return [`they were ${share} over the last 12 months: plan for that gap as you wind down`];
    if (verdict === 'watch') return [`they are ${share} over the last 12 months: fix the problems, and keep other clients warm in case you cannot`];
    return [`they are ${share} over the last 12 months: keep other clients warm so one loss cannot sink you`];
  },
};
