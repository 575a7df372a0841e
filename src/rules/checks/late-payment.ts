// Rule late-payment: a pattern of invoices settled past due + grace — sustained, or emerging in the
// latest invoices. Owns the lateness of settled invoices (not money still owed: overdue-balance).
// Judges from invoice states; never formats output.
import type { Rule } from '../types.js';
import type { InvoiceState, RuleContext } from '../context.js';
import { daysBetween } from '../../domain/dates.js';
import { inWords, invoiceEvidence, pct, plural } from '../evidence.js';
import { makeFinding } from '../finding.js';
import { SLOW_TO_PAY } from './overdue-balance.js';

const sum = (xs: InvoiceState[], w: (s: InvoiceState) => number) => xs.reduce((a, s) => a + w(s), 0);
const byDue = (a: InvoiceState, b: InvoiceState) =>
  (a.fact.dueOn < b.fact.dueOn ? -1 : a.fact.dueOn > b.fact.dueOn ? 1 : a.fact.id - b.fact.id);

/**
 * The habit that fires on its own: fireMinLate or more invoices paid late or still unpaid past due,
 * making fireShare or more of those due in the window (paid or past due), spread over fireSpanDays
 * (from the first one's due date to the last one's, or to today while one is still unpaid),
 * the latest of them late and due in the last halfLifeDays. Null when it does not hold.
 */
function habitOf(ctx: RuleContext, settled: InvoiceState[], late: InvoiceState[], unpaid: InvoiceState[]): string | null {
  const cfg = ctx.config.latePayment;
  const w = (s: InvoiceState) => ctx.recency(s.fact.dueOn, cfg.windowDays);
  const judged = [...settled, ...unpaid].sort(byDue);
  const bad = [...late, ...unpaid].sort(byDue);
  const last = judged[judged.length - 1];
  const first = bad[0];
  if (!last || !first || bad.length < cfg.fireMinLate || !(last.late || unpaid.includes(last)) || !ctx.fresh(last.fact.dueOn)) return null;
  if (sum(bad, w) / sum(judged, w) < cfg.fireShare) return null;
  // An invoice still unpaid is late to this day, so the habit runs to today.
  const days = daysBetween(first.fact.dueOn, unpaid.length ? ctx.asOf : last.fact.dueOn);
  if (days < cfg.fireSpanDays) return null;
  const stillUnpaid = unpaid.length ? `, ${unpaid.length} of them still unpaid` : '';
  return `${bad.length} invoices late over ${plural(Math.round(days / 30.44), 'month')}${stillUnpaid}, and the latest (${last.fact.number}) too: a habit, not a slip`;
}

export const latePayment: Rule = {
  meta: {
    id: 'late-payment', severity: 'warning', title: 'Pays late',
    looksAt: 'invoices due in the last 2 years and settled (paid, give or take a residual) more than graceDays after their due date',
    why: 'Chronic late payment wrecks your cash flow and turns you into a debt collector.',
    measure: 'late share (age-weighted) × (1 + worst days late, at most maxDaysLate, / maxDaysLate); at least 0.75 when the latest invoices were all late; halved when the latest were all on time',
    configKeys: ['latePayment.weight', 'latePayment.graceDays', 'latePayment.minLate', 'latePayment.minShare',
      'latePayment.windowDays', 'latePayment.maxDaysLate', 'latePayment.streak', 'latePayment.fireMinLate',
      'latePayment.fireShare', 'latePayment.fireSpanDays', 'residual', 'halfLifeDays'],
    firesWhen: 'a habit: fireMinLate (4) or more invoices paid late or still unpaid past due, fireShare (half) or more of those due in the window, spread over fireSpanDays (6 months) or more, the latest of them late and due in the last 12 months',
    sign: SLOW_TO_PAY,
    owns: 'how late each settled invoice was paid',
  },
  check(ctx) {
    const cfg = ctx.config.latePayment;
    const w = (s: InvoiceState) => ctx.recency(s.fact.dueOn, cfg.windowDays);
    const settled = ctx.invoices.filter((s) => s.decided && w(s) > 0).sort(byDue);
    const late = settled.filter((s) => s.late);
    // Still unpaid past due + grace: their money is overdue-balance's, but they belong to the habit.
    const unpaid = ctx.invoices.filter((s) => !s.decided && s.unpaid > 0 && (s.daysLate ?? 0) > cfg.graceDays && w(s) > 0);
    const habit = habitOf(ctx, settled, late, unpaid);
    if (late.length === 0 && !habit) return null;
    const latest = settled.slice(-cfg.streak);
    const emerging = latest.length === cfg.streak && latest.every((s) => s.late);
    const stopped = latest.length === cfg.streak && latest.every((s) => !s.late);
    const share = late.length ? sum(late, w) / sum(settled, w) : 0;
    if (!habit && !emerging && (late.length < cfg.minLate || share < cfg.minShare)) return null;
    // The worst lateness weighs by age too, so an old disaster does not dominate a recent record.
    const worstOf = (s: InvoiceState) => Math.min(s.daysLate ?? 0, cfg.maxDaysLate) * w(s);
    const worst = late.reduce<InvoiceState | null>((a, s) => (a === null || worstOf(s) > worstOf(a) ? s : a), null);
    let measure = worst ? share * (1 + worstOf(worst) / cfg.maxDaysLate) : 0;
    if (emerging) measure = Math.max(measure, 0.75);
    if (stopped) measure /= 2;
    const span = inWords(cfg.windowDays);
    return makeFinding(this.meta, ctx, {
      title: habit ? 'Pays late, as a habit' : emerging ? 'Pays late, lately' : undefined,
      detail: () => (settled.length ? `${late.length} of the ${plural(settled.length, 'invoice')} due in the last ${span} and paid came more than `
        + `${plural(cfg.graceDays, 'day')} late (${pct(share)}, recent ones counting more)`
        + (worst ? `; worst ${worst.fact.number}, ${plural(worst.daysLate ?? 0, 'day')} late.` : '.') : 'Nothing paid yet.')
        + (unpaid.length ? ` ${plural(unpaid.length, 'more is', 'more are')} still unpaid past due (see Money overdue).` : '')
        + (emerging ? ` The latest ${cfg.streak} were all late.` : '')
        + (stopped ? ` The latest ${cfg.streak} were paid on time: it may have stopped.` : ''),
      evidence: () => late.map(invoiceEvidence).reverse(), // most recent first: what the card shows
      measure, weight: cfg.weight, firesAlone: habit,
    });
  },
  advise(f, _ctx, verdict) {
    if (verdict === 'fire') return ['until you part: ask for payment up front for any further work'];
    return ['ask for a deposit up front or shorter payment terms, and invoice in smaller milestones'];
  },
};
