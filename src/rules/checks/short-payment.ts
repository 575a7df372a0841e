// Rule short-payment (context, 0 points; added in judgement v2): invoices paid to within the residual
// tolerance — bank fees, rounding — counted as paid, with the remainder to chase. Owns residuals, so
// they are never read as lateness or as money overdue. Judges; never formats output.
import type { Rule } from '../types.js';
import { invoiceEvidence, plural } from '../evidence.js';
import { formatMoney, sumByCurrency } from '../../domain/money.js';
import { makeFinding } from '../finding.js';

export const shortPayment: Rule = {
  meta: {
    id: 'short-payment', severity: 'info', title: 'Small remainders left',
    looksAt: 'settled invoices with a balance within the residual tolerance (a share of the invoice or a small amount)',
    why: 'A payment a few euros short is bank fees, not a late payer; still worth asking for.',
    measure: 'number of invoices with a remainder; weight 0, so it never moves the score',
    configKeys: ['residual'],
    firesWhen: null,
    owns: 'small remainders left on invoices otherwise paid',
  },
  check(ctx) {
    const short = ctx.invoices.filter((s) => s.decided && s.residual > 0 && ctx.recency(s.fact.dueOn) > 0);
    if (short.length === 0) return null;
    const totals = sumByCurrency(short.map((s) => ({ currency: s.fact.currency, amount: s.residual })));
    return makeFinding(this.meta, ctx, {
      detail: () => `${plural(short.length, 'invoice')} paid all but ${totals.map((m) => formatMoney(m)).join(' + ')}: counted as paid, not as late.`,
      evidence: () => short.map(invoiceEvidence).reverse(), measure: short.length, weight: 0, cap: null,
    });
  },
  advise(f) {
    return f.evidence.slice(0, 3).flatMap((e) => (e.type === 'invoice' ? [`chase the remainder of ${e.number}: ${formatMoney(e.balance)}`] : []));
  },
};
