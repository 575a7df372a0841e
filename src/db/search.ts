// The full-text search's SQL: what `search_index` (kept by migration 4's triggers) finds for a
// MATCH expression built by domain/search-query.ts, ranked by bm25, with each hit's client,
// reference and highlighted snippet. The MATCH drives the query; the filters only thin its rows.
// A hit's client name and invoice number are looked up by rowid, not joined: with the statistics
// of a tiny database the planner chose to scan those tables for every hit.
import type { DB } from './store.js';
import { localDate } from '../domain/dates.js';
import { refOf } from './refs.js';
import { MARK_CLOSE, MARK_OPEN, type SearchHit, type SearchType } from '../domain/search-query.js';

export interface SearchFilter {
  /** An FTS5 expression from parseSearch (never raw user input). */
  match: string;
  clientId: number | null;
  types: readonly SearchType[] | null;
  /** null: every hit. */
  limit: number | null;
  /** The user's zone, which dates what happened at an instant. */
  zone: string;
}

/** Words of context snippet() gives around the match. */
const SNIPPET_TOKENS = 16;

// Only live records are in the index (its triggers take a void record out, and a dispute with its
// voided invoice), so the filters need not know about voids.
const WHERE = `search_index MATCH @match
  AND (@clientId IS NULL OR s.client_id = @clientId)
  AND (@types IS NULL OR s.type IN (SELECT value FROM json_each(@types)))`;

interface Row {
  type: SearchType;
  id: number;
  clientId: number;
  clientName: string;
  at: string;
  snippet: string;
  bm25: number;
  number: string | null;
}

const refOfRow = (r: Row): string => {
  if (r.type === 'client' || r.type === 'status') return `${r.type}:${r.id}`;
  return refOf(r.type, r.id, r.number);
};

const select = (cut: boolean): string => `SELECT s.type, s.record_id AS id, s.client_id AS clientId,
         (SELECT c.name FROM clients c WHERE c.id = s.client_id) AS clientName, s.at,
         snippet(search_index, 0, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet, s.rank AS bm25,
         CASE WHEN s.type = 'invoice' THEN (SELECT i.number FROM invoices i WHERE i.id = s.record_id) END AS number
  FROM search_index s
  WHERE ${WHERE}${cut ? ' AND s.rank <= @cut' : ''}
  ORDER BY s.rank, s.at DESC, s.rowid DESC
  LIMIT @limit`;
const SELECT = select(false);
const SELECT_CUT = select(true);
// The limit-th best rank: FTS5 ranks every match without reading its record's columns, which
// ordering them all by date too (for ties) did, at ~10 µs a match (27k matches: 300 ms → 150 ms).
const CUT = `SELECT s.rank AS cut FROM search_index s WHERE ${WHERE} ORDER BY s.rank LIMIT 1 OFFSET @offset`;

const paramsOf = (f: SearchFilter) => ({
  match: f.match, clientId: f.clientId, types: f.types === null ? null : JSON.stringify(f.types),
});

/** The best hits first (bm25), ties newest first; and how many there are in all. */
export function searchIndex(db: DB, f: SearchFilter): { hits: SearchHit[]; total: number } {
  const params = paramsOf(f);
  // With a limit, only matches ranked at least as well as the limit-th are read and ordered: ties
  // with it are all kept, so the order and the hits are those of ordering every match.
  const cut = f.limit !== null && f.limit > 0
    ? (db.prepare(CUT).get({ ...params, offset: f.limit - 1 }) as { cut: number } | undefined)?.cut : undefined;
  const marks = { open: MARK_OPEN, close: MARK_CLOSE, limit: f.limit ?? -1 };
  const rows = (cut === undefined ? db.prepare(SELECT).all({ ...params, ...marks }) : db.prepare(SELECT_CUT).all({ ...params, ...marks, cut })) as Row[];
  const total = f.limit !== null && rows.length === f.limit
    ? (db.prepare(`SELECT count(*) AS n FROM search_index s WHERE ${WHERE}`).get(params) as { n: number }).n
    : rows.length;
  const hits = rows.map((r): SearchHit => ({
    ref: refOfRow(r),
    type: r.type,
    id: r.id,
    client: { id: r.clientId, name: r.clientName },
    on: r.at.length > 10 ? localDate(r.at, f.zone) : r.at,
    snippet: r.snippet,
    bm25: r.bm25,
  }));
  return { hits, total };
}

/** How SQLite runs a search (EXPLAIN QUERY PLAN), for the test that it never scans. */
export function explainSearch(db: DB, f: SearchFilter): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${SELECT}`).all({ ...paramsOf(f), open: MARK_OPEN, close: MARK_CLOSE, limit: f.limit ?? -1 });
  return (rows as { detail: string }[]).map((r) => r.detail);
}
