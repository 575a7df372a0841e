// `crm edit`'s SQL: a record as it stands, in the user's terms (domain/edit.ts) with the facts its
// edit must respect; the checks only the database can make (a unique invoice number); writing the
// changed fields and the correction that keeps their previous values, in the caller's transaction.
import type { DB } from './store.js';
import type { RecordRow } from '../domain/refs.js';
import type { ClientRef } from '../domain/types.js';
import type { Current, EditClock, EditFacts, EditPlan, FieldValue, Fields } from '../domain/edit.js';
import { textOf } from '../domain/edit.js';
import type { RecordType } from '../domain/refs.js';
import { UsageError, quote } from '../domain/errors.js';
import { TABLE_OF, recordOfRow, recordedWith, refOf } from './refs.js';
import { insertCorrection, type Correction } from './corrections.js';
import { getInvoice } from './invoices.js';
import type { Invoice } from '../domain/records.js';

type Row = Record<string, unknown>;

const clientRef = (db: DB, id: number): ClientRef => {
  const row = db.prepare('SELECT id, name FROM clients WHERE id = ?').get(id) as ClientRef;
  return { id: row.id, name: row.name };
};
const instant = (v: unknown): string => new Date(String(v)).toISOString();
const money = (amount: unknown, currency: unknown) => ({ amount: Number(amount), currency: String(currency) });

/** The invoice a payment or dispute belongs to, with its live totals; refused when the invoice is void. */
function invoiceOf(db: DB, rec: RecordRow, invoiceId: number): Invoice {
  const inv = getInvoice(db, invoiceId) as Invoice;
  if (inv.voidedOn) throw new UsageError(`${rec.ref} belongs to ${inv.number}, which was voided on ${inv.voidedOn}; unvoid it first (crm unvoid invoice:${inv.number})`);
  return inv;
}

type Reader = (db: DB, rec: RecordRow, row: Row) => { fields: Fields; facts?: EditFacts };

const READERS: Record<RecordType, Reader> = {
  interaction: (db, rec, r) => ({
    fields: {
      client: clientRef(db, rec.clientId), at: instant(r.at), channel: r.channel as string | null, direction: r.direction as string,
      summary: r.summary as string | null, mood: r.mood as string | null, next: r.next_step as string | null, owner: r.next_owner as string | null,
    },
  }),
  invoice: (db, rec, r) => {
    const { paid, conceded } = getInvoice(db, rec.id) as Invoice;
    const x = db
      .prepare(
        `SELECT (SELECT min(paid_on) FROM live_payments WHERE invoice_id = @id) AS firstPaidOn,
           (SELECT min(opened_on) FROM live_disputes WHERE invoice_id = @id) AS firstDisputeOn,
           EXISTS (SELECT 1 FROM payments WHERE invoice_id = @id)
             OR EXISTS (SELECT 1 FROM disputes WHERE invoice_id = @id AND conceded > 0) AS moneyRecorded`,
      )
      .get({ id: rec.id }) as Required<Pick<EditFacts, 'firstPaidOn' | 'firstDisputeOn'>> & { moneyRecorded: number };
    return {
      fields: {
        client: clientRef(db, rec.clientId), number: r.number as string, amount: money(r.amount, r.currency),
        issuedOn: r.issued_on as string, dueOn: r.due_on as string, project: r.project as string | null,
      },
      facts: { ...x, paid, conceded, moneyRecorded: x.moneyRecorded === 1 },
    };
  },
  payment: (db, rec, r) => {
    const inv = invoiceOf(db, rec, Number(r.invoice_id));
    return {
      fields: { amount: money(r.amount, inv.currency), paidOn: r.paid_on as string },
      facts: { invoiceNumber: inv.number, invoiceIssuedOn: inv.issuedOn, room: inv.amount - inv.paid - inv.conceded + Number(r.amount) },
    };
  },
  dispute: (db, rec, r) => {
    const inv = invoiceOf(db, rec, Number(r.invoice_id));
    return {
      fields: {
        reason: r.reason as string, openedOn: r.opened_on as string, outcome: r.outcome as string | null,
        conceded: money(r.conceded, inv.currency), resolvedOn: r.resolved_on as string | null,
      },
      facts: { invoiceNumber: inv.number, invoiceIssuedOn: inv.issuedOn, room: inv.amount - inv.paid - inv.conceded + Number(r.conceded) },
    };
  },
  change: (db, rec, r) => ({
    fields: {
      client: clientRef(db, rec.clientId), on: r.on_date as string, summary: r.summary as string, project: r.project as string | null,
      hours: r.hours as number | null, unbilled: r.unbilled === 1,
    },
  }),
  incident: (db, rec, r) => ({
    fields: {
      client: clientRef(db, rec.clientId), kind: r.kind as string, at: instant(r.at), severity: r.severity as string,
      note: r.note as string | null, warned: r.warned === 1,
    },
  }),
  referral: (db, rec, r) => ({
    fields: {
      client: clientRef(db, rec.clientId), on: r.on_date as string, note: r.note as string | null,
      referred: r.referred_client_id === null ? null : clientRef(db, Number(r.referred_client_id)),
    },
  }),
  delivery: (db, rec, r) => ({
    fields: { client: clientRef(db, rec.clientId), project: r.project as string | null, on: r.on_date as string },
  }),
  reminder: (db, rec, r) => ({
    fields: { client: clientRef(db, rec.clientId), on: r.on_date as string, kind: r.kind as string, text: r.text as string },
  }),
};

/** The record a reference resolved to, as it stands, with the facts its edit must respect. */
export function readCurrent(db: DB, rec: RecordRow): Current {
  const row = db.prepare(`SELECT * FROM ${TABLE_OF[rec.type]} WHERE id = ?`).get(rec.id) as Row;
  const { fields, facts = {} } = READERS[rec.type](db, rec, row);
  return { type: rec.type, ref: rec.ref, fields, facts };
}

/** Each field's column; `client` is client_id everywhere it can be edited. */
const COLUMNS: Record<RecordType, Record<string, string>> = {
  interaction: { client: 'client_id', at: 'at', channel: 'channel', direction: 'direction', summary: 'summary', mood: 'mood', next: 'next_step', owner: 'next_owner' },
  invoice: { client: 'client_id', number: 'number', amount: 'amount', issuedOn: 'issued_on', dueOn: 'due_on', project: 'project' },
  payment: { amount: 'amount', paidOn: 'paid_on' },
  dispute: { reason: 'reason', openedOn: 'opened_on', outcome: 'outcome', conceded: 'conceded', resolvedOn: 'resolved_on' },
  change: { client: 'client_id', on: 'on_date', summary: 'summary', project: 'project', hours: 'hours', unbilled: 'unbilled' },
  incident: { client: 'client_id', kind: 'kind', at: 'at', severity: 'severity', note: 'note', warned: 'warned' },
  referral: { client: 'client_id', on: 'on_date', note: 'note', referred: 'referred_client_id' },
  delivery: { client: 'client_id', project: 'project', on: 'on_date' },
  reminder: { client: 'client_id', on: 'on_date', kind: 'kind', text: 'text' },
};

function sqlValue(v: FieldValue): string | number | null {
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return 'currency' in v ? v.amount : v.id;
}

/** Refuse an invoice number another invoice has, whatever its case. */
export function checkNumberFree(db: DB, rec: RecordRow, number: string): void {
  const other = db.prepare('SELECT number FROM invoices WHERE number = ? COLLATE NOCASE AND id <> ?').get(number, rec.id) as { number: string } | undefined;
  if (other) throw new UsageError(`--number ${quote(number)} is already used by invoice ${other.number}; numbers are unique`);
}

export interface SavedEdit {
  correction: Correction;
  /** The record's reference after the edit (an invoice's number may have changed). */
  ref: string;
}

/** Write the changed fields and their correction (before/after in the user's terms). */
export function saveEdit(db: DB, rec: RecordRow, plan: EditPlan, clock: EditClock): SavedEdit {
  const cols = COLUMNS[rec.type];
  const sets: string[] = [];
  const values: Record<string, string | number | null> = { id: rec.id };
  for (const [key, value] of Object.entries(plan.after)) {
    const column = cols[key];
    if (column === undefined) throw new Error(`crm edit: no column for ${rec.type} field ${key}`);
    sets.push(`${column} = @${key}`);
    values[key] = sqlValue(value);
    if (rec.type === 'invoice' && key === 'amount') {
      sets.push('currency = @currency');
      values.currency = (value as { currency: string }).currency;
    }
  }
  if (rec.type === 'invoice' && plan.after.number !== undefined) checkNumberFree(db, rec, textOf(plan.after.number));
  db.prepare(`UPDATE ${TABLE_OF[rec.type]} SET ${sets.join(', ')} WHERE id = @id`).run(values);
  const moved = plan.after.client as ClientRef | undefined;
  const correction = insertCorrection(db, {
    recordType: rec.type, recordId: rec.id, clientId: moved?.id ?? rec.clientId, priorClientId: moved ? rec.clientId : null,
    action: 'edit', on: clock.today, at: clock.now.toISOString(), reason: null, before: plan.before, after: plan.after,
  });
  return { correction, ref: recordOfRow(db, TABLE_OF[rec.type], rec.id)?.ref ?? rec.ref };
}

/**
 * What goes along with a record when it moves to another client, or stays behind: an invoice's
 * payments and disputes move with it (they have no client of their own); what was recorded during a
 * conversation, and the reminders a delivery scheduled, are records of their own and stay.
 */
export function companions(db: DB, rec: RecordRow): { moved: string[]; stayed: string[] } {
  const list = (sql: string, type: RecordType): string[] =>
    (db.prepare(sql).all(rec.id) as { id: number }[]).map((r) => refOf(type, r.id));
  if (rec.type === 'invoice') {
    return {
      moved: [...list('SELECT id FROM live_payments WHERE invoice_id = ? ORDER BY id', 'payment'),
        ...list('SELECT id FROM live_disputes WHERE invoice_id = ? ORDER BY id', 'dispute')],
      stayed: [],
    };
  }
  return { moved: [], stayed: recordedWith(db, rec).map((l) => l.ref) };
}
