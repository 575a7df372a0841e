// Loads the ClientFacts the rules judge: for one client, or every active client a chunk of clients at
// a time, so `review --all` never holds more than one chunk's records (issue #13). One statement per
// table, prepared once and run once per chunk, never once per client or per rule; only the columns
// the rules read. Reads only; decides nothing.
import type { DB } from './store.js';
import type { Channel, DateStr, Direction, DisputeOutcome, IncidentKind, InstantStr, Severity } from '../domain/types.js';
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
    // Plain arrays (.raw()), made into objects below with the fields named once: much cheaper than
    // row objects copied without their client id.
    invoices: db.prepare(`SELECT client_id, id, number, project, amount, currency, issued_on, due_on FROM live_invoices WHERE ${clients}`).raw(),
    payments: db.prepare(`SELECT x.invoice_id, x.id, x.paid_on, x.amount ${ofInvoice.replace('%s', 'payments')}`).raw(),
    disputes: db.prepare(`SELECT x.invoice_id, x.id, x.opened_on, x.reason, x.resolved_on, x.outcome, x.conceded
      ${ofInvoice.replace('%s', 'disputes')}`).raw(),
    interactions: db.prepare(`SELECT client_id, id, at, direction, channel FROM live_interactions WHERE ${clients}`).raw(),
    changes: db.prepare(`SELECT client_id, id, on_date, project, hours, unbilled FROM live_change_requests WHERE ${clients}`).raw(),
    incidents: db.prepare(`SELECT client_id, id, kind, at, severity, warned, note, interaction_id FROM live_incidents WHERE ${clients}`).raw(),
    referrals: db.prepare(`SELECT client_id, id, on_date, note FROM live_referrals WHERE ${clients}`).raw(),
    deliveries: db.prepare(`SELECT client_id, id, on_date, project FROM live_deliveries WHERE ${clients}`).raw(),
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

/** Rows of a raw statement (first column: the key) per key, each made into an object by `make`. */
function grouped<R extends unknown[], T>(rows: unknown[], make: (r: R) => T): PerClient<T> {
  const into = new PerClient<T>();
  for (const r of rows as [number, ...unknown[]][]) into.add(r[0], make(r as unknown as R));
  return into;
}

/** The facts of the clients with ids from lo to hi that the statements select, in id order. */
function load(q: Statements, bounds: Bounds, portfolio: IncomeFact[]): ClientFacts[] {
  const paymentsOf = grouped(q.payments.all(bounds), ([, id, on, amount]: [number, number, DateStr, number]): PaymentFact => ({ id, on, amount }));
  const disputesOf = grouped(q.disputes.all(bounds),
    ([, id, openedOn, reason, resolvedOn, outcome, conceded]: [number, number, DateStr, string, DateStr | null, DisputeOutcome | null, number]): DisputeFact =>
      ({ id, openedOn, reason, resolvedOn, outcome, conceded }));
  const invoices = grouped(q.invoices.all(bounds),
    ([, id, number, project, amount, currency, issuedOn, dueOn]: [number, number, string, string | null, number, string, DateStr, DateStr]): InvoiceFact =>
      ({ id, number, project, amount, currency, issuedOn, dueOn, payments: paymentsOf.of(id), disputes: disputesOf.of(id) }));
  const interactions = grouped(q.interactions.all(bounds),
    ([, id, at, direction, channel]: [number, number, InstantStr, Direction, Channel | null]): InteractionFact => ({ id, at, direction, channel }));
  const changes = grouped(q.changes.all(bounds),
    ([, id, on, project, hours, unbilled]: [number, number, DateStr, string | null, number | null, number]): ChangeFact =>
      ({ id, on, project, hours, unbilled: unbilled === 1 }));
  const incidents = grouped(q.incidents.all(bounds),
    ([, id, kind, at, severity, warned, note, interactionId]: [number, number, IncidentKind, InstantStr, Severity, number, string | null, number | null]): IncidentFact =>
      ({ id, kind, at, severity, warned: warned === 1, note, interactionId }));
  const referrals = grouped(q.referrals.all(bounds), ([, id, on, note]: [number, number, DateStr, string | null]): ReferralFact => ({ id, on, note }));
  const deliveries = grouped(q.deliveries.all(bounds), ([, id, on, project]: [number, number, DateStr, string | null]): DeliveryFact => ({ id, on, project }));

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
