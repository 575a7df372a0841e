// Facts about the database file itself, for `crm db status`.
import type { DB } from './store.js';

const TABLES = ['clients', 'interactions', 'invoices', 'payments', 'disputes', 'change_requests', 'incidents', 'referrals', 'deliveries', 'reminders'] as const;

export interface DbStatus {
  schemaVersion: number;
  journalMode: string;
  integrity: string | null;
  counts: Record<(typeof TABLES)[number], number>;
}

export function dbStatus(db: DB, { check = false } = {}): DbStatus {
  const counts = Object.fromEntries(
    TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  ) as DbStatus['counts'];
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    journalMode: db.pragma('journal_mode', { simple: true }) as string,
    integrity: check ? (db.pragma('integrity_check', { simple: true }) as string) : null,
    counts,
  };
}
