// What a CSV import needs to know about crm (clients, their currencies, invoices by number), and
// writing its plan: new clients, invoices and payments. Run inside one transaction by the caller.
// Every invoice is read once, with its totals (src/db/invoices.ts), into a map, and each insert is
// one prepared statement: a file of 10,000 rows into a database of 10,000 invoices stays linear (a
// lookup per row through the per-invoice balance query would scan every invoice for every row).
import type { DB } from './store.js';
import type { ClientFields } from '../domain/records.js';
import type { DateStr } from '../domain/types.js';
import type { ImportPlan, ImportState, KnownInvoice } from '../domain/csv-plan.js';
import { insertClient, listClients } from './clients.js';
import { listAllInvoices } from './invoices.js';

/** Invoice numbers are unique `COLLATE NOCASE`: SQLite folds ASCII letters only. */
const numberKey = (number: string): string => number.replace(/[a-z]+/g, (s) => s.toUpperCase());

/** Every invoice, voided too (a voided one cannot be imported again), with its live totals. */
function knownInvoices(db: DB): Map<string, KnownInvoice> {
  return new Map(listAllInvoices(db).map((i) => [numberKey(i.number), i]));
}

export function importState(db: DB): ImportState {
  // The order of invoiceCurrenciesOf (src/db/invoices.ts), for every client at once.
  const rows = db.prepare('SELECT client_id AS id, currency FROM live_invoices ORDER BY client_id, issued_on DESC, id DESC').all() as {
    id: number;
    currency: string;
  }[];
  const clientCurrencies = new Map<number, string[]>();
  for (const r of rows) {
    const list = clientCurrencies.get(r.id);
    if (list) list.push(r.currency);
    else clientCurrencies.set(r.id, [r.currency]);
  }
  const invoices = knownInvoices(db);
  return { clients: listClients(db), clientCurrencies, invoice: (number) => invoices.get(numberKey(number)) };
}

/** Write the plan: clients first (built by `newClient` from a name), then invoices and their payments. */
export function applyImport(db: DB, plan: ImportPlan, newClient: (name: string) => ClientFields, today: DateStr): void {
  const ids = new Map<string, number>();
  for (const [key, name] of plan.newClients) ids.set(key, insertClient(db, newClient(name), today).id);
  const invoice = db.prepare(
    `INSERT INTO invoices (number, client_id, project, amount, currency, issued_on, due_on)
     VALUES (@number, @clientId, @project, @amount, @currency, @issuedOn, @dueOn)`,
  );
  const payment = db.prepare('INSERT INTO payments (invoice_id, amount, paid_on) VALUES (?, ?, ?)');
  for (const inv of plan.invoices) {
    const clientId = 'id' in inv.client ? inv.client.id : ids.get(inv.client.key);
    if (clientId === undefined) throw new Error(`import plan: no client for ${inv.number}`);
    const { lastInsertRowid } = invoice.run({
      number: inv.number, clientId, project: inv.project, amount: inv.amount, currency: inv.currency,
      issuedOn: inv.issuedOn, dueOn: inv.dueOn,
    });
    if (inv.payment) payment.run(Number(lastInsertRowid), inv.payment.amount, inv.payment.on);
  }
  for (const p of plan.payments) payment.run(p.invoiceId, p.amount, p.on);
}
