// The bench's database generator (bench/generate.ts) is deterministic: the same scale and seed
// give the same rows in every table, another seed gives other rows, and each table holds the
// count the scale states.
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { KNOWN, SCALES, generate, type Generated } from '../../bench/generate.js';

const SCALE = SCALES['typical-quick'];

function make(seed: number): { file: string; made: Generated } {
  const file = path.join(tempDir('crm-bench-gen-'), 'crm.db');
  return { file, made: generate(file, { scale: SCALE, seed }) };
}

/** Every table's rows (in rowid order where there is one), hashed per table. */
function contentOf(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const q = `"${name.replaceAll('"', '""')}"`;
      let rows: string[];
      try {
        rows = (db.prepare(`SELECT * FROM ${q} ORDER BY rowid`).raw().all() as unknown[][]).map((r) => JSON.stringify(r, bytes));
      } catch {
        // WITHOUT ROWID (FTS5's own tables): compare as a set.
        rows = (db.prepare(`SELECT * FROM ${q}`).raw().all() as unknown[][]).map((r) => JSON.stringify(r, bytes)).sort();
      }
      out[name] = createHash('sha256').update(rows.join('\n')).digest('hex');
    }
    return out;
  } finally {
    db.close();
  }
}
const bytes = (_k: string, v: unknown): unknown => (Buffer.isBuffer(v) ? v.toString('hex') : v);

const count = (file: string, sql: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(sql).pluck().get() as number);
  } finally {
    db.close();
  }
};

describe('the bench generator', () => {
  const a = make(7);
  const b = make(7);
  const c = make(8);

  it('writes the same content for the same seed', () => {
    const ca = contentOf(a.file);
    expect(Object.keys(ca)).toContain('interactions');
    expect(contentOf(b.file)).toEqual(ca);
    expect(b.made).toEqual(a.made);
  });

  it('writes other content for another seed', () => {
    const ca = contentOf(a.file);
    const cc = contentOf(c.file);
    for (const t of ['clients', 'interactions', 'invoices', 'payments']) expect(cc[t]).not.toBe(ca[t]);
  });

  it('holds the counts the scale states, and reports the ones that follow from them', () => {
    const stated: Record<string, number> = {
      clients: SCALE.clients, interactions: SCALE.interactions, invoices: SCALE.invoices, change_requests: SCALE.changes,
      incidents: SCALE.incidents, deliveries: SCALE.deliveries, reminders: SCALE.reminders, referrals: SCALE.referrals,
    };
    for (const [table, n] of Object.entries(stated)) {
      expect(count(a.file, `SELECT count(*) FROM ${table}`), table).toBe(n);
      expect(a.made.counts[table], table).toBe(n);
    }
    for (const table of ['payments', 'disputes', 'client_status_changes']) {
      expect(count(a.file, `SELECT count(*) FROM ${table}`), table).toBe(a.made.counts[table] ?? 0);
    }
    expect(a.made.counts.payments).toBeGreaterThan(SCALE.invoices / 2);
  });

  it('has the known client, the search word, several currencies and statuses, and late and open invoices', () => {
    const { file } = a;
    expect(count(file, `SELECT count(*) FROM clients WHERE name = '${KNOWN.client}'`)).toBe(1);
    expect(count(file, `SELECT count(*) FROM interactions WHERE summary LIKE '%${KNOWN.search}%'`)).toBeGreaterThan(0);
    expect(count(file, 'SELECT count(DISTINCT currency) FROM invoices')).toBe(3);
    expect(count(file, "SELECT count(*) FROM clients WHERE status <> 'active'")).toBeGreaterThan(0);
    expect(count(file, 'SELECT count(*) FROM clients WHERE name <> trim(name) OR name_key <> lower(name_key)')).toBe(0);
    const open = `SELECT count(*) FROM invoices i WHERE i.due_on < '${KNOWN.now}'
      AND i.amount > coalesce((SELECT sum(amount) FROM payments p WHERE p.invoice_id = i.id), 0)
        + coalesce((SELECT sum(conceded) FROM disputes d WHERE d.invoice_id = i.id), 0)`;
    expect(count(file, open)).toBeGreaterThan(0);
    const late = 'SELECT count(*) FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE p.paid_on > i.due_on';
    expect(count(file, late)).toBeGreaterThan(0);
    // Nothing is dated after the generator's today.
    expect(count(file, `SELECT count(*) FROM interactions WHERE at > '${KNOWN.now}T23:59:59Z'`)).toBe(0);
    expect(count(file, `SELECT count(*) FROM payments WHERE paid_on > '${KNOWN.now}'`)).toBe(0);
  });

  it('leaves crm\'s schema as it is (no index of its own)', () => {
    expect(count(a.file, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'bench%'")).toBe(0);
  });
});
