// What `crm search` is asked: the user's words turned into a safe FTS5 MATCH expression, the types
// it can look in, `--limit`, and a hit as the rest of crm sees it. Pure. No user text ever reaches
// MATCH unquoted: every term becomes an FTS5 string ("…", with " doubled), so no character, word
// or length can be read as FTS5 syntax — the operators are only the ones built here.
import { UsageError, quote } from './errors.js';
import type { ClientRef } from './types.js';

/** What the index holds, in the order crm lists them (`--type`). */
export const SEARCH_TYPES = [
  'client', 'status', 'interaction', 'invoice', 'dispute', 'change', 'incident', 'referral', 'delivery', 'reminder',
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** More terms than this is not a search anyone types; it also keeps the FTS5 expression small. */
export const MAX_TERMS = 32;

/** One thing to look for: a word or a phrase (several words in order), maybe a prefix. */
export interface Term {
  text: string;
  prefix: boolean;
}

/** A parsed search: every group must match (a group is terms joined by OR), no excluded term may. */
export interface SearchQuery {
  groups: Term[][];
  excluded: Term[];
  /** The FTS5 expression for `search_index MATCH ?`. */
  match: string;
}

// Controls (NUL ends an FTS5 string early) and the snippet markers below never reach the index query.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\ufdd0\ufdd1]/g;
/** What the tokenizer (unicode61: letters, digits, private use) keeps; a term without any finds nothing. */
const SEARCHABLE = /[\p{L}\p{N}\p{Co}]/u;
/**
 * Scripts written without spaces: the tokenizer keeps a whole run between punctuation as one word,
 * so a word in them is looked for as the start of a run (東京 finds 東京のカフェ).
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;

interface Token {
  kind: 'term' | 'or' | 'not';
  term?: Term;
  negated?: boolean;
}

/** Split the query into terms and operators: "a phrase", word, word*, -word, OR, AND, NOT. */
function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let k = 0;
  while (k < input.length) {
    if (/\s/.test(input[k] ?? '')) {
      k++;
      continue;
    }
    let negated = false;
    if (input[k] === '-' && k + 1 < input.length && !/\s/.test(input[k + 1] ?? '')) {
      negated = true;
      k++;
    }
    let text: string;
    let prefix = false;
    if (input[k] === '"') {
      const end = input.indexOf('"', k + 1);
      text = input.slice(k + 1, end < 0 ? input.length : end);
      k = end < 0 ? input.length : end + 1;
      if (input[k] === '*') {
        prefix = true;
        while (input[k] === '*') k++;
      }
    } else {
      const start = k;
      while (k < input.length && !/\s/.test(input[k] ?? '')) k++;
      text = input.slice(start, k);
      if (!negated && (text === 'OR' || text === 'AND' || text === 'NOT')) {
        if (text !== 'AND') tokens.push({ kind: text === 'OR' ? 'or' : 'not' });
        continue;
      }
      const bare = text.replace(/\*+$/, '');
      prefix = bare.length < text.length;
      text = bare;
    }
    tokens.push({ kind: 'term', term: { text, prefix: prefix || UNSPACED.test(text) }, negated });
  }
  return tokens;
}

const fts = (t: Term): string => `"${t.text.replaceAll('"', '""')}"${t.prefix ? '*' : ''}`;
const anyOf = (terms: Term[]): string => (terms.length === 1 ? fts(terms[0] as Term) : `(${terms.map(fts).join(' OR ')})`);

/**
 * Parse what the user typed. Words must all match; `"a phrase"` matches those words in order;
 * `word*` matches words starting so; `a OR b` either (OR binds the terms beside it, as in web
 * search: `logo blue OR green` is logo and either colour); `-word` or `NOT word` excludes. Case and
 * accents are the index's business (it folds both). Exit 2 when nothing is left to look for.
 */
export function parseSearch(input: string): SearchQuery {
  const text = input.normalize('NFKC').replace(UNSAFE, ' ');
  const groups: Term[][] = [];
  const excluded: Term[] = [];
  let or = false;
  let not = false;
  let count = 0;
  for (const token of lex(text)) {
    if (token.kind === 'or') { or = groups.length > 0; continue; }
    if (token.kind === 'not') { not = true; or = false; continue; }
    const term = token.term as Term;
    if (!SEARCHABLE.test(term.text)) { or = false; continue; } // punctuation, emoji: nothing the index holds
    if (++count > MAX_TERMS) {
      throw new UsageError(`search ${quote(input)} has more than ${MAX_TERMS} words; look for fewer, or for a "phrase"`);
    }
    if (token.negated || not) excluded.push(term);
    else if (or) groups[groups.length - 1]?.push(term);
    else groups.push([term]);
    or = false;
    not = false;
  }
  if (groups.length === 0) {
    throw new UsageError(excluded.length > 0
      ? `search ${quote(input)} only excludes; add a word to find, e.g. crm search logo NOT draft`
      : `search ${quote(input)} has no word to look for (letters or digits); e.g. crm search logo, crm search "next step", crm search log*`);
  }
  const found = groups.length === 1 ? anyOf(groups[0] as Term[]) : `(${groups.map(anyOf).join(' AND ')})`;
  return { groups, excluded, match: excluded.length > 0 ? `${found} NOT (${excluded.map(fts).join(' OR ')})` : found };
}

/** Where snippet() marks a matched word: Unicode noncharacters, which stored text does not hold. */
export const MARK_OPEN = '\ufdd0';
export const MARK_CLOSE = '\ufdd1';

/** A snippet as plain and matched stretches, in order. */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  for (const piece of snippet.split(MARK_OPEN)) {
    const close = piece.indexOf(MARK_CLOSE);
    if (close < 0) parts.push({ text: piece, hit: false });
    else parts.push({ text: piece.slice(0, close), hit: true }, { text: piece.slice(close + 1).replaceAll(MARK_CLOSE, ''), hit: false });
  }
  return parts.filter((p) => p.text !== '');
}

/** One thing search found. */
export interface SearchHit {
  /** `invoice:INV-0007`, `interaction:12`, `status:3`, `client:2`. */
  ref: string;
  type: SearchType;
  id: number;
  client: ClientRef;
  /** Its date, in the user's zone for what happened at an instant. */
  on: string;
  /** Text around the match, with MARK_OPEN / MARK_CLOSE around each matched word. */
  snippet: string;
  /** FTS5 bm25: lower is more relevant. */
  bm25: number;
}
