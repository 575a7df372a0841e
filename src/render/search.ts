// What `crm search` prints: the hits as a table fitted to the terminal, each snippet on one line
// with its matched words highlighted, and the JSON shape of a hit. Returns strings; never prints.
import { type SearchHit, snippetParts } from '../domain/search-query.js';
import type { Style } from './style.js';
import { clip, table } from './table.js';
import { safeText } from '../domain/text.js';
import { displayWidth } from './width.js';
import { ref } from './json.js';

/** Where a matched word starts and ends without colour (and in JSON): plain text that pastes as is. */
export const PLAIN_MARK = '**';

const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** Columns of context kept before the first match at the least, however narrow the terminal. */
const MIN_LEAD_IN = 8;

/** The last words of `text` in about `max` columns, after an ellipsis. */
function lastWords(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  const tail = text.slice(-max);
  const cut = tail.indexOf(' ');
  return '…' + (cut >= 0 && cut < tail.length - 1 ? tail.slice(cut + 1) : tail);
}

/**
 * The snippet on one line, each stretch through `show` and matched words then through `mark`.
 * When the text up to the end of the first match would not fit in `room` columns, the text before
 * it is cut short, so that the match is what the line shows.
 */
function snippetLine(snippet: string, show: (s: string) => string, mark: (s: string) => string, room = Infinity): string {
  const parts = snippetParts(snippet).map((p) => ({ ...p, text: flat(p.text) }));
  const [lead, hit] = parts;
  if (lead && hit && !lead.hit) {
    lead.text = lead.text.trimStart();
    const hitWidth = displayWidth(hit.text) + 4; // its marks, and a little after it
    if (displayWidth(lead.text) + hitWidth > room) lead.text = lastWords(lead.text, Math.max(MIN_LEAD_IN, room - hitWidth));
  }
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
  const cells = hits.map((h) => [h.on, safeText(h.ref), clip(h.client.name, 24)]);
  // What the MATCH column will have, about: the terminal less the other columns and the gaps.
  // Widest cell per column by a loop: Math.max(...cells) overflows the stack past ~125k hits.
  const widest = (x: number): number => cells.reduce((w, c) => Math.max(w, displayWidth(c[x] ?? '')), 0);
  const others = [0, 1, 2].reduce((sum, x) => sum + widest(x) + 2, 0);
  const rows = hits.map((h, k) => [...(cells[k] ?? []), snippetLine(h.snippet, safeText, mark, view.width - others)]);
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
