// What a CSV import says: the one-line summary, the JSON document, and the refusal when bad rows
// stop it. Counts come from the plan, so a dry run says exactly what the real run would do.
import type { ImportPlan } from '../../domain/csv-plan.js';
import { plural } from '../../domain/words.js';


function counts(p: ImportPlan) {
  const paid = p.invoices.filter((i) => i.payment?.amount === i.amount).length;
  const partly = p.invoices.filter((i) => i.payment !== null && i.payment.amount < i.amount).length;
  const payments = p.invoices.filter((i) => i.payment !== null).length + p.payments.length;
  return { paid, partly, payments };
}

const lineWord = (p: ImportPlan): string => (p.rejected.length === 1 ? 'line' : 'lines');
const lines = (p: ImportPlan, max = 10): string => {
  const shown = p.rejected.slice(0, max).map((r) => r.line).join(', ');
  return p.rejected.length > max ? `${shown}, …` : shown;
};

/** "Imported 41 invoices (3 paid, 2 partly paid), 12 payments, 4 new clients; 6 already there; 1 row skipped (line 9)" */
export function importSummary(p: ImportPlan, dryRun: boolean): string {
  const c = counts(p);
  const state = [c.paid && `${c.paid} paid`, c.partly && `${c.partly} partly paid`].filter(Boolean).join(', ');
  const parts: string[] = [];
  if (p.invoices.length > 0 || c.payments > 0 || p.existing === 0) {
    parts.push(`${dryRun ? 'Would import' : 'Imported'} ${plural(p.invoices.length, 'invoice')}${state ? ` (${state})` : ''}, `
      + `${plural(c.payments, 'payment')}, ${plural(p.newClients.size, 'new client')}`);
  }
  if (p.existing > 0) {
    const topUps = new Set(p.payments.map((x) => x.invoiceId)).size;
    const there = `${parts.length ? '' : 'Nothing new: '}${plural(p.existing, 'invoice')} already there`;
    parts.push(there + (topUps ? ` (payments added to ${plural(topUps, 'invoice')})` : ''));
  }
  if (p.rejected.length > 0) parts.push(`${plural(p.rejected.length, 'row')} skipped (${lineWord(p)} ${lines(p)})`);
  return parts.join('; ') + (dryRun ? ' (dry run: nothing written)' : '');
}

export function blockedMessage(p: ImportPlan, dryRun: boolean): string {
  const good = p.invoices.length + p.existing;
  return `${plural(p.rejected.length, 'bad row')} (${lineWord(p)} ${lines(p)}); nothing ${dryRun ? 'would be' : 'was'} imported. `
    + `Fix ${p.rejected.length === 1 ? 'it' : 'them'}${good > 0 ? `, or add --allow-partial to import the other ${plural(good, 'row')}` : ''}`;
}

export function importJson(file: string, dryRun: boolean, p: ImportPlan) {
  const c = counts(p);
  return {
    file, dryRun,
    invoices: { added: p.invoices.length, existing: p.existing, paid: c.paid, partlyPaid: c.partly },
    payments: { added: c.payments },
    clients: { added: p.newClients.size, names: [...p.newClients.values()] },
    rejected: p.rejected.map((r) => ({ line: r.line, reason: r.reason })),
  };
}
