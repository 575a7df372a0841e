// Owns terminal display width: how many columns a string takes, and cutting/padding by columns.
// Pure string code: no IO, no chalk, no knowledge of tables.
import { ESCAPE_SEQUENCE } from '../domain/text.js';

// ANSI escapes take no columns: CSI sequences (SGR colours are `ESC[...m`) and OSC (hyperlinks).
const ANSI = new RegExp(ESCAPE_SEQUENCE.source, 'g');
const ANSI_OR_TEXT = new RegExp(`(${ESCAPE_SEQUENCE.source})`); // split() keeps the escapes as odd pieces
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

// One shared segmenter: constructing one costs far more than segmenting a cell.
let segmenter: Intl.Segmenter | undefined;
// Built on first use: constructing it costs ~12 ms, which a command printing plain ASCII never needs.
const graphemes = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

// East Asian Wide (W) and Fullwidth (F) ranges that are not emoji (emoji are decided per cluster
// below), sorted. Only strings outside the fast paths get here, so a scan is quick enough.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3041, 0x3247], [0x3250, 0x4dbf],
  [0x4e00, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x16ff0, 0x16ff1],
  [0x17000, 0x18cd5], [0x18d00, 0x18d08], [0x1aff0, 0x1b2fb], [0x1f200, 0x1f202], [0x1f210, 0x1f23b],
  [0x1f240, 0x1f248], [0x1f250, 0x1f251], [0x1f260, 0x1f265], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

function inWide(cp: number): boolean {
  for (const [first, last] of WIDE) {
    if (cp < first) return false;
    if (cp <= last) return true;
  }
  return false;
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff]$/u; // marks, format chars (ZWSP, ZWJ), medial jamo
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
// A cluster shown as an emoji: a default-emoji code point anywhere in it (ZWJ families, flags,
// skin tones), a text-default pictograph forced with VS16 (❤️), or a keycap (1️⃣).
const EMOJI_CLUSTER = /\p{Emoji_Presentation}|\uFE0F|\u20E3/u;

function codePointWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1; // includes the soft hyphen (Cf), which terminals draw, as string-width counts it
  const ch = String.fromCodePoint(cp);
  if (ZERO_WIDTH.test(ch)) return 0; // a mark with no base before it (a base would have absorbed it)
  return inWide(cp) || EMOJI_PRESENTATION.test(ch) ? 2 : 1;
}

/** Columns of one grapheme cluster: its base decides, except that an emoji cluster is always 2. */
function clusterWidth(cluster: string): number {
  const cp = cluster.codePointAt(0) ?? 0;
  const single = cluster.length === (cp > 0xffff ? 2 : 1);
  if (!single && EMOJI_CLUSTER.test(cluster)) return 2;
  return codePointWidth(cp);
}

/**
 * Code points that are always a grapheme cluster of their own (nothing in these blocks combines
 * with a neighbour), so a string made only of them can be measured without the segmenter:
 * Latin, Greek, Cyrillic letters, punctuation, currency, kana, CJK ideographs, Hangul syllables
 * and fullwidth forms. Returns the width, or -1 when `s` needs real segmentation.
 */
function simpleWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const u = unitWidth(s.charCodeAt(i));
    if (u < 0) return -1;
    w += u;
  }
  return w;
}

/** Columns of one UTF-16 code unit that is a cluster of its own (see simpleWidth), else -1. */
function unitWidth(c: number): number {
  if (c < 0x300) return c < 0x20 || (c >= 0x7f && c < 0xa0) ? 0 : 1;
  if ((c >= 0x370 && c <= 0x482) || (c >= 0x48a && c <= 0x52f) || (c >= 0x2010 && c <= 0x2027)
    || (c >= 0x2030 && c <= 0x205e) || (c >= 0x20a0 && c <= 0x20c0) || (c >= 0xff61 && c <= 0xff9d)) return 1;
  if ((c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x303e) || (c >= 0x3041 && c <= 0x3096)
    || (c >= 0x309b && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff)
    || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xff01 && c <= 0xff60)) return 2;
  return -1;
}

function segmentedWidth(s: string): number {
  let w = 0;
  for (const { segment } of graphemes().segment(s)) w += clusterWidth(segment);
  return w;
}

/**
 * True for printable ASCII only (no controls, no escapes): one column per character, nothing to
 * segment or neutralise. The common case, which callers measuring many strings can skip ahead on.
 */
export function isPrintableAscii(text: string): boolean {
  return PRINTABLE_ASCII.test(text);
}

/** Terminal columns `text` occupies (one line; ANSI escapes count 0). */
export function displayWidth(text: string): number {
  // Tables call this for every cell: plain ASCII is by far the common case.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const plain = text.includes('\x1b') ? text.replace(ANSI, '') : text;
  const simple = simpleWidth(plain);
  return simple >= 0 ? simple : segmentedWidth(plain);
}

/**
 * Split `text` at the last grapheme boundary where the head is at most `max` columns wide; ANSI
 * escapes are never cut (those before the cut stay in the head). `rest` is '' when it all fits.
 */
export function splitAtWidth(text: string, max: number): { head: string; rest: string; width: number } {
  if (PRINTABLE_ASCII.test(text)) {
    const n = Math.max(0, Math.min(max, text.length));
    return { head: text.slice(0, n), rest: text.slice(n), width: n };
  }
  // Each code unit its own cluster (CJK, Hangul, Latin…, no escapes): cut without the segmenter,
  // whose construction alone costs more than a table of a thousand rows.
  if (!text.includes('\x1b') && simpleWidth(text) >= 0) {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      const w = unitWidth(text.charCodeAt(i));
      if (width + w > max) return { head: text.slice(0, i), rest: text.slice(i), width };
      width += w;
    }
    return { head: text, rest: '', width };
  }
  let width = 0;
  let at = 0;
  const pieces = text.split(ANSI_OR_TEXT); // text, escape, text, escape, ..., text
  for (const [i, piece] of pieces.entries()) {
    if (i % 2 === 1) { at += piece.length; continue; }
    for (const { segment } of graphemes().segment(piece)) {
      const w = clusterWidth(segment);
      if (width + w > max) return { head: text.slice(0, at), rest: text.slice(at), width };
      width += w;
      at += segment.length;
    }
  }
  return { head: text, rest: '', width };
}

/**
 * `text` cut at a grapheme boundary so that it, with a closing `…`, is at most `max` columns.
 * Text that fits is returned unchanged. If the cut text holds ANSI styling it ends with a reset
 * (`ESC[0m`) so the style cannot bleed into whatever follows.
 */
export function truncateToWidth(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  if (max < 1) return '';
  const { head } = splitAtWidth(text, max - 1);
  return head + '…' + (text.includes('\x1b') ? '\x1b[0m' : '');
}

/** `text` followed by spaces up to `width` columns (unchanged if already that wide). */
export function padEndToWidth(text: string, width: number): string {
  const pad = width - displayWidth(text);
  return pad > 0 ? text + ' '.repeat(pad) : text;
}
