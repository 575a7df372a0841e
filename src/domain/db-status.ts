// What `crm db status` reports: the records it counts, the migrations applied and the file's
// facts. src/db reads them, src/render shows them; the keys are listed once, here. Types only.

/** The count keys, in the order shown (camelCase, as every JSON key crm prints). */
export const COUNT_KEYS = [
  'clients', 'interactions', 'invoices', 'payments', 'disputes', 'changeRequests',
  'incidents', 'referrals', 'deliveries', 'reminders', 'statusChanges',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** A row of the migrations table. */
export interface AppliedMigration {
  version: number;
  name: string;
  /** An ISO instant; null for a migration applied before migrations were recorded. */
  appliedAt: string | null;
}

/** What the database says about itself. */
export interface DbStatus {
  /** null when there is no database yet: no schema exists, not even version 0. */
  schemaVersion: number | null;
  journalMode: string | null;
  integrity: string | null;
  counts: Record<CountKey, number>;
  /** Oldest first; empty when there is no database yet. */
  migrations: AppliedMigration[];
}

/** `crm db status` as printed (and as its JSON): the file's facts, then the database's. */
export interface DbStatusInfo extends DbStatus {
  path: string;
  /** Something is at `path`, maybe a 0-byte file. */
  exists: boolean;
  bytes: number;
  /** Permission bits in octal ('0600'); null when there is no file. */
  mode: string | null;
}
