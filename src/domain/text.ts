// Characters that make text print other than it is stored, and the one sanitiser for anything
// user-typed that reaches a terminal, a calendar file or an error line. Pure.

/** C0 controls, DEL and C1 controls: bytes that drive a terminal instead of showing. */
export const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f';
/** DEL and the C1 controls: the part of CONTROLS that JSON.stringify leaves raw. */
export const DEL_C1 = '\\u007f-\\u009f';

/** Zero-width and invisible: soft hyphen, Mongolian vowel separator, ZWSP, word joiner and invisible operators, BOM. */
export const INVISIBLE = '\\u00ad\\u180e\\u200b\\u2060-\\u2064\\ufeff';
/** ZWNJ and ZWJ: invisible, yet part of real names between two visible characters. */
export const JOINERS = '\\u200c\\u200d';
/** Bidirectional marks, embeddings, overrides and isolates, which reorder how text is shown. */
export const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/**
 * Terminal escape sequences: CSI (colours are `ESC[…m`) and OSC (titles, hyperlinks). Matching
 * control characters is the point here.
 */
// eslint-disable-next-line no-control-regex
export const ESCAPE_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/;
/** Colour and style sequences only (SGR), which a prompt can lose without losing its cursor moves. */
// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;
export const stripColour = (text: string): string => text.replace(SGR, '');

/** A character class of the given sets, for building a RegExp. */
export const charClass = (...sets: string[]): string => `[${sets.join('')}]`;

const CONTROL_RE = new RegExp(charClass(CONTROLS), 'u');
/** Controls other than tab and newline, which plain text may keep. */
const UNSAFE_RE = new RegExp(charClass('\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f'), 'gu');
const ALL_CONTROLS_RE = new RegExp(charClass(CONTROLS), 'gu');

export const hasControl = (text: string): boolean => CONTROL_RE.test(text);

const hex = (c: string): string => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * Text as it may be shown: ESC becomes ␛ and every other control but tab and newline becomes
 * `\xNN`, so stored text can never drive the terminal or a calendar file.
 */
export const safeText = (text: string): string => text.replace(UNSAFE_RE, (c) => (c === '\u001b' ? '␛' : hex(c)));

/** Controls but tab and newline removed: for a calendar file, whose TEXT may not hold them. */
export const stripControls = (text: string): string => text.replace(UNSAFE_RE, '');

/** Every control as `\xNN`, newlines and tabs too: for a value quoted inside one error line. */
export const controlsAsHex = (text: string): string => text.replace(ALL_CONTROLS_RE, hex);

/**
 * Stored text on one line of a list or card: line breaks and tabs become one space (they would
 * break a one-line-per-item layout), and the rest is made safe by safeText.
 */
export const oneLine = (text: string): string => safeText(text.replace(/[\r\n\t]+/g, ' ').trim());
