// Rule income-concentration (context, 0 points): the client's share of all payments received in the
// 12 months up to asOf, per currency. Never adds currencies together; never changes the score.
import type { Rule, Evidence } from '../types.js';
import { pct } from '../evidence.js';
import { formatMoney } from '../../domain/money.js';
import { incomeBetween } from '../income.js';
import { makeFinding } from '../finding.js';

export const incomeConcentration: Rule = {
  meta: {
    id: 'income-concentration', severity: 'info', title: 'Share of your income',
    looksAt: 'payments from this client vs payments from all clients in the 12 months up to the review date, per currency',
    why: 'Firing a client who pays a large share of your bills needs a plan; keeping one just for that share is a risk too.',
    measure: 'the largest per-currency share (0..1); weight 0, so it never moves the score',
    configKeys: ['incomeConcentration.notableShare'],
  },
  check(ctx) {
    const from = ctx.yearStart;
    const mine = incomeBetween(ctx.clientIncome, from, ctx.asOf);
    if (mine.length === 0) return null;
    const all = new Map(incomeBetween(ctx.portfolioIncome, from, ctx.asOf).map((m) => [m.currency, m.amount]));
    const evidence = mine.map((m): Evidence & { type: 'income' } => {
      const total = Math.max(all.get(m.currency) ?? 0, m.amount); // never above 100%, even on odd data
      return { type: 'income', from, to: ctx.asOf, client: m, total: { amount: total, currency: m.currency }, share: m.amount / total };
    });
    return makeFinding(this.meta, {
      detail: `Payments received from this client from ${from} to ${ctx.asOf}, divided by all payments received from all `
        + 'clients in the same days, per currency (no exchange rates): '
        + evidence.map((e) => `${e.client.currency} ${pct(e.share)} (${formatMoney(e.client)} of `
          + `${formatMoney(e.total)})`).join('; ') + '.',
      evidence, measure: Math.max(...evidence.map((e) => e.share)), weight: 0,
    });
  },
  advise(f, ctx, verdict) {
    const notable = f.evidence.filter((e): e is Evidence & { type: 'income' } => e.type === 'income' && e.share >= ctx.config.incomeConcentration.notableShare);
    return notable.map((e) => {
      const share = `${pct(e.share)} of your ${e.client.currency} income over the last 12 months`;
      if (verdict === 'fire') return `fire — but this client is ${share}: line up replacement work first`;
      if (verdict === 'watch') return `this client is ${share}: fix the problems or start finding other work before it is forced on you`;
      return `this client is ${share}: keep other clients warm so one loss cannot sink you`;
    });
  },
};
