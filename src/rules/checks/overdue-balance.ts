// Rule overdue-balance: money owed now, past its due date, by how much of each invoice is unpaid and
// which 30-day bucket it is in. Owns unpaid balances past due (not residuals: short-payment).
// Judges from invoice states; never formats output.
import type { Rule } from '../types.js';
import type { InvoiceState } from '../context.js';
import { invoiceEvidence, plural } from '../evidence.js';
import { formatMoney, sumByCurrency } from '../../domain/money.js';
import { makeFinding } from '../finding.js';

/** 1–30 days overdue → 1, 31–60 → 2, 61–90 → 3, 91 or more → 4: the buckets of an aging report. */
export const overdueBucket = (days: number): number => Math.min(4, Math.ceil(days / 30));

export const overdueBalance: Rule = {
  meta: {
    id: 'overdue-balance', severity: 'warning', title: 'Money overdue',
    looksAt: 'unpaid balances past their due date (plus graceDays) on the review date, disputed or not',
    why: 'Every day an invoice sits overdue is your money financing their business.',
    measure: 'Σ over overdue invoices of the unpaid share × its bucket (1–30 days overdue: 1, 31–60: 2, 61–90: 3, more: 4)',
    configKeys: ['overdueBalance.weight', 'overdueBalance.graceDays', 'residual'],
    firesWhen: null,
    sign: 'slow to pay',
    owns: 'money still owed past its due date',
  },
  check(ctx) {
    const cfg = ctx.config.overdueBalance;
    const days = (s: InvoiceState) => s.daysLate ?? 0;
    const overdue = ctx.invoices
      .filter((s) => !s.decided && s.balance > 0 && days(s) > cfg.graceDays)
      .sort((a, b) => days(b) - days(a) || a.fact.id - b.fact.id);
    const oldest = overdue[0];
    if (!oldest) return null;
    const totals = sumByCurrency(overdue.map((s) => ({ currency: s.fact.currency, amount: s.balance })));
    const paused = overdue.filter((s) => s.inDispute).length;
    return makeFinding(this.meta, ctx, {
      detail: `${totals.map((m) => formatMoney(m)).join(' + ')} overdue on ${plural(overdue.length, 'invoice')}; `
        + `oldest ${oldest.fact.number}, ${plural(days(oldest), 'day')} past due`
        + (paused ? ` (${paused === overdue.length ? 'all' : paused} under an open dispute)` : '') + '.',
      evidence: overdue.map(invoiceEvidence),
      measure: overdue.reduce((a, s) => a + (s.balance / s.fact.amount) * overdueBucket(days(s) - cfg.graceDays), 0),
      weight: cfg.weight,
    });
  },
  advise(f, ctx, verdict) {
    // An invoice under an open dispute is settled first (invoice-disputes says so), then collected.
    const disputed = new Set(ctx.invoices.filter((s) => s.inDispute).map((s) => s.fact.id));
    return f.evidence.flatMap((e) => (e.type === 'invoice' && !disputed.has(e.id)
      ? [`${verdict === 'fire' || ctx.client.status !== 'active' ? 'collect' : 'chase'} ${e.number}: ${formatMoney(e.balance)}, ${plural(e.daysLate ?? 0, 'day')} overdue`]
      : []));
  },
};
