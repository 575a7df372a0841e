// Borderless, aligned tables (as gh and taskwarrior print them). Returns a string; never prints.
// Output matches what cli-table3 0.6 printed with no borders and no padding (that is what the tests
// pin), but in two linear passes: cli-table3 was quadratic and overflowed the stack at ~125k rows.
import { type Style } from './style.js';
import { safeText } from '../domain/text.js';
import { displayWidth, isPrintableAscii, truncateToWidth } from './width.js';

const GAP = '  ';
// Columns narrower than this are never shrunk to fit a terminal: a 3-column stub helps nobody.
const MIN_SHRUNK = 6;
// Before free text is cut below this, a column the caller marked droppable goes instead.
const COMFORTABLE = 16;

export interface TableOptions {
  /** Cells are already styled (ANSI colours) and trusted: skip control-character neutralising. */
  styled?: boolean;
  /** Fit every line in this many columns by shrinking the widest columns and truncating cells. */
  width?: number;
  /**
   * Columns of free text (by index), the first to shrink when the table is too wide; the widest of
   * them goes first. Default: every column.
   */
  flex?: number[];
  /** Columns (by index) that may be left out, in this order, when shrinking `flex` is not enough. */
  drop?: number[];
}

type Cell = string | number | null;

/** Columns of a cell; a cell with newlines is as wide as its widest line. */
function cellWidth(cell: string): number {
  return cell.includes('\n') ? cell.split('\n').reduce((w, l) => Math.max(w, displayWidth(l)), 0) : displayWidth(cell);
}

/**
 * Cells are shown as text with control characters neutralised; pre-styled cells pass through.
 * A cell holding a newline spans several lines of its row, as it did under cli-table3.
 */
export function table(style: Style, head: string[], rows: Cell[][], options: boolean | TableOptions = false): string {
  const { styled = false, width: maxWidth, flex, drop = [] } = typeof options === 'boolean' ? { styled: options } : options;
  const nCols = rows.reduce((n, row) => Math.max(n, row.length), head.length);
  if (nCols === 0) return '\n'; // cli-table3 printed no line for a row with no cells
  const nRows = rows.length + (head.length > 0 ? 1 : 0);

  // Pass 1: each cell as shown and its width, in flat row-major arrays (one allocation per table,
  // not per row: at 200k rows the garbage collector is the cost). A missing cell is empty. A
  // column is as wide as its widest cell and at least 1, as cli-table3 made it.
  const texts: string[] = [];
  const cellWidths: number[] = [];
  const widths = new Array<number>(nCols).fill(1);
  let multiline = false;
  const take = (raw: string, x: number, neutralise: boolean): void => {
    let text = raw;
    let w: number;
    if (isPrintableAscii(text)) w = text.length; // the common case: nothing to neutralise or segment
    else {
      if (neutralise) text = safeText(text);
      if (text.includes('\n')) multiline = true;
      w = cellWidth(text);
    }
    texts.push(text);
    cellWidths.push(w);
    if (w > (widths[x] ?? 0)) widths[x] = w;
  };
  if (head.length > 0) for (let x = 0; x < nCols; x++) take(style.bold(head[x] ?? ''), x, false);
  for (const row of rows) {
    for (let x = 0; x < nCols; x++) {
      const c = row[x];
      take(c === null || c === undefined ? '' : String(c), x, !styled);
    }
  }
  const hidden = maxWidth === undefined ? NONE : fitWidths(widths, head, maxWidth, flex, drop);

  // Pass 2: lines, the visible columns in order. Padding comes from one string per width, made
  // once; the last column is not padded, as trimEnd() would take its padding off again.
  const shown = widths.map((_, x) => x).filter((x) => !hidden.has(x));
  const pads = Array.from({ length: widths.reduce((m, w) => Math.max(m, w), 0) + 1 }, (_, n) => ' '.repeat(n));
  const lastShown = shown.length - 1;
  const line = (cells: string[], at: number, measured: boolean): string => {
    let out = '';
    for (let k = 0; k <= lastShown; k++) {
      const x = shown[k] ?? 0;
      const w = widths[x] ?? 0;
      let text = cells[at + x] ?? '';
      let tw = measured ? (cellWidths[at + x] ?? 0) : displayWidth(text);
      if (tw > w) { // only when fitted to a width: cut the cell to its shrunk column
        text = truncateToWidth(text, w);
        tw = displayWidth(text);
      }
      out += k === 0 ? text : GAP + text;
      if (k < lastShown) out += pads[w - tw] ?? '';
    }
    // Most lines end in a visible ASCII character: nothing to trim.
    const end = out.charCodeAt(out.length - 1);
    return end > 0x20 && end < 0x7f ? out : out.trimEnd();
  };
  const lines: string[] = [];
  for (let y = 0; y < nRows; y++) {
    const at = y * nCols;
    const row = multiline ? texts.slice(at, at + nCols) : [];
    if (!row.some((c) => c.includes('\n'))) {
      lines.push(line(texts, at, true));
      continue;
    }
    const parts = row.map((c) => c.split('\n'));
    const height = parts.reduce((h, p) => Math.max(h, p.length), 0);
    for (let k = 0; k < height; k++) lines.push(line(parts.map((p) => p[k] ?? ''), 0, false));
  }
  return lines.join('\n') + '\n';
}

const NONE: ReadonlySet<number> = new Set();

/**
 * Fit the table in `max` columns; returns the columns left out. First the `flex` columns shrink
 * (the widest first), never below their header or MIN_SHRUNK; if that would leave them narrower
 * than COMFORTABLE, `drop` columns are left out in order (the room they free goes back to the flex
 * columns); last, any
 * column shrinks the same way. A table that still cannot fit stays as narrow as that allows.
 */
function fitWidths(widths: number[], head: string[], max: number, flex: number[] | undefined, drop: number[]): Set<number> {
  const hidden = new Set<number>();
  const floors = widths.map((w, x) => Math.min(w, Math.max(displayWidth(head[x] ?? ''), MIN_SHRUNK)));
  const visible = (): number[] => widths.map((_, x) => x).filter((x) => !hidden.has(x));
  const total = (w: (x: number) => number): number => visible().reduce((a, x) => a + w(x), 0) + GAP.length * (visible().length - 1);
  const shrinkable = new Set(flex ?? widths.map((_, x) => x));
  const comfortable = (x: number): number =>
    shrinkable.has(x) ? Math.min(widths[x] ?? 0, Math.max(floors[x] ?? 0, COMFORTABLE)) : (widths[x] ?? 0);
  for (const x of drop) {
    if (total(comfortable) <= max) break;
    hidden.add(x);
  }
  shrink(widths, floors, visible().filter((x) => shrinkable.has(x)), total((x) => widths[x] ?? 0) - max);
  shrink(widths, floors, visible(), total((x) => widths[x] ?? 0) - max);
  return hidden;
}

/** Take `excess` columns off `columns`, one at a time from the widest (the last on a tie), down to their floors. */
function shrink(widths: number[], floors: number[], columns: number[], excess: number): void {
  while (excess > 0) {
    let pick = -1;
    let widest = 0;
    for (const x of columns) {
      const w = widths[x] ?? 0;
      if (w > (floors[x] ?? w) && w >= widest) {
        pick = x;
        widest = w;
      }
    }
    if (pick < 0) return;
    widths[pick] = widest - 1;
    excess--;
  }
}

/** Shorten to `max` display columns on one line, for table cells (日本語 is 6 columns, not 3). */
export function clip(text: string | null, max = 40): string {
  if (!text) return '';
  return truncateToWidth(safeText(text.replace(/\s+/g, ' ').trim()), max);
}
