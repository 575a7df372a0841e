// Migration 4 ('ledger'), spelled out: void marks, the referral link, the audit trail of
// corrections, the undo journal and the full-text index, each kept by triggers so that every write
// — whichever command makes it — is journaled and indexed in the same transaction. Released: never
// edit; a later migration that adds columns to a journaled table recreates its triggers.
import { dateCheck, enumCheck, instantCheck } from './schema-checks.js';

/** Every record table's columns after this migration, for the journal's before-images. */
const COLUMNS: Record<string, readonly string[]> = {
  clients: ['id', 'name', 'name_key', 'email', 'phone', 'company', 'channel', 'cadence_days', 'timezone', 'status',
    'status_reason', 'status_on', 'note', 'created_on', 'revision'],
  client_status_changes: ['id', 'client_id', 'status', 'on_date', 'reason', 'recorded_at'],
  interactions: ['id', 'client_id', 'at', 'channel', 'direction', 'summary', 'mood', 'next_step', 'next_owner',
    'follow_up_on', 'recorded_at', 'voided_on', 'void_reason'],
  invoices: ['id', 'number', 'client_id', 'project', 'amount', 'currency', 'issued_on', 'due_on', 'voided_on', 'void_reason'],
  payments: ['id', 'invoice_id', 'amount', 'paid_on', 'voided_on', 'void_reason'],
  disputes: ['id', 'invoice_id', 'reason', 'opened_on', 'resolved_on', 'outcome', 'conceded', 'voided_on', 'void_reason'],
  change_requests: ['id', 'client_id', 'interaction_id', 'summary', 'project', 'on_date', 'hours', 'unbilled',
    'voided_on', 'void_reason'],
  incidents: ['id', 'client_id', 'interaction_id', 'kind', 'at', 'severity', 'note', 'warned', 'voided_on', 'void_reason'],
  referrals: ['id', 'client_id', 'interaction_id', 'on_date', 'note', 'voided_on', 'void_reason', 'referred_client_id'],
  deliveries: ['id', 'client_id', 'project', 'on_date', 'voided_on', 'void_reason'],
  reminders: ['id', 'client_id', 'interaction_id', 'delivery_id', 'on_date', 'kind', 'text', 'done_on', 'snoozed_from',
    'voided_on', 'void_reason'],
  corrections: ['id', 'record_type', 'record_id', 'client_id', 'prior_client_id', 'action', 'on_date', 'at', 'reason',
    'before', 'after'],
};

const VOIDABLE = ['interactions', 'invoices', 'payments', 'disputes', 'change_requests', 'incidents', 'referrals',
  'deliveries', 'reminders'];

const voidColumns = VOIDABLE.map((t) => `
ALTER TABLE ${t} ADD COLUMN voided_on TEXT ${dateCheck('voided_on')};
ALTER TABLE ${t} ADD COLUMN void_reason TEXT;`).join('');

// A void counts nowhere: every read of live data goes through these views. A payment or dispute
// of a voided invoice is not live either.
const liveViews = VOIDABLE.map((t) => {
  const ofLiveInvoice = t === 'payments' || t === 'disputes'
    ? ` AND invoice_id IN (SELECT id FROM invoices WHERE voided_on IS NULL)` : '';
  return `\nCREATE VIEW live_${t} AS SELECT * FROM ${t} WHERE voided_on IS NULL${ofLiveInvoice};`;
}).join('');

/**
 * The undo journal: one entry per write command, and for each row it inserted, updated or deleted a
 * change with the row's previous values. Triggers write the changes into the entry that is open —
 * Store.write opens one per transaction — so nothing escapes it and a rolled-back transaction
 * leaves no trace. Outside an open entry (migrations) nothing is journaled.
 */
const journalTables = `
CREATE TABLE journal (
  id      INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  at      TEXT NOT NULL ${instantCheck('at')},
  kind    TEXT NOT NULL DEFAULT 'command' ${enumCheck('kind', ['command', 'undo'])},
  reverts INTEGER REFERENCES journal(id) ON DELETE CASCADE,
  open    INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1)),
  CHECK ((kind = 'undo') = (reverts IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX journal_one_open ON journal(open) WHERE open = 1;
CREATE UNIQUE INDEX journal_reverts ON journal(reverts) WHERE reverts IS NOT NULL;
CREATE TABLE journal_changes (
  id       INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
  tbl      TEXT NOT NULL,
  row_id   INTEGER NOT NULL,
  op       TEXT NOT NULL ${enumCheck('op', ['insert', 'update', 'delete'])},
  before   TEXT CHECK (before IS NULL OR json_valid(before)),
  CHECK ((op = 'insert') = (before IS NULL))
) STRICT;
CREATE INDEX journal_changes_entry ON journal_changes(entry_id, id);
`;

const image = (t: string, row: 'OLD'): string =>
  `json_object(${(COLUMNS[t] ?? []).map((c) => `'${c}', ${row}.${c}`).join(', ')})`;

const journalTriggers = Object.keys(COLUMNS).map((t) => `
CREATE TRIGGER journal_${t}_insert AFTER INSERT ON ${t} BEGIN
  INSERT INTO journal_changes (entry_id, tbl, row_id, op) SELECT id, '${t}', NEW.id, 'insert' FROM journal WHERE open = 1;
END;
CREATE TRIGGER journal_${t}_update AFTER UPDATE ON ${t} BEGIN
  INSERT INTO journal_changes (entry_id, tbl, row_id, op, before) SELECT id, '${t}', OLD.id, 'update', ${image(t, 'OLD')} FROM journal WHERE open = 1;
END;
CREATE TRIGGER journal_${t}_delete AFTER DELETE ON ${t} BEGIN
  INSERT INTO journal_changes (entry_id, tbl, row_id, op, before) SELECT id, '${t}', OLD.id, 'delete', ${image(t, 'OLD')} FROM journal WHERE open = 1;
END;`).join('');

/** Corrections: edits, voids and unvoids, kept for good (the journal is bounded; this is not). */
const corrections = `
CREATE TABLE corrections (
  id              INTEGER PRIMARY KEY,
  record_type     TEXT NOT NULL ${enumCheck('record_type', ['interaction', 'invoice', 'payment', 'dispute', 'change', 'incident', 'referral', 'delivery', 'reminder'])},
  record_id       INTEGER NOT NULL,
  client_id       INTEGER NOT NULL REFERENCES clients(id),
  prior_client_id INTEGER REFERENCES clients(id),
  action          TEXT NOT NULL ${enumCheck('action', ['edit', 'void', 'unvoid'])},
  on_date         TEXT NOT NULL ${dateCheck('on_date')},
  at              TEXT NOT NULL ${instantCheck('at')},
  reason          TEXT,
  before          TEXT CHECK (before IS NULL OR json_valid(before)),
  after           TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
CREATE INDEX corrections_record ON corrections(record_type, record_id, id);
CREATE INDEX corrections_client ON corrections(client_id, id);
CREATE INDEX corrections_prior_client ON corrections(prior_client_id) WHERE prior_client_id IS NOT NULL;
`;

/**
 * What search finds, per table: its type, a code that makes the index's rowid (id * 16 + code), the
 * client, the date or instant, and the text. Accents and case are folded by the tokenizer.
 */
interface Indexed {
  type: string; code: number; client: string; at: string; body: string; voidable: boolean;
  /** A further condition for the row to be live (R is the row). */
  live?: string;
}
const sep = (...parts: string[]): string => `concat_ws(' · ', ${parts.map((p) => `nullif(R.${p}, '')`).join(', ')})`;
const INDEXED: Record<string, Indexed> = {
  clients: { type: 'client', code: 1, client: 'R.id', at: 'R.created_on', body: sep('name', 'company', 'email', 'note'), voidable: false },
  client_status_changes: { type: 'status', code: 2, client: 'R.client_id', at: 'R.on_date', body: `concat_ws(' · ', R.status, nullif(R.reason, ''))`, voidable: false },
  interactions: { type: 'interaction', code: 3, client: 'R.client_id', at: 'R.at', body: sep('summary', 'next_step'), voidable: true },
  invoices: { type: 'invoice', code: 4, client: 'R.client_id', at: 'R.issued_on', body: sep('number', 'project'), voidable: true },
  disputes: { type: 'dispute', code: 5, client: '(SELECT client_id FROM invoices WHERE id = R.invoice_id)', at: 'R.opened_on', body: sep('reason'), voidable: true,
    live: 'NOT EXISTS (SELECT 1 FROM invoices WHERE id = R.invoice_id AND voided_on IS NOT NULL)' },
  change_requests: { type: 'change', code: 6, client: 'R.client_id', at: 'R.on_date', body: sep('summary', 'project'), voidable: true },
  incidents: { type: 'incident', code: 7, client: 'R.client_id', at: 'R.at', body: `concat_ws(' · ', replace(R.kind, '-', ' '), nullif(R.note, ''))`, voidable: true },
  referrals: { type: 'referral', code: 8, client: 'R.client_id', at: 'R.on_date', body: sep('note'), voidable: true },
  deliveries: { type: 'delivery', code: 9, client: 'R.client_id', at: 'R.on_date', body: sep('project'), voidable: true },
  reminders: { type: 'reminder', code: 10, client: 'R.client_id', at: 'R.on_date', body: sep('text'), voidable: true },
};

const searchTable = `
CREATE VIRTUAL TABLE search_index USING fts5(
  body, type UNINDEXED, record_id UNINDEXED, client_id UNINDEXED, at UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
-- A deleted or edited text leaves the index at once (not at the next merge), as secure_delete
-- does for the tables.
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);`;

/** The index row of record R (a table alias or NEW), or nothing when R is void. */
const indexRow = (t: string, ix: Indexed, r: string): string => {
  const sub = (sql: string) => sql.replaceAll('R.', `${r}.`);
  const live = [ix.voidable ? `${r}.voided_on IS NULL` : null, ix.live ? sub(ix.live) : null].filter((c) => c !== null);
  const where = live.length > 0 ? ` WHERE ${live.join(' AND ')}` : '';
  return `INSERT INTO search_index (rowid, body, type, record_id, client_id, at)
    SELECT ${r}.id * 16 + ${ix.code}, ${sub(ix.body)}, '${ix.type}', ${r}.id, ${sub(ix.client)}, ${sub(ix.at)}${
      r === 'NEW' ? where : ` FROM ${t} ${r}${where}`};`;
};

const searchTriggers = Object.entries(INDEXED).map(([t, ix]) => `
CREATE TRIGGER search_${t}_insert AFTER INSERT ON ${t} BEGIN
  ${indexRow(t, ix, 'NEW')}
END;
CREATE TRIGGER search_${t}_update AFTER UPDATE ON ${t} BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + ${ix.code};
  ${indexRow(t, ix, 'NEW')}
END;
CREATE TRIGGER search_${t}_delete AFTER DELETE ON ${t} BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + ${ix.code};
END;`).join('') + `
CREATE TRIGGER search_invoices_client AFTER UPDATE OF client_id ON invoices BEGIN
  UPDATE search_index SET client_id = NEW.client_id WHERE rowid IN (SELECT id * 16 + 5 FROM disputes WHERE invoice_id = NEW.id);
END;
-- A dispute of a void invoice counts nowhere, so it leaves the index with its invoice and comes back with it.
CREATE TRIGGER search_invoices_void AFTER UPDATE OF voided_on ON invoices WHEN (OLD.voided_on IS NULL) <> (NEW.voided_on IS NULL) BEGIN
  DELETE FROM search_index WHERE rowid IN (SELECT id * 16 + 5 FROM disputes WHERE invoice_id = NEW.id);
  ${indexRow('disputes', INDEXED.disputes as Indexed, 'R').replace('FROM disputes R WHERE ', 'FROM disputes R WHERE R.invoice_id = NEW.id AND ')}
END;`;

const searchBuild = Object.entries(INDEXED).map(([t, ix]) => '\n' + indexRow(t, ix, 'R')).join('');

export const LEDGER_SQL = `${voidColumns}
ALTER TABLE referrals ADD COLUMN referred_client_id INTEGER REFERENCES clients(id);
CREATE INDEX referrals_referred ON referrals(referred_client_id) WHERE referred_client_id IS NOT NULL;
${liveViews}
${corrections}
${journalTables}
${journalTriggers}
${searchTable}
${searchTriggers}
${searchBuild}
`;
