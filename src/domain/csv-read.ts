// Reading CSV text into a header and rows, each row with the line of the file it starts on (the
// header is line 1; a newline inside a quoted field counts, as an editor shows it). csv-parse does
// the parsing (quotes, embedded newlines, BOM, CRLF); this module only picks the delimiter and
// numbers the lines. Pure: bytes in, rows out.
import { parse } from 'csv-parse/sync';
import { UsageError, quote } from './errors.js';

export interface CsvRow {
  /** The file line the record starts on (header = 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: string;
  header: string[];
  rows: CsvRow[];
}

const NAMED: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };

/** --delimiter: one character (`,` `;` `|`), or `tab`. */
export function parseDelimiter(value: string): string {
  const d = NAMED[value.toLowerCase()] ?? value;
  if ([...d].length !== 1 || /["\r\n]/.test(d) || /[\p{L}\p{N}]/u.test(d)) {
    throw new UsageError(`--delimiter ${quote(value)} is not a field separator; expected one character such as , ; | or the word tab`);
  }
  return d;
}

/** The separator the header line uses most, outside quotes: `,`, `;` or tab (`,` when none). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const c of text.replace(/^\uFEFF/, '')) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Byte offsets where each line starts; `\r\n`, `\n` and a lone `\r` each end a line. */
function lineStarts(buf: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0x0a || (b === 0x0d && buf[i + 1] !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

/** The 1-based line holding byte `offset`. */
function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

interface Parsed {
  record: string[];
  info: { bytes: number };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The file as UTF-8 bytes. UTF-16 with its byte order mark (Excel's "Unicode Text") is converted;
 * anything else must be UTF-8 already: a legacy encoding (Windows-1252, Latin-1, as older Excel
 * saves "CSV") is refused naming the first line that is not UTF-8, never imported as mojibake.
 */
function asUtf8(buf: Uint8Array, name: string): Uint8Array {
  for (const [bom, encoding] of [[[0xff, 0xfe], 'utf-16le'], [[0xfe, 0xff], 'utf-16be']] as const) {
    if (buf[0] === bom[0] && buf[1] === bom[1]) return Buffer.from(new TextDecoder(encoding).decode(buf.subarray(2)), 'utf8');
  }
  try {
    UTF8.decode(buf);
    return buf;
  } catch {
    const starts = lineStarts(buf);
    const line = starts.findIndex((s, i) => {
      try {
        UTF8.decode(buf.subarray(s, starts[i + 1] ?? buf.length));
        return false;
      } catch {
        return true;
      }
    });
    const [file, copy] = /^[\w./-]+$/.test(name) ? [name, name.replace(/(\.\w+)?$/, '-utf8$1')] : ['FILE', 'FILE-utf8.csv'];
    throw new UsageError(`${name} is not UTF-8 text (line ${line + 1}); save it as "CSV UTF-8", or convert it, e.g. iconv -f windows-1252 -t utf-8 ${file} > ${copy}`);
  }
}

/**
 * Parse `buf` (UTF-8, a BOM allowed; UTF-16 with a BOM converted). Rows with every cell blank are
 * left out (spreadsheets write them); a malformed file (an unclosed quote) or one that is not
 * UTF-8 is a UsageError naming the line.
 */
export function readCsv(bytes: Uint8Array, name: string, delimiter?: string): CsvTable {
  const buf = asUtf8(bytes, name);
  const text = Buffer.from(buf).toString('utf8');
  const sep = delimiter ?? detectDelimiter(text);
  let parsed: Parsed[];
  try {
    parsed = parse(Buffer.from(buf), {
      bom: true, info: true, delimiter: sep, relax_column_count: true, skip_empty_lines: true,
      // Any line ending, even mixed in one file (rows added by hand in an editor).
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as Parsed[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    const where = err.lines !== undefined ? ` line ${err.lines}:` : '';
    throw new UsageError(`${name}:${where} not readable as CSV (${err.message.replace(/\s+/g, ' ').slice(0, 160)})`);
  }
  const [head, ...records] = parsed;
  if (!head) throw new UsageError(`${name} is empty; expected a header line and rows`);
  const starts = lineStarts(buf);
  const rows: CsvRow[] = [];
  let end = head.info.bytes;
  for (const r of records) {
    // The record starts after the previous one, past the empty lines csv-parse skipped.
    let start = end;
    while (buf[start] === 0x0a || buf[start] === 0x0d) start++;
    end = r.info.bytes;
    if (r.record.every((c) => c.trim() === '')) continue;
    rows.push({ line: lineAt(starts, start), cells: r.record });
  }
  return { delimiter: sep, header: head.record.map((h) => h.trim()), rows };
}
