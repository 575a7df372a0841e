// `--map number=Invoice#,client=Customer,…`: which CSV column holds which crm field, checked
// against the file's header. Every mistake is a UsageError naming the field or the column. Pure.
import { UsageError, quote } from './errors.js';

export const CSV_FIELDS = ['number', 'client', 'amount', 'issued', 'currency', 'due', 'paid', 'paidOn', 'project'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export const REQUIRED_FIELDS: readonly CsvField[] = ['number', 'client', 'amount', 'issued'];

/** Field → the column's name as given in --map. */
export type FieldMap = Partial<Record<CsvField, string>>;
/** Field → the column's index in the header. */
export type ColumnMap = Partial<Record<CsvField, number>>;

const fieldKey = (s: string): string => s.trim().toLowerCase().replace(/[-_\s]/g, '');
const BY_KEY = new Map(CSV_FIELDS.map((f) => [fieldKey(f), f]));
const columnKey = (s: string): string => s.normalize('NFC').trim().toLowerCase();

const QUOTED_HINT = 'a column whose name has a comma goes in double quotes: client="Name, first"';

/** Split `a=B,c="D, E"` at the commas outside double quotes; `""` inside quotes is a quote. */
function pairs(text: string): { name: string; column: string; eq: boolean }[] {
  const out: { name: string; column: string; eq: boolean }[] = [];
  let name: string | null = null;
  let buf = '';
  let quoted = false;
  let wasQuoted = false;
  const end = (): void => {
    const column = name === null ? '' : wasQuoted ? buf : buf.trim();
    if (name !== null || buf.trim() !== '') out.push({ name: name ?? buf, column, eq: name !== null });
    name = null;
    buf = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c !== '"') buf += c;
      else if (text.charAt(i + 1) === '"') buf += text.charAt(i++);
      else quoted = false;
    } else if (c === '"' && name !== null && buf.trim() === '') {
      quoted = wasQuoted = true;
      buf = '';
    } else if (c === '=' && name === null) {
      name = buf;
      buf = '';
    } else if (c === ',') end();
    else buf += c;
  }
  if (quoted) throw new UsageError(`--map: a double quote is not closed; ${QUOTED_HINT}`);
  end();
  return out;
}

export function parseMap(text: string): FieldMap {
  const map: FieldMap = {};
  for (const [i, { name, column, eq }] of pairs(text).entries()) {
    const field = BY_KEY.get(fieldKey(name));
    if (!field) {
      const hint = !eq && i > 0 ? ` (${QUOTED_HINT})` : '';
      throw new UsageError(`--map: ${quote(name.trim())} is not a field; fields are ${CSV_FIELDS.join(', ')}${hint}`);
    }
    if (column === '') throw new UsageError(`--map: ${field} needs a column name, e.g. ${field}=Total`);
    if (map[field] !== undefined) throw new UsageError(`--map names ${field} twice`);
    map[field] = column;
  }
  const missing = REQUIRED_FIELDS.filter((f) => map[f] === undefined);
  if (missing.length > 0) {
    throw new UsageError(`--map is missing ${missing.join(', ')}; ${REQUIRED_FIELDS.join(', ')} are required, e.g. --map number=Invoice,client=Customer,amount=Total,issued=Date`);
  }
  return map;
}

/** Find each mapped column in the header: case-insensitively, after trimming. */
export function resolveColumns(map: FieldMap, header: readonly string[]): ColumnMap {
  const cols: ColumnMap = {};
  const keys = header.map(columnKey);
  const list = header.map((h) => quote(h, 30)).join(', ');
  for (const field of CSV_FIELDS) {
    const column = map[field];
    if (column === undefined) continue;
    const at = keys.flatMap((k, i) => (k === columnKey(column) ? [i] : []));
    if (at.length === 0) throw new UsageError(`--map ${field}=${column}: the file has no column ${quote(column)}; its columns are ${list}`);
    if (at.length > 1) throw new UsageError(`--map ${field}=${column}: the file has ${at.length} columns named ${quote(column)}; rename one`);
    cols[field] = at[0];
  }
  return cols;
}
