// `crm db status`: schema version, record counts, applied migrations and file facts. Reads only;
// before the first write it says there is no database yet.
import fs from 'node:fs';
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson } from '../shared.js';
import { dbStatus } from '../../db/status.js';
import { toLocalIso } from '../../domain/dates.js';
import { renderDbStatus } from '../../render/db-status.js';
import type { DbStatusInfo } from '../../domain/db-status.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('status').description('schema version, record counts and file facts (before the first write: says there is no database yet)')
      .option('--check', 'also run an integrity check')
      .option('--json', 'print JSON'),
    ['crm db status', 'crm db status --check --json'],
  ).action((o) => run(ctx, {}, o));
}

export function run(ctx: Ctx, _args: Record<string, never>, o: { check?: true; json?: true }): void {
  const file = ctx.dbPath();
  const store = ctx.read();
  const st = fs.statSync(file, { throwIfNoEntry: false });
  // A missing or 0-byte file is read through an in-memory stand-in: report that there is no
  // database yet, not the stand-in's schema and journal.
  const created = store.path !== null && st !== undefined && st.size > 0;
  const status = dbStatus(created ? store.db : null, { check: Boolean(o.check) });
  const info: DbStatusInfo = {
    path: file,
    exists: st !== undefined,
    bytes: st?.size ?? 0,
    mode: st ? (st.mode & 0o777).toString(8).padStart(4, '0') : null,
    ...status,
    // Instants are written one way everywhere: ISO 8601 in the user's zone, with its offset.
    migrations: status.migrations.map((m) => ({ ...m, appliedAt: m.appliedAt === null ? null : toLocalIso(m.appliedAt, ctx.zone()) })),
  };
  if (o.json) return printJson(ctx, info);
  ctx.io.out(renderDbStatus(ctx.style, info, ctx.io.columns));
}
