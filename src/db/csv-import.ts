// What a CSV import needs to know about crm (clients, their currencies, invoices by number), and
// writing its plan: new clients, invoices and payments. Run inside one transaction by the caller.
import type { DB } from './store.js';
import type { ClientFields } from '../domain/records.js';
import type { DateStr } from '../domain/types.js';
import type { ImportPlan, ImportState } from '../domain/csv-plan.js';
import { insertClient, listClients } from './clients.js';
import { getInvoiceByNumber, insertInvoice, insertPayment } from './invoices.js';

export function importState(db: DB): ImportState {
  const rows = db.prepare('SELECT DISTINCT client_id AS id, currency FROM live_invoices ORDER BY client_id, currency').all() as {
    id: number;
    currency: string;
  }[];
  const clientCurrencies = new Map<number, string[]>();
  for (const r of rows) clientCurrencies.set(r.id, [...(clientCurrencies.get(r.id) ?? []), r.currency]);
  return { clients: listClients(db), clientCurrencies, invoice: (number) => getInvoiceByNumber(db, number) };
}

/** Write the plan: clients first (built by `newClient` from a name), then invoices and their payments. */
export function applyImport(db: DB, plan: ImportPlan, newClient: (name: string) => ClientFields, today: DateStr): void {
  const ids = new Map<string, number>();
  for (const [key, name] of plan.newClients) ids.set(key, insertClient(db, newClient(name), today).id);
  for (const inv of plan.invoices) {
    const clientId = 'id' in inv.client ? inv.client.id : ids.get(inv.client.key);
    if (clientId === undefined) throw new Error(`import plan: no client for ${inv.number}`);
    const created = insertInvoice(db, {
      number: inv.number, clientId, project: inv.project, amount: inv.amount, currency: inv.currency,
      issuedOn: inv.issuedOn, dueOn: inv.dueOn,
    });
    if (inv.payment) insertPayment(db, created.id, inv.payment.amount, inv.payment.on);
  }
  for (const p of plan.payments) insertPayment(db, p.invoiceId, p.amount, p.on);
}
