// The bench compares crm with the sqlite3 shell running the SQL crm ran: bench/sql-script.ts
// inlines bound parameters as literals (never inside quotes or comments), and bench/capture-sql.ts
// records what crm really runs, as a script every statement of which runs as is.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { inline, script } from '../../bench/sql-script.js';
import { capture } from '../../bench/capture-sql.js';
import { KNOWN, generate } from '../../bench/generate.js';

describe('inlining parameters', () => {
  it('replaces positional parameters in order, and numbered ones by number', () => {
    expect(inline('SELECT ?, ?, ?', [1, 'a', null])).toBe("SELECT 1, 'a', NULL");
    expect(inline('SELECT ?2, ?1', ['x', 'y'])).toBe("SELECT 'y', 'x'");
    expect(inline('SELECT ?, ?', [[3, 4]])).toBe('SELECT 3, 4');
  });

  it('replaces named parameters (@, :, $) from one object', () => {
    expect(inline('SELECT @a, :b, $c, @a', [{ a: 1, b: "it's", c: true }])).toBe("SELECT 1, 'it''s', 1, 1");
  });

  it('leaves quotes, identifiers and comments alone, and turns buffers and bigints into literals', () => {
    const sql = `SELECT '?' AS "on", 'a@b.c' -- what?\n, ? /* @x */ FROM t WHERE x = ?`;
    expect(inline(sql, [Buffer.from([1, 255]), 12n])).toBe(`SELECT '?' AS "on", 'a@b.c' \n, X'01ff'  FROM t WHERE x = 12`);
  });

  it('keeps only reads in the script, one per line', () => {
    const s = script([
      { sql: 'SELECT * FROM t WHERE id = ?', params: [1] },
      { sql: 'INSERT INTO t VALUES (?)', params: [2] },
      { sql: "SELECT 1 FROM sqlite_schema WHERE name = 'x'", params: [] },
      { sql: 'WITH a AS (SELECT 1) SELECT * FROM a', params: [] },
    ]);
    expect(s).toBe('SELECT * FROM t WHERE id = 1;\nWITH a AS (SELECT 1) SELECT * FROM a;\n');
  });
});

describe('capturing what crm runs', () => {
  it('records crm due on a generated database as statements that run as they are', async () => {
    const dir = tempDir('crm-bench-sql-');
    const db = path.join(dir, 'crm.db');
    generate(db, { scale: { clients: 5, interactions: 50, invoices: 20, changes: 3, incidents: 2, deliveries: 3, reminders: 5, referrals: 1 } });
    const out = path.join(dir, 'due.sql');
    const env = { CRM_DB: db, CRM_NOW: KNOWN.now, TZ: 'UTC', NO_COLOR: '1', HOME: dir, CRM_CONFIG: path.join(dir, 'config.json') };
    expect(await capture(['due'], env, out)).toBe(0);
    const statements = fs.readFileSync(out, 'utf8').split(';\n').filter((s) => s.trim());
    expect(statements.length).toBeGreaterThan(0);
    const conn = new Database(db, { readonly: true });
    try {
      for (const s of statements) expect(() => conn.prepare(s).all(), s).not.toThrow();
    } finally {
      conn.close();
    }
  });
});
