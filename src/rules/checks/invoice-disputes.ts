// Rule invoice-disputes: repeated disputes and haggling over invoices, heavier when money was conceded.
// Judges from disputes known at asOf; never formats output.
import type { Rule } from '../types.js';
import { disputeEvidence, pct, plural } from '../evidence.js';
import { formatMoney, sumByCurrency } from '../../domain/money.js';
import { makeFinding } from '../finding.js';

export const invoiceDisputes: Rule = {
  meta: {
    id: 'invoice-disputes', severity: 'warning', title: 'Disputes invoices',
    looksAt: 'disputes opened in the window, the share of invoices disputed, and the amounts conceded',
    why: 'A client who haggles over every bill makes you pay twice: in money and in time spent arguing.',
    measure: 'Σ over disputes of recency × (1 + conceded / invoice amount)',
    configKeys: ['invoiceDisputes.weight', 'invoiceDisputes.minDisputes', 'halfLifeDays', 'windowDays'],
  },
  check(ctx) {
    const cfg = ctx.config.invoiceDisputes;
    const disputes = ctx.invoices.flatMap((s) => s.disputes.map((d) => ({ s, d })))
      .filter(({ d }) => ctx.recency(d.openedOn) > 0);
    if (disputes.length === 0 || disputes.length < cfg.minDisputes) return null;
    const issued = ctx.invoices.filter((s) => ctx.recency(s.fact.issuedOn) > 0).length;
    const disputed = new Set(disputes.map(({ s }) => s.fact.id)).size;
    const conceded = sumByCurrency(disputes.filter(({ d }) => d.conceded > 0).map(({ s, d }) => ({ currency: s.fact.currency, amount: d.conceded })));
    const open = disputes.filter(({ d }) => d.resolvedOn === null).length;
    return makeFinding(this.meta, {
      detail: `${plural(disputes.length, 'dispute')} on ${disputed} of ${plural(Math.max(issued, disputed), 'invoice')} `
        + `(${pct(disputed / Math.max(issued, disputed))}) in the last ${ctx.config.windowDays} days`
        + (open ? `, ${open} still open` : '')
        + (conceded.length ? `; conceded ${conceded.map((m) => formatMoney(m)).join(' + ')}.` : '; nothing conceded.'),
      evidence: [...disputes].sort((a, b) => b.d.openedOn.localeCompare(a.d.openedOn) || b.d.id - a.d.id)
        .map(({ s, d }) => disputeEvidence(s, d)), // most recent first: what the card shows
      measure: disputes.reduce((a, { s, d }) => a + ctx.recency(d.openedOn) * (1 + d.conceded / s.fact.amount), 0),
      weight: cfg.weight,
    });
  },
  advise() {
    return ['agree scope, price and acceptance criteria in writing before the work starts, and quote them when invoicing'];
  },
};
