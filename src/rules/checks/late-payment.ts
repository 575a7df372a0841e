// Rule late-payment: a pattern of invoices settled past due + grace — sustained, or emerging in the
// latest invoices. Owns the lateness of settled invoices (not money still owed: overdue-balance).
// Judges from invoice states; never formats output.
import type { Rule } from '../types.js';
import type { InvoiceState } from '../context.js';
import { daysBetween } from '../../domain/dates.js';
import { inWords, invoiceEvidence, pct, plural } from '../evidence.js';
import { makeFinding } from '../finding.js';

const sum = (xs: InvoiceState[], w: (s: InvoiceState) => number) => xs.reduce((a, s) => a + w(s), 0);
const byDue = (a: InvoiceState, b: InvoiceState) =>
  (a.fact.dueOn < b.fact.dueOn ? -1 : a.fact.dueOn > b.fact.dueOn ? 1 : a.fact.id - b.fact.id);

export const latePayment: Rule = {
  meta: {
    id: 'late-payment', severity: 'warning', title: 'Pays late',
    looksAt: 'invoices due in the last 2 years and settled (paid, give or take a residual) more than graceDays after their due date',
    why: 'Chronic late payment wrecks your cash flow and turns you into a debt collector.',
    measure: 'late share (age-weighted) × (1 + worst days late, at most maxDaysLate, / maxDaysLate); at least 0.75 when the latest invoices were all late; halved when the latest were all on time',
    configKeys: ['latePayment.weight', 'latePayment.graceDays', 'latePayment.minLate', 'latePayment.minShare',
      'latePayment.windowDays', 'latePayment.maxDaysLate', 'latePayment.streak', 'latePayment.fireMinLate',
      'latePayment.fireShare', 'latePayment.fireSpanDays', 'residual', 'halfLifeDays'],
    firesWhen: 'a sustained pattern: fireMinLate (4) or more late invoices, fireShare (half) or more of those settled, spread over fireSpanDays (6 months) or more, the latest settled invoice late and due in the last 12 months',
    sign: 'slow to pay',
    owns: 'how late each settled invoice was paid',
  },
  check(ctx) {
    const cfg = ctx.config.latePayment;
    const w = (s: InvoiceState) => ctx.recency(s.fact.dueOn, cfg.windowDays);
    const settled = ctx.invoices.filter((s) => s.decided && w(s) > 0).sort(byDue);
    const late = settled.filter((s) => s.late);
    if (late.length === 0) return null;
    const latest = settled.slice(-cfg.streak);
    const emerging = latest.length === cfg.streak && latest.every((s) => s.late);
    const stopped = latest.length === cfg.streak && latest.every((s) => !s.late);
    const share = sum(late, w) / sum(settled, w);
    if (!emerging && (late.length < cfg.minLate || share < cfg.minShare)) return null;
    // The worst lateness weighs by age too, so an old disaster does not dominate a recent record.
    const worstOf = (s: InvoiceState) => Math.min(s.daysLate ?? 0, cfg.maxDaysLate) * w(s);
    const worst = late.reduce((a, s) => (worstOf(s) > worstOf(a) ? s : a));
    let measure = share * (1 + worstOf(worst) / cfg.maxDaysLate);
    if (emerging) measure = Math.max(measure, 0.75);
    if (stopped) measure /= 2;
    const last = settled[settled.length - 1] as InvoiceState;
    const first = late[0] as InvoiceState;
    const chronic = late.length >= cfg.fireMinLate && share >= cfg.fireShare && last.late && ctx.fresh(last.fact.dueOn)
      && daysBetween(first.fact.dueOn, last.fact.dueOn) >= cfg.fireSpanDays;
    const span = inWords(cfg.windowDays);
    return makeFinding(this.meta, ctx, {
      title: chronic ? 'Pays late, as a habit' : emerging ? 'Pays late, lately' : undefined,
      detail: `${late.length} of ${plural(settled.length, 'invoice')} due in the last ${span} were paid more than `
        + `${plural(cfg.graceDays, 'day')} late (${pct(share)}, recent ones counting more); worst ${worst.fact.number}, ${plural(worst.daysLate ?? 0, 'day')} late.`
        + (emerging ? ` The latest ${cfg.streak} were all late.` : '')
        + (stopped ? ` The latest ${cfg.streak} were paid on time: it may have stopped.` : ''),
      evidence: late.map(invoiceEvidence).reverse(), // most recent first: what the card shows
      measure, weight: cfg.weight,
      firesAlone: chronic
        ? `${late.length} late invoices over ${plural(Math.round(daysBetween(first.fact.dueOn, last.fact.dueOn) / 30.44), 'month')}, and the latest (${last.fact.number}) too: a habit, not a slip`
        : null,
    });
  },
  advise(f, _ctx, verdict) {
    if (verdict === 'fire') return ['until you part: ask for payment up front for any further work'];
    return ['ask for a deposit up front or shorter payment terms, and invoice in smaller milestones'];
  },
};
