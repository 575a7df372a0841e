// Crash safety: the real binary writes in a loop and is killed with SIGKILL at random moments —
// half of the kills land inside a transaction held open by an injected slow write. After every kill
// the next crm reader must succeed on the hot WAL, integrity must be ok, every acknowledged write
// (exit 0) must be there, and no multi-row change may be half there.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { seed, tempDb } from '../helpers/cli.js';
import {
  STRESS, count, cronReader, dump, errLines, integrity, LOCKED, prng, report, requireBuilt, seedFromEnv, spawnAsync, withDb, type Run,
} from './harness.js';

const KILLS = STRESS ? 200 : 15;
const NOTE = 'Incident notes are long. '.repeat(2000); // ~50 KB: a multi-page write

interface Op {
  kind: 'deliver' | 'log' | 'pay' | 'client' | 'incident';
  tag: string;
  args: string[];
}

function opFor(kind: Op['kind'], i: number, noteFile: string): Op {
  const tag = `op${i}`;
  switch (kind) {
    case 'deliver':
      return { kind, tag, args: ['deliver', 'acme', '--project', tag] };
    case 'log':
      return { kind, tag, args: ['log', 'acme', '--summary', tag, '--follow-up', '+3d', '--no-recap'] };
    case 'pay':
      // A unique amount in cents identifies the payment.
      return { kind, tag: String(i + 1), args: ['invoice', 'pay', 'BIG', '--amount', (i + 1) / 100 + ''] };
    case 'client':
      return { kind, tag, args: ['client', 'add', `Client ${tag}`, '--note-file', noteFile] };
    case 'incident':
      return { kind, tag, args: ['incident', 'add', 'acme', '--kind', 'other', '--note', tag] };
  }
}

/** Is the whole of `op` in the database? (Half of it is checked separately, as an invariant.) */
function present(db: import('better-sqlite3').Database, op: Op): boolean {
  switch (op.kind) {
    case 'deliver':
      return count(db, 'SELECT count(*) AS n FROM deliveries WHERE project = ?', op.tag) === 1;
    case 'log':
      return count(db, 'SELECT count(*) AS n FROM interactions WHERE summary = ?', op.tag) === 1;
    case 'pay':
      return count(db, 'SELECT count(*) AS n FROM payments WHERE amount = ?', Number(op.tag)) === 1;
    case 'client':
      return count(db, 'SELECT count(*) AS n FROM clients WHERE name = ? AND note = ?', `Client ${op.tag}`, NOTE) === 1;
    case 'incident':
      return count(db, 'SELECT count(*) AS n FROM incidents WHERE note = ?', op.tag) === 1;
  }
}

/** Multi-row changes must be whole: a delivery with its 2 reminders, a follow-up with its reminder. */
function halfWritten(db: import('better-sqlite3').Database): string[] {
  const problems: string[] = [];
  const badDeliveries = count(db, `SELECT count(*) AS n FROM deliveries d
    WHERE (SELECT count(*) FROM reminders r WHERE r.delivery_id = d.id) <> 2`);
  if (badDeliveries) problems.push(`${badDeliveries} deliveries without exactly 2 reminders`);
  const badLogs = count(db, `SELECT count(*) AS n FROM interactions i WHERE i.follow_up_on IS NOT NULL
    AND (SELECT count(*) FROM reminders r WHERE r.interaction_id = i.id) <> 1`);
  if (badLogs) problems.push(`${badLogs} follow-up interactions without their reminder`);
  const orphanReminders = count(db, `SELECT count(*) AS n FROM reminders WHERE kind <> 'personal'
    AND interaction_id IS NULL AND delivery_id IS NULL`);
  if (orphanReminders) problems.push(`${orphanReminders} reminders without their interaction or delivery`);
  const overpaid = count(db, `SELECT count(*) AS n FROM invoices i
    WHERE (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.invoice_id = i.id) > i.amount`);
  if (overpaid) problems.push(`${overpaid} invoices paid beyond their amount`);
  const torn = count(db, `SELECT count(*) AS n FROM clients WHERE note IS NOT NULL AND note <> ?`, NOTE);
  if (torn) problems.push(`${torn} client notes torn`);
  return problems;
}

/** `crm deliver` with slowed transactions, SIGKILLed when it reports reaching `marker`. */
function deliverKilledAt(db: string, marker: 'write done' | 'write committed'): Promise<Run> {
  return spawnAsync(['deliver', 'acme', '--project', 'killed'], {
    db,
    faults: { slowWriteMs: 300 },
    onStderr: (stderr, child) => {
      if (stderr.includes(`crm-test: ${marker}`)) child.kill('SIGKILL');
    },
  });
}

describe('crash safety (kill -9)', () => {
  beforeAll(requireBuilt);

  test(`${KILLS} kill -9s at random moments lose no acknowledged write and leave nothing half-written`, async () => {
    const db = tempDb();
    const noteFile = path.join(path.dirname(db), 'note.txt');
    fs.writeFileSync(noteFile, NOTE);
    await seed(db, [
      ['client', 'add', 'Acme'],
      ['invoice', 'add', 'acme', '--amount', '10000000', '--number', 'BIG'],
    ]);
    const reader = await cronReader(db);
    // How long one write takes here, so unslowed kills spread over the whole run, exit included.
    const probe = await spawnAsync(['client', 'add', 'Probe'], { db });
    expect(probe.code, probe.stderr).toBe(0);
    const span = Math.max(300, probe.ms * 2);
    const seedValue = seedFromEnv();
    const rnd = prng(seedValue);
    const kinds: Op['kind'][] = ['deliver', 'log', 'pay', 'client', 'incident'];
    const acknowledged: Op[] = [];
    let killed = 0;
    let killedInTransaction = 0;
    let hotWal = 0;
    let savedButUnacknowledged = 0;
    let readerRuns = 0;

    for (let i = 0; killed < KILLS; i++) {
      const op = opFor(kinds[Math.floor(rnd() * kinds.length)]!, i, noteFile);
      const slow = rnd() < 0.5;
      let signalled = false;
      const run = await spawnAsync(op.args, {
        db,
        ...(slow ? { faults: { slowWriteMs: 40 } } : {}),
        onSpawn: (child) => {
          // Unslowed: anywhere from start-up to exit. Slowed: see below.
          if (!slow) setTimeout(() => child.kill('SIGKILL'), Math.floor(rnd() * span));
        },
        onStderr: (stderr, child) => {
          if (slow && !signalled && stderr.includes('crm-test: write begun')) {
            signalled = true;
            // 0–80 ms: inside the transaction; 80–120 ms: committed, not yet acknowledged; later: exited.
            setTimeout(() => child.kill('SIGKILL'), Math.floor(rnd() * 140));
          }
        },
      });
      if (run.code === 0) acknowledged.push(op);
      else {
        // Nothing but the kill may stop a writer.
        expect(run.signal, `${op.args.join(' ')}: ${run.stderr}`).toBe('SIGKILL');
        killed++;
        // stderr is a pipe, written synchronously: the markers show where the kill landed.
        if (run.stderr.includes('crm-test: write begun') && !run.stderr.includes('crm-test: write committed')) killedInTransaction++;
      }
      if (fs.existsSync(`${db}-wal`) && fs.statSync(`${db}-wal`).size > 0) hotWal++;

      // The next cron reader copes with whatever the kill left (hot WAL, stale -shm).
      const next = await spawnAsync(reader, { db });
      readerRuns++;
      expect(next.stderr).not.toMatch(LOCKED);
      expect(next.code, next.stderr).toBe(0);

      withDb(db, (h) => {
        expect(integrity(h)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
        expect(halfWritten(h)).toEqual([]);
        const missing = acknowledged.filter((a) => !present(h, a));
        expect(missing.map((m) => m.args.join(' '))).toEqual([]);
        if (run.code !== 0 && present(h, op)) savedButUnacknowledged++;
      });
    }

    // The database still takes writes after all that.
    const after = await spawnAsync(['deliver', 'acme', '--project', 'final'], { db });
    expect(after.code, after.stderr).toBe(0);
    expect(errLines(after.stderr)).toEqual([]);

    report(
      `crash: ${killed} kill -9s (${killedInTransaction} inside an open transaction, ${hotWal} left a non-empty -wal), ` +
        `${acknowledged.length} acknowledged writes all present, ${savedButUnacknowledged} killed after commit (whole), ` +
        `0 half-written, integrity ok ${readerRuns}/${readerRuns}, next reader ok ${readerRuns}/${readerRuns} (seed ${seedValue})`,
    );
  }, STRESS ? 900_000 : 60_000);

  test('a writer killed inside its transaction, after writing all its rows: none of them is there', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    // The delivery and both reminders are inserted; the COMMIT is 300 ms away.
    expect((await deliverKilledAt(db, 'write done')).signal).toBe('SIGKILL');
    const next = await spawnAsync(['remind', 'list', '--json'], { db, env: { CRM_BUSY_TIMEOUT_MS: '200' } });
    expect(next.code, next.stderr).toBe(0);
    expect(JSON.parse(next.stdout)).toEqual([]);
    withDb(db, (h) => {
      expect(integrity(h).integrity).toBe('ok');
      expect(count(h, 'SELECT count(*) AS n FROM deliveries') + count(h, 'SELECT count(*) AS n FROM reminders')).toBe(0);
    });
  });

  test('a hot WAL left by a writer killed after its commit: the next reader and writer succeed, the commit is kept', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    expect((await deliverKilledAt(db, 'write committed')).signal).toBe('SIGKILL');
    // The killed writer's commit lives only in the WAL: never checkpointed, -shm left behind.
    expect(fs.statSync(`${db}-wal`).size).toBeGreaterThan(0);
    expect(fs.existsSync(`${db}-shm`)).toBe(true);
    const reader = await spawnAsync(await cronReader(db), { db, env: { CRM_BUSY_TIMEOUT_MS: '200' } });
    expect(reader.stderr).not.toMatch(LOCKED);
    expect(reader.code).toBe(0);
    const listed = await spawnAsync(['remind', 'list', '--json'], { db });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toHaveLength(2);
    const writer = await spawnAsync(['deliver', 'acme', '--project', 'next'], { db, env: { CRM_BUSY_TIMEOUT_MS: '200' } });
    expect(writer.code, writer.stderr).toBe(0);
    withDb(db, (h) => {
      expect(integrity(h).integrity).toBe('ok');
      expect(h.prepare('SELECT project FROM deliveries ORDER BY id').pluck().all()).toEqual(['killed', 'next']);
      expect(count(h, 'SELECT count(*) AS n FROM reminders')).toBe(4);
    });
  });
});

/**
 * A corrections run killed at `when`: 'write done' (all its rows written, not committed), 'write
 * committed' (committed, not acknowledged) or after a random delay.
 */
function killedRun(db: string, args: string[], when: 'write done' | 'write committed' | number): Promise<Run> {
  return spawnAsync(args, {
    db,
    faults: { slowWriteMs: 40 },
    onStderr: (stderr, child) => {
      if (typeof when === 'string' && stderr.includes(`crm-test: ${when}`)) child.kill('SIGKILL');
    },
    onSpawn: (child) => {
      if (typeof when === 'number') setTimeout(() => child.kill('SIGKILL'), when);
    },
  });
}

/** The journal is whole: no entry left open, none without changes, every undo names a command. */
function journalProblems(db: import('better-sqlite3').Database): string[] {
  const problems: string[] = [];
  if (count(db, 'SELECT count(*) AS n FROM journal WHERE open = 1')) problems.push('an entry left open');
  if (count(db, 'SELECT count(*) AS n FROM journal j WHERE NOT EXISTS (SELECT 1 FROM journal_changes c WHERE c.entry_id = j.id)')) problems.push('an entry without changes');
  if (count(db, `SELECT count(*) AS n FROM journal u WHERE kind = 'undo' AND NOT EXISTS (SELECT 1 FROM journal e WHERE e.id = u.reverts AND e.kind = 'command')`)) problems.push('an undo of nothing');
  return problems;
}

describe('crash safety of corrections (kill -9 during undo, void, edit)', () => {
  beforeAll(requireBuilt);
  const ROUNDS = STRESS ? 90 : 12;

  test(`${ROUNDS} kill -9s during crm undo / void / edit: each leaves the database exactly as before, or exactly as the whole command would`, async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme'],
      ['invoice', 'add', 'acme', '--amount', '10000000', '--number', 'BIG'],
      ...Array.from({ length: ROUNDS }, (_, i) => ['invoice', 'pay', 'BIG', '--amount', `${i + 1}`]),
      ['log', 'acme', '--summary', 'call', '--follow-up', '+3d', '--no-recap'],
    ]);
    const ref = path.join(path.dirname(db), 'reference.db');
    const rnd = prng(seedFromEnv());
    const outcomes = { untouched: 0, whole: 0 };
    let kills = 0;
    const kinds = ['undo', 'void', 'edit'] as const;
    for (let i = 0; i < ROUNDS; i++) {
      const kind = kinds[i % 3]!;
      const args = kind === 'undo' ? ['undo']
        : kind === 'void' ? ['void', `payment:${i + 1}`, '--reason', `typo ${i}`]
        : ['edit', 'invoice:BIG', '--amount', `${9_000_000 + i}`];
      // What the whole command does, on a copy: the clock is fixed, so the same run writes the same rows.
      withDb(db, (h) => h.pragma('wal_checkpoint(TRUNCATE)'));
      fs.copyFileSync(db, ref);
      const whole = await spawnAsync(args, { db: ref });
      expect(whole.code, `${args.join(' ')}: ${whole.stderr}`).toBe(0);
      const after = dump(ref);
      const before = dump(db);
      expect(after).not.toBe(before);

      // In every 12 rounds: 3 kills with all rows written but not committed (one per command), 3 after
      // the commit but before the exit, 6 at random moments from start-up on.
      const phase = i % 12;
      const when = phase < 3 ? 'write done' : phase < 6 ? 'write committed' : Math.floor(rnd() * 400);
      const run = await killedRun(db, args, when);
      expect(run.signal, `${args.join(' ')}: exit ${run.code} ${run.stderr}`).toBe(run.code === 0 ? null : 'SIGKILL');
      if (run.signal) kills++;

      const next = await spawnAsync(['invoice', 'list', '--json'], { db });
      expect(next.code, next.stderr).toBe(0);
      const now = dump(db);
      if (when === 'write done') expect(now).toBe(before);
      else if (when === 'write committed') expect(now).toBe(after);
      else expect([before, after]).toContain(now);
      outcomes[now === before ? 'untouched' : 'whole']++;
      withDb(db, (h) => {
        expect(integrity(h)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
        expect(journalProblems(h)).toEqual([]);
      });
    }
    report(`crash (corrections): ${ROUNDS} runs of crm undo/void/edit, ${kills} killed with -9 mid-run: ${outcomes.untouched} left the database byte-for-byte as before, ${outcomes.whole} exactly as the whole command; 0 half-done, journal whole, integrity ok`);
  }, STRESS ? 900_000 : 120_000);
});
