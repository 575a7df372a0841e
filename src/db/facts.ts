// Loads the ClientFacts the rules judge: for one client, or every active client a chunk of clients at
// a time, so `review --all` never holds more than one chunk's records (issue #13). One statement per
// table, prepared once and run once per chunk, never once per client or per rule; only the columns
// the rules read. Reads only; decides nothing.
import type { DB } from './store.js';
import type { Channel, DateStr, Direction, InstantStr } from '../domain/types.js';
import type {
  ChangeFact, ClientFacts, DeliveryFact, DisputeFact, IncidentFact, IncomeFact, InteractionFact, InvoiceFact, PaymentFact, ReferralFact,
} from '../rules/facts.js';

/** Clients judged together: their records are in memory at once, and nothing else. */
export const CHUNK_CLIENTS = 250;

type Bounds = { lo: number; hi: number };

/** The payments of every client (any status) from `from` to `to`, per day and currency: what income share is measured against. */
export function portfolioIncome(db: DB, range: { from: DateStr; to: DateStr }): IncomeFact[] {
  // Live payments on live invoices (live_payments), spelled out so the search starts from the dates.
  return db.prepare(
    `SELECT p.paid_on AS "on", i.currency, sum(p.amount) AS amount FROM payments p JOIN invoices i ON i.id = p.invoice_id
     WHERE p.paid_on BETWEEN @from AND @to AND p.voided_on IS NULL AND i.voided_on IS NULL
     GROUP BY p.paid_on, i.currency ORDER BY p.paid_on, i.currency`).all(range) as IncomeFact[];
}

/**
 * The statements for the clients with ids from @lo to @hi: the clients themselves (only active ones
 * with `activeOnly`), and every table's records of any client in the range (load() keeps only the
 * clients' own). Payments and disputes are live_payments and live_disputes spelled out, so the
 * search starts from the clients' invoices.
 */
function statements(db: DB, activeOnly: boolean) {
  const clients = 'client_id BETWEEN @lo AND @hi';
  const ofInvoice = `FROM invoices i JOIN %s x ON x.invoice_id = i.id WHERE i.${clients} AND i.voided_on IS NULL AND x.voided_on IS NULL`;
  return {
    clients: db.prepare(`SELECT id, name, created_on AS createdOn, status, status_on AS statusOn, timezone FROM clients
      WHERE id BETWEEN @lo AND @hi${activeOnly ? ` AND status = 'active'` : ''} ORDER BY id`),
    invoices: db.prepare(`SELECT id, client_id AS clientId, number, project, amount, currency, issued_on AS issuedOn, due_on AS dueOn
      FROM live_invoices WHERE ${clients}`),
    payments: db.prepare(`SELECT x.invoice_id, x.id, x.paid_on, x.amount ${ofInvoice.replace('%s', 'payments')}`).raw(),
    disputes: db.prepare(`SELECT x.invoice_id AS invoiceId, x.id, x.opened_on AS openedOn, x.reason, x.resolved_on AS resolvedOn, x.outcome, x.conceded
      ${ofInvoice.replace('%s', 'disputes')}`),
    // The biggest table: plain arrays, made into the few fields the rules read below.
    interactions: db.prepare(`SELECT client_id, id, at, direction, channel FROM live_interactions WHERE ${clients}`).raw(),
    changes: db.prepare(`SELECT client_id AS clientId, id, on_date AS "on", project, hours, unbilled FROM live_change_requests WHERE ${clients}`),
    incidents: db.prepare(`SELECT client_id AS clientId, id, kind, at, severity, warned, note, interaction_id AS interactionId
      FROM live_incidents WHERE ${clients}`),
    referrals: db.prepare(`SELECT client_id AS clientId, id, on_date AS "on", note FROM live_referrals WHERE ${clients}`),
    deliveries: db.prepare(`SELECT client_id AS clientId, id, on_date AS "on", project FROM live_deliveries WHERE ${clients}`),
  };
}
type Statements = ReturnType<typeof statements>;

/** Rows of one table, per client id. */
class PerClient<T> {
  private readonly map = new Map<number, T[]>();
  add(clientId: number, x: T): void {
    const list = this.map.get(clientId);
    if (list) list.push(x);
    else this.map.set(clientId, [x]);
  }
  of(clientId: number): T[] {
    return this.map.get(clientId) ?? [];
  }
}

type Row<T> = T & { clientId: number };
/** Rows of a statement, per client, each without its client id and through `make`. */
function perClient<T, R = T>(rows: unknown[], make: (r: T) => R = (r) => r as unknown as R): PerClient<R> {
  const into = new PerClient<R>();
  for (const { clientId, ...rest } of rows as Row<T>[]) into.add(clientId, make(rest as T));
  return into;
}
type Flagged<T, K extends keyof T> = Omit<T, K> & Record<K, number>;

/** The facts of the clients with ids from lo to hi that the statements select, in id order. */
function load(q: Statements, bounds: Bounds, portfolio: IncomeFact[]): ClientFacts[] {
  const paymentsOf = new PerClient<PaymentFact>();
  for (const [invoiceId, id, on, amount] of q.payments.all(bounds) as [number, number, DateStr, number][]) paymentsOf.add(invoiceId, { id, on, amount });
  const disputesOf = new PerClient<DisputeFact>();
  for (const { invoiceId, ...d } of q.disputes.all(bounds) as (DisputeFact & { invoiceId: number })[]) disputesOf.add(invoiceId, d);
  const invoices = perClient<Omit<InvoiceFact, 'payments' | 'disputes'>, InvoiceFact>(q.invoices.all(bounds),
    (i) => ({ ...i, payments: paymentsOf.of(i.id), disputes: disputesOf.of(i.id) }));
  const interactions = new PerClient<InteractionFact>();
  for (const [clientId, id, at, direction, channel] of q.interactions.all(bounds) as [number, number, InstantStr, Direction, Channel | null][]) {
    interactions.add(clientId, { id, at, direction, channel });
  }
  const changes = perClient<Flagged<ChangeFact, 'unbilled'>, ChangeFact>(q.changes.all(bounds), (c) => ({ ...c, unbilled: c.unbilled === 1 }));
  const incidents = perClient<Flagged<IncidentFact, 'warned'>, IncidentFact>(q.incidents.all(bounds), (i) => ({ ...i, warned: i.warned === 1 }));
  const referrals = perClient<ReferralFact>(q.referrals.all(bounds));
  const deliveries = perClient<DeliveryFact>(q.deliveries.all(bounds));

  return (q.clients.all(bounds) as ClientFacts['client'][]).map((client) => {
    const inv = invoices.of(client.id);
    return {
      client, invoices: inv, interactions: interactions.of(client.id), changes: changes.of(client.id),
      incidents: incidents.of(client.id), referrals: referrals.of(client.id), deliveries: deliveries.of(client.id),
      clientIncome: inv.flatMap((i) => i.payments.map((p) => ({ on: p.on, currency: i.currency, amount: p.amount }))),
      portfolioIncome: portfolio,
    };
  });
}

/** One client's facts (any status), or undefined when there is no such client. */
export function clientFacts(db: DB, clientId: number, portfolio: IncomeFact[]): ClientFacts | undefined {
  return load(statements(db, false), { lo: clientId, hi: clientId }, portfolio)[0];
}

/** Every active client's facts, in id order, loaded CHUNK_CLIENTS clients at a time. */
export function* activeFacts(db: DB, portfolio: IncomeFact[], chunk = CHUNK_CLIENTS): Generator<ClientFacts> {
  const ids = (db.prepare(`SELECT id FROM clients WHERE status = 'active' ORDER BY id`).pluck().all() as number[]);
  const q = statements(db, true);
  for (let k = 0; k < ids.length; k += chunk) {
    yield* load(q, { lo: ids[k] as number, hi: ids[Math.min(k + chunk, ids.length) - 1] as number }, portfolio);
  }
}
