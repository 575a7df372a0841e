// Record references: `TYPE:ID`, the handle a person types and a script parses (`interaction:12`,
// `invoice:INV-0007` or `invoice:7`, `payment:31`, …). Parsing and printing them; which row a
// reference names is the database's business (src/db/refs.ts).
import { UsageError, quote } from './errors.js';
import type { DateStr } from './types.js';

/** Every kind of record a reference can name, in the order crm lists them. */
export const RECORD_TYPES = [
  'interaction', 'invoice', 'payment', 'dispute', 'change', 'incident', 'referral', 'delivery', 'reminder',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** A parsed reference: `key` is the id, or for an invoice the number or id as typed. */
export interface Ref {
  type: RecordType;
  key: string;
}

/** A record a reference names, as the database resolved it (src/db/refs.ts findRecord). */
export interface RecordRow {
  type: RecordType;
  id: number;
  /** The canonical reference (an invoice by its number). */
  ref: string;
  clientId: number;
  clientName: string;
  voidedOn: DateStr | null;
  voidReason: string | null;
}

/** "an interaction", "a payment". */
export const withArticle = (type: RecordType): string => `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;

/** The reference of a record: invoices by number, everything else by id. */
export const formatRef = (type: RecordType, key: number | string): string => `${type}:${key}`;

/** Parse `TYPE:ID`. Exit 2 naming the value and what is accepted when it is not one. */
export function parseRef(value: string, field = 'reference'): Ref {
  const m = /^\s*([a-z-]+)\s*:\s*(\S(?:.*\S)?)\s*$/i.exec(value);
  const accepted = `a reference is TYPE:ID with TYPE one of ${RECORD_TYPES.join(', ')} (e.g. interaction:12, invoice:INV-0007)`;
  if (!m) throw new UsageError(`${field} ${quote(value)} is not a record reference; ${accepted}`);
  const type = (m[1] ?? '').toLowerCase();
  const key = m[2] ?? '';
  // References crm prints for what is not a record of its own (crm search, crm history).
  if (type === 'client') {
    throw new UsageError(`${field} ${quote(value)} is a client, not a record; change a client with crm client edit, archive, fire or reactivate`);
  }
  if (type === 'status') {
    throw new UsageError(`${field} ${quote(value)} is a status change, kept as history; record a new one with crm client reactivate, archive or fire (or crm undo the last command)`);
  }
  if (!(RECORD_TYPES as readonly string[]).includes(type)) {
    throw new UsageError(`${field} ${quote(value)}: unknown record type ${quote(type)}; ${accepted}`);
  }
  if (type !== 'invoice' && !/^[1-9][0-9]{0,15}$/.test(key)) {
    throw new UsageError(`${field} ${quote(value)}: ${withArticle(type as RecordType)} is named by its number, e.g. ${type}:12`);
  }
  return { type: type as RecordType, key };
}

/** Parse a `--type a,b` list against the accepted names. */
export function parseTypes<T extends string>(value: string | undefined, accepted: readonly T[], field = '--type'): T[] | null {
  if (value === undefined) return null;
  const names = value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  if (names.length === 0) throw new UsageError(`${field} is empty; use one or more of ${accepted.join(', ')}, separated by commas`);
  for (const n of names) {
    if (!(accepted as readonly string[]).includes(n)) {
      throw new UsageError(`${field} ${quote(n)} is not a record type; use one or more of ${accepted.join(', ')}`);
    }
  }
  return [...new Set(names)] as T[];
}
