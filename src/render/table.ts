// Borderless, aligned tables (as gh and taskwarrior print them). Returns a string; never prints.
import Table from 'cli-table3';
import type { Style } from '../io/io.js';
import { safeText } from '../io/io.js';

const NO_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

/** Cells are shown as text with control characters neutralised; pre-styled cells pass through. */
export function table(style: Style, head: string[], rows: (string | number | null)[][], styled = false): string {
  const t = new Table({
    head: head.map((h) => style.bold(h)),
    chars: NO_BORDERS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    wordWrap: false,
  });
  for (const row of rows) t.push(row.map((c) => (c === null ? '' : styled ? String(c) : safeText(String(c)))));
  return t.toString().split('\n').map((l) => l.trimEnd()).join('\n') + '\n';
}

/** Shorten to `max` characters on one line, for table cells. */
export function clip(text: string | null, max = 40): string {
  if (!text) return '';
  const one = safeText(text.replace(/\s+/g, ' ').trim());
  const chars = [...one];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : one;
}
