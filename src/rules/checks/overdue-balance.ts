// Rule overdue-balance: money not received past its due date — still owed, or given up (conceded,
// written off: money you were not paid is trouble, never relief) — by how much of each invoice it is
// and which 30-day bucket it is in, fading with the due date's age. Owns money not received past due
// (not residuals: short-payment). Judges from invoice states; never formats output.
import type { Rule } from '../types.js';
import type { InvoiceState } from '../context.js';
import { invoiceEvidence, plural } from '../evidence.js';
import { formatMoney, sumByCurrency } from '../../domain/money.js';
import { agingStep } from '../../domain/aging.js';
import { makeFinding } from '../finding.js';

/** The seed's sign that this rule and late-payment both read: they count as one sign. */
export const SLOW_TO_PAY = 'slow to pay';


export const overdueBalance: Rule = {
  meta: {
    id: 'overdue-balance', severity: 'warning', title: 'Money overdue',
    looksAt: 'money not received past the due date (plus graceDays) on the review date: unpaid balances, disputed or not, and money you gave up (conceded or written off)',
    why: 'Every day an invoice sits overdue is your money financing their business; money you gave up is money they never paid.',
    measure: 'Σ over invoices of the share not received × its bucket (1–30 days past due: 1, 31–60: 2, 61–90: 3, more: 4) × the due date’s age weight',
    configKeys: ['overdueBalance.weight', 'overdueBalance.graceDays', 'residual', 'halfLifeDays', 'windowDays'],
    firesWhen: null,
    sign: SLOW_TO_PAY,
    owns: 'money not received past its due date: still owed, or given up',
  },
  check(ctx) {
    const cfg = ctx.config.overdueBalance;
    const days = (s: InvoiceState) => s.daysLate ?? 0;
    const overdue = ctx.invoices
      .filter((s) => !s.decided && s.unpaid > 0 && days(s) > cfg.graceDays && ctx.recency(s.fact.dueOn) > 0)
      .sort((a, b) => days(b) - days(a) || a.fact.id - b.fact.id);
    if (overdue.length === 0) return null;
    const owed = overdue.filter((s) => s.balance > 0);
    const oldest = owed[0];
    const owedTotal = sumByCurrency(owed.map((s) => ({ currency: s.fact.currency, amount: s.balance })));
    const lost = sumByCurrency(overdue.filter((s) => s.givenUp > 0).map((s) => ({ currency: s.fact.currency, amount: Math.min(s.givenUp, s.unpaid) })));
    const paused = owed.filter((s) => s.inDispute).length;
    return makeFinding(this.meta, ctx, {
      title: owed.length === 0 ? 'Money never paid' : undefined,
      detail: () => [
        oldest ? `${owedTotal.map((m) => formatMoney(m)).join(' + ')} overdue on ${plural(owed.length, 'invoice')}; `
          + `oldest ${oldest.fact.number}, ${plural(days(oldest), 'day')} past due`
          + (paused ? ` (${paused === owed.length ? 'all' : paused} under an open dispute)` : '') : '',
        lost.length ? `${lost.map((m) => formatMoney(m)).join(' + ')} you gave up counts as money they never paid` : '',
      ].filter(Boolean).join('; ') + '.',
      evidence: () => overdue.map(invoiceEvidence),
      measure: overdue.reduce((a, s) => a + (s.unpaid / s.fact.amount) * agingStep(days(s) - cfg.graceDays) * ctx.recency(s.fact.dueOn), 0),
      weight: cfg.weight,
    });
  },
  advise(f, ctx, verdict) {
    // An invoice under an open dispute is settled first (invoice-disputes says so), then collected.
    const disputed = new Set(ctx.invoices.filter((s) => s.inDispute).map((s) => s.fact.id));
    return f.evidence.flatMap((e) => (e.type === 'invoice' && e.balance.amount > 0 && !disputed.has(e.id)
      ? [`${verdict === 'fire' || ctx.client.status !== 'active' ? 'collect' : 'chase'} ${e.number}: ${formatMoney(e.balance)}, ${plural(e.daysLate ?? 0, 'day')} overdue`]
      : []));
  },
};
