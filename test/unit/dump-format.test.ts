// The dump's pure parts: how a record is written (fixed key order, explicit nulls, escapes), how a
// file is read back (both forms, line numbers, the end line), and how an import is planned
// (matching by content, each row claimed once, ids kept when free, references following them).
import { describe, expect, it } from 'vitest';
import { checkRecord, recordLine, RecordProblem, toJsonDocument, toJsonLines, type DumpRecord } from '../../src/domain/dump-format.js';
import { readDumpText } from '../../src/domain/dump-read.js';
import { PlanProblem, planImport, type Located } from '../../src/domain/dump-plan.js';

const client = (id: number, name: string): DumpRecord => ({
  type: 'client', id, name, email: null, phone: null, company: null, channel: null, cadenceDays: 30, timezone: null,
  status: 'active', statusOn: null, statusReason: null, note: null, createdOn: '2026-01-01', revision: 1,
});
const call = (id: number, clientId: number, summary = 'weekly call'): DumpRecord => ({
  type: 'interaction', id, clientId, at: '2026-11-01T10:00:00.000Z', channel: 'phone', direction: 'out', summary, mood: null,
  nextStep: null, nextOwner: null, followUpOn: null, recordedAt: '2026-11-01T10:05:00.000Z', voidedOn: null, voidReason: null,
});
const reminder = (id: number, clientId: number, interactionId: number | null): DumpRecord => ({
  type: 'reminder', id, clientId, interactionId, deliveryId: null, on: '2026-12-01', kind: 'follow-up', text: 'call back',
  doneOn: null, snoozedFrom: null, voidedOn: null, voidReason: null,
});
const at = (records: DumpRecord[]): Located[] => records.map((record, i) => ({ record, where: `line ${i + 2}` }));

describe('writing', () => {
  it('writes type first, then every field in the spec order, nulls included, whatever order the record has', () => {
    const { name, ...rest } = client(1, 'Acme');
    const line = recordLine({ ...rest, name, type: 'client', id: 1 });
    expect(Object.keys(JSON.parse(line) as object)).toEqual(['type', 'id', 'name', 'email', 'phone', 'company', 'channel', 'cadenceDays', 'timezone', 'status', 'statusOn', 'statusReason', 'note', 'createdOn', 'revision']);
  });

  it('escapes DEL, C1 controls and the Unicode line separators, which parse back to the same text', () => {
    const note = 'a\u2028b\u0085c\u007fd\ne';
    const line = recordLine({ ...client(1, 'Acme'), note });
    expect(line).not.toMatch(/[\u2028\u0085\u007f\n]/);
    expect((JSON.parse(line) as { note: string }).note).toBe(note);
  });

  it('JSON Lines ends with a count; the JSON document holds the same records', () => {
    const records = [client(1, 'Acme'), call(1, 1)];
    const jsonl = toJsonLines(4, records).trimEnd().split('\n');
    expect(jsonl[0]).toBe('{"type":"crm-export","version":1,"schemaVersion":4}');
    expect(jsonl.at(-1)).toBe('{"type":"end","records":2}');
    const doc = JSON.parse(toJsonDocument(4, records)) as { records: unknown[] };
    expect(doc.records).toEqual(jsonl.slice(1, -1).map((l) => JSON.parse(l) as unknown));
    expect(JSON.parse(toJsonDocument(4, []))).toEqual({ type: 'crm-export', version: 1, schemaVersion: 4, records: [] });
  });
});

describe('reading', () => {
  it('reads both forms, with a BOM and CRLF line ends too', () => {
    const records = [client(1, 'Acme'), call(1, 1)];
    const jsonl = readDumpText('\uFEFF' + toJsonLines(4, records).replaceAll('\n', '\r\n'), 'f');
    expect(jsonl.form).toBe('jsonl');
    expect(jsonl.records.map((r) => [r.where, r.record])).toEqual([['line 2', records[0]], ['line 3', records[1]]]);
    const doc = readDumpText(toJsonDocument(4, records), 'f');
    expect(doc.form).toBe('json');
    expect(doc.records.map((r) => [r.where, r.record.type])).toEqual([['record 1', 'client'], ['record 2', 'interaction']]);
  });

  it('refuses a wrong count on the end line, and anything after it', () => {
    const text = toJsonLines(4, [client(1, 'Acme')]);
    expect(() => readDumpText(text.replace('"records":1', '"records":2'), 'f')).toThrow(/f line 3: the end line counts 2 records but the file holds 1/);
    expect(() => readDumpText(text + recordLine(call(1, 1)) + '\n', 'f')).toThrow(/f line 4: there is more after the end line/);
  });

  it('names the field and what is accepted', () => {
    const problem = (r: Record<string, unknown>) => {
      const p = checkRecord(r);
      return p instanceof RecordProblem ? [p.field, p.message] : null;
    };
    expect(problem({ ...call(1, 1), direction: 'sideways' })).toEqual(['direction', 'expected one of in, out']);
    expect(problem({ ...call(1, 1), at: '2026-11-01 10:00' })).toEqual(['at', 'expected an instant in UTC, e.g. 2026-11-22T10:00:00.000Z']);
    expect(problem({ ...call(1, 1), id: 0 })).toEqual(['id', 'expected a positive whole number']);
    expect(problem({ ...client(1, 'Acme'), name: '  ' })).toEqual(['name', 'expected a text that is not empty']);
    expect(problem({ ...reminder(1, 1, null), doneOn: '2026-02-30' })).toEqual(['doneOn', 'expected a date YYYY-MM-DD']);
    expect(problem([1, 2] as unknown as Record<string, unknown>)).toEqual([null, 'expected a JSON object']);
  });
});

describe('planning', () => {
  it('two identical calls in the file need two in the database: one matches, one is added', () => {
    const db = [client(1, 'Acme'), call(1, 1)];
    const plan = planImport(at([client(1, 'ACME'), call(1, 1), call(2, 1)]), db);
    expect(plan.existing).toMatchObject({ client: 1, interaction: 1 });
    expect(plan.added).toMatchObject({ client: 0, interaction: 1 });
    expect(plan.inserts).toEqual([{ ...call(2, 1) }]);
  });

  it('keeps ids that are free; the others come after the highest, and references follow them', () => {
    const db = [client(1, 'Delta'), call(1, 1, 'hello'), call(5, 1, 'again')];
    const plan = planImport(at([client(1, 'Acme'), client(2, 'Beta'), call(1, 1), call(2, 2), reminder(1, 1, 1), reminder(2, 2, 2)]), db);
    const ids = plan.inserts.map((r) => [r.type, r.id, r.type === 'client' ? r.name : r.clientId, r.interactionId ?? null]);
    expect(ids).toEqual([
      ['client', 3, 'Acme', null], // Acme's 1 is taken: after the highest id in use or kept
      ['client', 2, 'Beta', null], // Beta keeps its 2
      ['interaction', 6, 3, null],
      ['interaction', 2, 2, null],
      ['reminder', 1, 3, 6],
      ['reminder', 2, 2, 2],
    ]);
  });

  it("maps the client ids and record references inside a correction's before and after", () => {
    const db = [client(1, 'Delta'), call(1, 1, 'hello')];
    const correction: DumpRecord = {
      type: 'correction', id: 1, recordType: 'reminder', recordId: 1, clientId: 1, priorClientId: null, action: 'void', on: '2026-11-02',
      at: '2026-11-02T10:00:00.000Z', reason: 'wrong', before: { client: { id: 1, name: 'Acme' } }, after: { voidedOn: '2026-11-02', with: 'interaction:1' },
    };
    const plan = planImport(at([client(1, 'Acme'), call(1, 1), reminder(1, 1, 1), correction]), db);
    expect(plan.inserts.find((r) => r.type === 'interaction')?.id).toBe(2);
    expect(plan.inserts.find((r) => r.type === 'correction')).toMatchObject({
      recordId: 1, clientId: 2, before: { client: { id: 2, name: 'Acme' } }, after: { voidedOn: '2026-11-02', with: 'interaction:2' },
    });
    // Imported again, everything is already there: the mapped correction matches the one written.
    const written = [...db, ...plan.inserts];
    const again = planImport(at([client(1, 'Acme'), call(1, 1), reminder(1, 1, 1), correction]), written);
    expect(again.inserts).toEqual([]);
    expect(again.existing).toMatchObject({ client: 1, interaction: 1, reminder: 1, correction: 1 });
  });

  it('refuses money no command would leave: a live invoice paid and conceded beyond its amount, at the line that tips it', () => {
    const invoice = (id: number, amount: number, voidedOn: string | null = null): DumpRecord => ({
      type: 'invoice', id, number: `INV-${id}`, clientId: 1, project: null, amount, currency: 'EUR', issuedOn: '2026-01-01', dueOn: '2026-01-31', voidedOn, voidReason: null,
    });
    const payment = (id: number, invoiceId: number, amount: number, voidedOn: string | null = null): DumpRecord => ({
      type: 'payment', id, invoiceId, amount, currency: 'EUR', paidOn: '2026-01-20', voidedOn, voidReason: null,
    });
    // Paid in full, a voided overpayment, and a voided invoice's payments are all fine.
    expect(planImport(at([client(1, 'Acme'), invoice(1, 1000), payment(1, 1, 600), payment(2, 1, 400), payment(3, 1, 900, '2026-02-01')]), []).added.payment).toBe(3);
    expect(planImport(at([client(1, 'Acme'), invoice(1, 1000, '2026-02-01'), payment(1, 1, 1500)]), []).added.payment).toBe(1);
    // Ten times the amount (a hand-edited file): refused at the payment's line.
    expect(() => planImport(at([client(1, 'Acme'), invoice(1, 1000), payment(1, 1, 10000)]), [])).toThrow(/would leave invoice INV-1 paid and conceded 100\.00 EUR, more than its amount 10\.00 EUR/);
    try {
      planImport(at([client(1, 'Acme'), invoice(1, 1000), payment(1, 1, 10000)]), []);
    } catch (e) {
      expect((e as PlanProblem).where).toBe('line 4');
    }
    // Two machines that each recorded the same payment on different days: merged, it would be paid twice.
    const desktop = [client(1, 'Acme'), invoice(1, 1000), { ...payment(1, 1, 800), paidOn: '2026-01-21' }];
    expect(() => planImport(at([client(1, 'Acme'), invoice(1, 1000), payment(1, 1, 800)]), desktop)).toThrow(/paid and conceded 16\.00 EUR/);
  });

  it('refuses a reference to a record not in the file, and a name twice', () => {
    expect(() => planImport(at([client(1, 'Acme'), call(1, 2)]), [])).toThrow(PlanProblem);
    expect(() => planImport(at([client(1, 'Acme'), call(1, 2)]), [])).toThrow('names client 2, which is not in the file');
    expect(() => planImport(at([client(1, 'Acme'), client(2, 'acme ')]), [])).toThrow(/client "acme " is already in the file \(line 2\)/);
  });
});
