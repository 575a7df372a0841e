// `crm search`, in-process against temp databases: what a freelancer finds years later, how the
// query language reads, the filters, the ranking, the output shapes, hostile input, and the index
// following every change to the records (edits, deletes, voids) through migration 4's triggers.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { crm, crmJson, seed, tempDb } from '../helpers/cli.js';
import { openStore } from '../../src/db/store.js';
import { explainSearch, searchIndex } from '../../src/db/search.js';
import { parseSearch } from '../../src/domain/search-query.js';

interface Hit {
  ref: string;
  type: string;
  client: { id: number; name: string };
  on: string;
  snippet: string;
  rank: number;
}

const THREE_YEARS_AGO = '2023-11-03T09:00:00Z';
const LAST_MONTH = '2026-10-20T09:00:00Z';

/** A freelancer's ledger: a logo project three years back, a café chain, a client fired. */
async function ledger(): Promise<string> {
  const db = tempDb();
  await seed(db, [
    ['client', 'add', 'Acme Corp', '--note', 'Prefers calls before noon'],
    ['client', 'add', 'Café Olé', '--company', 'Olé Group'],
    ['client', 'add', 'Globex'],
    ['log', 'Acme Corp', '--at', '2023-11-02 10:00', '--summary', 'Agreed the logo goes dark blue, no gradients', '--next', 'Send two drafts', '--no-recap'],
    ['invoice', 'add', 'Acme Corp', '--amount', '1200', '--number', 'INV-0007', '--project', 'Logo refresh', '--issued', '2023-11-03'],
  ], { now: THREE_YEARS_AGO });
  await seed(db, [
    ['log', 'Globex', '--at', '2026-10-19 15:00', '--summary', 'Rollout for the CAFÉ chain in Oslo', '--no-recap'],
    ['log', 'Café Olé', '--at', '2026-10-19 16:00', '--summary', 'Terrace photos for the Cafe\u0301 menu', '--no-recap'],
    ['remind', 'add', 'Globex', '--on', '2026-12-01', '--text', 'Send the logotype files'],
    ['change', 'add', 'Acme Corp', '--summary', 'Extra logo variant for social media', '--project', 'Logo refresh'],
    ['incident', 'add', 'Globex', '--kind', 'verbal-abuse', '--on', '2026-10-19 11:00', '--note', 'Shouted about the deadline'],
    ['client', 'fire', 'Globex', '--reason', 'abusive about the deadline'],
    ['invoice', 'dispute', 'INV-0007', '--reason', 'Wants the logo for free'],
    ['referral', 'add', 'Acme Corp', '--note', 'Introduced us to Initech'],
    ['deliver', 'Acme Corp', '--project', 'Brand book'],
  ], { now: LAST_MONTH });
  return db;
}

let story: string;
beforeAll(async () => {
  story = await ledger();
});

/** Search with --json; the words after `--`, so that -word is a word. */
async function find(words: string[], opts: { db?: string; flags?: string[] } = {}): Promise<Hit[]> {
  const r = await crm(['search', ...(opts.flags ?? []), '--json', '--', ...words], { db: opts.db ?? story });
  if (r.code !== 0) throw new Error(`crm search ${words.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Hit[];
}
const refs = async (words: string[], opts: { db?: string; flags?: string[] } = {}) => (await find(words, opts)).map((h) => h.ref);

describe('finding things', () => {
  it('finds a word from a conversation logged three years ago, with its client, date and reference', async () => {
    const hits = await find(['gradients']);
    expect(hits).toEqual([
      { ref: 'interaction:1', type: 'interaction', client: { id: 1, name: 'Acme Corp' }, on: '2023-11-02', snippet: expect.any(String), rank: expect.any(Number) },
    ]);
    expect(hits[0]?.snippet).toBe('Agreed the logo goes dark blue, no **gradients** · Send two drafts');
  });

  it('cafe finds Café, CAFÉ and a decomposed Cafe\u0301; café finds them too', async () => {
    const all = ['client:2', 'interaction:2', 'interaction:3'];
    expect((await refs(['cafe'])).sort()).toEqual(all);
    expect((await refs(['CAFÉ'])).sort()).toEqual(all);
    expect((await refs(['Cafe\u0301'])).sort()).toEqual(all);
    const hits = await find(['cafe'], { flags: ['--type', 'interaction'] });
    expect(hits.map((h) => h.snippet).sort()).toEqual([
      'Rollout for the **CAFÉ** chain in Oslo',
      'Terrace photos for the **Cafe\u0301** menu',
    ]);
  });

  it('log* finds logo and logotype; logo alone is the whole word', async () => {
    const prefix = await refs(['log*']);
    expect(prefix).toEqual(expect.arrayContaining(['interaction:1', 'invoice:INV-0007', 'change:1', 'reminder:1', 'dispute:1']));
    expect(await refs(['logotype'])).toEqual(['reminder:1']);
    expect(await refs(['logo'])).not.toContain('reminder:1');
  });

  it('a "quoted phrase" matches those words in that order', async () => {
    expect(await refs(['"dark blue"'])).toEqual(['interaction:1']);
    expect(await refs(['"blue dark"'])).toEqual([]);
    expect(await refs(['dark', 'blue'])).toEqual(['interaction:1']);
  });

  it('words are all required; OR takes either; NOT and -word leave out', async () => {
    expect(await refs(['logo', 'free'])).toEqual(['dispute:1']);
    expect((await refs(['gradients', 'OR', 'initech'])).sort()).toEqual(['interaction:1', 'referral:1']);
    expect((await refs(['deadline'])).sort()).toEqual(['incident:1', 'status:1']);
    expect(await refs(['deadline', 'NOT', 'shouted'])).toEqual(['status:1']);
    expect(await refs(['deadline', '-shouted'])).toEqual(['status:1']);
  });

  it('references: invoices by number, a status change, a client\'s own record, a dispute', async () => {
    const hits = await find(['refresh', 'OR', 'abusive', 'OR', 'noon', 'OR', 'free', 'OR', 'brand']);
    expect(Object.fromEntries(hits.map((h) => [h.ref, [h.type, h.client.name]]))).toMatchObject({
      'invoice:INV-0007': ['invoice', 'Acme Corp'],
      'change:1': ['change', 'Acme Corp'],
      'status:1': ['status', 'Globex'],
      'client:1': ['client', 'Acme Corp'],
      'dispute:1': ['dispute', 'Acme Corp'],
      'delivery:1': ['delivery', 'Acme Corp'],
    });
  });

  it('--client keeps one client\'s hits; --type some kinds', async () => {
    expect((await refs(['log*'], { flags: ['--client', 'glob'] }))).toEqual(['reminder:1']);
    expect((await refs(['log*'], { flags: ['--type', 'invoice,change'] })).sort()).toEqual(['change:1', 'invoice:INV-0007']);
    expect(await refs(['log*'], { flags: ['--client', 'Globex', '--type', 'invoice'] })).toEqual([]);
  });

  it('the best match first (bm25), equal matches newest first', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme'],
      ['log', 'Acme', '--at', '2026-01-05 10:00', '--summary', 'Budget talk', '--no-recap'],
      ['log', 'Acme', '--at', '2026-03-05 10:00', '--summary', 'Budget talk', '--no-recap'],
      ['log', 'Acme', '--at', '2025-03-05 10:00', '--summary', 'Budget, budget and the budget again', '--no-recap'],
      ['log', 'Acme', '--at', '2026-06-05 10:00', '--summary', 'Long meeting on many things: design, copy, hosting, the budget, the launch date', '--no-recap'],
    ]);
    const hits = await find(['budget'], { db });
    expect(hits.map((h) => h.ref)).toEqual(['interaction:3', 'interaction:2', 'interaction:1', 'interaction:4']);
    expect(hits.map((h) => h.rank)).toEqual([...hits.map((h) => h.rank)].sort((a, b) => a - b));
  });

  it('Japanese: a word is found at the start of a run of text between punctuation', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', '東京デザイン'], ['log', '東京', '--summary', '東京のカフェ、ロゴの件', '--no-recap']]);
    expect((await refs(['東京'], { db })).sort()).toEqual(['client:1', 'interaction:1']);
    expect(await refs(['ロゴ'], { db })).toEqual(['interaction:1']);
    expect((await find(['ロゴ'], { db }))[0]?.snippet).toBe('東京のカフェ、**ロゴの件**');
  });

  it('dates an instant in the user\'s zone', async () => {
    const db = tempDb();
    const env = { TZ: 'Pacific/Auckland' };
    await seed(db, [['client', 'add', 'Acme'], ['log', 'Acme', '--at', '2026-11-21T23:30:00Z', '--summary', 'Late call', '--no-recap']], { env });
    const hits = await crmJson<Hit[]>(['search', 'late'], { db, env });
    expect(hits[0]?.on).toBe('2026-11-22');
    expect((await crmJson<Hit[]>(['search', 'late'], { db, env: { TZ: 'America/Los_Angeles' } }))[0]?.on).toBe('2026-11-21');
  });
});

describe('what it prints', () => {
  it('a table fitted to the terminal, matched words between ** without colour', async () => {
    const r = await crm(['search', 'gradients', 'OR', 'initech'], { db: story, columns: 120 });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ON\s+REF\s+CLIENT\s+MATCH$/);
    expect(r.stdout).toMatch(/2023-11-02\s+interaction:1\s+Acme Corp\s+Agreed the logo goes dark blue, no \*\*gradients\*\* · Send two drafts\n/);
    expect(r.stdout).toContain('Introduced us to **Initech**');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
    // Narrower, the text before the first match is cut short, so that the line still shows the match.
    const narrow = await crm(['search', 'gradients'], { db: story, columns: 64 });
    expect(narrow.stdout).toMatch(/interaction:1\s+Acme Corp\s+…[^\n]*\*\*gradients\*\*/);
    const narrower = await crm(['search', 'gradients'], { db: story, columns: 40 });
    for (const line of narrower.stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('with colour, matched words are bold yellow', async () => {
    const r = await crm(['search', 'gradients'], { db: story, tty: true, columns: 120, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\u001b[1m\u001b[33mgradients\u001b[39m\u001b[22m');
    expect(r.stdout).not.toContain('**');
  });

  it('stored text cannot drive the terminal, and a note over several lines stays on one', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme'], ['log', 'Acme', '--summary', 'Evil \u001b]0;pwned\u0007 title\nsecond line mentions evil', '--no-recap']]);
    const r = await crm(['search', 'evil'], { db });
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- the point: no control character but \n
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.stdout).toContain('␛');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    const [hit] = await crmJson<Hit[]>(['search', 'evil'], { db });
    expect(hit?.snippet).toContain('\u001b]0;pwned'); // JSON keeps the text as stored, escaped by JSON
    expect(hit?.snippet).not.toContain('\n');
  });

  it('a terminal gets 20 hits and hears how many more there are; --limit changes that; a pipe gets all', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme']]);
    const w = new Database(db);
    const insert = w.prepare("INSERT INTO interactions (client_id, at, channel, direction, summary, recorded_at) VALUES (1, ?, 'email', 'out', ?, ?)");
    for (let k = 1; k <= 25; k++) {
      const at = new Date(Date.UTC(2026, 0, k, 12)).toISOString();
      insert.run(at, `Weekly sync number ${k}`, at);
    }
    w.close();
    const tty = await crm(['search', 'sync'], { db, tty: true, columns: 100 });
    expect(tty.stdout.trimEnd().split('\n')).toHaveLength(1 + 20 + 1);
    expect(tty.stdout).toContain('5 more matches; --limit 25 shows them all.');
    const three = await crm(['search', 'sync', '--limit', '3'], { db });
    expect(three.stdout.trimEnd().split('\n')).toHaveLength(1 + 3 + 1);
    expect(three.stdout).toContain('22 more matches');
    expect((await crm(['search', 'sync'], { db })).stdout.trimEnd().split('\n')).toHaveLength(26);
    expect(await crmJson(['search', 'sync', '--limit', '4'], { db })).toHaveLength(4);
    expect(await crmJson(['search', 'sync'], { db, tty: true })).toHaveLength(25);
    // Newest first among equals: the 25th sync comes first.
    expect((await crmJson<Hit[]>(['search', 'sync', '--limit', '1'], { db }))[0]?.snippet).toBe('Weekly **sync** number 25');
  });

  it('nothing found is not an error: one friendly line, or [] in JSON', async () => {
    const r = await crm(['search', 'zeppelin'], { db: story });
    expect(r).toEqual({ code: 0, stdout: 'No matches for zeppelin.\n', stderr: '' });
    expect(await crmJson(['search', 'zeppelin'], { db: story })).toEqual([]);
  });

  it('before any database exists it reads as empty and creates nothing', async () => {
    const db = tempDb();
    expect(await crm(['search', 'logo'], { db })).toEqual({ code: 0, stdout: 'No matches for logo.\n', stderr: '' });
    expect(await crmJson(['search', 'logo'], { db })).toEqual([]);
    expect(fs.existsSync(db)).toBe(false);
  });
});

describe('bad input: exit 2, one line', () => {
  it.each([
    [['search', '--', '*'], /has no word to look for/],
    [['search', '...'], /has no word to look for/],
    [['search', '--', '-logo'], /only excludes/],
    [['search', 'logo', '--limit', '0'], /--limit '0' is not a positive whole number/],
    [['search', 'logo', '--limit', 'all'], /--limit 'all' is not a positive whole number/],
    [['search', 'logo', '--type', 'payment'], /--type 'payment' is not a record type; use one or more of client, status, interaction/],
    [['search', 'logo', '--type', ','], /--type is empty/],
    [['search', 'logo', '--client', 'Nobody'], /Nobody/],
    [['search'], /missing required argument/],
  ])('%j', async (args, message) => {
    const r = await crm(args, { db: story });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  const HOSTILE = [
    '"', '"logo', 'logo"', '(logo', 'logo)', '()', 'NEAR', 'NEAR(logo free)', 'near', 'AND', 'OR', 'NOT', 'and', 'or', 'not',
    '-', '--x', '*', '**', '*logo', 'lo*go', '^logo', 'body:logo', '{body}:logo', 'type:invoice', "O'Brien", 'logo:', ':',
    '+logo', 'a"b"c', '😀', '日本語', 'Ελλάδα', '\u0301', '\u202eevil', 'logo\u0000', 'x'.repeat(10_000), 'logo '.repeat(2000),
  ];
  it.each(HOSTILE.map((h) => [h.length > 40 ? `${h.slice(0, 20)}… (${h.length} chars)` : h, h]))('%j searches or exits 2 with one line', async (_, input) => {
    const r = await crm(['search', '--', input], { db: story });
    expect([0, 2]).toContain(r.code);
    if (r.code === 2) {
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^crm: (search|unknown option) .* /);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    } else {
      expect(r.stderr).toBe('');
    }
  });

  it('operator words in lower case are words, and punctuation inside a word is text', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', "O'Brien & Sons"], ['log', "O'Brien", '--summary', 'Said not now, near the end and or never', '--no-recap']]);
    expect(await refs(['not', 'near', 'or'], { db })).toEqual(['interaction:1']);
    expect(await refs(["o'brien"], { db })).toEqual(['client:1']);
    expect(await refs(['(near', 'end)', 'NEAR(the'], { db })).toEqual(['interaction:1']);
  });
});

describe('the index follows the records', () => {
  /** Change the database behind crm's back, as a later command or a repair would. */
  function sql(db: string, statement: string, ...params: unknown[]): void {
    const w = new Database(db);
    try {
      w.prepare(statement).run(...params);
    } finally {
      w.close();
    }
  }

  it('a voided record is never found; unvoided, it is again', async () => {
    const db = await ledger();
    sql(db, "UPDATE interactions SET voided_on = '2026-11-22', void_reason = 'wrong client' WHERE id = 1");
    expect(await refs(['gradients'], { db })).toEqual([]);
    sql(db, 'UPDATE interactions SET voided_on = NULL, void_reason = NULL WHERE id = 1');
    expect(await refs(['gradients'], { db })).toEqual(['interaction:1']);
  });

  it('voiding an invoice takes it and its dispute out of the search', async () => {
    const db = await ledger();
    expect((await refs(['free', 'OR', 'refresh'], { db, flags: ['--type', 'invoice,dispute'] })).sort()).toEqual(['dispute:1', 'invoice:INV-0007']);
    sql(db, "UPDATE invoices SET voided_on = '2026-11-22', void_reason = 'duplicate' WHERE number = 'INV-0007'");
    expect(await refs(['free', 'OR', 'refresh'], { db, flags: ['--type', 'invoice,dispute'] })).toEqual([]);
    sql(db, "UPDATE invoices SET voided_on = NULL WHERE number = 'INV-0007'");
    expect(await refs(['free', 'OR', 'refresh'], { db, flags: ['--type', 'invoice,dispute'] })).toHaveLength(2);
  });

  it('an edited text is found by its new words only; a deleted record is gone', async () => {
    const db = await ledger();
    sql(db, "UPDATE interactions SET summary = 'Agreed on a green wordmark' WHERE id = 1");
    expect(await refs(['gradients'], { db })).toEqual([]);
    expect(await refs(['wordmark'], { db })).toEqual(['interaction:1']);
    sql(db, 'DELETE FROM reminders WHERE id = 1');
    expect(await refs(['logotype'], { db })).toEqual([]);
  });

  it('a record moved to another client is found under the new one; a renamed client by its new name', async () => {
    const db = await ledger();
    sql(db, 'UPDATE interactions SET client_id = 3 WHERE id = 1');
    expect(await refs(['gradients'], { db, flags: ['--client', 'Globex'] })).toEqual(['interaction:1']);
    sql(db, "UPDATE clients SET name = 'Acme Industries', name_key = 'acme industries' WHERE id = 1");
    expect(await refs(['industries'], { db })).toEqual(['client:1']);
    expect((await find(['initech'], { db }))[0]?.client.name).toBe('Acme Industries');
  });
});

describe('speed', () => {
  it('MATCH drives the query, with or without a client or type filter: no scan of the index or the records', () => {
    const store = openStore(story, { write: false });
    try {
      for (const clientId of [null, 1]) {
        for (const types of [null, ['interaction' as const]]) {
          const plan = explainSearch(store.db, { match: parseSearch('logo').match, clientId, types, limit: 20, zone: 'UTC' });
          expect(plan.find((p) => p.includes('search_index') || p.startsWith('SCAN s'))).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
          // The one other scan allowed: the --type list (a few names) read once.
          expect(plan.filter((p) => /^SCAN (?!s VIRTUAL|json_each)/.test(p))).toEqual([]);
        }
      }
    } finally {
      store.close();
    }
  });

  it('finds a word among 20,000 records quickly', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme'], ['client', 'add', 'Globex']]);
    const w = new Database(db);
    const insert = w.prepare("INSERT INTO interactions (client_id, at, channel, direction, summary, recorded_at) VALUES (?, ?, 'email', 'out', ?, ?)");
    w.transaction(() => {
      for (let k = 0; k < 20_000; k++) {
        const at = new Date(Date.UTC(2016, 0, 1) + k * 4 * 3_600_000).toISOString();
        insert.run(1 + (k % 2), at, k === 12_345 ? 'The zeppelin idea' : `Routine update ${k} about hosting and copy`, at);
      }
    })();
    w.close();
    const started = performance.now();
    expect(await refs(['zeppelin'], { db, flags: ['--client', 'Globex'] })).toEqual(['interaction:12346']);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('a limit', () => {
  // With a limit, the limit-th best rank is found first and only hits ranked that well are read:
  // the hits must be exactly the first of all of them, ties (same rank, by date) included.
  it('gives the first hits of the whole ordered list, ties with the last one kept in date order', async () => {
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme'], ['client', 'add', 'Globex']]);
    const w = new Database(db);
    const insert = w.prepare("INSERT INTO interactions (client_id, at, channel, direction, summary, recorded_at) VALUES (?, ?, 'email', 'out', ?, ?)");
    w.transaction(() => {
      for (let k = 0; k < 300; k++) {
        const at = new Date(Date.UTC(2020, 0, 1) + ((k * 7919) % 300) * 86_400_000).toISOString();
        // Three texts, so three ranks, each shared by a hundred hits on shuffled dates.
        insert.run(1 + (k % 2), at, ['logo', 'the logo again', 'a long note about many things and the logo'][k % 3], at);
      }
    })();
    w.close();
    const store = openStore(db, { write: false });
    try {
      for (const [clientId, types] of [[null, null], [2, null], [null, ['interaction' as const]]] as const) {
        const hits = (limit: number | null) => searchIndex(store.db, { match: parseSearch('logo').match, clientId, types, limit, zone: 'UTC' });
        const all = hits(null);
        for (const limit of [1, 20, 99, 100, 101, 150, 299, 300, 301, 1000]) {
          const some = hits(limit);
          expect(some.hits).toEqual(all.hits.slice(0, limit));
          expect(some.total).toBe(all.total);
        }
      }
    } finally {
      store.close();
    }
  });
});

describe('-word on the command line', () => {
  it('a word after a dash is left out, without needing --; an unknown --option is still refused', async () => {
    const db = tempDb();
    await seed(db, [
      ['client', 'add', 'Acme'],
      ['log', 'acme', '--summary', 'logo draft one', '--no-recap'],
      ['log', 'acme', '--summary', 'logo final', '--no-recap'],
    ]);
    const refs = async (args: string[]) => (await crmJson<{ ref: string }[]>(['search', ...args], { db })).map((h) => h.ref);
    expect(await refs(['logo', '-draft'])).toEqual(['interaction:2']);
    expect(await refs(['-draft', 'logo'])).toEqual(['interaction:2']);
    const afterDashes = await crm(['search', '--json', '--', 'logo', '-draft'], { db });
    expect((JSON.parse(afterDashes.stdout) as { ref: string }[]).map((h) => h.ref)).toEqual(['interaction:2']);
    const typo = await crm(['search', 'logo', '--limt', '3'], { db });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("crm: unknown option '--limt' for crm search (options: --client, --type, --limit, --json; a word to leave out is -word)\n");
  });
});
