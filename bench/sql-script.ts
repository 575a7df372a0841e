// The statements crm ran, as a script for the sqlite3 shell: each with its bound parameters
// inlined as SQL literals (outside quotes and comments), reads only. Pure; bench/capture-sql.ts
// records the calls.

export type Params = unknown[];
export interface Call { sql: string; params: Params }

/** A JS value as an SQL literal. */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Buffer.isBuffer(v)) return `X'${v.toString('hex')}'`;
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return `'${text.replaceAll("'", "''")}'`;
}

/** `sql` with its parameters (?, ?NNN, @name, :name, $name) replaced by literals, outside quotes and comments. */
export function inline(sql: string, params: Params): string {
  // better-sqlite3 spreads arrays, and takes named parameters as one plain object.
  const flat = params.flatMap((p) => (Array.isArray(p) ? (p as unknown[]) : [p]));
  const isNamed = (p: unknown): p is Record<string, unknown> => typeof p === 'object' && p !== null && !Buffer.isBuffer(p);
  const named = flat.find(isNamed);
  const positional = flat.filter((p) => !isNamed(p));
  let next = 0;
  let out = '';
  for (let i = 0; i < sql.length; ) {
    const ch = sql[i] as string;
    if (ch === "'" || ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch;
      let j = i + 1;
      while (j < sql.length && !(sql[j] === close && sql[j + 1] !== close)) j += sql[j] === close ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const j = sql.indexOf('\n', i);
      i = j < 0 ? sql.length : j;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const j = sql.indexOf('*/', i + 2);
      i = j < 0 ? sql.length : j + 2;
    } else if (ch === '?') {
      const m = /^\?(\d*)/.exec(sql.slice(i)) as RegExpExecArray;
      const n = m[1] ? Number(m[1]) - 1 : next;
      next = n + 1;
      out += literal(positional[n]);
      i += m[0].length;
    } else if ((ch === '@' || ch === ':' || ch === '$') && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const m = /^[@:$]([A-Za-z_][A-Za-z0-9_]*)/.exec(sql.slice(i)) as RegExpExecArray;
      out += literal(named?.[m[1] as string]);
      i += m[0].length;
    } else {
      out += ch;
      i++;
    }
  }
  return out.trim();
}

/** The reads crm ran (writes, pragmas and schema probes left out), as one shell script. */
export function script(all: readonly Call[]): string {
  return all
    .filter((c) => /^\s*(SELECT|WITH)\b/i.test(c.sql) && !/sqlite_(schema|master)/i.test(c.sql))
    .map((c) => `${inline(c.sql, c.params)};\n`)
    .join('');
}
