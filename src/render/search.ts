// What `crm search` prints: the hits as a table fitted to the terminal, each snippet on one line
// with its matched words highlighted, and the JSON shape of a hit. Returns strings; never prints.
import { type SearchHit, snippetParts } from '../domain/search-query.js';
import type { Style } from './style.js';
import { clip, table } from './table.js';
import { safeText } from '../domain/text.js';
import { ref } from './json.js';

/** Where a matched word starts and ends without colour (and in JSON): plain text that pastes as is. */
export const PLAIN_MARK = '**';

const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** Characters of context a terminal line keeps before the first match, so a narrow column still shows it. */
const LEAD_IN = 28;

/** The last words of `text` in about `max` characters, after an ellipsis. */
function lastWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = text.slice(text.length - max);
  const cut = tail.indexOf(' ');
  return '…' + (cut >= 0 && cut < tail.length - 1 ? tail.slice(cut + 1) : tail);
}

/**
 * The snippet on one line, each stretch through `show` and matched words then through `mark`.
 * With `leadIn`, the text before the first match is cut to about that many characters.
 */
function snippetLine(snippet: string, show: (s: string) => string, mark: (s: string) => string, leadIn = Infinity): string {
  const parts = snippetParts(snippet).map((p) => ({ ...p, text: flat(p.text) }));
  const first = parts[0];
  if (first && !first.hit && parts.length > 1) first.text = lastWords(first.text.trimStart(), leadIn);
  return parts.map((p) => (p.hit ? mark(show(p.text)) : show(p.text))).join('').trim();
}
const plainMark = (s: string): string => `${PLAIN_MARK}${s}${PLAIN_MARK}`;

export interface SearchView {
  /** Colour is on: matched words bold yellow; else between PLAIN_MARK. */
  color: boolean;
  /** The terminal's width. */
  width: number;
  /** How many hits there are in all (more than shown when a limit cut the list). */
  total: number;
  /** The query as typed, for "no matches". */
  query: string;
}

export function renderSearch(style: Style, hits: SearchHit[], view: SearchView): string {
  if (hits.length === 0) return `No matches for ${safeText(flat(view.query))}.\n`;
  const mark = view.color ? (s: string) => style.bold(style.yellow(s)) : plainMark;
  const rows = hits.map((h) => [h.on, safeText(h.ref), clip(h.client.name, 24), snippetLine(h.snippet, safeText, mark, LEAD_IN)]);
  const out = table(style, ['ON', 'REF', 'CLIENT', 'MATCH'], rows, { styled: true, width: view.width, flex: [3, 2, 1], drop: [2] });
  const more = view.total - hits.length;
  if (more <= 0) return out;
  const noun = more === 1 ? 'match' : 'matches';
  return `${out}${style.dim(`${more} more ${noun}; --limit ${view.total} shows them all.`)}\n`;
}

/** A hit in JSON: its reference, type, client, date, snippet (matched words between **) and bm25 rank. */
export function searchHitDto(h: SearchHit) {
  return {
    ref: h.ref,
    type: h.type,
    client: ref(h.client.id, h.client.name),
    on: h.on,
    // JSON escapes what a terminal would obey; the text stays as stored, on one line.
    snippet: snippetLine(h.snippet, (s) => s, plainMark),
    rank: h.bm25,
  };
}
