// Rule on-time-payer (good sign): invoices reliably settled within grace, nothing conceded.
// Judges from invoice states; never formats output.
import type { Rule } from '../types.js';
import type { InvoiceState } from '../context.js';
import { pct } from '../evidence.js';
import { makeFinding } from '../finding.js';

export const onTimePayer: Rule = {
  meta: {
    id: 'on-time-payer', severity: 'positive', title: 'Pays on time',
    looksAt: 'invoices due in the late-payment window that were paid in full within graceDays of their due date',
    why: 'A client whose invoices never need a reminder is worth a lot of patience.',
    measure: 'recency-weighted share of settled invoices paid on time (points are negative: it lowers the score)',
    configKeys: ['onTimePayer.weight', 'onTimePayer.minInvoices', 'onTimePayer.minShare', 'latePayment.graceDays',
      'latePayment.windowDays', 'halfLifeDays'],
  },
  check(ctx) {
    const cfg = ctx.config.onTimePayer;
    const w = (s: InvoiceState) => ctx.recency(s.fact.dueOn, ctx.config.latePayment.windowDays);
    const decided = ctx.invoices.filter((s) => s.decided && w(s) > 0);
    const onTime = decided.filter((s) => s.onTime);
    if (onTime.length === 0 || onTime.length < cfg.minInvoices) return null;
    const share = onTime.reduce((a, s) => a + w(s), 0) / decided.reduce((a, s) => a + w(s), 0);
    if (share < cfg.minShare) return null;
    return makeFinding(this.meta, {
      detail: `${onTime.length} of ${decided.length} invoices due in the last ${ctx.config.latePayment.windowDays} days were paid `
        + `within ${ctx.config.latePayment.graceDays} days of their due date (recency-weighted ${pct(share)}).`,
      // Citing every on-time invoice would bury the card; the numbers are enough.
      evidence: [], measure: share, weight: -cfg.weight,
    });
  },
};
