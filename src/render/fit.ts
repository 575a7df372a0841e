// Owns fitting human text to a terminal width (word wrap). Pure: strings in, strings out, no IO.
import { displayWidth, splitAtWidth } from './width.js';

// Narrower than this, wrapping does more harm than good (a word a line): treat it as this wide.
const MIN_WIDTH = 20;
// A continuation line keeps its indent, but always has at least this many columns for text.
const MIN_TEXT = 10;
// Leading spaces, then optionally a list marker ("- ", "* ", "• ", "· ", "→ ", "1. ", "2) ") with
// its spaces: the review card's evidence (·) and next steps (→) are lists too.
const LEAD = /^( *)((?:[-*•·→]|\d+[.)]) +)?/;

/**
 * Word-wrap each line of `text` to `width` display columns. A wrapped line continues under its
 * own indentation, and a list item continues under its text (hanging indent). Words wider than
 * the line are broken between grapheme clusters; ANSI escapes take no room and are never split.
 * A line that already fits comes back byte for byte.
 */
export function wrap(text: string, width: number): string {
  const cols = Number.isFinite(width) ? Math.max(MIN_WIDTH, Math.floor(width)) : Infinity;
  return text.split('\n').map((line) => wrapLine(line, cols)).join('\n');
}

function wrapLine(line: string, width: number): string {
  if (displayWidth(line) <= width) return line;
  const whole = LEAD.exec(line)?.[0] ?? '';
  const body = line.slice(whole.length);
  if (!/\S/.test(body)) return line; // nothing but blanks: nothing to wrap
  // An indent that leaves less than MIN_TEXT columns loses leading spaces (the lead is ASCII
  // spaces, digits and a one-column marker, so slicing code units slices columns).
  const lead = whole.slice(Math.max(0, displayWidth(whole) - (width - MIN_TEXT)));
  const hang = displayWidth(lead);
  const indent = ' '.repeat(hang);

  const out: string[] = [];
  let cur = lead;
  let curW = displayWidth(lead);
  let started = false; // whether `cur` holds a word yet (the separator before a first word is dropped)
  const tokens = body.split(/( +)/); // word, spaces, word, spaces, ..., word
  for (const [i, word] of tokens.entries()) {
    if (i % 2 === 1 || word === '') continue; // separators are read with the word after them
    const sep = started ? (tokens[i - 1] ?? ' ') : '';
    let rest = word;
    let restW = displayWidth(word);
    if (started && curW + sep.length + restW <= width) {
      cur += sep + rest;
      curW += sep.length + restW;
      continue;
    }
    if (started) {
      out.push(cur);
      cur = indent;
      curW = hang;
    }
    // A word wider than the line is cut between clusters; with at least MIN_TEXT columns free
    // every cut takes at least one cluster (2 columns at most), so this always ends.
    while (curW + restW > width) {
      const cut = splitAtWidth(rest, width - curW);
      out.push(cur + cut.head);
      cur = indent;
      curW = hang;
      rest = cut.rest;
      restW -= cut.width;
    }
    cur += rest;
    curW += restW;
    started = true;
  }
  out.push(cur);
  return out.join('\n');
}

/**
 * `lead` then `text`, wrapped so continuation lines start under the text: for "label  value"
 * lines (client show, the review card's key numbers, crm rules), where the value is what wraps.
 */
export function hanging(lead: string, text: string, width: number): string {
  const leadW = displayWidth(lead);
  const cols = Number.isFinite(width) ? Math.max(MIN_WIDTH, Math.floor(width)) : Infinity;
  // Too little room beside the label: wrap under the label's own indentation instead.
  if (cols - leadW < MIN_TEXT) return wrap(lead + text, cols);
  const indent = ' '.repeat(leadW);
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? lead : indent) + wrapLine(line, cols - leadW).split('\n').join('\n' + indent))
    .join('\n');
}
