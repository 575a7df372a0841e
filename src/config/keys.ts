// The config's keys as the command line names them: dotted paths into ConfigSchema (cadenceDays,
// workingHours.days, rules.thresholds.watch, rates.EUR), listed from the defaults so they never
// drift from the schema, and values typed on the command line parsed by each key's type. Pure:
// works on the raw JSON object handed in; reading and writing the file is edit.ts's job.
import type * as z from 'zod';
import { ConfigSchema, defaultConfig } from './schema.js';
import { UsageError, quote } from '../domain/errors.js';
import { canonicalZone } from '../domain/client-input.js';
import { levenshtein } from '../domain/names.js';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every leaf of `value` as [dotted key, value]; arrays and empty objects are leaves. */
export function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (!isObj(value) || (Object.keys(value).length === 0 && prefix !== '')) return [[prefix, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** The value at a dotted key, or undefined. */
export function getPath(obj: unknown, key: string): unknown {
  let node = obj;
  for (const part of key.split('.')) {
    if (!isObj(node) || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

/** A copy of `obj` with `key` set to `value`, making the groups on the way. */
export function setPath(obj: Obj, key: string, value: unknown): Obj {
  const [head = '', ...rest] = key.split('.');
  const copy: Obj = { ...obj };
  copy[head] = rest.length === 0 ? value : setPath(isObj(obj[head]) ? obj[head] : {}, rest.join('.'), value);
  return copy;
}

/** A copy of `obj` without `key`; groups left empty go too, so the file stays minimal. */
export function unsetPath(obj: Obj, key: string): Obj {
  const [head = '', ...rest] = key.split('.');
  const copy: Obj = { ...obj };
  if (rest.length === 0) delete copy[head];
  else if (isObj(obj[head])) {
    const inner = unsetPath(obj[head], rest.join('.'));
    if (Object.keys(inner).length === 0) delete copy[head];
    else copy[head] = inner;
  }
  return copy;
}

/** The keys the defaults have (`rates` stands for the rates, which have none by default). */
export function knownKeys(): string[] {
  return leaves(defaultConfig()).map(([k]) => k);
}

export type KeyKind = 'leaf' | 'group' | 'rate';

/** The known keys closest to `key`: those containing it (or its last part), then by edit distance. */
export function nearestKeys(key: string, max = 3): string[] {
  const k = key.toLowerCase();
  const last = k.split('.').pop() ?? k;
  return knownKeys()
    .map((known) => {
      const lk = known.toLowerCase();
      const tail = lk.split('.').pop() ?? lk;
      const d = lk.includes(k) || tail.includes(last) || last.includes(tail) ? 0 : Math.min(levenshtein(k, lk), levenshtein(last, tail));
      return { known, d };
    })
    .filter((x) => x.d <= Math.max(2, Math.floor(last.length / 3)))
    .sort((a, b) => a.d - b.d || a.known.length - b.known.length)
    .slice(0, max)
    .map((x) => x.known);
}

/** What a typed key names: a leaf, a group of leaves (rules.thresholds) or one exchange rate; `key` normalised. */
export function resolveKey(typed: string): { key: string; kind: KeyKind } {
  const keys = knownKeys();
  if (keys.includes(typed)) return { key: typed, kind: 'leaf' };
  const rate = /^rates\.([A-Za-z]{3})$/.exec(typed);
  if (rate) return { key: `rates.${(rate[1] ?? '').toUpperCase()}`, kind: 'rate' };
  if (typed !== '' && keys.some((k) => k.startsWith(typed + '.'))) return { key: typed, kind: 'group' };
  const near = nearestKeys(typed);
  const hint = near.length ? `; did you mean ${near.join(', ')}?` : '; crm config list shows them all';
  throw new UsageError(`unknown config key ${quote(typed)}${hint}`);
}

// ---- the schema at a key, and what it accepts ------------------------------------------------

type Schema = z.ZodType;
const def = (s: Schema): { type: string; innerType?: Schema; shape?: Record<string, Schema>; valueType?: Schema } =>
  (s as unknown as { _zod: { def: never } })._zod.def;
const WRAPPERS = new Set(['default', 'prefault', 'nullable', 'optional']);

function unwrap(s: Schema): { schema: Schema; nullable: boolean } {
  let nullable = false;
  let cur = s;
  for (let d = def(cur); WRAPPERS.has(d.type) && d.innerType; d = def(cur)) {
    if (d.type === 'nullable') nullable = true;
    cur = d.innerType;
  }
  return { schema: cur, nullable };
}

/** The schema of one key (unwrapped), and whether it takes null. */
export function schemaAt(key: string): { schema: Schema; nullable: boolean } | undefined {
  let cur: { schema: Schema; nullable: boolean } = unwrap(ConfigSchema);
  for (const part of key.split('.')) {
    const d = def(cur.schema);
    const next = d.type === 'object' ? (cur.schema as unknown as { shape: Record<string, Schema> }).shape[part] : d.type === 'record' ? d.valueType : undefined;
    if (!next) return undefined;
    cur = unwrap(next);
  }
  return cur;
}

/** Keys counted in days that also take a duration such as 2w. */
const isDays = (key: string): boolean => /Days$/.test(key);

const HINTS: Record<string, string> = {
  currency: 'an ISO 4217 currency code such as USD or EUR',
  timezone: "an IANA time zone such as Europe/Oslo, or null for the system's (TZ)",
  'workingHours.start': 'a time HH:mm (24-hour), such as 08:00',
  'workingHours.end': 'a time HH:mm (24-hour), such as 19:00; an overnight span such as 22:00 to 06:00 is fine',
  'workingHours.days': 'days of the week: mon-fri, sat,sun, 1-5 or 1,3,5 (1 = Monday … 7 = Sunday)',
  rates: 'a JSON object of currency codes and positive numbers, such as {"EUR":1,"USD":0.92}',
};

/** What a key accepts, in words, for error messages. */
export function accepted(key: string): string {
  if (HINTS[key]) return HINTS[key];
  if (key.startsWith('rates.')) return "a positive number: that currency's value in your common unit";
  const s = schemaAt(key)?.schema as unknown as { minValue?: number | null; maxValue?: number | null; isInt?: boolean } | undefined;
  if (s && s.minValue !== undefined) {
    const what = s.isInt ? 'a whole number' : 'a number';
    const range = s.minValue !== null && s.maxValue !== null ? ` from ${s.minValue} to ${s.maxValue}` : '';
    return `${what}${range}${isDays(key) ? ' (days, or a duration such as 10d, 2w or 1m)' : ''}`;
  }
  return 'a value of the right type';
}

// ---- values typed on the command line ---------------------------------------------------------

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** `3`, `wed` or `Wednesday` → 3. */
function dayNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  const w = word.toLowerCase();
  const i = w.length >= 3 ? DAY_NAMES.findIndex((d) => d.startsWith(w)) : -1;
  return i >= 0 ? i + 1 : undefined;
}

/** `mon-fri`, `sat,sun`, `1-5`, `1,3,5`, `[1,2,3]` → ISO weekdays; undefined when it is none of those. */
export function parseDays(text: string): number[] | undefined {
  const t = text.trim();
  if (t.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(t);
      return Array.isArray(v) && v.every((d) => typeof d === 'number') ? (v) : undefined;
    } catch {
      return undefined;
    }
  }
  const days: number[] = [];
  for (const part of t.split(',').map((p) => p.trim())) {
    const range = /^([^-\s]+)\s*-\s*([^-\s]+)$/.exec(part);
    if (range) {
      const a = dayNumber(range[1] ?? '');
      const b = dayNumber(range[2] ?? '');
      if (a === undefined || b === undefined || b < a) return undefined;
      for (let d = a; d <= b; d++) days.push(d);
    } else {
      const d = dayNumber(part);
      if (d === undefined) return undefined;
      days.push(d);
    }
  }
  return days;
}

function refuse(key: string, text: string, why?: string): UsageError {
  return new UsageError(`config ${key}: ${quote(text)} is not accepted${why ? `: ${why}` : ''}; expected ${accepted(key)}`);
}

/** The value typed for `key`, as the file will hold it (a number, a string, null, days, JSON). */
export function parseValue(key: string, text: string): unknown {
  const at = schemaAt(key);
  if (!at) throw refuse(key, text);
  const type = def(at.schema).type;
  const t = text.trim();
  if (at.nullable && /^(null|none|system|)$/i.test(t)) return null;
  if (type === 'number') {
    // As --terms and --cadence read them: 1w = 7 days, 1m = 30.
    const dur = isDays(key) ? /^(\d{1,5})\s*([dwm])$/i.exec(t) : null;
    if (dur) return Number(dur[1]) * ({ d: 1, w: 7, m: 30 }[(dur[2] ?? 'd').toLowerCase()] ?? 1);
    if (!/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) throw refuse(key, text);
    return Number(t);
  }
  if (type === 'array') {
    const days = parseDays(t);
    if (!days) throw refuse(key, text);
    return days;
  }
  if (type === 'object' || type === 'record') {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      throw refuse(key, text, 'not JSON');
    }
  }
  if (key === 'currency') return t.toUpperCase();
  if (key === 'timezone') return canonicalZone(t) ?? t;
  if (/^\d:\d\d$/.test(t) && key.startsWith('workingHours.')) return `0${t}`;
  return t;
}

/** A value as `config get` and the confirmations print it: scalars plain, the rest as JSON. */
export function showValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '(unset)';
  return JSON.stringify(v);
}

// ---- validation ---------------------------------------------------------------------------------

export interface Problem {
  key: string;
  message: string;
  custom: boolean;
}

/** What is wrong with a raw config object, one problem a key (an unknown key names itself). */
export function problems(raw: unknown): Problem[] {
  const r = ConfigSchema.safeParse(raw);
  if (r.success) return [];
  return r.error.issues.flatMap((i): Problem[] => {
    const at = i.path.map(String);
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ key: [...at, k].join('.'), message: 'is not a config key', custom: true }));
    return [{ key: at.join('.') || '(top level)', message: i.message, custom: i.code === 'custom' }];
  });
}
