// The export format (docs/EXPORT-FORMAT.md), version 1: every record type, its fields in their fixed
// order, the header and end lines, and the zod schema each line is checked with on import. Pure:
// src/db/dump.ts reads and writes the rows these fields name; this module never sees SQL.
import * as z from 'zod';
import { isDate } from './dates.js';
import { isCurrency } from './currencies.js';
import { RECORD_TYPES } from './refs.js';
import {
  CHANNELS, CLIENT_STATUSES, DIRECTIONS, DISPUTE_OUTCOMES, INCIDENT_KINDS, MOODS, NEXT_OWNERS, REMINDER_KINDS, SEVERITIES,
} from './types.js';
import { DEL_C1, charClass } from './text.js';

const FORMAT_NAME = 'crm-export';
/** The format's version. Any change to a record's fields is a new version; a crm reads every version up to its own. */
const FORMAT_VERSION = 1;

/** Record types in dependency order: a record only refers to types before it (or, for a correction, to any). */
export const DUMP_TYPES = [
  'client', 'status', 'interaction', 'invoice', 'payment', 'dispute', 'change', 'incident', 'referral', 'delivery', 'reminder', 'correction',
] as const;
export type DumpType = (typeof DUMP_TYPES)[number];

/** What a field holds. `ref` names another record by its id in the same file. */
export type FieldKind =
  | { kind: 'id' }
  | { kind: 'text'; nullable: boolean; nonEmpty?: boolean }
  | { kind: 'enum'; values: readonly string[]; nullable: boolean }
  | { kind: 'date'; nullable: boolean }
  | { kind: 'instant' }
  | { kind: 'int'; min: number; max?: number }
  | { kind: 'real'; min: number; max: number; nullable: boolean }
  | { kind: 'bool' }
  | { kind: 'currency' }
  /** The invoice's currency, repeated on its payments and disputes; not a column of their own. */
  | { kind: 'currencyOf' }
  | { kind: 'ref'; to: DumpType; nullable: boolean }
  /** A correction's record: its type is in `recordType`. */
  | { kind: 'recordRef' }
  | { kind: 'json' };

export interface Field {
  key: string;
  /** The column it is stored in (absent for `currencyOf`). */
  column?: string;
  type: FieldKind;
}

export interface TypeSpec {
  type: DumpType;
  table: string;
  fields: readonly Field[];
}

const f = (key: string, column: string | undefined, type: FieldKind): Field => (column === undefined ? { key, type } : { key, column, type });
const text = (key: string, column: string, nullable = true, nonEmpty = false): Field => f(key, column, { kind: 'text', nullable, nonEmpty });
const date = (key: string, column: string, nullable = false): Field => f(key, column, { kind: 'date', nullable });
const oneOf = (key: string, column: string, values: readonly string[], nullable = false): Field => f(key, column, { kind: 'enum', values, nullable });
const ref = (key: string, column: string, to: DumpType, nullable = false): Field => f(key, column, { kind: 'ref', to, nullable });
const id = f('id', 'id', { kind: 'id' });
const voids = [date('voidedOn', 'voided_on', true), text('voidReason', 'void_reason')];
const clientId = ref('clientId', 'client_id', 'client');
const interactionId = ref('interactionId', 'interaction_id', 'interaction', true);

/** Every record type, its table and its fields in the order they are written. */
export const SPECS: readonly TypeSpec[] = [
  {
    type: 'client', table: 'clients', fields: [
      id, text('name', 'name', false, true), text('email', 'email'), text('phone', 'phone'), text('company', 'company'),
      oneOf('channel', 'channel', CHANNELS, true), f('cadenceDays', 'cadence_days', { kind: 'int', min: 1, max: 3650 }),
      text('timezone', 'timezone'), oneOf('status', 'status', CLIENT_STATUSES), date('statusOn', 'status_on', true),
      text('statusReason', 'status_reason'), text('note', 'note'), date('createdOn', 'created_on'),
      f('revision', 'revision', { kind: 'int', min: 1 }),
    ],
  },
  {
    type: 'status', table: 'client_status_changes', fields: [
      id, clientId, oneOf('status', 'status', CLIENT_STATUSES), date('on', 'on_date'), text('reason', 'reason'),
      f('recordedAt', 'recorded_at', { kind: 'instant' }),
    ],
  },
  {
    type: 'interaction', table: 'interactions', fields: [
      id, clientId, f('at', 'at', { kind: 'instant' }), oneOf('channel', 'channel', CHANNELS, true), oneOf('direction', 'direction', DIRECTIONS),
      text('summary', 'summary'), oneOf('mood', 'mood', MOODS, true), text('nextStep', 'next_step'),
      oneOf('nextOwner', 'next_owner', NEXT_OWNERS, true), date('followUpOn', 'follow_up_on', true),
      f('recordedAt', 'recorded_at', { kind: 'instant' }), ...voids,
    ],
  },
  {
    type: 'invoice', table: 'invoices', fields: [
      id, text('number', 'number', false, true), clientId, text('project', 'project'), f('amount', 'amount', { kind: 'int', min: 1 }),
      f('currency', 'currency', { kind: 'currency' }), date('issuedOn', 'issued_on'), date('dueOn', 'due_on'), ...voids,
    ],
  },
  {
    type: 'payment', table: 'payments', fields: [
      id, ref('invoiceId', 'invoice_id', 'invoice'), f('amount', 'amount', { kind: 'int', min: 1 }), f('currency', undefined, { kind: 'currencyOf' }),
      date('paidOn', 'paid_on'), ...voids,
    ],
  },
  {
    type: 'dispute', table: 'disputes', fields: [
      id, ref('invoiceId', 'invoice_id', 'invoice'), text('reason', 'reason', false), date('openedOn', 'opened_on'),
      date('resolvedOn', 'resolved_on', true), oneOf('outcome', 'outcome', DISPUTE_OUTCOMES, true),
      f('conceded', 'conceded', { kind: 'int', min: 0 }), f('currency', undefined, { kind: 'currencyOf' }), ...voids,
    ],
  },
  {
    type: 'change', table: 'change_requests', fields: [
      id, clientId, interactionId, text('summary', 'summary', false), text('project', 'project'), date('on', 'on_date'),
      f('hours', 'hours', { kind: 'real', min: 0, max: 100000, nullable: true }), f('unbilled', 'unbilled', { kind: 'bool' }), ...voids,
    ],
  },
  {
    type: 'incident', table: 'incidents', fields: [
      id, clientId, interactionId, oneOf('kind', 'kind', INCIDENT_KINDS), f('at', 'at', { kind: 'instant' }),
      oneOf('severity', 'severity', SEVERITIES), text('note', 'note'), f('warned', 'warned', { kind: 'bool' }), ...voids,
    ],
  },
  {
    type: 'referral', table: 'referrals', fields: [
      id, clientId, interactionId, date('on', 'on_date'), text('note', 'note'), ref('referredClientId', 'referred_client_id', 'client', true), ...voids,
    ],
  },
  {
    type: 'delivery', table: 'deliveries', fields: [id, clientId, text('project', 'project'), date('on', 'on_date'), ...voids],
  },
  {
    type: 'reminder', table: 'reminders', fields: [
      id, clientId, interactionId, ref('deliveryId', 'delivery_id', 'delivery', true), date('on', 'on_date'),
      oneOf('kind', 'kind', REMINDER_KINDS), text('text', 'text', false, true), date('doneOn', 'done_on', true),
      date('snoozedFrom', 'snoozed_from', true), ...voids,
    ],
  },
  {
    type: 'correction', table: 'corrections', fields: [
      id, oneOf('recordType', 'record_type', RECORD_TYPES), f('recordId', 'record_id', { kind: 'recordRef' }), clientId,
      ref('priorClientId', 'prior_client_id', 'client', true), oneOf('action', 'action', ['edit', 'void', 'unvoid']),
      date('on', 'on_date'), f('at', 'at', { kind: 'instant' }), text('reason', 'reason'),
      f('before', 'before', { kind: 'json' }), f('after', 'after', { kind: 'json' }),
    ],
  },
];

export const SPEC_OF: Readonly<Record<DumpType, TypeSpec>> = Object.fromEntries(SPECS.map((s) => [s.type, s])) as Record<DumpType, TypeSpec>;

/** A correction's record type → the dump type holding that record (they share names). */
export const RECORD_DUMP_TYPE: Readonly<Record<(typeof RECORD_TYPES)[number], DumpType>> = Object.fromEntries(
  RECORD_TYPES.map((t) => [t, t]),
) as Record<(typeof RECORD_TYPES)[number], DumpType>;

/** One record: its type, id and every field of its spec, nulls included. */
export interface DumpRecord {
  type: DumpType;
  id: number;
  [key: string]: unknown;
}

export interface DumpHeader {
  type: typeof FORMAT_NAME;
  version: number;
  schemaVersion: number;
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────

// JSON.stringify leaves DEL, C1 controls and the two Unicode line separators raw; escaped, a dump
// is safe in a terminal and splits into lines only at its own newlines, and still parses the same.
const RAW = new RegExp(charClass(DEL_C1, '\\u2028\\u2029'), 'g');
const escapeRaw = (s: string): string => s.replace(RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A record as one line of JSON, `type` first and then its fields in the spec's order. */
export function recordLine(r: DumpRecord): string {
  const ordered: Record<string, unknown> = { type: r.type };
  for (const field of SPEC_OF[r.type].fields) ordered[field.key] = r[field.key] ?? null;
  return escapeRaw(JSON.stringify(ordered));
}

const headerFields = (schemaVersion: number): string =>
  `"type":"${FORMAT_NAME}","version":${FORMAT_VERSION},"schemaVersion":${schemaVersion}`;

/** JSON Lines: the header, one record a line, and an end line counting the records (a cut-short file is refused). */
export function toJsonLines(schemaVersion: number, records: readonly DumpRecord[]): string {
  const lines = [`{${headerFields(schemaVersion)}}`, ...records.map(recordLine), `{"type":"end","records":${records.length}}`];
  return lines.join('\n') + '\n';
}

/** One JSON document: the header's fields and `records`, one record a line. */
export function toJsonDocument(schemaVersion: number, records: readonly DumpRecord[]): string {
  const body = records.length === 0 ? '' : `\n${records.map(recordLine).join(',\n')}\n`;
  return `{${headerFields(schemaVersion)},"records":[${body}]}\n`;
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────

const INSTANT_RE = /^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d(\.\d{1,9})?Z$/;
// crm takes a text of up to 1 MiB (a note from a file or standard input); a text is refused only
// far beyond anything crm stores, so every export of a crm database imports.
const MAX_TEXT = 16 * 1024 * 1024;

const dateSchema = z.string().refine(isDate, { error: 'expected a date YYYY-MM-DD' });
const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

function fieldSchema(t: FieldKind): z.ZodType<unknown> {
  const nullable = (s: z.ZodType<unknown>, yes: boolean): z.ZodType<unknown> => (yes ? s.nullable() : s);
  switch (t.kind) {
    case 'id':
    case 'recordRef':
      return z.number().int().min(1, { error: 'expected a positive whole number' }).max(Number.MAX_SAFE_INTEGER);
    case 'ref':
      return nullable(z.number().int().min(1, { error: 'expected the id of a record earlier in the file' }), t.nullable);
    case 'text': {
      let s = z.string({ error: 'expected a text (a JSON string)' }).max(MAX_TEXT, { error: 'expected a text of at most 16 MiB' });
      if (t.nonEmpty) s = s.refine((v) => v.trim().length > 0, { error: 'expected a text that is not empty' });
      return nullable(s, t.nullable);
    }
    case 'enum':
      return nullable(z.enum(t.values as [string, ...string[]], { error: `expected one of ${t.values.join(', ')}` }), t.nullable);
    case 'date':
      return nullable(dateSchema, t.nullable);
    case 'instant':
      return z.string().regex(INSTANT_RE, { error: 'expected an instant in UTC, e.g. 2026-11-22T10:00:00.000Z' })
        .refine((v) => !Number.isNaN(Date.parse(v)), { error: 'expected a real instant' });
    case 'int': {
      const what = t.min >= 1 ? 'a positive whole number' : 'a whole number, 0 or more';
      let s = z.number({ error: `expected ${what}` }).int({ error: `expected ${what}` }).min(t.min, { error: `expected ${what}` });
      if (t.max !== undefined) s = s.max(t.max, { error: `expected at most ${t.max}` });
      return s.max(Number.MAX_SAFE_INTEGER);
    }
    case 'real':
      return nullable(z.number().min(t.min).max(t.max), t.nullable);
    case 'bool':
      return z.boolean({ error: 'expected true or false' });
    case 'currency':
    case 'currencyOf':
      return z.string().refine(isCurrency, { error: 'expected an ISO 4217 currency code, e.g. EUR' });
    case 'json':
      return z.record(z.string(), jsonValue, { error: 'expected a JSON object or null' }).nullable();
  }
}

const RECORD_SCHEMAS = Object.fromEntries(
  SPECS.map((spec) => {
    const shape: Record<string, z.ZodType<unknown>> = { type: z.literal(spec.type) };
    for (const field of spec.fields) shape[field.key] = fieldSchema(field.type);
    let schema: z.ZodType<unknown> = z.strictObject(shape);
    if (spec.type === 'invoice') {
      schema = schema.refine((r) => (r as { dueOn: string; issuedOn: string }).dueOn >= (r as { issuedOn: string }).issuedOn, {
        error: 'the due date is before the issue date', path: ['dueOn'],
      });
    }
    if (spec.type === 'dispute') {
      schema = schema.refine((r) => ((r as { resolvedOn: unknown }).resolvedOn === null) === ((r as { outcome: unknown }).outcome === null), {
        error: 'a resolved dispute has both resolvedOn and outcome, an open one neither', path: ['outcome'],
      });
    }
    return [spec.type, schema];
  }),
) as Record<DumpType, z.ZodType<unknown>>;

/** A problem with one record: which field (null: the record as a whole) and what is wrong. */
export class RecordProblem {
  constructor(readonly field: string | null, readonly message: string) {}
}

/** Check one parsed record against its type's schema; the first problem found, or the record. */
export function checkRecord(value: unknown): DumpRecord | RecordProblem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return new RecordProblem(null, 'expected a JSON object');
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !(DUMP_TYPES as readonly string[]).includes(type)) {
    const shown = typeof type === 'string' ? `"${type.slice(0, 40)}"` : 'missing';
    return new RecordProblem('type', `type is ${shown}; expected one of ${DUMP_TYPES.join(', ')}`);
  }
  const result = RECORD_SCHEMAS[type as DumpType].safeParse(value);
  if (result.success) return result.data as DumpRecord;
  const issue = result.error.issues[0];
  if (issue === undefined) return new RecordProblem(null, 'invalid record');
  if (issue.code === 'unrecognized_keys') {
    return new RecordProblem(issue.keys[0] ?? null, `unknown field for ${type === 'interaction' || type === 'invoice' || type === 'incident' ? 'an' : 'a'} ${type}`);
  }
  const field = issue.path.length > 0 ? String(issue.path[0]) : null;
  const missing = issue.code === 'invalid_type' && field !== null && !(field in value);
  return new RecordProblem(field, missing ? 'is missing (write null for no value)' : issue.message);
}

export type Header = { ok: true; header: DumpHeader } | { ok: false; problem: string };

/** Check the header's fields (a line of JSONL, or the JSON document's top level). */
export function checkHeader(value: unknown): Header {
  const o = value as Partial<DumpHeader> | null;
  const expected = `a crm export starts with {"type":"${FORMAT_NAME}","version":${FORMAT_VERSION},…} (written by crm export)`;
  if (typeof o !== 'object' || o === null || o.type !== FORMAT_NAME) return { ok: false, problem: `not a crm export: ${expected}` };
  if (typeof o.version !== 'number' || !Number.isInteger(o.version) || o.version < 1) {
    return { ok: false, problem: `the header's version is not a number: ${expected}` };
  }
  if (o.version > FORMAT_VERSION) {
    return { ok: false, problem: `it was written by a newer crm (export format version ${o.version}; this crm reads up to ${FORMAT_VERSION}); upgrade crm to import it` };
  }
  const schemaVersion = typeof o.schemaVersion === 'number' ? o.schemaVersion : 0;
  return { ok: true, header: { type: FORMAT_NAME, version: o.version, schemaVersion } };
}
