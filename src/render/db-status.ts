// `crm db status` for people: the file, its schema and journal, record counts and the migrations
// applied to it. Model -> string; never prints and never looks at the file itself.
import { type Style } from './style.js';
import { safeText } from '../domain/text.js';
import { hanging, wrap } from './fit.js';

/** What each count is called on screen, in the order shown. The keys are those of the JSON `counts`. */
export const COUNT_LABELS = {
  clients: 'clients',
  interactions: 'interactions',
  invoices: 'invoices',
  payments: 'payments',
  disputes: 'disputes',
  changeRequests: 'change requests',
  incidents: 'incidents',
  referrals: 'referrals',
  deliveries: 'deliveries',
  reminders: 'reminders',
  statusChanges: 'client status changes',
} as const;

export type CountKey = keyof typeof COUNT_LABELS;

/**
 * What `crm db status` reports (and prints as JSON): facts about the file, then what dbStatus()
 * (src/db/status.ts) read from it. Spelled out here because render does not import src/db; the
 * call site type-checks one against the other.
 */
export interface DbStatusInfo {
  path: string;
  /** Something is at `path`, maybe a 0-byte file. */
  exists: boolean;
  bytes: number;
  /** Permission bits in octal ('0600'); null when there is no file. */
  mode: string | null;
  /** null when there is no database yet (missing, 0-byte or empty file). */
  schemaVersion: number | null;
  journalMode: string | null;
  integrity: string | null;
  counts: Readonly<Record<CountKey, number>>;
  /** Oldest first; empty before the first write. */
  migrations: readonly { version: number; name: string; appliedAt: string | null }[];
}

/** `width`: the terminal's; a long path wraps. */
export function renderDbStatus(s: Style, info: DbStatusInfo, width = Infinity): string {
  const created = info.schemaVersion !== null;
  const note = !info.exists ? ' (not created yet: it appears on the first write)' : created ? '' : ' (an empty file: crm sets it up on the first write)';
  let out = `${hanging(`${s.bold('database')}  `, `${info.path}${s.dim(note)}`, width)}\n`;
  if (created) out += `${hanging(`${s.dim('size')}      `, `${info.bytes} bytes, mode ${info.mode}, journal ${info.journalMode}, schema ${info.schemaVersion}`, width)}\n`;
  if (info.integrity) out += `${s.dim('integrity')} ${info.integrity === 'ok' ? s.green('ok') : s.red(info.integrity)}\n`;
  const labels = Object.entries(COUNT_LABELS) as [CountKey, string][];
  const labelWidth = Math.max(...labels.map(([, label]) => label.length)) + 2;
  out += labels.map(([k, label]) => `${s.dim(label.padEnd(labelWidth))}${info.counts[k]}`).join('\n') + '\n';
  return wrap(out + renderMigrations(s, info.migrations), width);
}

/** One line per applied migration, oldest first; nothing before the first write. */
function renderMigrations(s: Style, migrations: DbStatusInfo['migrations']): string {
  if (migrations.length === 0) return '';
  const rows = migrations.map((m) => ({ version: String(m.version), name: safeText(m.name), appliedAt: m.appliedAt }));
  const versionWidth = Math.max(...rows.map((r) => r.version.length));
  const nameWidth = Math.max(...rows.map((r) => r.name.length)) + 2;
  const lines = rows.map((r) => {
    const when = r.appliedAt === null ? s.dim('before migrations were recorded') : instant(r.appliedAt);
    return `  ${r.version.padStart(versionWidth)}  ${r.name.padEnd(nameWidth)}${when}`;
  });
  return `${s.dim('migrations')}\n${lines.join('\n')}\n`;
}

/** '2026-11-22T11:00:00+01:00' -> '2026-11-22 11:00:00 +01:00' ('Z' shown as UTC); anything else shown as stored, made safe. */
function instant(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(at);
  return m ? `${m[1]} ${m[2]} ${m[3] === 'Z' ? 'UTC' : m[3]}` : safeText(at);
}
