// Rule late-payment: a chronic pattern of invoices settled (or still unpaid) past due + grace.
// One late invoice is never a pattern. Judges from invoice states; never formats output.
import type { Rule } from '../types.js';
import type { InvoiceState } from '../context.js';
import { invoiceEvidence, pct, round3 } from '../evidence.js';
import { makeFinding } from '../finding.js';

const sum = (xs: InvoiceState[], w: (s: InvoiceState) => number) => xs.reduce((a, s) => a + w(s), 0);

export const latePayment: Rule = {
  meta: {
    id: 'late-payment', severity: 'warning', title: 'Pays late, habitually',
    looksAt: 'invoices due in the window that were settled, or are still unpaid, more than graceDays after their due date',
    why: 'Chronic late payment wrecks your cash flow and turns you into a debt collector.',
    measure: 'recency-weighted share of late invoices × (1 + worst recency-weighted days late / maxDaysLate)',
    configKeys: ['latePayment.weight', 'latePayment.graceDays', 'latePayment.minLate', 'latePayment.minShare',
      'latePayment.windowDays', 'latePayment.maxDaysLate', 'halfLifeDays'],
  },
  check(ctx) {
    const cfg = ctx.config.latePayment;
    const w = (s: InvoiceState) => ctx.recency(s.fact.dueOn, cfg.windowDays);
    const decided = ctx.invoices.filter((s) => s.decided && w(s) > 0);
    const late = decided.filter((s) => s.late);
    if (late.length === 0 || late.length < cfg.minLate) return null;
    const share = sum(late, w) / sum(decided, w);
    if (share < cfg.minShare) return null;
    // Worst lateness fades with age too, so an old disaster does not dominate a recent record.
    const worstOf = (s: InvoiceState) => Math.min(s.daysLate ?? 0, cfg.maxDaysLate) * w(s);
    const worst = late.reduce((a, s) => (worstOf(s) > worstOf(a) ? s : a));
    const byDue = [...decided].sort((a, b) => (a.fact.dueOn < b.fact.dueOn ? -1 : a.fact.dueOn > b.fact.dueOn ? 1 : a.fact.id - b.fact.id));
    const half = Math.floor(byDue.length / 2);
    const older = byDue.slice(0, half).filter((s) => s.late).length;
    const newer = byDue.slice(half).filter((s) => s.late).length;
    const trend = half === 0 ? '' : newer / (byDue.length - half) > older / half ? 'getting worse' : newer / (byDue.length - half) < older / half ? 'improving' : 'steady';
    const unpaid = late.filter((s) => s.settledOn === null).length;
    return makeFinding(this.meta, {
      detail: `${late.length} of ${decided.length} invoices due in the last ${cfg.windowDays} days were settled more than `
        + `${cfg.graceDays} days late${unpaid ? ` or are still unpaid (${unpaid})` : ''}; recency-weighted ${pct(share)}. `
        + `Worst: ${worst.fact.number}, ${worst.daysLate} days late.`
        + (trend ? ` Trend: ${trend} (${newer} late of the latest ${byDue.length - half}, ${older} of the ${half} before).` : ''),
      evidence: late.map(invoiceEvidence).reverse(), // most recent first: what the card shows
      measure: share * (1 + worstOf(worst) / cfg.maxDaysLate), weight: cfg.weight,
      title: round3(share) >= 0.75 ? 'Pays late, almost always' : undefined,
    });
  },
  advise() {
    return ['ask for a deposit up front or shorter payment terms, and invoice in smaller milestones'];
  },
};
