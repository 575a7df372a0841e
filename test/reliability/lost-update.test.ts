// Lost updates: interleaved `crm log` sessions both persist (insert-only), a writer is never
// blocked by a held read, and a client edit made from stale data is refused, not written over
// someone else's change.
import type { Client } from '../../src/domain/records.js';
import { PassThrough } from 'node:stream';
import { describe, expect, test, vi } from 'vitest';
import Database from 'better-sqlite3';
import { crm, crmJson, seed, tempDb, testEnv } from '../helpers/cli.js';
import { main } from '../../src/main.js';
import { findByNameKey, listClients, updateClient } from '../../src/db/clients.js';
import { openStore } from '../../src/db/store.js';
import { count, dump, report, spawnAsync, STRESS, pool, withDb } from './harness.js';

// The stale-edit test hands `client edit` the client as read before another writer's edit.
vi.mock('../../src/db/clients.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/db/clients.js')>();
  return { ...real, listClients: vi.fn(real.listClients), findByNameKey: vi.fn(real.findByNameKey) };
});

/** Start crm in-process with a stdin the test feeds later; resolves with its outcome. */
function startWithStdin(args: string[], db: string): { stdin: PassThrough; done: Promise<{ code: number; stderr: string }> } {
  const stdin = new PassThrough();
  let stderr = '';
  const done = main({
    execPath: process.execPath,
    argv: args,
    env: testEnv({ db }),
    stdin,
    stdinIsTTY: false,
    stdoutIsTTY: false,
    out: () => undefined,
    err: (s) => {
      stderr += s;
    },
  }).then((code) => ({ code, stderr }));
  return { stdin, done };
}

describe('lost updates', () => {
  test('two interleaved crm log sessions (A opens, B opens, B saves, A saves) both persist', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    // A has resolved the client and is waiting for its summary.
    const a = startWithStdin(['log', 'acme', '--summary', '-', '--no-recap'], db);
    await new Promise((r) => setTimeout(r, 50));
    // B opens and saves while A is still open.
    const b = await crm(['log', 'acme', '--summary', 'B: pricing call', '--no-recap'], { db });
    expect(b.code, b.stderr).toBe(0);
    a.stdin.end('A: scope call');
    const aDone = await a.done;
    expect(aDone.code, aDone.stderr).toBe(0);
    withDb(db, (h) => {
      expect(h.prepare('SELECT summary FROM interactions ORDER BY id').pluck().all()).toEqual(['B: pricing call', 'A: scope call']);
    });
  });

  test('a write succeeds while another connection holds a read open, and the reader keeps its snapshot', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme'], ['log', 'acme', '--summary', 'first']]);
    const reader = new Database(db);
    reader.exec('BEGIN');
    expect(count(reader, 'SELECT count(*) AS n FROM interactions')).toBe(1);
    try {
      const b = await crm(['log', 'acme', '--summary', 'second'], { db, env: { CRM_BUSY_TIMEOUT_MS: '200' } });
      expect(b.code, b.stderr).toBe(0);
      expect(count(reader, 'SELECT count(*) AS n FROM interactions')).toBe(1);
    } finally {
      reader.exec('COMMIT');
    }
    const a = await crm(['log', 'acme', '--summary', 'third'], { db });
    expect(a.code, a.stderr).toBe(0);
    expect(count(reader, 'SELECT count(*) AS n FROM interactions')).toBe(3);
    reader.close();
  });

  test('a client edit from stale data: exit 1, a clear message, the other edit is not overwritten', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme', '--email', 'old@acme.test']]);
    // This session reads the client ...
    const staleRead = (() => {
      const s = openStore(db, { write: false });
      try {
        return listClients(s.db);
      } finally {
        s.close();
      }
    })();
    // ... another writer edits it ...
    const other = await crm(['client', 'edit', 'acme', '--email', 'new@acme.test'], { db });
    expect(other.code, other.stderr).toBe(0);
    const afterOther = dump(db);
    // ... then this session saves what it read plus its own change.
    // findClient finds `acme` by its name key (and would list every client only when that fails).
    vi.mocked(findByNameKey).mockImplementationOnce(() => staleRead[0]);
    const stale = await crm(['client', 'edit', 'acme', '--phone', '+47 555 0101'], { db });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe('');
    expect(stale.stderr).toBe('crm: client #1 was changed by another crm while editing; nothing was written, try again\n');
    expect(dump(db)).toBe(afterOther);
    const now = await crmJson(['client', 'show', 'acme'], { db });
    expect(now).toMatchObject({ email: 'new@acme.test', phone: null });
    // Retrying (a fresh read) works and keeps both changes.
    const retry = await crm(['client', 'edit', 'acme', '--phone', '+47 555 0101'], { db });
    expect(retry.code, retry.stderr).toBe(0);
    expect(await crmJson(['client', 'show', 'acme'], { db })).toMatchObject({ email: 'new@acme.test', phone: '+47 555 0101' });
  });

  test('updateClient refuses a stale revision at the repository level', () => {
    const db = tempDb();
    const store = openStore(db, { write: true });
    try {
      const fields = { name: 'Acme', nameKey: 'acme', email: null, phone: null, company: null, channel: null, cadenceDays: 14, timezone: null, note: null };
      store.write((h) => h.prepare("INSERT INTO clients (name, name_key, cadence_days, created_on) VALUES ('Acme', 'acme', 14, '2026-01-01')").run());
      const read: Client = listClients(store.db)[0]!;
      expect(store.write((h) => updateClient(h, read.id, read.revision, { ...fields, email: 'a@x.test' }))).toBe(true);
      expect(store.write((h) => updateClient(h, read.id, read.revision, { ...fields, email: 'b@x.test' }))).toBe(false);
      expect(listClients(store.db)[0]).toMatchObject({ email: 'a@x.test', revision: 2 });
    } finally {
      store.close();
    }
  });

  test('concurrent crm client edit processes on different fields: every edit kept', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    const EACH = STRESS ? 30 : 4;
    const edits = [
      ...Array.from({ length: EACH }, (_, i) => ['client', 'edit', 'acme', '--phone', `phone ${i}`]),
      ...Array.from({ length: EACH }, (_, i) => ['client', 'edit', 'acme', '--company', `company ${i}`]),
    ];
    // Two lanes, phones in one and companies in the other, so each field's last value is known.
    const lanes = [edits.slice(0, EACH), edits.slice(EACH)];
    const runs = (await pool(lanes, 2, async (lane) => {
      const out = [];
      for (const args of lane) out.push(await spawnAsync(args, { db }));
      return out;
    })).flat();
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const c = await crmJson(['client', 'show', 'acme'], { db });
    expect(c).toMatchObject({ phone: `phone ${EACH - 1}`, company: `company ${EACH - 1}` });
    withDb(db, (h) => expect(h.prepare('SELECT revision FROM clients').pluck().get()).toBe(1 + 2 * EACH));
    report(`lost updates: interleaved log sessions 2/2 kept; stale edit refused (exit 1, nothing overwritten); ${2 * EACH} concurrent client edits, revision ${1 + 2 * EACH}, none lost`);
  }, 60_000);
});
