// Stories of moving data with crm export / crm import / crm db restore, as a freelancer lives them:
// two machines that drifted apart and are merged both ways, legitimate duplicates, odd text, a client
// renamed on one side only, files edited on Windows, a wrong -o, a database reached through a symlink.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crm, seed, snapshot, tempDb, tempDir, crmOk } from '../helpers/cli.js';

const ok = crmOk;

/** Export `db` to a file in a temp folder; its path. */
async function exportTo(db: string, name = 'export.jsonl', ...flags: string[]): Promise<string> {
  const file = path.join(tempDir(), name);
  await ok(db, 'export', '-o', file, ...flags);
  return file;
}

/** A database's records without ids (ids differ between machines), each reference by content. */
async function content(db: string): Promise<string[]> {
  const records = (await ok(db, 'export')).trimEnd().split('\n').slice(1, -1).map((l) => JSON.parse(l) as Record<string, unknown>);
  const clients = new Map(records.filter((r) => r.type === 'client').map((r) => [r.id, r.name]));
  const invoices = new Map(records.filter((r) => r.type === 'invoice').map((r) => [r.id, r.number]));
  return records
    .map(({ id: _id, ...r }) => JSON.stringify({ ...r, clientId: clients.get(r.clientId), invoiceId: invoices.get(r.invoiceId) }))
    .sort();
}

function refusedOneLine(r: { code: number; stdout: string; stderr: string }, said: RegExp): void {
  expect(r.stderr.trimEnd()).toMatch(said);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

describe('a laptop and a desktop that drifted apart since a common start', () => {
  it('merged both ways, each ends with the union and no duplicates; merging again adds nothing', async () => {
    const laptop = tempDb();
    await seed(laptop, [
      ['client', 'add', 'Acme Corp', '--email', 'ops@acme.example'],
      ['log', 'Acme Corp', '--at', '2026-11-01 09:00', '--summary', 'kickoff', '--no-recap'],
      ['invoice', 'add', 'Acme Corp', '--amount', '1200', '--currency', 'EUR', '--number', 'A-1', '--issued', '2026-11-01'],
    ]);
    const desktop = tempDb();
    fs.copyFileSync(laptop, desktop);
    await seed(laptop, [
      ['log', 'Acme Corp', '--at', '2026-11-20 10:00', '--summary', 'call from the train', '--no-recap'],
      ['invoice', 'pay', 'A-1', '--amount', '500', '--on', '2026-11-20'],
      ['client', 'add', 'Bob'],
    ]);
    await seed(desktop, [
      ['log', 'Acme Corp', '--at', '2026-11-21 10:00', '--summary', 'call from the office', '--no-recap'],
      ['invoice', 'pay', 'A-1', '--amount', '300', '--on', '2026-11-21'],
      ['invoice', 'add', 'Acme Corp', '--amount', '99', '--number', 'A-2', '--issued', '2026-11-02'],
      ['client', 'add', 'Carol'],
    ]);
    const fromLaptop = await exportTo(laptop);
    const fromDesktop = await exportTo(desktop);
    await ok(laptop, 'import', fromDesktop);
    await ok(desktop, 'import', fromLaptop);
    const merged = await content(laptop);
    expect(await content(desktop)).toEqual(merged);
    expect(merged.filter((r) => r.includes('"type":"client"'))).toHaveLength(3);
    expect(merged.filter((r) => r.includes('"type":"interaction"'))).toHaveLength(3);
    expect(merged.filter((r) => r.includes('"type":"payment"'))).toHaveLength(2);
    // Again, both ways, from the merged databases: nothing new anywhere.
    const again = await exportTo(desktop);
    expect(await ok(laptop, 'import', again)).toMatch(/^Imported .*: nothing new; 10 already there\./);
    expect(await ok(desktop, 'import', await exportTo(laptop))).toMatch(/nothing new; 10 already there/);
    expect(await content(laptop)).toEqual(merged);
  });

  it('two identical emails logged the same minute both survive a round trip and a re-import', async () => {
    const db = tempDb();
    const same = ['log', 'Acme', '--at', '2026-11-21 10:00', '--channel', 'email', '--summary', 'sent the invoice', '--no-recap'];
    await seed(db, [['client', 'add', 'Acme'], same, same]);
    const file = await exportTo(db);
    const fresh = tempDb();
    await ok(fresh, 'import', file);
    await ok(fresh, 'import', file);
    await ok(db, 'import', file);
    for (const d of [db, fresh]) expect((await ok(d, 'export')).match(/sent the invoice/g)).toHaveLength(2);
    expect(fs.readFileSync(await exportTo(fresh), 'utf8')).toBe(fs.readFileSync(file, 'utf8'));
  });
});

describe('odd but legitimate text', () => {
  it('emoji, RTL script, quotes, backslashes, newlines, U+2028 and a 1 MiB note round-trip byte for byte', async () => {
    const db = tempDb();
    const noteFile = path.join(tempDir(), 'note.txt');
    fs.writeFileSync(noteFile, 'x'.repeat(1024 * 1024)); // the most crm takes from a file
    await seed(db, [
      ['client', 'add', 'Zoë 😀 O\'Brien "Q" back\\slash'],
      ['client', 'add', 'شركة الأمل'],
      ['client', 'edit', 'شركة الأمل', '--note-file', noteFile],
      ['log', 'Zoë', '--at', '2026-11-20 10:00', '--summary', 'line one\nline "two" \\ \u2028 end', '--no-recap'],
    ]);
    const file = await exportTo(db);
    const fresh = tempDb();
    const r = await crm(['import', file], { db: fresh });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(await exportTo(fresh), 'utf8')).toBe(fs.readFileSync(file, 'utf8'));
    // The one-document form too, and exported again as JSON Lines it is the same file.
    const json = await exportTo(db, 'export.json', '--format', 'json');
    const viaJson = tempDb();
    await ok(viaJson, 'import', json);
    expect(await ok(viaJson, 'export')).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('a file edited on Windows (CRLF, a BOM, a trailing blank line) imports as written', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme'], ['log', 'Acme', '--summary', 'a\r\nb', '--no-recap']]);
    const text = await ok(db, 'export');
    const file = path.join(tempDir(), 'edited.jsonl');
    fs.writeFileSync(file, `\uFEFF${text.replace(/\n/g, '\r\n')}\r\n`);
    const fresh = tempDb();
    await ok(fresh, 'import', file);
    expect(await ok(fresh, 'export')).toBe(text);
  });
});

describe('a client renamed in one database only', () => {
  async function drifted(): Promise<{ renamed: string; file: string }> {
    const before = tempDb();
    await seed(before, [
      ['client', 'add', 'Acme Corp', '--email', 'ops@acme.example'],
      ['log', 'Acme Corp', '--at', '2026-11-01 09:00', '--summary', 'kickoff', '--no-recap'],
    ]);
    const renamed = tempDb();
    fs.copyFileSync(before, renamed);
    await seed(renamed, [['client', 'edit', 'Acme Corp', '--name', 'Acme Industries']]);
    await seed(before, [['log', 'Acme Corp', '--at', '2026-11-21 09:00', '--summary', 'follow-up', '--no-recap']]);
    return { renamed, file: await exportTo(before) };
  }

  it('an invoice they share is refused, naming both names and the command that reconciles them; nothing written', async () => {
    const { renamed, file } = await drifted();
    await seed(renamed, [['invoice', 'add', 'Acme Industries', '--amount', '100', '--number', 'A-1', '--issued', '2026-11-01']]);
    const other = tempDb();
    fs.copyFileSync(renamed, other);
    await seed(other, [['client', 'edit', 'Acme Industries', '--name', 'Acme Corp']]);
    const withInvoice = await exportTo(other);
    const bytes = snapshot(renamed);
    const r = await crm(['import', withInvoice], { db: renamed });
    refusedOneLine(r, /invoice A-1 is already in the database with different details: the client is 'Acme Industries' there but 'Acme Corp' in the file, a name the database does not have — renamed in one of them\? Give the client one name in both \(crm client edit 'Acme Industries' --name 'Acme Corp'\) and import again; nothing was imported$/);
    expect(snapshot(renamed)).toEqual(bytes);
    // Doing what it says merges cleanly.
    await seed(renamed, [['client', 'edit', 'Acme Industries', '--name', 'Acme Corp']]);
    expect(await ok(renamed, 'import', withInvoice)).toMatch(/nothing new/);
    expect(await ok(renamed, 'import', file)).toMatch(/^Imported .*: 1 interaction added; /);
  });

  it('otherwise the file\'s client is added as new, and import says which client it looks like', async () => {
    const { renamed, file } = await drifted();
    const dry = await crm(['import', file, '--dry-run'], { db: renamed });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toBe(
      "crm: note: 'Acme Corp' would be added as a new client, but 'Acme Industries' has the same email; if it is one client renamed, give it one name in both (crm client edit 'Acme Industries' --name 'Acme Corp') and import again\n",
    );
    const r = await crm(['import', file], { db: renamed });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^crm: note: 'Acme Corp' was added as a new client, but 'Acme Industries' has the same email; if it is one client renamed, crm undo, then give it one name/);
  });
});

describe('refusals of crm export -o: exit 2, one line, nothing written', () => {
  it('an empty file name, and a folder', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    const dir = tempDir();
    refusedOneLine(await crm(['export', '-o', ''], { db }), /^crm: -o needs a file name \(-o - writes to standard output\)$/);
    refusedOneLine(await crm(['export', '-o', dir], { db }), /is a folder; give a file in it, e\.g\. -o '.*crm\.jsonl'$/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('crm db restore of a database reached through a symlink', () => {
  it('replaces the real file and leaves the link a link', async () => {
    const dir = tempDir();
    const real = path.join(dir, 'synced', 'crm.db');
    fs.mkdirSync(path.dirname(real));
    await seed(real, [['client', 'add', 'Acme']]);
    const backup = path.join(dir, 'backup.db');
    await ok(real, 'db', 'backup', backup);
    await seed(real, [['client', 'add', 'Beta']]);
    const link = path.join(dir, 'crm.db');
    fs.symlinkSync(real, link);
    const out = await ok(link, 'db', 'restore', backup);
    expect(out).toMatch(`kept as ${real}.before-restore`);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(await ok(real, 'client', 'list', '--all')).not.toMatch(/Beta/);
    expect(await ok(`${real}.before-restore`, 'client', 'list', '--all')).toMatch(/Beta/);
  });
});
