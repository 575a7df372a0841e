// The SQL of `crm export` and `crm import` (docs/EXPORT-FORMAT.md): every record of every table in
// the dump's shape, ordered by type and id, and writing a planned import's records with their ids.
// Which columns each record type has is src/domain/dump-format.ts's; nothing here decides anything.
import type { DB } from './store.js';
import { SPECS, SPEC_OF, type DumpRecord, type Field } from '../domain/dump-format.js';
import { nameKey } from '../domain/names.js';

const selectOf = (field: Field): string =>
  field.column !== undefined
    ? `t.${field.column} AS "${field.key}"`
    : // A payment's or dispute's currency is its invoice's.
      `(SELECT currency FROM invoices WHERE id = t.invoice_id) AS "${field.key}"`;

/**
 * Every record, in the dump's order: types in dependency order, each by id. Read in one transaction,
 * so a write committed meanwhile by another crm is wholly in the dump or wholly out of it.
 */
export function readDump(db: DB): DumpRecord[] {
  return db.transaction(() => readAll(db)).deferred();
}

function readAll(db: DB): DumpRecord[] {
  const out: DumpRecord[] = [];
  for (const spec of SPECS) {
    const sql = `SELECT ${spec.fields.map(selectOf).join(', ')} FROM ${spec.table} t ORDER BY t.id`;
    for (const row of db.prepare(sql).all() as Record<string, unknown>[]) {
      const r: DumpRecord = { type: spec.type, id: row.id as number };
      for (const field of spec.fields) {
        const v = row[field.key] ?? null;
        if (field.type.kind === 'bool') r[field.key] = v === 1;
        else if (field.type.kind === 'json') r[field.key] = typeof v === 'string' ? (JSON.parse(v) as unknown) : null;
        else r[field.key] = v;
      }
      out.push(r);
    }
  }
  return out;
}

/** The columns of a table as the database has them, for the test that the dump misses none. */
export function tableColumns(db: DB, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
}

type Statement = ReturnType<DB['prepare']>;
const statements = new WeakMap<DB, Map<string, Statement>>();

function insertStatement(db: DB, type: DumpRecord['type']): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, Statement>()));
  let stmt = cache.get(type);
  if (!stmt) {
    const spec = SPEC_OF[type];
    const stored = spec.fields.filter((f) => f.column !== undefined);
    const cols = stored.map((f) => f.column as string);
    const params = stored.map((f) => `@${f.key}`);
    if (type === 'client') {
      cols.push('name_key');
      params.push('@nameKey');
    }
    stmt = db.prepare(`INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${params.join(', ')})`);
    cache.set(type, stmt);
  }
  return stmt;
}

/** Insert one planned record (ids and references already the database's); the caller's transaction. */
export function insertRecord(db: DB, r: DumpRecord): void {
  const values: Record<string, unknown> = {};
  for (const field of SPEC_OF[r.type].fields) {
    if (field.column === undefined) continue;
    const v = r[field.key] ?? null;
    if (field.type.kind === 'bool') values[field.key] = v === true ? 1 : 0;
    else if (field.type.kind === 'json') values[field.key] = v === null ? null : JSON.stringify(v);
    else values[field.key] = v;
  }
  if (r.type === 'client') values.nameKey = nameKey(String(r.name));
  insertStatement(db, r.type).run(values);
}

/**
 * A client that was already there and gained status changes from the import: its current status is
 * the latest of its changes (by date, then as recorded), as `crm client fire|archive|reactivate` keeps it.
 */
export function refreshStatus(db: DB, clientId: number): void {
  db.prepare(
    `UPDATE clients SET (status, status_on, status_reason) =
       (SELECT status, on_date, reason FROM client_status_changes WHERE client_id = @id ORDER BY on_date DESC, recorded_at DESC, id DESC LIMIT 1),
       revision = revision + 1
     WHERE id = @id AND EXISTS (SELECT 1 FROM client_status_changes WHERE client_id = @id)
       AND (status, coalesce(status_on, ''), coalesce(status_reason, '')) IS NOT
           (SELECT status, on_date, coalesce(reason, '') FROM client_status_changes WHERE client_id = @id ORDER BY on_date DESC, recorded_at DESC, id DESC LIMIT 1)`,
  ).run({ id: clientId });
}
