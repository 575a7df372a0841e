// Rule on-time-payer (good sign): invoices reliably settled within grace, and no money given up in
// the window (a write-off or concession contradicts "pays reliably"). Judges; never formats output.
import type { Rule } from '../types.js';
import type { InvoiceState } from '../context.js';
import { inWords, invoiceEvidence, pct } from '../evidence.js';
import { makeFinding } from '../finding.js';

export const onTimePayer: Rule = {
  meta: {
    id: 'on-time-payer', severity: 'positive', title: 'Pays on time',
    looksAt: 'invoices due in the last 2 years and paid in full within graceDays of their due date, with nothing conceded or written off in that time',
    why: 'A client whose invoices never need a reminder is worth a lot of patience.',
    measure: 'share of settled invoices paid on time, recent ones counting more (points are negative: it lowers the score)',
    configKeys: ['onTimePayer.weight', 'onTimePayer.minInvoices', 'onTimePayer.minShare', 'latePayment.graceDays',
      'latePayment.windowDays', 'halfLifeDays'],
    firesWhen: null,
    owns: 'invoices paid on time',
  },
  check(ctx) {
    const cfg = ctx.config.onTimePayer;
    const window = ctx.config.latePayment.windowDays;
    const w = (s: InvoiceState) => ctx.recency(s.fact.dueOn, window);
    const counted = ctx.invoices.filter((s) => w(s) > 0);
    if (counted.some((s) => s.givenUp > 0)) return null;
    const settled = counted.filter((s) => s.decided);
    const onTime = settled.filter((s) => s.onTime);
    if (onTime.length === 0 || onTime.length < cfg.minInvoices) return null;
    const share = onTime.reduce((a, s) => a + w(s), 0) / settled.reduce((a, s) => a + w(s), 0);
    if (share < cfg.minShare) return null;
    return makeFinding(this.meta, ctx, {
      detail: () => `${onTime.length} of ${settled.length} invoices due in the last ${inWords(window)} were paid in full within `
        + `${ctx.config.latePayment.graceDays} days of their due date (${pct(share)}, recent ones counting more).`,
      evidence: () => onTime.map(invoiceEvidence).reverse(), // most recent first
      measure: share, weight: -cfg.weight,
    });
  },
};
