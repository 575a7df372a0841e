// Characters that make text print other than it is stored: one definition, used to refuse them in
// names (domain/names.ts) and to show them in error lines (domain/errors.ts quote()). Pure.

/** Zero-width and invisible: soft hyphen, Mongolian vowel separator, ZWSP, word joiner and invisible operators, BOM. */
export const INVISIBLE = '\\u00ad\\u180e\\u200b\\u2060-\\u2064\\ufeff';
/** ZWNJ and ZWJ: invisible, yet part of real names between two visible characters. */
export const JOINERS = '\\u200c\\u200d';
/** Bidirectional marks, embeddings, overrides and isolates, which reorder how text is shown. */
export const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/** A character class of the given sets, for building a RegExp. */
export const charClass = (...sets: string[]): string => `[${sets.join('')}]`;
