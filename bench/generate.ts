// The bench's database generator: a freelancer's decade (ending KNOWN.now) of clients,
// interactions, invoices, payments, disputes, change requests, incidents, referrals, deliveries,
// reminders and status changes, written through crm's own repository functions (src/db) inside
// Store.write. Deterministic: the same scale and seed give the same rows (bench/prng.ts, never
// Math.random or the clock). test/unit/bench-generate.test.ts holds it to that.
import { openStore, type DB } from '../src/db/store.js';
import { insertClient, setClientStatus } from '../src/db/clients.js';
import { insertDispute, insertInvoice, insertPayment, resolveDispute } from '../src/db/invoices.js';
import { insertChange, insertDelivery, insertIncident, insertInteraction, insertReferral } from '../src/db/events.js';
import { insertReminder, markReminderDone, snoozeReminder } from '../src/db/reminders.js';
import { foldName, nameKey } from '../src/domain/names.js';
import { rng, seedOf, type Rng } from './prng.js';
import { clientEvents } from './generate-client.js';
import { FIRM, FIRST, LAST } from './vocab.js';
import { DAY0, day, NOW_DAY, type Plan, type Profile } from './plan.js';

export { KNOWN } from './plan.js';

/** How many rows of each kind; payments, disputes and status changes follow from these. */
export interface Scale {
  clients: number;
  interactions: number;
  invoices: number;
  changes: number;
  incidents: number;
  deliveries: number;
  reminders: number;
  referrals: number;
}

export const SCALES = {
  /** A busy freelancer's decade: ~20k rows. */
  typical: { clients: 200, interactions: 12_000, invoices: 3_000, changes: 800, incidents: 300, deliveries: 600, reminders: 500, referrals: 60 },
  /** 10,000 clients, ~1.1M rows. */
  stress: { clients: 10_000, interactions: 600_000, invoices: 200_000, changes: 40_000, incidents: 15_000, deliveries: 30_000, reminders: 25_000, referrals: 3_000 },
  /** The CI smoke test's stand-ins for the two. */
  'typical-quick': { clients: 20, interactions: 1_200, invoices: 300, changes: 80, incidents: 30, deliveries: 60, reminders: 50, referrals: 6 },
  'stress-quick': { clients: 300, interactions: 18_000, invoices: 6_000, changes: 1_200, incidents: 450, deliveries: 900, reminders: 750, referrals: 90 },
} as const satisfies Record<string, Scale>;
export type ScaleName = keyof typeof SCALES;

export interface GenerateOptions {
  scale: ScaleName | Scale;
  seed?: number | string;
  /** Clients per write transaction. */
  batch?: number;
}

export interface Generated {
  scale: Scale;
  seed: number;
  /** Rows written per table. */
  counts: Record<string, number>;
}

export const DEFAULT_SEED = 13;

const scaleOf = (s: ScaleName | Scale): Scale => (typeof s === 'string' ? SCALES[s] : s);

/** Split `total` over clients in proportion to their weights, exactly (cumulative rounding). */
function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  let acc = 0;
  let prev = 0;
  return weights.map((w) => {
    acc += w;
    const upTo = Math.round((total * acc) / sum);
    const n = upTo - prev;
    prev = upTo;
    return n;
  });
}

function uniqueName(r: Rng, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const shape = r.int(0, 9);
    let name =
      shape < 4 ? `${r.pick(FIRST)} ${r.pick(LAST)}`
      : shape < 8 ? `${r.pick(LAST)} ${r.pick(FIRM)}`
      : `${r.pick(LAST)} & ${r.pick(LAST)}`;
    if (attempt > 3) name += ` ${r.int(2, 9999)}`;
    const key = foldName(name);
    if (!taken.has(key)) {
      taken.add(key);
      return name;
    }
  }
}

function profiles(r: Rng, scale: Scale): Profile[] {
  const taken = new Set<string>();
  const out: Profile[] = [];
  const span = NOW_DAY - DAY0;
  for (let i = 0; i < scale.clients; i++) {
    const known = i === 0;
    const name = known ? 'Zoë Lefèvre Design' : uniqueName(r, taken);
    if (known) taken.add(foldName(name));
    // Earlier years are thinner: the business grew. The known client has been there seven years.
    const start = known ? NOW_DAY - 7 * 365 : DAY0 + Math.floor(span * Math.sqrt(r.next()) * 0.97);
    const status = known ? 'active' : r.weighted({ active: 80, archived: 14, fired: 6 } as const);
    const end = status === 'active' ? NOW_DAY : r.int(Math.min(start + 60, NOW_DAY - 1), NOW_DAY - 1);
    out.push({
      name, start, end, status,
      payer: known ? 'late' : r.weighted({ prompt: 55, late: 30, bad: 15 } as const),
      currency: r.weighted({ EUR: 60, USD: 25, GBP: 15 } as const),
      weight: (known ? 2 : 0.3 + r.next() * 1.7) * Math.max(30, end - start),
      comeback: status === 'archived' && r.chance(0.1),
    });
  }
  return out.sort((a, b) => a.start - b.start || (a.name < b.name ? -1 : 1));
}

function insertClients(db: DB, r: Rng, ps: readonly Profile[]): number[] {
  return ps.map((p) => {
    const email = r.chance(0.85) ? `${foldName(p.name).replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '')}@example.com` : null;
    const client = insertClient(db, {
      name: p.name, nameKey: nameKey(p.name), email,
      phone: r.chance(0.6) ? `+${r.int(1, 49)} ${r.int(100, 999)} ${r.int(100000, 999999)}` : null,
      company: r.chance(0.3) ? `${r.pick(LAST)} ${r.pick(FIRM)}` : null,
      channel: r.weighted({ email: 50, phone: 25, video: 15, 'in-person': 5, chat: 5 } as const),
      cadenceDays: r.pick([7, 14, 14, 30, 30, 30, 60, 90]),
      timezone: r.chance(0.2) ? r.pick(['Europe/Berlin', 'America/New_York', 'Europe/London', 'Asia/Tokyo']) : null,
      note: r.chance(0.2) ? 'met at a conference' : null,
    }, day(p.start));
    return client.id;
  });
}

/** Write a generated database to `file` (which must not exist yet). */
export function generate(file: string, opts: GenerateOptions): Generated {
  const scale = scaleOf(opts.scale);
  const seed = seedOf(opts.seed ?? DEFAULT_SEED);
  const root = rng(seed);
  const ps = profiles(root.fork(1), scale);
  const counts = {
    interactions: allocate(scale.interactions, ps.map((p) => p.weight)),
    invoices: allocate(scale.invoices, ps.map((p) => p.weight * (p.payer === 'bad' ? 0.8 : 1))),
    changes: allocate(scale.changes, ps.map((p) => p.weight)),
    incidents: allocate(scale.incidents, ps.map((p) => p.weight * (p.status === 'fired' ? 6 : p.payer === 'bad' ? 2 : 1))),
    deliveries: allocate(scale.deliveries, ps.map((p) => p.weight)),
    reminders: allocate(scale.reminders, ps.map((p) => (p.status === 'active' ? p.weight : p.weight * 0.2))),
    referrals: allocate(scale.referrals, ps.map((p) => p.weight * (p.payer === 'prompt' ? 2 : 0.5))),
  };
  // A fixed clock for the migrations' records, so the file's content depends on the seed alone.
  const store = openStore(file, { write: true, now: () => new Date(`${day(NOW_DAY)}T00:00:00.000Z`) });
  // A page cache big enough for the whole batch (the connection's, not the file's: content unchanged).
  store.db.pragma('cache_size = -262144');
  const scaffold = indexScaffold(store.db);
  const total: Record<string, number> = {};
  try {
    const ids = store.write((db) => insertClients(reusingStatements(db), root.fork(2), ps));
    const starts = ps.map((p) => p.start);
    const batch = opts.batch ?? 500;
    let invoiceSeq = 0;
    for (let from = 0; from < ps.length; from += batch) {
      store.write((raw) => {
        const db = reusingStatements(raw);
        for (let i = from; i < Math.min(from + batch, ps.length); i++) {
          const plan: Plan = {
            profile: ps[i] as Profile, clientId: ids[i] as number, r: root.fork(1000 + i), ids, starts,
            n: {
              interactions: counts.interactions[i] ?? 0, invoices: counts.invoices[i] ?? 0, changes: counts.changes[i] ?? 0,
              incidents: counts.incidents[i] ?? 0, deliveries: counts.deliveries[i] ?? 0, reminders: counts.reminders[i] ?? 0,
              referrals: counts.referrals[i] ?? 0,
            },
            nextInvoiceNumber: () => `INV-${String(++invoiceSeq).padStart(6, '0')}`,
          };
          clientEvents(db, plan, REPO, total);
        }
      });
    }
    scaffold.drop();
  } finally {
    store.close();
  }
  total.clients = ps.length;
  return { scale, seed, counts: total };
}

/** The repository functions clientEvents writes through (passed in to keep that module small). */
const REPO = {
  setClientStatus, insertInvoice, insertPayment, insertDispute, resolveDispute, insertChange, insertDelivery, insertIncident,
  insertInteraction, insertReferral, insertReminder, markReminderDone, snoozeReminder,
};
export type Repo = typeof REPO;

/**
 * The database as the repository functions see it, but each distinct SQL text prepared once:
 * compiling a statement (with the schema's triggers) costs more than running it.
 */
function reusingStatements(db: DB): DB {
  const cache = new Map<string, ReturnType<DB['prepare']>>();
  const prepare = (sql: string): ReturnType<DB['prepare']> => {
    let st = cache.get(sql);
    if (!st) cache.set(sql, (st = db.prepare(sql)));
    return st;
  };
  return new Proxy(db, {
    get: (target, prop) => {
      if (prop === 'prepare') return prepare;
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * insertInvoice reads its row back by number, COLLATE NOCASE; while no index serves that, each
 * lookup scans every invoice and seeding is quadratic. Then a temporary index serves it, dropped
 * (and the file vacuumed) before the generator returns, so the schema is crm's own.
 */
function indexScaffold(db: DB): { drop(): void } {
  const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM invoices WHERE number = ? COLLATE NOCASE').all('x') as { detail: string }[];
  if (plan.some((p) => /USING (COVERING )?INDEX/.test(p.detail))) return { drop: () => {} };
  db.exec('CREATE INDEX bench_scaffold_invoice_number ON invoices(number COLLATE NOCASE)');
  return {
    drop: () => {
      db.exec('DROP INDEX bench_scaffold_invoice_number');
      db.exec('VACUUM');
    },
  };
}
