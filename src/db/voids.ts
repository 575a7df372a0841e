// Voiding a record and taking that back (crm void / crm unvoid): the checks that need the database,
// the void marks, their rows in the audit trail, and the open reminders that go with a voided
// interaction or delivery. Every read of live data goes through the live_ views, so a void mark is
// all it takes for a record to count nowhere. Called inside one write transaction.
import type { DB } from './store.js';
import { TABLE_OF, recordedWith, refOf } from './refs.js';
import { insertCorrection } from './corrections.js';
import { getInvoice } from './invoices.js';
import { UsageError, quote } from '../domain/errors.js';
import { formatMoney } from '../domain/money.js';
import type { RecordRow, RecordType } from '../domain/refs.js';
import type { Invoice } from '../domain/records.js';
import type { VoidOutcome, VoidSubject } from '../domain/voids.js';
import type { DateStr, InstantStr } from '../domain/types.js';

/** When a void or unvoid happens: today's date (the mark) and the instant (the audit trail). */
export interface Stamp {
  on: DateStr;
  at: InstantStr;
}

const SUBJECT_SQL: Record<RecordType, string> = {
  interaction: `SELECT at AS "on", coalesce(nullif(summary, ''), channel) AS what FROM interactions WHERE id = ?`,
  invoice: `SELECT issued_on AS "on", project AS what, amount, currency, number AS invoice FROM invoices WHERE id = ?`,
  payment: `SELECT p.paid_on AS "on", NULL AS what, p.amount, i.currency, i.number AS invoice
            FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE p.id = ?`,
  dispute: `SELECT d.opened_on AS "on", d.reason AS what, nullif(d.conceded, 0) AS amount, i.currency, i.number AS invoice
            FROM disputes d JOIN invoices i ON i.id = d.invoice_id WHERE d.id = ?`,
  change: `SELECT on_date AS "on", summary AS what FROM change_requests WHERE id = ?`,
  incident: `SELECT at AS "on", replace(kind, '-', ' ') AS what FROM incidents WHERE id = ?`,
  referral: `SELECT on_date AS "on", note AS what FROM referrals WHERE id = ?`,
  delivery: `SELECT on_date AS "on", project AS what FROM deliveries WHERE id = ?`,
  reminder: `SELECT on_date AS "on", text AS what FROM reminders WHERE id = ?`,
};

function subjectOf(db: DB, rec: RecordRow): VoidSubject {
  const row = db.prepare(SUBJECT_SQL[rec.type]).get(rec.id) as
    { on: string; what: string | null; amount?: number | null; currency?: string; invoice?: string };
  return {
    on: row.on,
    what: row.what,
    money: row.amount != null && row.currency !== undefined ? { amount: row.amount, currency: row.currency } : null,
    invoice: rec.type === 'invoice' ? null : (row.invoice ?? null),
  };
}

const refs = (type: RecordType, ids: { id: number }[]): string[] => ids.map((r) => refOf(type, r.id));
const list = (items: string[]): string => items.join(', ');

/** The invoice a payment or dispute belongs to, with its live balance and status. */
function invoiceOf(db: DB, table: 'payments' | 'disputes', id: number): Invoice {
  const { invoiceId } = db.prepare(`SELECT invoice_id AS invoiceId FROM ${table} WHERE id = ?`).get(id) as { invoiceId: number };
  return getInvoice(db, invoiceId) as Invoice;
}

/** The live dispute that wrote an invoice off, if one did. */
const writeOffOf = (db: DB, invoiceId: number): number | undefined =>
  (db.prepare(`SELECT id FROM live_disputes WHERE invoice_id = ? AND outcome = 'written-off' ORDER BY id LIMIT 1`).get(invoiceId) as { id: number } | undefined)?.id;

/** Why voiding this record would leave the ledger wrong, or undefined when it may go. */
function voidRefusal(db: DB, rec: RecordRow): string | undefined {
  if (rec.voidedOn !== null) {
    return `${rec.ref} was voided on ${rec.voidedOn}: ${quote(rec.voidReason ?? '')}; crm unvoid ${rec.ref} takes that back`;
  }
  if (rec.type === 'invoice') {
    const paid = refs('payment', db.prepare('SELECT id FROM live_payments WHERE invoice_id = ? ORDER BY id').all(rec.id) as { id: number }[]);
    if (paid.length > 0) {
      return `${rec.ref} has payments recorded on it (${list(paid)}); void its payments first: crm void ${paid[0]} --reason …${paid.length > 1 ? ', then the others' : ''} — or correct the invoice with crm edit ${rec.ref}`;
    }
  }
  if (rec.type === 'payment') {
    const inv = invoiceOf(db, 'payments', rec.id);
    if (inv.voidedOn !== null) return undefined; // counts nowhere already; marking it void changes nothing
    if (inv.disputeId !== null) {
      return `${inv.number} has an open dispute (dispute:${inv.disputeId}); resolve it first: crm invoice resolve ${inv.number} --outcome …, or void dispute:${inv.disputeId}`;
    }
    const writeOff = writeOffOf(db, inv.id);
    if (writeOff !== undefined) {
      return `${inv.number} was written off (dispute:${writeOff}) for what was left after this payment; voiding ${rec.ref} would leave a written-off invoice owing money: void dispute:${writeOff} first, then resolve ${inv.number} again`;
    }
  }
  return undefined;
}

/** Why bringing this record back would leave the ledger wrong, or undefined when it may come back. */
function unvoidRefusal(db: DB, rec: RecordRow): string | undefined {
  if (rec.voidedOn === null) return `${rec.ref} is not void; crm void ${rec.ref} --reason … voids it`;
  if (rec.type !== 'payment' && rec.type !== 'dispute') return undefined;
  const inv = invoiceOf(db, rec.type === 'payment' ? 'payments' : 'disputes', rec.id);
  const invRef = refOf('invoice', inv.id, inv.number);
  if (inv.voidedOn !== null) return `its invoice ${inv.number} is void; crm unvoid ${invRef} first`;
  const balance = formatMoney(Math.max(0, inv.balance), inv.currency);
  if (rec.type === 'payment') {
    const { amount } = db.prepare('SELECT amount FROM payments WHERE id = ?').get(rec.id) as { amount: number };
    if (amount <= inv.balance) return undefined;
    const writeOff = writeOffOf(db, inv.id);
    return writeOff !== undefined
      ? `${inv.number} was written off since (dispute:${writeOff}); ${rec.ref} cannot come back on it unless dispute:${writeOff} is voided first`
      : `${rec.ref} (${formatMoney(amount, inv.currency)}) is more than what ${inv.number} still owes (${balance}); other payments were recorded since — void the one it duplicates first`;
  }
  const d = db.prepare('SELECT resolved_on AS resolvedOn, conceded FROM disputes WHERE id = ?').get(rec.id) as { resolvedOn: string | null; conceded: number };
  if (d.resolvedOn === null) {
    if (inv.disputeId !== null) return `${inv.number} has another open dispute now (dispute:${inv.disputeId}); resolve or void it first`;
    if (inv.balance <= 0) return `${inv.number} is ${inv.status === 'written-off' ? 'written off' : 'paid in full'} now, and a ${inv.status === 'written-off' ? 'written-off' : 'paid'} invoice cannot be disputed`;
    return undefined;
  }
  if (d.conceded > inv.balance) {
    return `${rec.ref} gave up ${formatMoney(d.conceded, inv.currency)}, more than what ${inv.number} still owes (${balance}); payments or concessions were recorded since — void those first`;
  }
  return undefined;
}

function mark(db: DB, type: RecordType, id: number, voided: { on: DateStr; reason: string } | null): void {
  db.prepare(`UPDATE ${TABLE_OF[type]} SET voided_on = ?, void_reason = ? WHERE id = ?`).run(voided?.on ?? null, voided?.reason ?? null, id);
}

/** Mark a record void, with the open reminders that go with it; refuse (exit 2) what would leave the ledger wrong. */
export function voidRecord(db: DB, rec: RecordRow, reason: string, stamp: Stamp): VoidOutcome {
  const refusal = voidRefusal(db, rec);
  if (refusal !== undefined) throw new UsageError(refusal);
  const voided = { voidedOn: stamp.on, voidReason: reason };
  const cleared = { voidedOn: null, voidReason: null };
  mark(db, rec.type, rec.id, { on: stamp.on, reason });
  const base = { clientId: rec.clientId, priorClientId: null, action: 'void' as const, on: stamp.on, at: stamp.at, reason, before: cleared };
  insertCorrection(db, { ...base, recordType: rec.type, recordId: rec.id, after: voided });

  // Its open reminders go with it (a follow-up of a call that never happened is not due); what else
  // was noted in the conversation is a record of its own, and is only named.
  const linked = recordedWith(db, rec);
  const also: string[] = [];
  for (const r of linked.filter((l) => l.type === 'reminder')) {
    mark(db, 'reminder', r.id, { on: stamp.on, reason });
    insertCorrection(db, { ...base, clientId: r.clientId, recordType: 'reminder', recordId: r.id, after: { ...voided, with: rec.ref } });
    also.push(r.ref);
  }
  const others = linked.filter((l) => l.type !== 'reminder').map((l) => l.ref);
  const hidden: string[] = [];
  if (rec.type === 'invoice') {
    hidden.push(...refs('dispute', db.prepare('SELECT id FROM disputes WHERE invoice_id = ? AND voided_on IS NULL ORDER BY id').all(rec.id) as { id: number }[]));
  }
  return { record: { ...rec, voidedOn: stamp.on, voidReason: reason }, subject: subjectOf(db, rec), also, recordedWith: others, hidden };
}

/**
 * The reminders voided together with `rec` in its latest void, and still void from it (not brought
 * back or voided again on their own since): the void's audit rows name the parent in `after.with`.
 */
function voidedWith(db: DB, rec: RecordRow): { id: number; clientId: number }[] {
  const last = db
    .prepare(`SELECT id, at FROM corrections WHERE record_type = ? AND record_id = ? AND action = 'void' ORDER BY id DESC LIMIT 1`)
    .get(rec.type, rec.id) as { id: number; at: string } | undefined;
  if (!last) return [];
  return db
    .prepare(
      `SELECT r.id, r.client_id AS clientId FROM corrections c JOIN reminders r ON r.id = c.record_id
       WHERE c.record_type = 'reminder' AND c.action = 'void' AND c.id > @id AND c.at = @at
         AND json_extract(c.after, '$.with') = @parent AND r.voided_on IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM corrections x WHERE x.record_type = 'reminder' AND x.record_id = c.record_id
                         AND x.id > c.id AND x.action IN ('void', 'unvoid'))
       ORDER BY r.id`,
    )
    .all({ id: last.id, at: last.at, parent: rec.ref }) as { id: number; clientId: number }[];
}

/** Take a void back, with the reminders voided together with it; refuse (exit 2) what would no longer add up. */
export function unvoidRecord(db: DB, rec: RecordRow, stamp: Stamp): VoidOutcome {
  const refusal = unvoidRefusal(db, rec);
  if (refusal !== undefined) throw new UsageError(refusal);
  const children = rec.type === 'interaction' || rec.type === 'delivery' ? voidedWith(db, rec) : [];
  const cleared = { voidedOn: null, voidReason: null };
  const base = { priorClientId: null, action: 'unvoid' as const, on: stamp.on, at: stamp.at, reason: null, after: cleared };
  mark(db, rec.type, rec.id, null);
  insertCorrection(db, { ...base, clientId: rec.clientId, recordType: rec.type, recordId: rec.id, before: { voidedOn: rec.voidedOn, voidReason: rec.voidReason } });
  const also: string[] = [];
  for (const r of children) {
    const before = db.prepare('SELECT voided_on AS voidedOn, void_reason AS voidReason FROM reminders WHERE id = ?').get(r.id) as Record<string, unknown>;
    mark(db, 'reminder', r.id, null);
    insertCorrection(db, { ...base, clientId: r.clientId, recordType: 'reminder', recordId: r.id, before, after: { ...cleared, with: rec.ref } });
    also.push(refOf('reminder', r.id));
  }
  return { record: { ...rec, voidedOn: null, voidReason: null }, subject: subjectOf(db, rec), also, recordedWith: [], hidden: [] };
}
