// `crm undo` / `crm redo` in SQL: which journal entry to revert, what reverting it changes (read
// before anything is written, so --dry-run says the same), and the reversal itself — each change of
// the entry taken back, newest first, from the before-images the journal triggers kept.
// An entry E is undone iff an undo entry U with reverts = E exists; U holds the reversal's own
// changes (journaled by the same triggers), which is what `crm redo` reverts.
import type { DB } from './store.js';
import { CrmError } from '../domain/errors.js';
import { safeText } from '../domain/text.js';
import { hasJournal } from './journal.js';
import { TABLE_OF, TYPE_OF_TABLE, recordOfRow, refOf } from './refs.js';
import { getInvoice } from './invoices.js';
import type { Action, Effect, Entry, Nothing, Outcome, Reverted } from '../domain/undo.js';

type Op = 'insert' | 'update' | 'delete';
type Verb = 'undo' | 'redo';
interface Change { id: number; tbl: string; rowId: number; op: Op; before: string | null }
type Row = Record<string, unknown>;

const ENTRY = 'SELECT id, command, at, kind, reverts FROM journal';

/** The latest command not undone yet (this run's own open entry aside). */
function latestUndoable(db: DB): Entry | undefined {
  return db.prepare(`${ENTRY} j WHERE kind = 'command' AND open = 0
    AND NOT EXISTS (SELECT 1 FROM journal u WHERE u.reverts = j.id) ORDER BY id DESC LIMIT 1`).get() as Entry | undefined;
}

function whyNothing(db: DB): Nothing {
  const r = db.prepare('SELECT count(*) AS n, min(id) AS first FROM journal WHERE open = 0').get() as { n: number; first: number | null };
  if (r.n === 0) return 'empty';
  // Ids only grow; the oldest entries are the only ones ever deleted from the bottom (the trim to JOURNAL_KEEP in journal.ts).
  return (r.first ?? 1) > 1 ? 'trimmed' : 'all-undone';
}

/** An entry's changes, newest first: the order they are reverted in. */
const changesOf = (db: DB, entryId: number): Change[] =>
  db.prepare('SELECT id, tbl, row_id AS rowId, op, before FROM journal_changes WHERE entry_id = ? ORDER BY id DESC')
    .all(entryId) as Change[];

const columnsCache = new WeakMap<DB, Map<string, Set<string>>>();
/** A journaled table's columns; refuses a name that is not one of our tables. */
function columnsOf(db: DB, table: string): Set<string> {
  let byTable = columnsCache.get(db);
  if (!byTable) columnsCache.set(db, (byTable = new Map<string, Set<string>>()));
  let cols = byTable.get(table);
  if (!cols) {
    const known = /^[a-z_]+$/.test(table) &&
      db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;
    if (!known) throw new CrmError(`the undo journal names an unknown table ${safeText(table)}; nothing was changed`);
    cols = new Set((db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name));
    byTable.set(table, cols);
  }
  return cols;
}

function currentRow(db: DB, table: string, id: number): Row | undefined {
  columnsOf(db, table); // a known table
  return db.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Row | undefined;
}

const parse = (before: string | null): Row => (before === null ? {} : (JSON.parse(before) as Row));

/** The net effect of an entry on each row it touched, in the order it first touched them. */
interface RowChange { table: string; id: number; existedBefore: boolean; existsAfter: boolean; image: Row }
function netChanges(changes: readonly Change[]): RowChange[] {
  const rows = new Map<string, RowChange>();
  // Ascending order: the first change of a row tells what it was before, the last what it is after.
  for (const c of [...changes].reverse()) {
    const key = `${c.tbl}:${c.rowId}`;
    const seen = rows.get(key);
    if (seen) seen.existsAfter = c.op !== 'delete';
    else rows.set(key, { table: c.tbl, id: c.rowId, existedBefore: c.op !== 'insert', existsAfter: c.op !== 'delete', image: parse(c.before) });
  }
  return [...rows.values()];
}

/** Columns whose value is bookkeeping, not something the user changed. */
const HIDDEN = new Set(['id', 'revision', 'name_key']);

function label(db: DB, table: string, id: number, row: Row): { ref: string | null; what: string } {
  const type = TYPE_OF_TABLE[table];
  if (type) {
    const ref = refOf(type, id, table === 'invoices' ? (row.number as string | null) : undefined);
    return { ref, what: ref };
  }
  if (table === 'clients') return { ref: null, what: `client ${String(row.name)}` };
  if (table === 'client_status_changes') return { ref: null, what: `status change to ${String(row.status)}` };
  if (table === 'corrections') {
    // The record it is about, by the reference crm prints (an invoice by its number).
    const about = String(row.record_type);
    const aboutTable = (TABLE_OF as Record<string, string | undefined>)[about];
    const of = (aboutTable && recordOfRow(db, aboutTable, Number(row.record_id))?.ref) ?? `${about}:${String(row.record_id)}`;
    return { ref: null, what: `audit note (${String(row.action)} of ${of})` };
  }
  return { ref: null, what: `${table} row ${id}` };
}

/** What reverting `changes` does to each row; read before anything changes. */
function describe(db: DB, changes: readonly Change[]): Reverted[] {
  const out: Reverted[] = [];
  for (const r of netChanges(changes)) {
    if (!r.existedBefore && !r.existsAfter) continue; // made and unmade by the same command
    const now = currentRow(db, r.table, r.id);
    const shown = now ?? r.image;
    const action: Action = !r.existedBefore ? 'removed' : !r.existsAfter ? 'brought back' : 'restored';
    const fields = action === 'restored' && now
      ? Object.keys(r.image).filter((k) => !HIDDEN.has(k) && k in now && now[k] !== r.image[k])
      : [];
    out.push({ action, table: r.table, id: r.id, ...label(db, r.table, r.id, action === 'brought back' ? r.image : shown), fields });
  }
  return out;
}

/** The rows must be as the entry left them; otherwise something else changed them and nothing is reverted. */
function checkState(db: DB, verb: Verb, entry: Entry, changes: readonly Change[]): void {
  for (const r of netChanges(changes)) {
    const exists = currentRow(db, r.table, r.id) !== undefined;
    if (exists === r.existsAfter) continue;
    const { what } = label(db, r.table, r.id, r.image);
    throw new CrmError(`cannot ${verb} ${safeText(entry.command)}: ${safeText(what)} ${exists ? 'exists again' : 'is gone'} since; nothing was changed`);
  }
}

/** Revert each change, newest first. Clients' revision moves forward (client edit's stale-edit guard). */
function applyReverse(db: DB, verb: Verb, entry: Entry, changes: readonly Change[]): void {
  try {
    for (const c of changes) {
      const cols = columnsOf(db, c.tbl);
      const image = Object.keys(parse(c.before)).filter((k) => cols.has(k));
      const value = (k: string): string => `json_extract(@image, '$.${k}')`;
      if (c.op === 'insert') {
        db.prepare(`DELETE FROM "${c.tbl}" WHERE id = ?`).run(c.rowId);
      } else if (c.op === 'update') {
        const sets = image.filter((k) => k !== 'id').map((k) => `"${k}" = ${c.tbl === 'clients' && k === 'revision' ? 'revision + 1' : value(k)}`);
        db.prepare(`UPDATE "${c.tbl}" SET ${sets.join(', ')} WHERE id = @id`).run({ image: c.before, id: c.rowId });
      } else {
        db.prepare(`INSERT INTO "${c.tbl}" (${image.map((k) => `"${k}"`).join(', ')}) VALUES (${image.map(value).join(', ')})`)
          .run({ image: c.before });
      }
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw new CrmError(`cannot ${verb} ${safeText(entry.command)}: it conflicts with what was recorded since (${(e as Error).message}); nothing was changed`);
    }
    throw e;
  }
}

/** The invoices and clients a reversal touches; read before it, while the rows it removes are still there. */
interface Touched { invoices: Set<number>; clients: Set<number> }
function touched(db: DB, reverted: readonly Reverted[], changes: readonly Change[]): Touched {
  const t: Touched = { invoices: new Set(), clients: new Set() };
  for (const c of netChanges(changes)) {
    const row = currentRow(db, c.table, c.id) ?? c.image;
    if (c.table === 'invoices') t.invoices.add(c.id);
    if ((c.table === 'payments' || c.table === 'disputes') && typeof row.invoice_id === 'number') t.invoices.add(row.invoice_id);
  }
  for (const r of reverted) if (r.table === 'clients' && r.action === 'restored' && r.fields.includes('status')) t.clients.add(r.id);
  return t;
}

/** What the reversal means for the invoices and clients it touched, as they are after it. */
function effectsOf(db: DB, t: Touched): Effect[] {
  const effects: Effect[] = [];
  for (const id of t.invoices) {
    const inv = getInvoice(db, id);
    if (inv) effects.push({ kind: 'invoice', number: inv.number, balance: inv.balance, currency: inv.currency, status: inv.status, voided: inv.voidedOn !== null });
  }
  for (const id of t.clients) {
    const c = db.prepare('SELECT name, status FROM clients WHERE id = ?').get(id) as { name: string; status: string } | undefined;
    if (c) effects.push({ kind: 'client', name: c.name, status: c.status });
  }
  return effects;
}

/**
 * Undo the latest command not undone yet. Inside Store.write (BEGIN IMMEDIATE: two undos at once
 * revert two different commands), the entry this run opened becomes the undo entry. dryRun: only
 * says what it would do, and writes nothing.
 */
export function undoLatest(db: DB, opts: { dryRun: boolean }): Outcome {
  if (!hasJournal(db)) return { done: false, why: 'empty' };
  const entry = latestUndoable(db);
  if (!entry) return { done: false, why: whyNothing(db) };
  const changes = changesOf(db, entry.id);
  checkState(db, 'undo', entry, changes);
  const reverted = describe(db, changes);
  if (opts.dryRun) return { done: true, entry, changes: reverted, effects: [] };
  const own = db.prepare('UPDATE journal SET kind = ?, reverts = ? WHERE open = 1').run('undo', entry.id);
  if (own.changes !== 1) throw new Error('undo must run inside a journaled Store.write');
  const t = touched(db, reverted, changes);
  applyReverse(db, 'undo', entry, changes);
  return { done: true, entry, changes: reverted, effects: effectsOf(db, t) };
}

/**
 * Redo: when the latest entry is an undo, revert its changes (not journaled: the undo entry goes
 * away instead, and its command is live again). After a new command there is nothing to redo.
 */
export function redoLatest(db: DB, opts: { dryRun: boolean }): Outcome {
  if (!hasJournal(db)) return { done: false, why: 'no-undo' };
  const latest = db.prepare(`${ENTRY} WHERE open = 0 ORDER BY id DESC LIMIT 1`).get() as Entry | undefined;
  if (latest?.kind !== 'undo' || latest.reverts === null) return { done: false, why: 'no-undo' };
  const entry = db.prepare(`${ENTRY} WHERE id = ?`).get(latest.reverts) as Entry;
  const changes = changesOf(db, latest.id);
  checkState(db, 'redo', entry, changes);
  const reverted = describe(db, changes);
  if (opts.dryRun) return { done: true, entry, changes: reverted, effects: [] };
  db.prepare('DELETE FROM journal WHERE open = 1').run();
  const t = touched(db, reverted, changes);
  applyReverse(db, 'redo', entry, changes);
  db.prepare('DELETE FROM journal WHERE id = ?').run(latest.id);
  return { done: true, entry, changes: reverted, effects: effectsOf(db, t) };
}

/** How many commands the journal holds (what --forget drops). */
export const journalSize = (db: DB): number =>
  hasJournal(db) ? (db.prepare("SELECT count(*) FROM journal WHERE kind = 'command' AND open = 0").pluck().get() as number) : 0;

/**
 * Drop the whole journal (this run's open entry too, so nothing records the drop). With
 * secure_delete on, the before-images' bytes are overwritten, not just unlinked.
 */
export function forgetJournal(db: DB): number {
  const n = journalSize(db);
  if (hasJournal(db)) db.prepare('DELETE FROM journal').run();
  return n;
}

/** After --forget: copy the overwritten pages into the file and empty the WAL, where old copies of them lie. */
export function flushWal(db: DB): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

