// The undo journal's bookkeeping: every Store.write opens one entry before the command's changes and
// closes it after, in the same transaction. Triggers (ledger-schema.ts) fill the open entry with each
// row's previous values; `crm undo` (undo.ts) reads them back. Bounded: the last JOURNAL_KEEP write
// commands are kept, older ones can no longer be undone (the audit trail of corrections is kept for good).
import type Database from 'better-sqlite3';

type DB = Database.Database;

/** How many write commands `crm undo` can step back through. */
export const JOURNAL_KEEP = 100;

/** What a write is journaled as: the command line as typed, and when it ran. */
export interface JournalLabel {
  command: string;
  at: string;
}

/** The journal exists in this database (it does from migration 4 on). */
export const hasJournal = (db: DB): boolean =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'journal'").get() !== undefined;

/** Open an entry for the transaction that is starting; the triggers write into it. */
export function openEntry(db: DB, label: JournalLabel): void {
  if (!hasJournal(db)) return; // a schema from before the journal (tests that migrate part-way)
  db.prepare('INSERT INTO journal (command, at) VALUES (?, ?)').run(label.command, label.at);
}

/**
 * Close the open entry at the end of the transaction: dropped when the command changed nothing,
 * otherwise kept, and the journal trimmed to JOURNAL_KEEP entries.
 */
export function closeEntry(db: DB): void {
  if (!hasJournal(db)) return;
  const entry = db.prepare('SELECT id FROM journal WHERE open = 1').get() as { id: number } | undefined;
  if (!entry) return;
  const changed = db.prepare('SELECT 1 FROM journal_changes WHERE entry_id = ? LIMIT 1').get(entry.id) !== undefined;
  if (!changed) {
    db.prepare('DELETE FROM journal WHERE id = ?').run(entry.id);
    return;
  }
  db.prepare('UPDATE journal SET open = 0 WHERE id = ?').run(entry.id);
  // Undo entries do not count: they go with the command they revert (ON DELETE CASCADE), so stepping
  // back through the journal never pushes the older commands out of it.
  db.prepare(
    `DELETE FROM journal WHERE kind = 'command' AND id < (SELECT id FROM journal WHERE kind = 'command' ORDER BY id DESC LIMIT 1 OFFSET ${JOURNAL_KEEP - 1})`,
  ).run();
}
