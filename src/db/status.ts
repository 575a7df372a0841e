// Facts about the database file itself, for `crm db status`. Reads only; never creates anything.
import type { DB } from './store.js';
import { COUNT_KEYS, type AppliedMigration, type CountKey, type DbStatus } from '../domain/db-status.js';

/** The table each count counts. */
const TABLES: Record<CountKey, string> = {
  clients: 'clients',
  interactions: 'interactions',
  invoices: 'invoices',
  payments: 'payments',
  disputes: 'disputes',
  changeRequests: 'change_requests',
  incidents: 'incidents',
  referrals: 'referrals',
  deliveries: 'deliveries',
  reminders: 'reminders',
  statusChanges: 'client_status_changes',
};

/**
 * `db` null means no database exists yet (missing or 0-byte file): the status says so rather
 * than describing the in-memory stand-in that reads use, and every count is 0.
 */
export function dbStatus(db: DB | null, { check = false } = {}): DbStatus {
  // Void records count nowhere: through the live_ views where the schema has them (from migration 4).
  const live = (t: string): string =>
    db?.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'view' AND name = ?").get(`live_${t}`) ? `live_${t}` : t;
  const count = (k: CountKey): number => (db ? (db.prepare(`SELECT count(*) AS n FROM ${live(TABLES[k])}`).get() as { n: number }).n : 0);
  const counts = Object.fromEntries(COUNT_KEYS.map((k) => [k, count(k)])) as DbStatus['counts'];
  if (!db) return { schemaVersion: null, journalMode: null, integrity: null, counts, migrations: [] };
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    journalMode: db.pragma('journal_mode', { simple: true }) as string,
    integrity: check ? (db.pragma('integrity_check', { simple: true }) as string) : null,
    counts,
    migrations: db.prepare('SELECT version, name, applied_at AS appliedAt FROM migrations ORDER BY version').all() as AppliedMigration[],
  };
}
