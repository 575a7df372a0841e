// Client names: normalisation, the case-insensitive key, and resolving a `<client>` reference.
// Pure: works on a list of candidates handed in; the database never does the matching.
import { UsageError, quote } from './errors.js';
import { BIDI, CONTROLS, INVISIBLE, JOINERS, charClass } from './text.js';
import type { ClientRef } from './types.js';

/**
 * NFC, trimmed, and every run of spaces (including no-break and ideographic spaces) one space.
 * Tabs and newlines are control characters: validateName refuses them rather than guess.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFC').replace(/\p{Zs}+/gu, ' ').trim();
}

/** The uniqueness key: normalised and case-folded, so "Zoë" (NFD), "ZOË" and "Zoë " are one client. */
export function nameKey(name: string): string {
  return normalizeName(name).toLowerCase().normalize('NFC');
}

// Letters that carry no combining mark to drop, folded to what people type on a plain keyboard.
const LETTERS: Record<string, string> = {
  ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', ı: 'i', þ: 'th', ħ: 'h', ŧ: 't', ŀ: 'l',
};
const LETTERS_RE = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');

/**
 * The accent- and case-insensitive key: "Café Zoë", "CAFE ZOE" and "cafe zoe" fold alike, as do
 * "Søren" and "soren", "Łódź" and "lodz". Only for finding a client when nothing matches as typed;
 * names stay distinct by nameKey ("Zoe" and "Zoë" may both exist).
 */
export function foldName(name: string): string {
  return normalizeName(name)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(LETTERS_RE, (ch) => LETTERS[ch] ?? ch)
    .normalize('NFC');
}

// Characters that make two names print alike, or make a name print other than it is stored.
const CONTROL = new RegExp(charClass(CONTROLS, '\\u2028\\u2029'), 'u');
const INVISIBLE_RE = new RegExp(charClass(INVISIBLE), 'u');
const BIDI_RE = new RegExp(charClass(BIDI), 'u');
/**
 * ZWJ and ZWNJ are part of real names (emoji sequences, Persian and Indic scripts) only between
 * two visible characters; at an edge, next to a space or doubled they only hide a difference.
 */
const STRAY_JOINER = new RegExp(`(^|[\\s${JOINERS}])${charClass(JOINERS)}|${charClass(JOINERS)}(?=$|\\s)`, 'u');

/** Validate a new or edited name; returns it normalised. */
export function validateName(name: string, field = 'name'): string {
  const n = normalizeName(name);
  if (n === '') throw new UsageError(`${field} is empty; a client needs a name`);
  const shown = quote(name);
  if (CONTROL.test(n)) throw new UsageError(`${field} ${shown} contains control characters; type the name as it should print`);
  if (INVISIBLE_RE.test(n) || STRAY_JOINER.test(n)) {
    throw new UsageError(`${field} ${shown} contains zero-width or invisible characters; type the name as it should print`);
  }
  if (BIDI_RE.test(n)) throw new UsageError(`${field} ${shown} contains bidirectional control characters, which change how it prints`);
  if ([...n].length > 200) throw new UsageError(`${field} is longer than 200 characters`);
  return n;
}

/** Edit distance in characters (code points), for the "did you mean" of names and config keys. */
export function levenshtein(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, i) => i);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[B.length] ?? 0;
}

/** The names closest to `ref`, for "did you mean" messages. */
export function nearestNames(ref: string, clients: readonly ClientRef[], max = 3): string[] {
  // Folded, so that a typo in an unaccented "cafe zoee" still suggests "Café Zoë".
  const key = foldName(ref);
  // Nothing left to compare (a reference of accents alone): every name would "contain" it.
  if (key === '') return [];
  return clients
    .map((c) => {
      const k = foldName(c.name);
      const d = Math.min(levenshtein(key, k), k.includes(key) || key.includes(k) ? 1 : Infinity);
      return { name: c.name, d };
    })
    .filter((x) => x.d <= Math.max(2, Math.floor(key.length / 2)))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((x) => x.name);
}

function ambiguous(ref: string, matches: readonly ClientRef[]): UsageError {
  const names = matches.slice(0, 8).map((c) => `${c.name} (#${c.id})`).join(', ');
  const more = matches.length > 8 ? ` and ${matches.length - 8} more; type more of the name` : '';
  return new UsageError(`client ${quote(ref)} is ambiguous: it matches ${names}${more}`);
}

/**
 * Resolve a `<client>` reference: exact name (case-insensitive, NFC), then id (all digits),
 * then a unique name prefix; when none of those match, the same without accents (foldName): a
 * unique folded name, then a unique folded prefix ("cafe zoe" finds "Café Zoë"). Unknown or
 * ambiguous: UsageError naming candidates.
 */
export function resolveClient<T extends ClientRef>(ref: string, clients: readonly T[]): T {
  const key = nameKey(ref);
  if (key === '') throw new UsageError('client is empty; give a name, a name prefix or an id');
  const exact = clients.find((c) => nameKey(c.name) === key);
  if (exact) return exact;
  if (/^\d+$/.test(key)) {
    const byId = clients.find((c) => c.id === Number(key));
    if (byId) return byId;
  }
  const prefixed = clients.filter((c) => nameKey(c.name).startsWith(key));
  if (prefixed.length === 1 && prefixed[0]) return prefixed[0];
  if (prefixed.length > 1) throw ambiguous(ref, prefixed);
  const folded = foldName(ref);
  // A reference of nothing but accents folds to nothing, which every name would start with.
  const keys = clients.map((c) => foldName(c.name));
  for (const match of [(k: string) => k === folded, (k: string) => k.startsWith(folded)]) {
    const found = folded === '' ? [] : clients.filter((_, i) => match(keys[i] ?? ''));
    if (found.length === 1 && found[0]) return found[0];
    if (found.length > 1) throw ambiguous(ref, found);
  }
  const near = nearestNames(ref, clients);
  const hint = near.length ? `; did you mean ${near.map((n) => quote(n)).join(' or ')}?` : clients.length ? '' : '; there are no clients yet (crm client add NAME)';
  throw new UsageError(`no client matches ${quote(ref)}${hint}`);
}
