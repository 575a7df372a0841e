// Rule income-concentration (context, 0 points): the client's share of all payments received in the
// 12 months up to asOf — per currency, or as one share when `rates` convert every currency involved.
// Never changes the score. Judges; never formats output.
import type { Rule, Evidence } from '../types.js';
import { pct, plural } from '../evidence.js';
import { formatMoney } from '../../domain/money.js';
import { incomeView } from '../income.js';
import { makeFinding } from '../finding.js';

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
    const view = incomeView(ctx);
    if (view.shares.length === 0) return null;
    const evidence = view.shares.map((x): Evidence => ({ type: 'income', from: ctx.yearStart, to: ctx.asOf, ...x }));
    const perCurrency = view.shares.map((x) => `${pct(x.share)} of your ${x.client.currency} income (${formatMoney(x.client)} of ${formatMoney(x.total)})`).join('; ');
    const n = view.currencies.length;
    return makeFinding(this.meta, ctx, {
      detail: () => view.combined !== null
        ? `${pct(view.combined)} of everything you were paid in the last 12 months, converted with your rates: ${perCurrency}.`
        : `${perCurrency} in the last 12 months`
          + (n > 1 ? `; you were paid in ${plural(n, 'currency', 'currencies')} (${view.currencies.join(', ')}), and without exchange rates (config \`rates\`) crm cannot add them up.` : '.'),
      evidence, measure: view.combined ?? Math.max(...view.shares.map((x) => x.share)), weight: 0, cap: null,
    });
  },
  // Only ever asked for an active client: evaluate() gives a client you left money advice only.
  advise(_f, ctx, verdict) {
    const notable = ctx.config.incomeConcentration.notableShare;
    const { shares, currencies, combined } = incomeView(ctx);
    const big = shares.filter((x) => x.share >= notable);
    const share = combined !== null ? (combined >= notable ? `${pct(combined)} of your income` : null)
      : currencies.length === 1 ? (big[0] ? `${pct(big[0].share)} of your income` : null)
      : big.length ? `${big.map((x) => `${pct(x.share)} of your ${x.client.currency}`).join(' and ')} income (one of ${currencies.length} currencies you are paid in)` : null;
    if (share === null) return [];
    if (verdict === 'fire') return [`they were ${share} over the last 12 months: plan for that gap as you wind down`];
    if (verdict === 'watch') return [`they are ${share} over the last 12 months: fix the problems, and keep other clients warm in case you cannot`];
    return [`they are ${share} over the last 12 months: keep other clients warm so one loss cannot sink you`];
  },
};
