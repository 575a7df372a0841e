// Planning an import (docs/EXPORT-FORMAT.md "How import matches records"), pure: the file's records
// against the database's, read in the same shape. Clients match by name; every other record matches
// a row whose every field is the same once the file's ids are mapped to the database's, each row
// claimed once. What does not match is inserted, keeping its id when the table has it free.
import { nameKey, validateName } from './names.js';
import { UsageError, quote } from './errors.js';
import { formatMoney } from './money.js';
import { DUMP_TYPES, RECORD_DUMP_TYPE, SPEC_OF, type DumpRecord, type DumpType, type Field } from './dump-format.js';

/** A record of the file and where it is (`line 12`, `record 11`), for messages. */
export interface Located {
  record: DumpRecord;
  where: string;
}

export type Counts = Record<DumpType, number>;

export interface ImportPlan {
  /** Records to insert, ids and references already the database's, in dependency order. */
  inserts: DumpRecord[];
  added: Counts;
  existing: Counts;
  /** Clients that were already there and gain status changes: their current status is brought up to date. */
  statusTouched: number[];
  /**
   * Clients of the file added as new although a client of the database has the same email or phone:
   * most often one client renamed in one database, which matching by name cannot know.
   */
  lookalikes: { name: string; like: string; same: 'email' | 'phone' }[];
}

/** Why the file cannot be imported: where, which field, what. */
export class PlanProblem extends Error {
  constructor(readonly where: string, readonly field: string | null, message: string) {
    super(message);
    this.name = 'PlanProblem';
  }
}

const zeroCounts = (): Counts => Object.fromEntries(DUMP_TYPES.map((t) => [t, 0])) as Counts;

const TYPE_RANK = new Map(DUMP_TYPES.map((t, i) => [t, i]));

// SQLite's NOCASE folds ASCII letters only; crm's invoice numbers are unique that way.
const foldAscii = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The type a reference field points to (a correction's record: its recordType). */
function targetOf(r: DumpRecord, field: Field): DumpType | null {
  if (field.type.kind === 'ref') return field.type.to;
  if (field.type.kind === 'recordRef') return RECORD_DUMP_TYPE[r.recordType as keyof typeof RECORD_DUMP_TYPE] ?? null;
  return null;
}

type IdMaps = Record<DumpType, Map<number, number>>;

/**
 * A correction's before/after in the database's ids: `client` and `referred` name a client as
 * {id, name}; `with` names the record a reminder was voided or brought back with (`interaction:12`).
 */
function mapFieldValues(value: unknown, maps: IdMaps): unknown {
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if ((k === 'client' || k === 'referred') && v !== null && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'number') {
      const ref = v as { id: number };
      out[k] = { ...ref, id: maps.client.get(ref.id) ?? ref.id };
    } else if (k === 'with' && typeof v === 'string') {
      const m = /^([a-z]+):([0-9]+)$/.exec(v);
      const type = m ? (RECORD_DUMP_TYPE as Record<string, DumpType>)[m[1] ?? ''] : undefined;
      const mapped = type === undefined || type === 'invoice' ? undefined : maps[type].get(Number(m?.[2]));
      out[k] = mapped === undefined ? v : `${m?.[1]}:${mapped}`;
    } else out[k] = v;
  }
  return out;
}

/** The record with its references (and a correction's client ids) in the database's ids. */
function mapped(r: DumpRecord, maps: IdMaps): DumpRecord {
  const out: DumpRecord = { ...r };
  for (const field of SPEC_OF[r.type].fields) {
    const to = targetOf(r, field);
    const v = r[field.key];
    if (to !== null && typeof v === 'number') out[field.key] = maps[to].get(v) ?? v;
    if (field.type.kind === 'json') out[field.key] = mapFieldValues(v, maps);
  }
  return out;
}

/** Every field but the id, in spec order: two records with the same key are the same record. */
const contentKey = (r: DumpRecord): string => JSON.stringify(SPEC_OF[r.type].fields.filter((f) => f.key !== 'id').map((f) => r[f.key] ?? null));

/** Checks a record's references and uniqueness within the file; throws PlanProblem. */
function checkWithinFile(records: readonly Located[]): void {
  const ids = Object.fromEntries(DUMP_TYPES.map((t) => [t, new Map<number, DumpRecord>()])) as Record<DumpType, Map<number, DumpRecord>>;
  const names = new Map<string, string>();
  const numbers = new Map<string, string>();
  for (const { record: r, where } of records) {
    if (ids[r.type].has(r.id)) throw new PlanProblem(where, 'id', `a second ${r.type} with id ${r.id}; ids are unique per type`);
    ids[r.type].set(r.id, r);
    if (r.type === 'client') {
      const key = nameKey(String(r.name));
      const earlier = names.get(key);
      if (earlier !== undefined) throw new PlanProblem(where, 'name', `client "${String(r.name)}" is already in the file (${earlier}); names are unique`);
      names.set(key, where);
    }
    if (r.type === 'invoice') {
      const key = foldAscii(String(r.number));
      const earlier = numbers.get(key);
      if (earlier !== undefined) throw new PlanProblem(where, 'number', `invoice number ${String(r.number)} is already in the file (${earlier}); numbers are unique`);
      numbers.set(key, where);
    }
  }
  for (const { record: r, where } of records) {
    for (const field of SPEC_OF[r.type].fields) {
      const to = targetOf(r, field);
      const v = r[field.key];
      if (to === null || v === null) continue;
      const target = ids[to].get(v as number);
      if (target === undefined) throw new PlanProblem(where, field.key, `names ${to} ${JSON.stringify(v)}, which is not in the file`);
      if (field.key === 'invoiceId' && r.currency !== target.currency) {
        throw new PlanProblem(where, 'currency', `is ${String(r.currency)} but invoice ${String(target.number)} is in ${String(target.currency)}`);
      }
    }
  }
}

const contact = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : null);

/** A client of the database with the file client's email (or else phone), other than by name. */
function lookalike(r: DumpRecord, theirs: readonly DumpRecord[]): { like: string; same: 'email' | 'phone' } | undefined {
  for (const same of ['email', 'phone'] as const) {
    const mine = contact(r[same]);
    const found = mine === null ? undefined : theirs.find((t) => contact(t[same]) === mine);
    if (found !== undefined) return { like: String(found.name), same };
  }
  return undefined;
}

/**
 * Why an invoice of the file cannot be merged with the database's of the same number: another
 * client (most often, the client was renamed in one database and so did not match by name), or
 * which details differ.
 */
function clashMessage(record: DumpRecord, fileClientId: unknown, clash: DumpRecord, file: readonly Located[], db: readonly DumpRecord[], matched: Set<number>): string {
  const head = `invoice ${String(record.number)} is already in the database with different details`;
  if (record.clientId !== clash.clientId) {
    const found = db.find((r) => r.type === 'client' && r.id === clash.clientId);
    const theirs = found === undefined ? `client ${String(clash.clientId)}` : String(found.name);
    const mine = file.find((l) => l.record.type === 'client' && l.record.id === fileClientId)?.record;
    const fileName = String(mine?.name ?? fileClientId);
    if (matched.has(record.clientId as number)) {
      return `${head}: the client is ${quote(theirs)} there but ${quote(fileName)} in the file; rename one of the two invoices`;
    }
    return `${head}: the client is ${quote(theirs)} there but ${quote(fileName)} in the file, a name the database does not have — ` +
      `renamed in one of them? Give the client one name in both (crm client edit ${quote(theirs)} --name ${quote(fileName)}) and import again`;
  }
  const differ = SPEC_OF.invoice.fields.filter((f) => f.key !== 'id' && f.key !== 'clientId' && record[f.key] !== clash[f.key]).map((f) => f.key);
  return `${head} (${differ.join(', ')}); rename one of the two invoices`;
}

/**
 * Plan importing `file` into a database holding `db` (both in the dump's shape). Throws PlanProblem
 * for a file that contradicts itself or the database (an invoice number taken by another invoice).
 */
export function planImport(file: readonly Located[], db: readonly DumpRecord[]): ImportPlan {
  const ordered = [...file].sort((a, b) => (TYPE_RANK.get(a.record.type) ?? 0) - (TYPE_RANK.get(b.record.type) ?? 0) || a.record.id - b.record.id);
  checkWithinFile(ordered);
  const maps = Object.fromEntries(DUMP_TYPES.map((t) => [t, new Map<number, number>()])) as IdMaps;
  const plan: ImportPlan = { inserts: [], added: zeroCounts(), existing: zeroCounts(), statusTouched: [], lookalikes: [] };
  const matchedClients = new Set<number>();
  const wheres = new Map<DumpRecord, string>();
  for (const type of DUMP_TYPES) {
    const mine = ordered.filter((l) => l.record.type === type);
    const theirs = db.filter((r) => r.type === type);
    const takenIds = new Set(theirs.map((r) => r.id));
    const unmatched: { located: Located; record: DumpRecord }[] = [];
    if (type === 'client') {
      const byName = new Map(theirs.map((r) => [nameKey(String(r.name)), r.id]));
      for (const l of mine) {
        let name: string;
        try {
          name = validateName(String(l.record.name), 'name');
        } catch (e) {
          if (e instanceof UsageError) throw new PlanProblem(l.where, 'name', e.message);
          throw e;
        }
        const found = byName.get(nameKey(name));
        if (found !== undefined) {
          maps.client.set(l.record.id, found);
          matchedClients.add(found);
          plan.existing.client++;
        } else {
          unmatched.push({ located: l, record: { ...l.record, name } });
          const like = lookalike(l.record, theirs);
          if (like !== undefined) plan.lookalikes.push({ name, ...like });
        }
      }
    } else {
      const byContent = new Map<string, number[]>();
      for (const r of theirs) {
        const key = contentKey(r);
        const list = byContent.get(key);
        if (list) list.push(r.id);
        else byContent.set(key, [r.id]);
      }
      const numbers = type === 'invoice' ? new Map(theirs.map((r) => [foldAscii(String(r.number)), r])) : null;
      for (const l of mine) {
        const record = mapped(l.record, maps);
        const found = byContent.get(contentKey(record))?.shift();
        if (found !== undefined) {
          maps[type].set(l.record.id, found);
          plan.existing[type]++;
          continue;
        }
        const clash = numbers?.get(foldAscii(String(record.number)));
        if (clash !== undefined) throw new PlanProblem(l.where, 'number', clashMessage(record, l.record.clientId, clash, file, db, matchedClients));
        if (type === 'status' && matchedClients.has(record.clientId as number)) plan.statusTouched.push(record.clientId as number);
        unmatched.push({ located: l, record });
      }
    }
    // Keep the file's id where the table has it free; the others come after the highest id in use.
    const kept = new Set(unmatched.filter((u) => !takenIds.has(u.record.id)).map((u) => u.record.id));
    // (A loop, not Math.max(...ids): spreading a large table's ids would overflow the stack.)
    let next = 1;
    for (const n of [takenIds, kept]) for (const i of n) if (i >= next) next = i + 1;
    for (const u of unmatched) {
      const newId = kept.has(u.record.id) ? u.record.id : next++;
      maps[type].set(u.located.record.id, newId);
      const inserted = { ...u.record, id: newId };
      wheres.set(inserted, u.located.where);
      plan.inserts.push(inserted);
      plan.added[type]++;
    }
  }
  plan.statusTouched = [...new Set(plan.statusTouched)].sort((a, b) => a - b);
  checkMoney(plan.inserts, db, wheres);
  return plan;
}

/**
 * The money the import would leave: no live invoice paid and conceded beyond its amount, as no
 * command lets it be. A file crm wrote always passes; a hand-edited one may not. Throws PlanProblem
 * at the line that tips an invoice over.
 */
function checkMoney(inserts: readonly DumpRecord[], db: readonly DumpRecord[], wheres: ReadonlyMap<DumpRecord, string>): void {
  const all = [...db, ...inserts];
  const invoices = new Map(all.filter((r) => r.type === 'invoice').map((r) => [r.id, r]));
  const settled = new Map<number, number>();
  const last = new Map<number, DumpRecord>();
  for (const r of all) {
    if ((r.type !== 'payment' && r.type !== 'dispute') || r.voidedOn !== null) continue;
    const id = r.invoiceId as number;
    settled.set(id, (settled.get(id) ?? 0) + ((r.type === 'payment' ? r.amount : r.conceded) as number));
    if (wheres.has(r)) last.set(id, r);
  }
  for (const [id, sum] of settled) {
    const invoice = invoices.get(id);
    if (invoice === undefined || invoice.voidedOn !== null || sum <= (invoice.amount as number)) continue;
    const culprit = last.get(id) ?? (wheres.has(invoice) ? invoice : undefined);
    if (culprit === undefined) continue; // the database's own state, not this file's doing
    const money = (n: unknown) => formatMoney(n as number, String(invoice.currency));
    throw new PlanProblem(wheres.get(culprit) ?? '', culprit.type === 'invoice' ? 'amount' : culprit.type === 'payment' ? 'amount' : 'conceded',
      `would leave invoice ${String(invoice.number)} paid and conceded ${money(sum)}, more than its amount ${money(invoice.amount)}`);
  }
}
