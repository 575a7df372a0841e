// Loads the ClientFacts the rules judge: for one client or every active client, in a fixed number
// of queries (one per table, never one per client or per rule). Reads only; decides nothing.
import type { DB } from './store.js';
import type { ClientFacts, InvoiceFact, IncomeFact } from '../rules/facts.js';

export type FactsScope = { clientId: number } | 'active';

// Every per-table query narrows to the same set of clients through this sub-select.
const scopeSql = (scope: FactsScope) =>
  scope === 'active' ? `SELECT id FROM clients WHERE status = 'active'` : 'SELECT @clientId';

type Row<T> = T & { clientId: number };

function groupBy<T extends { clientId: number }>(rows: T[]): Map<number, Omit<T, 'clientId'>[]> {
  const map = new Map<number, Omit<T, 'clientId'>[]>();
  for (const { clientId, ...rest } of rows) {
    const list = map.get(clientId);
    if (list) list.push(rest);
    else map.set(clientId, [rest]);
  }
  return map;
}

/** Facts keyed by client id, in client-name order. 10 queries whatever the number of clients. */
export function loadFacts(db: DB, scope: FactsScope): Map<number, ClientFacts> {
  const inScope = scopeSql(scope);
  // better-sqlite3 refuses parameters a statement does not use, so bind only for one client.
  const all = <T>(sql: string) =>
    (scope === 'active' ? db.prepare(sql).all() : db.prepare(sql).all({ clientId: scope.clientId })) as T[];

  const clients = all<ClientFacts['client']>(
    `SELECT id, name, created_on AS createdOn, status, status_on AS statusOn, timezone FROM clients WHERE id IN (${inScope})
     ORDER BY name COLLATE NOCASE, id`);
  const invoices = all<Row<Omit<InvoiceFact, 'payments' | 'disputes'>>>(
    `SELECT id, client_id AS clientId, number, project, amount, currency, issued_on AS issuedOn, due_on AS dueOn
     FROM live_invoices WHERE client_id IN (${inScope})`);
  const payments = all<{ invoiceId: number; id: number; on: string; amount: number }>(
    `SELECT p.invoice_id AS invoiceId, p.id, p.paid_on AS "on", p.amount FROM live_payments p
     JOIN invoices i ON i.id = p.invoice_id WHERE i.client_id IN (${inScope})`);
  const disputes = all<{ invoiceId: number } & InvoiceFact['disputes'][number]>(
    `SELECT d.invoice_id AS invoiceId, d.id, d.opened_on AS openedOn, d.reason, d.resolved_on AS resolvedOn, d.outcome, d.conceded
     FROM live_disputes d JOIN invoices i ON i.id = d.invoice_id WHERE i.client_id IN (${inScope})`);
  const interactions = groupBy(all<Row<ClientFacts['interactions'][number]>>(
    `SELECT client_id AS clientId, id, at, direction, channel, mood FROM live_interactions WHERE client_id IN (${inScope})`));
  const changes = groupBy(all<Row<{ id: number; on: string; project: string | null; hours: number | null; unbilled: number }>>(
    `SELECT client_id AS clientId, id, on_date AS "on", project, hours, unbilled FROM live_change_requests WHERE client_id IN (${inScope})`));
  const incidents = groupBy(all<Row<{ id: number; kind: string; at: string; severity: string; warned: number; note: string | null; interactionId: number | null }>>(
    `SELECT client_id AS clientId, id, kind, at, severity, warned, note, interaction_id AS interactionId FROM live_incidents WHERE client_id IN (${inScope})`));
  const referrals = groupBy(all<Row<ClientFacts['referrals'][number]>>(
    `SELECT client_id AS clientId, id, on_date AS "on", note FROM live_referrals WHERE client_id IN (${inScope})`));
  const deliveries = groupBy(all<Row<ClientFacts['deliveries'][number]>>(
    `SELECT client_id AS clientId, id, on_date AS "on", project FROM live_deliveries WHERE client_id IN (${inScope})`));
  // Income share needs every client's payments (fired and archived too): aggregated per day and currency.
  const portfolioIncome = db.prepare(
    `SELECT p.paid_on AS "on", i.currency, sum(p.amount) AS amount FROM live_payments p JOIN invoices i ON i.id = p.invoice_id
     GROUP BY p.paid_on, i.currency ORDER BY p.paid_on, i.currency`).all() as IncomeFact[];

  const paymentsOf = new Map<number, InvoiceFact['payments']>();
  for (const { invoiceId, ...p } of payments) paymentsOf.set(invoiceId, [...(paymentsOf.get(invoiceId) ?? []), p]);
  const disputesOf = new Map<number, InvoiceFact['disputes']>();
  for (const { invoiceId, ...d } of disputes) disputesOf.set(invoiceId, [...(disputesOf.get(invoiceId) ?? []), d]);
  const invoicesOf = groupBy(invoices.map((i) => ({ ...i, payments: paymentsOf.get(i.id) ?? [], disputes: disputesOf.get(i.id) ?? [] })));

  const result = new Map<number, ClientFacts>();
  for (const client of clients) {
    const inv = invoicesOf.get(client.id) ?? [];
    result.set(client.id, {
      client,
      invoices: inv,
      interactions: interactions.get(client.id) ?? [],
      changes: (changes.get(client.id) ?? []).map((c) => ({ ...c, unbilled: c.unbilled === 1 })),
      incidents: (incidents.get(client.id) ?? []).map((i) => ({ ...i, warned: i.warned === 1 })) as ClientFacts['incidents'],
      referrals: referrals.get(client.id) ?? [],
      deliveries: deliveries.get(client.id) ?? [],
      clientIncome: inv.flatMap((i) => i.payments.map((p) => ({ on: p.on, currency: i.currency, amount: p.amount }))),
      portfolioIncome,
    });
  }
  return result;
}
