// `crm export` and `crm import` of crm's own dump (docs/EXPORT-FORMAT.md), on a database recorded
// through the CLI with every kind of record, voids, unvoids, edits, status history and reminders done
// and snoozed: the round trip is byte-identical, importing twice adds nothing, importing into a
// database that has other data merges with the references right, and a bad file writes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { crm, crmJson, seed, snapshot, tempDb, tempDir, crmOk } from '../helpers/cli.js';
import { dump } from '../reliability/harness.js';
import { SPECS } from '../../src/domain/dump-format.js';
import { tableColumns } from '../../src/db/dump.js';

// NOW (helpers) is 2026-11-22T10:00:00Z.
const ok = crmOk;

/** Every kind of record, recorded as a user would, with corrections of every kind. */
async function richDb(): Promise<string> {
  const db = tempDb();
  await seed(db, [
    ['client', 'add', 'Acme Corp', '--cadence', '2w', '--email', 'ops@acme.example', '--channel', 'email', '--timezone', 'Europe/Oslo'],
    ['client', 'add', 'Café Zoë', '--company', 'Zoë & Co', '--note', 'met at the fair\nlikes calls'],
    ['client', 'add', 'Beta Ltd', '--phone', '+47 555 0100'],
    ['log', 'Acme Corp', '--at', '2026-10-01 10:00', '--summary', 'kickoff', '--mood', 'positive', '--follow-up', '2026-12-01', '--next', 'send the plan', '--no-recap'],
    ['log', 'Beta Ltd', '--at', '2026-10-02 11:00', '--summary', 'call logged on the wrong day', '--follow-up', '2026-12-02', '--next', 'call back', '--no-recap'],
    ['log', 'Café Zoë', '--at', '2026-10-03 09:15', '--channel', 'phone', '--direction', 'in', '--summary', 'asked for a quote', '--no-recap'],
    ['invoice', 'add', 'Acme Corp', '--amount', '1,200.50', '--currency', 'EUR', '--number', 'A-1', '--issued', '2026-09-01', '--due', '2026-09-30', '--project', 'site'],
    ['invoice', 'pay', 'A-1', '--amount', '500', '--on', '2026-09-20'],
    ['invoice', 'pay', 'A-1', '--amount', '100', '--on', '2026-09-21'],
    ['invoice', 'add', 'Beta Ltd', '--amount', '300000', '--currency', 'JPY', '--number', 'B-1', '--issued', '2026-10-01', '--due', '2026-10-31'],
    ['invoice', 'dispute', 'B-1', '--reason', 'too expensive', '--on', '2026-11-01'],
    ['invoice', 'resolve', 'B-1', '--outcome', 'discounted', '--conceded', '50000', '--on', '2026-11-05'],
    ['invoice', 'add', 'Café Zoë', '--amount', '99', '--currency', 'USD', '--number', 'Z-1', '--issued', '2026-11-01'],
    ['void', 'invoice:Z-1', '--reason', 'sent twice'],
    ['void', 'payment:2', '--reason', 'bank reversed it'],
    ['edit', 'invoice:A-1', '--due', '2026-10-15'],
    ['change', 'add', 'Acme Corp', '--summary', 'extra page', '--hours', '3.5', '--unbilled', '--on', '2026-10-05', '--project', 'site'],
    ['edit', 'change:1', '--client', 'Café Zoë'],
    ['incident', 'add', 'Beta Ltd', '--kind', 'verbal-abuse', '--on', '2026-10-03 09:00', '--severity', 'high', '--warned', '--note', 'shouted'],
    ['referral', 'add', 'Acme Corp', '--referred', 'Café Zoë', '--note', 'met at the conference', '--on', '2026-10-10'],
    ['deliver', 'Acme Corp', '--project', 'site', '--on', '2026-11-01'],
    ['remind', 'add', 'Café Zoë', '--on', '2026-12-10', '--text', 'birthday card', '--kind', 'personal'],
    ['void', 'interaction:2', '--reason', 'wrong day'],
    ['unvoid', 'interaction:2'],
    ['client', 'fire', 'Beta Ltd', '--reason', 'abusive'],
    ['client', 'archive', 'Café Zoë', '--reason', 'project over'],
    ['client', 'reactivate', 'Café Zoë'],
  ]);
  const reminders = await crmJson<{ id: number; text: string }[]>(['remind', 'list', '--all'], { db });
  const birthday = reminders.find((r) => r.text === 'birthday card');
  const plan = reminders.find((r) => r.text === 'send the plan');
  if (!birthday || !plan) throw new Error(`reminders missing: ${JSON.stringify(reminders)}`);
  await seed(db, [['remind', 'snooze', String(birthday.id), '--until', '2026-12-20'], ['remind', 'done', String(plan.id)]]);
  return db;
}

const exportOf = (db: string, ...more: string[]) => ok(db, 'export', ...more);
const lines = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

let rich: string;
let richExport: string;
beforeAll(async () => {
  rich = await richDb();
  richExport = await exportOf(rich);
}, 60_000);

describe('crm export', () => {
  it('writes a header, every record a line in dependency order, and an end line; nulls explicit', () => {
    const all = lines(richExport);
    expect(all[0]).toEqual({ type: 'crm-export', version: 1, schemaVersion: expect.any(Number) });
    expect(all.at(-1)).toEqual({ type: 'end', records: all.length - 2 });
    const types = all.slice(1, -1).map((r) => r.type);
    const order = ['client', 'status', 'interaction', 'invoice', 'payment', 'dispute', 'change', 'incident', 'referral', 'delivery', 'reminder', 'correction'];
    expect([...types].sort((a, b) => order.indexOf(String(a)) - order.indexOf(String(b)))).toEqual(types);
    for (const t of order) expect(types, t).toContain(t);
    const zoe = all.find((r) => r.type === 'client' && r.name === 'Café Zoë');
    expect(zoe).toMatchObject({ email: null, company: 'Zoë & Co', note: 'met at the fair\nlikes calls', status: 'active' });
    expect(Object.keys(zoe ?? {})).toEqual(['type', 'id', 'name', 'email', 'phone', 'company', 'channel', 'cadenceDays', 'timezone', 'status', 'statusOn', 'statusReason', 'note', 'createdOn', 'revision']);
    // Money in minor units with the invoice's currency; voids and the dispute's concession kept.
    expect(all.find((r) => r.type === 'invoice' && r.number === 'A-1')).toMatchObject({ amount: 120050, currency: 'EUR', dueOn: '2026-10-15' });
    expect(all.find((r) => r.type === 'invoice' && r.number === 'Z-1')).toMatchObject({ voidedOn: '2026-11-22', voidReason: 'sent twice' });
    expect(all.find((r) => r.type === 'dispute')).toMatchObject({ conceded: 50000, currency: 'JPY', outcome: 'discounted' });
    expect(all.filter((r) => r.type === 'payment').map((p) => [p.amount, p.currency, p.voidedOn])).toEqual([[50000, 'EUR', null], [10000, 'EUR', '2026-11-22']]);
    expect(all.find((r) => r.type === 'change')).toMatchObject({ hours: 3.5, unbilled: true });
    // A correction's before and after are JSON values, not strings.
    const edit = all.find((r) => r.type === 'correction' && r.action === 'edit' && r.recordType === 'invoice');
    expect(edit).toMatchObject({ before: { dueOn: '2026-09-30' }, after: { dueOn: '2026-10-15' } });
  });

  it('the same database always gives the same bytes; --format json holds the same records', async () => {
    expect(await exportOf(rich)).toBe(richExport);
    const doc = JSON.parse(await exportOf(rich, '--format', 'json')) as { type: string; version: number; records: unknown[] };
    const all = lines(richExport);
    expect(doc).toEqual({ ...all[0], records: all.slice(1, -1) });
  });

  it('misses no column of any table (a new migration must extend the format)', () => {
    const d = new Database(rich, { readonly: true });
    try {
      for (const spec of SPECS) {
        const exported = spec.fields.flatMap((f) => (f.column === undefined ? [] : [f.column]));
        const derived = spec.table === 'clients' ? ['name_key'] : [];
        expect([...exported, ...derived].sort(), spec.table).toEqual(tableColumns(d, spec.table).sort());
      }
    } finally {
      d.close();
    }
  });

  it('-o writes the file 0600, atomically, and says where; an absent database exports just the header', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'backup.jsonl');
    const r = await crm(['export', '-o', file], { db: rich });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Exported \d+ records to .*backup\.jsonl\n$/);
    expect(fs.readFileSync(file, 'utf8')).toBe(richExport);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['backup.jsonl']);
    const none = tempDb();
    const empty = await exportOf(none);
    expect(lines(empty)).toEqual([{ type: 'crm-export', version: 1, schemaVersion: expect.any(Number) }, { type: 'end', records: 0 }]);
    expect(fs.existsSync(none)).toBe(false);
  });

  it('refuses to write the export over the database itself', async () => {
    const before = snapshot(rich);
    const r = await crm(['export', '-o', rich], { db: rich });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the database itself/);
    expect(snapshot(rich)).toEqual(before);
  });

  it('refuses to import the database into itself, saying so', async () => {
    const before = snapshot(rich);
    const r = await crm(['import', rich], { db: rich });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the database itself; import a file crm export wrote/);
    expect(snapshot(rich)).toEqual(before);
  });
});

describe('crm import', () => {
  const importFile = (text: string): string => {
    const file = path.join(tempDir(), 'backup.jsonl');
    fs.writeFileSync(file, text);
    return file;
  };

  it('export → import into a fresh database → export gives identical bytes (both forms)', async () => {
    const fresh = tempDb();
    const r = await crm(['import', importFile(richExport)], { db: fresh });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Imported .*backup\.jsonl: 3 clients, .* added\.\n/);
    expect(await exportOf(fresh)).toBe(richExport);
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
    // What the user sees is the same too: history with its corrections, invoices with balances, due.
    for (const args of [['history', 'Acme Corp', '--all', '--json'], ['history', 'Café Zoë', '--all', '--json'], ['invoice', 'list', '--json'], ['due', '--json'], ['review', '--all', '--json']]) {
      expect(await ok(fresh, ...args), args.join(' ')).toBe(await ok(rich, ...args));
    }
    const viaJson = tempDb();
    const doc = path.join(tempDir(), 'backup.json');
    fs.writeFileSync(doc, await exportOf(rich, '--format', 'json'));
    expect((await crm(['import', doc], { db: viaJson })).code).toBe(0);
    expect(await exportOf(viaJson)).toBe(richExport);
  });

  it('importing the same file twice adds nothing the second time, and says so', async () => {
    const fresh = tempDb();
    const file = importFile(richExport);
    await ok(fresh, 'import', file);
    const before = dump(fresh);
    const again = await crmJson(['import', file], { db: fresh });
    expect(Object.values(again.added).every((n) => n === 0)).toBe(true);
    expect(again.existing).toMatchObject({ client: 3, interaction: 3, invoice: 3, payment: 2, correction: expect.any(Number) });
    expect(again.dryRun).toBe(false);
    expect(dump(fresh)).toBe(before);
    const human = await ok(fresh, 'import', file);
    expect(human).toMatch(/^Imported .*: nothing new; \d+ already there\.\n/);
    expect(await exportOf(fresh)).toBe(richExport);
  });

  it('into a database with its own data: merges, remaps ids and keeps every reference right', async () => {
    const mine = tempDb();
    await seed(mine, [
      ['client', 'add', 'Delta GmbH'],
      ['client', 'add', 'acme corp'], // the same client as the file's Acme Corp
      ['log', 'Delta GmbH', '--at', '2026-11-01 10:00', '--summary', 'hello', '--no-recap'],
      ['log', 'acme corp', '--at', '2026-10-01 10:00', '--summary', 'kickoff', '--mood', 'positive', '--no-recap'],
      ['invoice', 'add', 'Delta GmbH', '--amount', '10', '--currency', 'EUR', '--number', 'D-1', '--issued', '2026-11-01'],
    ]);
    const r = await crmJson(['import', importFile(richExport)], { db: mine });
    expect(r.added.client).toBe(2);
    expect(r.existing.client).toBe(1);
    // The file's kickoff had a follow-up at recording time, so it differs from this one: added, not merged.
    const invoices = await crmJson<{ number: string; client: { name: string }; paid: { amount: number } }[]>(['invoice', 'list'], { db: mine });
    const byNumber = Object.fromEntries(invoices.map((i) => [i.number, i]));
    expect(byNumber['A-1']?.client.name).toBe('acme corp');
    expect(byNumber['B-1']?.client.name).toBe('Beta Ltd');
    expect(byNumber['D-1']?.client.name).toBe('Delta GmbH');
    expect(byNumber['A-1']?.paid.amount).toBe(50000);
    // History of a merged client: its own entry and the file's, corrections pointing at the right records.
    const history = await crmJson<{ ref: string; type: string; corrections?: { action: string }[] }[]>(['history', 'acme corp', '--all'], { db: mine });
    const refs = history.map((h) => h.ref);
    expect(refs).toContain('invoice:A-1');
    const a1 = history.find((h) => h.ref === 'invoice:A-1');
    expect(a1?.corrections?.map((c) => c.action)).toEqual(['edit']);
    const zoe = await crmJson<{ ref: string; type: string; corrections?: { action: string }[] }[]>(['history', 'Café Zoë', '--all'], { db: mine });
    const change = zoe.find((h) => h.type === 'change');
    expect(change?.corrections?.map((c) => c.action)).toEqual(['edit']);
    // The referral names the client it brought in, whatever that client's id is here.
    const referral = history.find((h) => h.type === 'referral') as { summary?: string } | undefined;
    expect(JSON.stringify(referral)).toMatch(/Café Zoë/);
    // Beta Ltd is fired here too; importing again adds nothing.
    expect((await crmJson<{ status: string }>(['client', 'show', 'Beta Ltd'], { db: mine })).status).toBe('fired');
    const again = await crmJson(['import', importFile(richExport)], { db: mine });
    expect(Object.values(again.added).every((n) => n === 0)).toBe(true);
  });

  it('a status change for a client already there brings its current status up to date', async () => {
    const mine = tempDb();
    await seed(mine, [['client', 'add', 'Beta Ltd', '--phone', '+47 555 0100']]);
    await ok(mine, 'import', importFile(richExport));
    expect((await crmJson<{ status: string }>(['client', 'show', 'Beta Ltd'], { db: mine })).status).toBe('fired');
  });

  it('an import is one journaled write: crm undo takes it back whole', async () => {
    const mine = tempDb();
    await seed(mine, [['client', 'add', 'Delta GmbH']]);
    const before = await exportOf(mine);
    await ok(mine, 'import', importFile(richExport));
    const undo = await crm(['undo'], { db: mine });
    expect(undo.code, undo.stderr).toBe(0);
    expect(await exportOf(mine)).toBe(before);
  });

  it('--dry-run says what would be added and writes nothing, not even a new database', async () => {
    const fresh = tempDb();
    const r = await crm(['import', importFile(richExport), '--dry-run'], { db: fresh });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Dry run of .*backup\.jsonl: would add 3 clients, .*; nothing was written\.\n/);
    expect(r.stdout).toMatch(/would add\s+already there/);
    expect(fs.existsSync(fresh)).toBe(false);
    const mine = tempDb();
    await seed(mine, [['client', 'add', 'Delta GmbH']]);
    const before = dump(mine);
    const j = await crmJson(['import', importFile(richExport), '--dry-run'], { db: mine });
    expect(j).toMatchObject({ dryRun: true, added: { client: 3 }, existing: { client: 0 } });
    expect(dump(mine)).toBe(before);
  });

  it('reads standard input with -', async () => {
    const fresh = tempDb();
    const r = await crm(['import', '-', '--json'], { db: fresh, stdin: richExport });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: '-', dryRun: false, added: { client: 3 } });
    expect(await exportOf(fresh)).toBe(richExport);
  });

  describe('refuses a bad file with exit 2, naming the line and field, and writes nothing', () => {
    // Refusals write nothing, so one database serves them all (unless a test needs its own setup).
    let shared: string | undefined;
    async function refused(text: string, said: RegExp, setup?: string[][]) {
      let mine = setup === undefined ? shared : undefined;
      if (mine === undefined) {
        mine = tempDb();
        await seed(mine, setup ?? [['client', 'add', 'Delta GmbH']]);
        if (setup === undefined) shared = mine;
      }
      const before = snapshot(mine);
      const r = await crm(['import', importFile(text)], { db: mine });
      expect(r.stderr).toMatch(said);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(snapshot(mine)).toEqual(before);
      return r.stderr;
    }
    const all = () => richExport.trimEnd().split('\n');
    const withLine = (n: number, edit: (r: Record<string, unknown>) => Record<string, unknown>) =>
      all().map((l, i) => (i === n - 1 ? JSON.stringify(edit(JSON.parse(l) as Record<string, unknown>)) : l)).join('\n') + '\n';
    const lineOf = (pred: (r: Record<string, unknown>) => boolean) => all().findIndex((l) => pred(JSON.parse(l) as Record<string, unknown>)) + 1;

    it('a truncated file: cut inside a line, or at a line end', async () => {
      const cut = richExport.slice(0, richExport.length - 40);
      const n = cut.split('\n').length;
      await refused(cut, new RegExp(`backup\\.jsonl line ${n}: not valid JSON \\(the line is cut short or garbled\\)`));
      const atLine = all().slice(0, 10).join('\n') + '\n';
      await refused(atLine, /ends at line 10 without its end line .*cut short/);
    });

    it('a garbled line in the middle', async () => {
      const text = all().map((l, i) => (i === 6 ? l.replace(':', ' ') : l)).join('\n') + '\n';
      await refused(text, /backup\.jsonl line 7: not valid JSON/);
    });

    it('a bad date, a bad amount, a bad currency, an unknown enum, a missing field, an unknown field', async () => {
      const inv = lineOf((r) => r.type === 'invoice' && r.number === 'A-1');
      await refused(withLine(inv, (r) => ({ ...r, dueOn: '2026-13-01' })), new RegExp(`line ${inv}: invoice \\d+ field "dueOn": expected a date YYYY-MM-DD`));
      await refused(withLine(inv, (r) => ({ ...r, amount: 12.5 })), new RegExp(`line ${inv}: invoice \\d+ field "amount": expected a positive whole number`));
      await refused(withLine(inv, (r) => ({ ...r, amount: -5 })), new RegExp(`line ${inv}: invoice \\d+ field "amount"`));
      await refused(withLine(inv, (r) => ({ ...r, currency: 'EURO' })), new RegExp(`line ${inv}: invoice \\d+ field "currency": expected an ISO 4217`));
      await refused(withLine(inv, (r) => ({ ...r, dueOn: '2026-08-01' })), new RegExp(`line ${inv}: invoice \\d+ field "dueOn": the due date is before the issue date`));
      const inc = lineOf((r) => r.type === 'incident');
      await refused(withLine(inc, (r) => ({ ...r, kind: 'rude' })), new RegExp(`line ${inc}: incident \\d+ field "kind": expected one of physical-abuse`));
      await refused(withLine(inc, (r) => { const { note: _n, ...rest } = r; return rest; }), new RegExp(`line ${inc}: incident \\d+ field "note" is missing|line ${inc}: incident \\d+ field "note": is missing`));
      await refused(withLine(inc, (r) => ({ ...r, colour: 'red' })), new RegExp(`line ${inc}: incident \\d+ field "colour": unknown field`));
      await refused(withLine(inc, (r) => ({ ...r, type: 'incidnet' })), new RegExp(`line ${inc}: .*field "type": type is "incidnet"; expected one of client`));
    });

    it('a reference to a record that is not in the file', async () => {
      const pay = lineOf((r) => r.type === 'payment');
      await refused(withLine(pay, (r) => ({ ...r, invoiceId: 99 })), new RegExp(`line ${pay}: field "invoiceId" names invoice 99, which is not in the file`));
    });

    it('a payment whose currency is not its invoice\'s', async () => {
      const pay = lineOf((r) => r.type === 'payment');
      await refused(withLine(pay, (r) => ({ ...r, currency: 'USD' })), new RegExp(`line ${pay}: field "currency" is USD but invoice A-1 is in EUR`));
    });

    it('an invoice number the database has with other details', async () => {
      const inv = lineOf((r) => r.type === 'invoice' && r.number === 'A-1');
      const stderr = await refused(richExport, new RegExp(`line ${inv}: field "number" invoice A-1 is already in the database with different details`), [
        ['client', 'add', 'Other'],
        ['invoice', 'add', 'Other', '--amount', '10', '--number', 'a-1', '--issued', '2026-11-01'],
      ]);
      expect(stderr).toMatch(/nothing was imported/);
    });

    it('not a crm export; a newer crm\'s export; an empty file; a missing file', async () => {
      await refused('Invoice#,Customer\n1,Acme\n', /backup\.jsonl is not a crm export \(its first line is not crm's header\); expected a file written by crm export/);
      await refused('{"type":"something-else"}\n', /not a crm export: a crm export starts with \{"type":"crm-export"/);
      await refused(richExport.replace('"version":1', '"version":2'), /written by a newer crm \(export format version 2; this crm reads up to 1\); upgrade crm/);
      await refused('', /is empty; expected a file written by crm export/);
      const mine = tempDb();
      const r = await crm(['import', path.join(tempDir(), 'nope.jsonl')], { db: mine });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/nope\.jsonl' does not exist/);
      expect(fs.existsSync(mine)).toBe(false);
    });

    it('a JSON document cut short', async () => {
      const doc = await exportOf(rich, '--format', 'json');
      await refused(doc.slice(0, doc.length / 2), /is a crm export in one JSON document, but it is not valid JSON/);
      const bad = JSON.parse(doc) as { records: Record<string, unknown>[] };
      (bad.records[3] as Record<string, unknown>).id = 'x';
      await refused(JSON.stringify(bad), /backup\.jsonl record 4: .*field "id": /);
    });
  });
});
