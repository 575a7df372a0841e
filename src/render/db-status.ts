// `crm db status` for people: the file, its schema and journal, record counts and the migrations
// applied to it. Model -> string; never prints and never looks at the file itself.
import { type Style } from './style.js';
import { safeText } from '../domain/text.js';
import { COUNT_KEYS, type CountKey, type DbStatusInfo } from '../domain/db-status.js';
import { hanging, wrap } from './fit.js';

/** What each count is called on screen (shown in COUNT_KEYS order). */
export const COUNT_LABELS: Record<CountKey, string> = {
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
};

/** `width`: the terminal's; a long path wraps. */
export function renderDbStatus(s: Style, info: DbStatusInfo, width = Infinity): string {
  const created = info.schemaVersion !== null;
  const note = !info.exists ? ' (not created yet: it appears on the first write)' : created ? '' : ' (an empty file: crm sets it up on the first write)';
  let out = `${hanging(`${s.bold('database')}  `, `${info.path}${s.dim(note)}`, width)}\n`;
  if (created) out += `${hanging(`${s.dim('size')}      `, `${info.bytes} bytes, mode ${info.mode}, journal ${info.journalMode}, schema ${info.schemaVersion}`, width)}\n`;
  if (info.integrity) out += `${s.dim('integrity')} ${info.integrity === 'ok' ? s.green('ok') : s.red(info.integrity)}\n`;
  const labelWidth = Math.max(...COUNT_KEYS.map((k) => COUNT_LABELS[k].length)) + 2;
  out += COUNT_KEYS.map((k) => `${s.dim(COUNT_LABELS[k].padEnd(labelWidth))}${info.counts[k]}`).join('\n') + '\n';
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
