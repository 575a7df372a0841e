// Rule overdue-balance: money owed now, past its due date, weighted by days and by how much of
// each invoice is still unpaid. Judges from invoice states; never formats output.
import type { Rule } from '../types.js';
import { daysBetween } from '../../domain/dates.js';
import { invoiceEvidence, plural } from '../evidence.js';
import { formatMoney, sumByCurrency } from '../../domain/money.js';
import { makeFinding } from '../finding.js';

export const overdueBalance: Rule = {
  meta: {
    id: 'overdue-balance', severity: 'warning', title: 'Money overdue',
    looksAt: 'invoices with a balance whose due date has passed (plus graceDays), as of the review date',
    why: 'Every day an invoice sits overdue is your money financing their business.',
    measure: 'Σ over overdue invoices of (unpaid share of the invoice × days overdue / 30), each capped at maxDays',
    configKeys: ['overdueBalance.weight', 'overdueBalance.graceDays', 'overdueBalance.maxDays'],
  },
  check(ctx) {
    const cfg = ctx.config.overdueBalance;
    const daysOver = (dueOn: string) => daysBetween(dueOn, ctx.asOf);
    const overdue = ctx.invoices
      .filter((s) => s.balance > 0 && daysOver(s.fact.dueOn) > cfg.graceDays)
      .sort((a, b) => daysOver(b.fact.dueOn) - daysOver(a.fact.dueOn) || a.fact.id - b.fact.id);
    const oldest = overdue[0];
    if (!oldest) return null;
    const totals = sumByCurrency(overdue.map((s) => ({ currency: s.fact.currency, amount: s.balance })));
    const measure = overdue.reduce(
      (a, s) => a + (s.balance / s.fact.amount) * (Math.min(daysOver(s.fact.dueOn), cfg.maxDays) / 30), 0);
    return makeFinding(this.meta, {
      detail: `${totals.map((m) => formatMoney(m)).join(' + ')} overdue on `
        + `${plural(overdue.length, 'invoice')}; oldest ${oldest.fact.number}, ${daysOver(oldest.fact.dueOn)} days past due.`,
      evidence: overdue.map(invoiceEvidence), measure, weight: cfg.weight,
    });
  },
  advise(f, ctx) {
    return f.evidence.flatMap((e) => (e.type === 'invoice'
      ? [`chase ${e.number}: ${formatMoney(e.balance)}, ${daysBetween(e.dueOn, ctx.asOf)} days overdue`]
      : []));
  },
};
