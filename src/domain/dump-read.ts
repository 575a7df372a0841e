// Reading a file `crm export` wrote, in either form (JSON Lines or one JSON document), into checked
// records that know where they came from. Pure: the text is handed in. Any problem is a UsageError
// naming the line (or record) and the field: nothing is imported from a file that has one.
import { UsageError } from './errors.js';
import { checkHeader, checkRecord, RecordProblem, type DumpHeader } from './dump-format.js';
import type { Located } from './dump-plan.js';

export interface ReadDump {
  header: DumpHeader;
  records: Located[];
  form: 'jsonl' | 'json';
}

const EXPECTED = 'expected a file written by crm export';

function located(value: unknown, where: string, name: string): Located {
  const checked = checkRecord(value);
  if (checked instanceof RecordProblem) {
    const o = value as { type?: unknown; id?: unknown } | null;
    const what = typeof o?.type === 'string' && typeof o.id === 'number' ? `${o.type} ${o.id}` : typeof o?.type === 'string' ? o.type : 'record';
    const field = checked.field === null ? '' : ` field "${checked.field}"`;
    throw new UsageError(`${name} ${where}: ${what}${field}: ${checked.message}; nothing was imported`);
  }
  return { record: checked, where };
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Parse a dump named `name` (for messages). */
export function readDumpText(input: string, name: string): ReadDump {
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new UsageError(`${name} is empty; ${EXPECTED}`);
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const first = tryParse(lines[0] ?? '');
  if (first.ok && typeof first.value === 'object' && first.value !== null && !('records' in first.value)) {
    return readLines(lines, first.value, name);
  }
  const whole = tryParse(text);
  if (!whole.ok && /^\s*\{\s*"type"\s*:\s*"crm-export"/.test(text)) {
    throw new UsageError(`${name} is a crm export in one JSON document, but it is not valid JSON (cut short or garbled); nothing was imported`);
  }
  if (!whole.ok || typeof whole.value !== 'object' || whole.value === null) {
    throw new UsageError(`${name} is not a crm export (its first line is not crm's header); ${EXPECTED}`);
  }
  return readDocument(whole.value as Record<string, unknown>, name);
}

function readLines(lines: string[], headerValue: unknown, name: string): ReadDump {
  const header = checkHeader(headerValue);
  if (!header.ok) throw new UsageError(`${name}: ${header.problem}`);
  const records: Located[] = [];
  let ended = false;
  let last = 1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const where = `line ${i + 1}`;
    last = i + 1;
    if (ended) throw new UsageError(`${name} ${where}: there is more after the end line; ${EXPECTED}`);
    const parsed = tryParse(line);
    if (!parsed.ok) throw new UsageError(`${name} ${where}: not valid JSON (the line is cut short or garbled); nothing was imported`);
    const value = parsed.value as { type?: unknown; records?: unknown } | null;
    if (value !== null && typeof value === 'object' && value.type === 'end') {
      if (value.records !== records.length) {
        throw new UsageError(`${name} ${where}: the end line counts ${String(value.records)} records but the file holds ${records.length}; nothing was imported`);
      }
      ended = true;
      continue;
    }
    records.push(located(value, where, name));
  }
  if (!ended) {
    throw new UsageError(`${name} ends at line ${last} without its end line ({"type":"end",…}): the file was cut short; nothing was imported`);
  }
  return { header: header.header, records, form: 'jsonl' };
}

function readDocument(doc: Record<string, unknown>, name: string): ReadDump {
  const header = checkHeader(doc);
  if (!header.ok) throw new UsageError(`${name}: ${header.problem}`);
  if (!Array.isArray(doc.records)) throw new UsageError(`${name}: "records" is not a list; ${EXPECTED} --format json`);
  const records = doc.records.map((r: unknown, i: number) => located(r, `record ${i + 1}`, name));
  return { header: header.header, records, form: 'json' };
}
