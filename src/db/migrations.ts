// crm's schema history. Each migration runs once, in one transaction with its version bump and
// its row in the migrations table. Released migrations are never edited: add a new one instead.
import { LEDGER_SQL } from './ledger-schema.js';
import { boolCheck, dateCheck, enumCheck, instantCheck } from './schema-checks.js';

export interface Migration {
  version: number;
  /** Stable, kebab-case: recorded in the migrations table and shown by `crm db status`. Never renamed. */
  name: string;
  sql: string;
}

// Enum lists are spelled out here, not imported, so a later code change cannot alter a released schema.
const CHANNELS = ['email', 'phone', 'video', 'in-person', 'chat'];
const INCIDENT_KINDS = ['physical-abuse', 'verbal-abuse', 'dishonesty', 'unreasonable-demand', 'ignored-advice',
  'competitor-leverage', 'legal-risk', 'missed-deadline', 'other'];

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial-schema',
    sql: `
CREATE TABLE clients (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  name_key      TEXT NOT NULL UNIQUE,
  email         TEXT,
  phone         TEXT,
  company       TEXT,
  channel       TEXT ${enumCheck('channel', CHANNELS)},
  cadence_days  INTEGER NOT NULL CHECK (cadence_days BETWEEN 1 AND 3650),
  timezone      TEXT,
  status        TEXT NOT NULL DEFAULT 'active' ${enumCheck('status', ['active', 'archived', 'fired'])},
  status_reason TEXT,
  status_on     TEXT ${dateCheck('status_on')},
  note          TEXT,
  created_on    TEXT NOT NULL ${dateCheck('created_on')},
  revision      INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)
) STRICT;

CREATE TABLE interactions (
  id           INTEGER PRIMARY KEY,
  client_id    INTEGER NOT NULL REFERENCES clients(id),
  at           TEXT NOT NULL ${instantCheck('at')},
  channel      TEXT ${enumCheck('channel', CHANNELS)},
  direction    TEXT NOT NULL ${enumCheck('direction', ['in', 'out'])},
  summary      TEXT,
  mood         TEXT ${enumCheck('mood', ['positive', 'neutral', 'negative'])},
  next_step    TEXT,
  next_owner   TEXT ${enumCheck('next_owner', ['me', 'client', 'both'])},
  follow_up_on TEXT ${dateCheck('follow_up_on')},
  recorded_at  TEXT NOT NULL ${instantCheck('recorded_at')}
) STRICT;
CREATE INDEX interactions_client_at ON interactions(client_id, at);

CREATE TABLE invoices (
  id         INTEGER PRIMARY KEY,
  number     TEXT NOT NULL UNIQUE CHECK (length(trim(number)) > 0),
  client_id  INTEGER NOT NULL REFERENCES clients(id),
  project    TEXT,
  amount     INTEGER NOT NULL CHECK (amount > 0),
  currency   TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
  issued_on  TEXT NOT NULL ${dateCheck('issued_on')},
  due_on     TEXT NOT NULL ${dateCheck('due_on')},
  CHECK (due_on >= issued_on)
) STRICT;
CREATE INDEX invoices_client ON invoices(client_id);
CREATE INDEX invoices_due ON invoices(due_on);

CREATE TABLE payments (
  id         INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  amount     INTEGER NOT NULL CHECK (amount > 0),
  paid_on    TEXT NOT NULL ${dateCheck('paid_on')}
) STRICT;
CREATE INDEX payments_invoice ON payments(invoice_id);
CREATE INDEX payments_paid_on ON payments(paid_on);

CREATE TABLE disputes (
  id          INTEGER PRIMARY KEY,
  invoice_id  INTEGER NOT NULL REFERENCES invoices(id),
  reason      TEXT NOT NULL,
  opened_on   TEXT NOT NULL ${dateCheck('opened_on')},
  resolved_on TEXT ${dateCheck('resolved_on')},
  outcome     TEXT ${enumCheck('outcome', ['upheld', 'discounted', 'written-off'])},
  conceded    INTEGER NOT NULL DEFAULT 0 CHECK (conceded >= 0),
  CHECK ((resolved_on IS NULL) = (outcome IS NULL))
) STRICT;
CREATE INDEX disputes_invoice ON disputes(invoice_id);

CREATE TABLE change_requests (
  id             INTEGER PRIMARY KEY,
  client_id      INTEGER NOT NULL REFERENCES clients(id),
  interaction_id INTEGER REFERENCES interactions(id),
  summary        TEXT NOT NULL,
  project        TEXT,
  on_date        TEXT NOT NULL ${dateCheck('on_date')},
  hours          REAL CHECK (hours >= 0 AND hours <= 100000),
  unbilled       INTEGER NOT NULL DEFAULT 0 ${boolCheck('unbilled')}
) STRICT;
CREATE INDEX change_requests_client ON change_requests(client_id, on_date);

CREATE TABLE incidents (
  id             INTEGER PRIMARY KEY,
  client_id      INTEGER NOT NULL REFERENCES clients(id),
  interaction_id INTEGER REFERENCES interactions(id),
  kind           TEXT NOT NULL ${enumCheck('kind', INCIDENT_KINDS)},
  at             TEXT NOT NULL ${instantCheck('at')},
  severity       TEXT NOT NULL ${enumCheck('severity', ['low', 'medium', 'high'])},
  note           TEXT,
  warned         INTEGER NOT NULL DEFAULT 0 ${boolCheck('warned')}
) STRICT;
CREATE INDEX incidents_client ON incidents(client_id, at);

CREATE TABLE referrals (
  id             INTEGER PRIMARY KEY,
  client_id      INTEGER NOT NULL REFERENCES clients(id),
  interaction_id INTEGER REFERENCES interactions(id),
  on_date        TEXT NOT NULL ${dateCheck('on_date')},
  note           TEXT
) STRICT;
CREATE INDEX referrals_client ON referrals(client_id);

CREATE TABLE deliveries (
  id        INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients(id),
  project   TEXT,
  on_date   TEXT NOT NULL ${dateCheck('on_date')}
) STRICT;
CREATE INDEX deliveries_client ON deliveries(client_id);

CREATE TABLE reminders (
  id             INTEGER PRIMARY KEY,
  client_id      INTEGER NOT NULL REFERENCES clients(id),
  interaction_id INTEGER REFERENCES interactions(id),
  delivery_id    INTEGER REFERENCES deliveries(id),
  on_date        TEXT NOT NULL ${dateCheck('on_date')},
  kind           TEXT NOT NULL ${enumCheck('kind', ['follow-up', 'personal', 'feedback'])},
  text           TEXT NOT NULL CHECK (length(text) > 0),
  done_on        TEXT ${dateCheck('done_on')},
  snoozed_from   TEXT ${dateCheck('snoozed_from')}
) STRICT;
CREATE INDEX reminders_open ON reminders(done_on, on_date);
CREATE INDEX reminders_client ON reminders(client_id);
`,
  },
  {
    version: 2,
    name: 'client-status-history',
    // Status changes become history: firing, archiving and taking a client back each add a row, so
    // archiving a fired client no longer erases that it was fired. clients.status stays the current
    // status (what every query filters on); status_on / status_reason mirror the latest change.
    sql: `
CREATE TABLE client_status_changes (
  id          INTEGER PRIMARY KEY,
  client_id   INTEGER NOT NULL REFERENCES clients(id),
  status      TEXT NOT NULL ${enumCheck('status', ['active', 'archived', 'fired'])},
  on_date     TEXT NOT NULL ${dateCheck('on_date')},
  reason      TEXT,
  recorded_at TEXT NOT NULL ${instantCheck('recorded_at')}
) STRICT;
CREATE INDEX client_status_changes_client ON client_status_changes(client_id, id);
INSERT INTO client_status_changes (client_id, status, on_date, reason, recorded_at)
  SELECT id, status, coalesce(status_on, created_on), status_reason, coalesce(status_on, created_on) || 'T00:00:00Z'
  FROM clients WHERE status <> 'active' ORDER BY id;
`,
  },
  {
    version: 3,
    name: 'record-migrations',
    // From here on each migration writes its row in the same transaction as its schema change
    // (migrate() in store.ts does it once this table exists). The migrations before it are recorded
    // when this one runs: with the time they were applied if the same migrate() applied them, else
    // with applied_at NULL — they ran before anything recorded when, and no date is made up for them.
    sql: `
CREATE TABLE migrations (
  version    INTEGER PRIMARY KEY CHECK (version >= 1),
  name       TEXT NOT NULL CHECK (length(name) > 0),
  applied_at TEXT ${instantCheck('applied_at')}
) STRICT;
`,
  },
  {
    version: 4,
    name: 'ledger',
    // Reading and correcting the ledger (see ledger-schema.ts): void marks on every record, a
    // referral's link to the client it brought, the permanent audit trail of corrections, the
    // bounded undo journal kept by triggers, and the full-text index kept by triggers, built here
    // for the records already there.
    sql: LEDGER_SQL,
  },
  {
    version: 5,
    name: 'scale-indexes',
    // Reads that stay fast at 10,000 clients and a million rows (issue #13), each for a query:
    // - invoice numbers are compared COLLATE NOCASE (getInvoiceByNumber, references, edits, CSV
    //   import), which the BINARY unique index cannot serve: every lookup scanned the invoices;
    // - a client's last live contact (crm due, client list, review) is max(at) over live
    //   interactions: the partial index holds exactly those, so the max is one index step instead
    //   of reading each of the client's interactions to check its void mark;
    // - live_payments / live_disputes asked "is the invoice live?" with IN (SELECT id FROM
    //   invoices …), which builds the list of every live invoice for each statement, even to read
    //   one invoice's payments; the same condition as EXISTS looks up the one invoice. Same rows.
    sql: `
CREATE INDEX invoices_number_nocase ON invoices(number COLLATE NOCASE);
CREATE INDEX interactions_live_client_at ON interactions(client_id, at) WHERE voided_on IS NULL;
DROP VIEW live_payments;
CREATE VIEW live_payments AS SELECT p.* FROM payments p
  WHERE p.voided_on IS NULL AND EXISTS (SELECT 1 FROM invoices i WHERE i.id = p.invoice_id AND i.voided_on IS NULL);
DROP VIEW live_disputes;
CREATE VIEW live_disputes AS SELECT d.* FROM disputes d
  WHERE d.voided_on IS NULL AND EXISTS (SELECT 1 FROM invoices i WHERE i.id = d.invoice_id AND i.voided_on IS NULL);
`,
  },
];

/** The schema version a list of migrations ends at (0 for none). */
export const latestVersion = (migrations: readonly Migration[]): number =>
  migrations.reduce((max, m) => Math.max(max, m.version), 0);

export const LATEST_VERSION = latestVersion(MIGRATIONS);
