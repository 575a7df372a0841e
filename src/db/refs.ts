// Which row a record reference names, and the reference of a row: the one mapping between
// reference types (domain/refs.ts) and tables.
import type { DB } from './store.js';
import { UsageError, quote } from '../domain/errors.js';
import { formatRef, type RecordRow, type RecordType, type Ref } from '../domain/refs.js';

export const TABLE_OF: Record<RecordType, string> = {
  interaction: 'interactions',
  invoice: 'invoices',
  payment: 'payments',
  dispute: 'disputes',
  change: 'change_requests',
  incident: 'incidents',
  referral: 'referrals',
  delivery: 'deliveries',
  reminder: 'reminders',
};

export const TYPE_OF_TABLE: Record<string, RecordType | undefined> = Object.fromEntries(
  Object.entries(TABLE_OF).map(([type, table]) => [table, type as RecordType]),
);

/** The client of a row: invoices' payments and disputes belong to the invoice's client. */
const CLIENT_OF: Record<RecordType, string> = {
  interaction: 'r.client_id', invoice: 'r.client_id', change: 'r.client_id', incident: 'r.client_id',
  referral: 'r.client_id', delivery: 'r.client_id', reminder: 'r.client_id',
  payment: '(SELECT client_id FROM invoices WHERE id = r.invoice_id)',
  dispute: '(SELECT client_id FROM invoices WHERE id = r.invoice_id)',
};

function rowById(db: DB, type: RecordType, id: number): RecordRow | undefined {
  const row = db
    .prepare(
      `SELECT r.id, ${CLIENT_OF[type]} AS clientId, r.voided_on AS voidedOn, r.void_reason AS voidReason
         ${type === 'invoice' ? ', r.number' : ''}
       FROM ${TABLE_OF[type]} r WHERE r.id = ?`,
    )
    .get(id) as { id: number; clientId: number; voidedOn: string | null; voidReason: string | null; number?: string } | undefined;
  if (!row) return undefined;
  const client = db.prepare('SELECT name FROM clients WHERE id = ?').get(row.clientId) as { name: string };
  return {
    type, id: row.id, ref: refOf(type, row.id, row.number), clientId: row.clientId, clientName: client.name,
    voidedOn: row.voidedOn, voidReason: row.voidReason,
  };
}

/** The printed reference: an invoice by number when known, anything else by id. */
export const refOf = (type: RecordType, id: number, number?: string | null): string =>
  formatRef(type, type === 'invoice' && number ? number : id);

/** Resolve a reference, or exit 2 saying no such record exists. An invoice's key is its number first, then its id. */
export function findRecord(db: DB, ref: Ref): RecordRow {
  let id: number | undefined;
  if (ref.type === 'invoice') {
    const byNumber = db.prepare('SELECT id FROM invoices WHERE number = ? COLLATE NOCASE').get(ref.key) as { id: number } | undefined;
    id = byNumber?.id ?? (/^[1-9][0-9]{0,15}$/.test(ref.key) ? Number(ref.key) : undefined);
  } else {
    id = Number(ref.key);
  }
  const row = id === undefined ? undefined : rowById(db, ref.type, id);
  if (!row) throw new UsageError(`no ${ref.type} ${quote(ref.key)} (${quote(`${ref.type}:${ref.key}`)}); crm history <client> lists a client's records with their references`);
  return row;
}

/** The row behind a table and id (for the journal), or undefined when it is gone. */
export function recordOfRow(db: DB, table: string, id: number): RecordRow | undefined {
  const type = TYPE_OF_TABLE[table];
  return type ? rowById(db, type, id) : undefined;
}

/** A record recorded together with another: its type, id, client and reference. */
export interface Linked {
  type: RecordType;
  id: number;
  clientId: number;
  ref: string;
}

/**
 * The live records recorded together with an interaction (its still-open reminders, then the
 * incidents, changes and referrals noted in it) or a delivery (its still-open reminders). They are
 * records of their own: a void or a move of the parent names them.
 */
export function recordedWith(db: DB, rec: Pick<RecordRow, 'type' | 'id'>): Linked[] {
  if (rec.type !== 'interaction' && rec.type !== 'delivery') return [];
  const column = rec.type === 'interaction' ? 'interaction_id' : 'delivery_id';
  const types: RecordType[] = rec.type === 'interaction' ? ['reminder', 'incident', 'change', 'referral'] : ['reminder'];
  return types.flatMap((type) =>
    (db.prepare(`SELECT id, client_id AS clientId FROM live_${TABLE_OF[type]} WHERE ${column} = ?${type === 'reminder' ? ' AND done_on IS NULL' : ''} ORDER BY id`)
      .all(rec.id) as { id: number; clientId: number }[]).map((r) => ({ type, id: r.id, clientId: r.clientId, ref: refOf(type, r.id) })));
}
