// What `crm edit` prints: each changed field "from → to" in the user's words, and the edited record
// as JSON with its reference and the changes (as the audit trail keeps them). Pure.
import type { FieldValue, Fields } from '../domain/edit.js';
import type { RecordType } from '../domain/refs.js';
import { fieldLabel } from '../domain/edit.js';
import { formatMoney } from '../domain/money.js';
import { localDate, toLocalIso, toLocalMinute } from '../domain/dates.js';
import { oneLine } from '../domain/text.js';
import { displayWidth, truncateToWidth } from './width.js';
import { wrap } from './fit.js';
import { invoiceDto } from './json.js';
import type { Invoice } from '../domain/records.js';

const TEXT = new Set(['summary', 'next', 'note', 'text', 'reason', 'project']);
const INSTANT = new Set(['at']);

/** One value as a person reads it: money with its currency, a client by name, text quoted and cut to `max` columns. */
export function humanValue(key: string, v: FieldValue, zone: string, max = 40): string {
  if (v === null) return '(none)';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object') return 'currency' in v ? formatMoney(v) : oneLine(v.name);
  if (typeof v === 'number') return String(v);
  if (INSTANT.has(key)) return toLocalMinute(v, zone);
  return TEXT.has(key) ? `"${truncateToWidth(oneLine(v), max)}"` : oneLine(v);
}

/** `Edited invoice:INV-0007: amount 1,200.00 EUR → 1,000.00 EUR`; several changes one per line. */
export function renderEdit(type: RecordType, ref: string, before: Fields, after: Fields, zone: string, width = Infinity): string {
  const lines = Object.keys(after).map((k) => {
    const label = fieldLabel(type, k);
    // Two values share an indented line: each text may take half of what the label leaves.
    const max = Number.isFinite(width) ? Math.max(16, Math.floor((width - label.length - 9) / 2)) : 60;
    return `${label} ${humanValue(k, before[k] ?? null, zone, max)} → ${humanValue(k, after[k] ?? null, zone, max)}`;
  });
  const head = `Edited ${oneLine(ref)}:`;
  const single = `${head} ${lines[0] ?? ''}`;
  if (lines.length === 1 && displayWidth(single) <= width) return single + '\n';
  return wrap([head, ...lines.map((l) => `  ${l}`)].join('\n'), width) + '\n';
}

/** A value in JSON: as the audit trail keeps it, but an instant in the user's zone with its offset. */
function jsonValue(key: string, v: FieldValue, zone: string): unknown {
  if (v === null || typeof v !== 'object') return INSTANT.has(key) && typeof v === 'string' ? toLocalIso(v, zone) : v;
  return 'currency' in v ? { amount: v.amount, currency: v.currency } : { id: v.id, name: v.name };
}

function valuesDto(fields: Fields, zone: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = jsonValue(k, v, zone);
  return out;
}

export interface EditedRecord {
  ref: string;
  type: RecordType;
  id: number;
  fields: Fields;
  before: Fields;
  after: Fields;
}

/**
 * `crm edit --json`: the record's reference, type and id, its fields (an instant with its local
 * date as `on`), `extra` (an invoice's derived balance and status, …), and what changed.
 */
export function editDto(e: EditedRecord, zone: string, extra: Record<string, unknown> = {}) {
  const dated = typeof e.fields.at === 'string' ? { on: localDate(e.fields.at, zone) } : {};
  return {
    ref: e.ref, type: e.type, id: e.id, ...valuesDto(e.fields, zone), ...dated, ...extra,
    changes: { before: valuesDto(e.before, zone), after: valuesDto(e.after, zone) },
  };
}

/** What `crm edit` did, for its output: the record before and after, and what it means around it. */
export interface EditOutcome {
  type: RecordType;
  id: number;
  /** The reference before the edit, and after (an invoice's number may change). */
  was: string;
  ref: string;
  fields: Fields;
  before: Fields;
  after: Fields;
  /** The invoice the record is or belongs to, as it stands after the edit. */
  invoice: Invoice | undefined;
  /** An invoice's payments and disputes, moved with it; what was recorded with a conversation or delivery, left behind. */
  moved: string[];
  stayed: string[];
  /** The client it moved to. */
  movedTo: string | undefined;
}

/** The human output: the changes, then the balance when it moved, and what moved along or stayed. */
export function renderEditOutcome(e: EditOutcome, zone: string, width = Infinity): string {
  if (Object.keys(e.after).length === 0) return `Nothing changed: ${oneLine(e.ref)} already has those values\n`;
  let out = renderEdit(e.type, e.was, e.before, e.after, zone, width);
  const inv = e.invoice;
  if (inv && (e.type !== 'invoice' || 'amount' in e.after)) {
    out += `  ${oneLine(inv.number)}: balance ${formatMoney(Math.max(0, inv.balance), inv.currency)} (${inv.status})\n`;
  }
  const to = e.movedTo === undefined ? '' : oneLine(e.movedTo);
  if (e.moved.length) out += `  ${e.moved.join(', ')} moved with it to ${to}\n`;
  if (e.stayed.length) {
    const one = e.stayed.length === 1;
    out += `  note: ${e.stayed.join(', ')} ${one ? 'was' : 'were'} recorded with it and ${one ? 'stays where it is' : 'stay where they are'} (crm edit <ref> --client ${to} moves ${one ? 'it' : 'each'})\n`;
  }
  return out;
}

/** `crm edit --json`: the record, with an invoice's derived balance and status (or its invoice's, for a payment or dispute). */
export function editOutcomeDto(e: EditOutcome, zone: string) {
  const inv = e.invoice === undefined ? undefined : invoiceDto(e.invoice);
  const extra = !inv ? {}
    : e.type === 'invoice' ? { balance: inv.balance, status: inv.status, paid: inv.paid, conceded: inv.conceded }
    : { invoice: { number: inv.number, balance: inv.balance, status: inv.status } };
  return editDto({ ref: e.ref, type: e.type, id: e.id, fields: e.fields, before: e.before, after: e.after }, zone, extra);
}
