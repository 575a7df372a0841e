// The audit trail of corrections: every edit, void and unvoid of a record, kept for good (the undo
// journal is bounded; this is not). `crm history --all` and `crm history --json` read it back.
import type { DB } from './store.js';
import type { RecordType } from '../domain/refs.js';
import type { DateStr, InstantStr } from '../domain/types.js';

export type CorrectionAction = 'edit' | 'void' | 'unvoid';

/** Field values in the user's terms (`amount`, `dueOn`, `client`…), only the fields that changed. */
export type FieldValues = Record<string, unknown>;

export interface Correction {
  id: number;
  recordType: RecordType;
  recordId: number;
  /** The record's client after the correction. */
  clientId: number;
  /** The client it had before, when an edit moved it to another client. */
  priorClientId: number | null;
  action: CorrectionAction;
  on: DateStr;
  at: InstantStr;
  reason: string | null;
  before: FieldValues | null;
  after: FieldValues | null;
}

export type NewCorrection = Omit<Correction, 'id'>;

export function insertCorrection(db: DB, c: NewCorrection): Correction {
  const id = Number(
    db
      .prepare(
        `INSERT INTO corrections (record_type, record_id, client_id, prior_client_id, action, on_date, at, reason, before, after)
         VALUES (@recordType, @recordId, @clientId, @priorClientId, @action, @on, @at, @reason, @before, @after)`,
      )
      .run({
        ...c,
        before: c.before === null ? null : JSON.stringify(c.before),
        after: c.after === null ? null : JSON.stringify(c.after),
      }).lastInsertRowid,
  );
  return { id, ...c };
}

interface CorrectionRow extends Omit<Correction, 'before' | 'after'> {
  before: string | null;
  after: string | null;
}

const SELECT = `SELECT id, record_type AS recordType, record_id AS recordId, client_id AS clientId,
  prior_client_id AS priorClientId, action, on_date AS "on", at, reason, before, after FROM corrections`;

const parse = (r: CorrectionRow): Correction => ({
  ...r,
  before: r.before === null ? null : (JSON.parse(r.before) as FieldValues),
  after: r.after === null ? null : (JSON.parse(r.after) as FieldValues),
});

/** A record's corrections, oldest first. */
export function correctionsOf(db: DB, type: RecordType, id: number): Correction[] {
  return (db.prepare(`${SELECT} WHERE record_type = ? AND record_id = ? ORDER BY id`).all(type, id) as CorrectionRow[]).map(parse);
}

/** Every correction touching a client's records (including records moved away from it), oldest first. */
export function correctionsOfClient(db: DB, clientId: number): Correction[] {
  return (
    db.prepare(`${SELECT} WHERE client_id = @id OR prior_client_id = @id ORDER BY id`).all({ id: clientId }) as CorrectionRow[]
  ).map(parse);
}
