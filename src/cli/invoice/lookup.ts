// Invoice numbers for the `crm invoice` verbs: finding an invoice by its number (with a "did you
// mean" hint), reading one back after a write. Never writes.
import type { Invoice } from '../../domain/records.js';
import type { DB } from '../../db/store.js';
import { getInvoiceByNumber, invoiceNumbers } from '../../db/invoices.js';
import { UsageError, quote } from '../../domain/errors.js';
import { nearestNames } from '../../domain/names.js';

export function findInvoice(db: DB, number: string): Invoice {
  const inv = getInvoiceByNumber(db, number.trim());
  if (inv?.voidedOn) {
    throw new UsageError(`${inv.number} was voided on ${inv.voidedOn}; it counts nowhere (crm unvoid invoice:${inv.number} takes that back)`);
  }
  if (inv) return inv;
  const near = nearestNames(number, invoiceNumbers(db).map((n, i) => ({ id: i, name: n })));
  throw new UsageError(`no invoice numbered ${quote(number)}${near.length ? `; did you mean ${near.map((n) => quote(n)).join(' or ')}?` : ''}`);
}
