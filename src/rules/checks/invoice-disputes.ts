// Rule invoice-disputes: haggling over invoices — disputes, and fires on its own when money was given
// up (conceded or written off) on agreed work. Owns disputes; the money given up counts once, in
// overdue-balance, and the days an invoice is held up are lateness. Judges from disputes known at asOf.
import type { Rule } from '../types.js';
import type { InvoiceState } from '../context.js';
import type { DisputeFact } from '../facts.js';
import { daysBetween } from '../../domain/dates.js';
import { disputeEvidence, pct, plural, when } from '../evidence.js';
import { formatMoney, sumByCurrency } from '../../domain/money.js';
import { makeFinding } from '../finding.js';

interface Seen { s: InvoiceState; d: DisputeFact }

export const invoiceDisputes: Rule = {
  meta: {
    id: 'invoice-disputes', severity: 'warning', title: 'Disputes invoices',
    looksAt: 'disputes opened in the window: how many, any left open for staleDays or more, and the money you gave up (conceded or written off)',
    why: 'A client who haggles over every bill makes you pay twice: in money and in time spent arguing. One who agrees a price and then pays less has shown you the next invoice.',
    measure: 'Σ over disputes of age weight (the money given up is counted once, by overdue-balance, as money not paid)',
    configKeys: ['invoiceDisputes.weight', 'invoiceDisputes.minDisputes', 'invoiceDisputes.staleDays', 'invoiceDisputes.fireGivenUp',
      'halfLifeDays', 'windowDays'],
    firesWhen: 'money given up on agreed work: fireGivenUp (10%) or more of one invoice conceded or written off in the last 12 months',
    owns: 'disputes, and whether money was given up on agreed work (the money itself counts once, in overdue-balance)',
  },
  check(ctx) {
    const cfg = ctx.config.invoiceDisputes;
    const all: Seen[] = ctx.invoices.flatMap((s) => s.disputes.map((d) => ({ s, d })))
      .filter(({ d }) => ctx.recency(d.openedOn) > 0);
    const openDays = ({ d }: Seen) => (d.resolvedOn === null ? daysBetween(d.openedOn, ctx.asOf) : 0);
    const stale = all.filter((x) => openDays(x) >= cfg.staleDays && cfg.staleDays > 0);
    const givenUp = all.filter(({ d }) => d.conceded > 0);
    if (all.length === 0 || (all.length < cfg.minDisputes && givenUp.length === 0 && stale.length === 0)) return null;
    const share = ({ s, d }: Seen) => d.conceded / s.fact.amount;
    const big = givenUp.filter((x) => share(x) >= cfg.fireGivenUp && ctx.fresh(x.d.resolvedOn ?? x.d.openedOn));
    const disputed = new Set(all.map(({ s }) => s.fact.id)).size;
    const issued = Math.max(disputed, ctx.invoices.filter((s) => ctx.recency(s.fact.issuedOn) > 0).length);
    const lost = sumByCurrency(givenUp.map(({ s, d }) => ({ currency: s.fact.currency, amount: d.conceded })));
    const worst = big.reduce<Seen | null>((a, x) => (a === null || share(x) > share(a) ? x : a), null);
    return makeFinding(this.meta, ctx, {
      title: big.length ? 'Paid less than agreed' : undefined,
      detail: () => `${plural(all.length, 'dispute')} on ${disputed} of ${plural(issued, 'invoice')} (${pct(disputed / issued)}) `
        + `${when(ctx, all.map(({ d }) => d.openedOn))}`
        + (stale.length ? `; ${stale.length} still open after ${plural(Math.max(...stale.map(openDays)), 'day')}` : '')
        + (lost.length ? `; you gave up ${lost.map((m) => formatMoney(m)).join(' + ')}.` : '; you gave up nothing.'),
      evidence: () => [...all].sort((a, b) => b.d.openedOn.localeCompare(a.d.openedOn) || b.d.id - a.d.id)
        .map(({ s, d }) => disputeEvidence(s, d)), // most recent first: what the card shows
      measure: all.reduce((a, x) => a + ctx.recency(x.d.openedOn), 0),
      weight: cfg.weight,
      firesAlone: worst
        ? `you gave up ${formatMoney({ amount: worst.d.conceded, currency: worst.s.fact.currency })} (${pct(share(worst))}) of ${worst.s.fact.number}`
          + ` (${worst.d.outcome === 'written-off' ? 'written off' : 'conceded'} ${worst.d.resolvedOn ?? ''}); one such experience is enough`
        : null,
    });
  },
  advise(f, ctx, verdict) {
    const open = f.evidence.flatMap((e) => (e.type === 'dispute' && e.resolvedOn === null
      ? [`settle the open dispute on ${e.invoice} (since ${e.openedOn})`] : []));
    if (ctx.client.status !== 'active') return open; // no advice about future work for a client you left
    if (verdict === 'fire') return [...open, 'take no further work at a price they can reopen: anything more is paid up front'];
    return [...open, 'agree scope, price and acceptance criteria in writing before the work starts, and quote them when invoicing'];
  },
};
