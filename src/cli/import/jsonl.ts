// `crm import FILE [--dry-run]` of a file crm export wrote: checked line by line, matched against the
// database by content (so importing twice adds nothing), and written all or nothing in one journaled
// transaction (`crm undo` takes an import back). docs/EXPORT-FORMAT.md says how records match.
import path from 'node:path';
import type { Ctx } from '../context.js';
import { printJson } from '../shared.js';
import { insertRecord, readDump, refreshStatus } from '../../db/dump.js';
import type { DB } from '../../db/store.js';
import { readDumpText } from '../../domain/dump-read.js';
import { PlanProblem, planImport, type ImportPlan, type Located } from '../../domain/dump-plan.js';
import { CrmError, UsageError, quote } from '../../domain/errors.js';
import { renderSummary } from '../../render/dump-summary.js';
import { readInput, type Refusal } from '../../io/read-input.js';

export interface DumpImportOptions {
  dryRun: boolean;
  json: boolean;
}

/** The file's text; `-` reads standard input. A file that cannot be read is bad input (exit 2). */
async function readText(ctx: Ctx, file: string): Promise<string> {
  const refuse = (why: Refusal): Error => {
    switch (why) {
      case 'terminal': return new UsageError(`import '-' reads standard input, but it is a terminal; pipe an export in (crm export | crm import -)`);
      case 'ENOENT': return new UsageError(`${quote(file)} does not exist; give the file crm export wrote`);
      case 'EISDIR': return new UsageError(`${quote(file)} is a folder; give the file crm export wrote`);
      case 'EACCES': return new UsageError(`${quote(file)} cannot be read (permission denied)`);
      case 'too-large': return new CrmError(`${file} is too large to read`); // no limit is set
    }
  };
  return (await readInput(ctx.io, file, { maxBytes: Infinity, refuse })).toString('utf8');
}

function plan(records: Located[], db: DB, name: string): ImportPlan {
  try {
    return planImport(records, readDump(db));
  } catch (e) {
    if (!(e instanceof PlanProblem)) throw e;
    const field = e.field === null ? '' : ` field "${e.field}"`;
    throw new UsageError(`${name} ${e.where}:${field} ${e.message}; nothing was imported`);
  }
}

export async function importDump(ctx: Ctx, file: string, o: DumpImportOptions): Promise<void> {
  const name = file === '-' ? 'standard input' : file;
  if (file !== '-' && path.resolve(file) === path.resolve(ctx.dbPath())) {
    throw new UsageError(`${quote(file)} is the database itself; import a file crm export wrote`);
  }
  const { records } = readDumpText(await readText(ctx, file), name);
  // Planned first on what is there (a dry run stops here, and a file that adds nothing writes nothing),
  // then again inside the write transaction, where nothing can change under it.
  let result = plan(records, ctx.read().db, name);
  const adds = result.inserts.length > 0;
  if (!o.dryRun && adds) {
    result = ctx.write().write((db) => {
      const p = plan(records, db, name);
      for (const r of p.inserts) insertRecord(db, r);
      for (const id of p.statusTouched) refreshStatus(db, id);
      return p;
    });
  }
  for (const l of result.lookalikes) {
    ctx.io.err(
      `crm: note: ${quote(l.name)} ${o.dryRun ? 'would be' : 'was'} added as a new client, but ${quote(l.like)} has the same ${l.same}; ` +
        `if it is one client renamed, ${o.dryRun ? '' : 'crm undo, then '}give it one name in both (crm client edit ${quote(l.like)} --name ${quote(l.name)}) and import again\n`,
    );
  }
  const summary = { name, dryRun: o.dryRun, added: result.added, existing: result.existing };
  if (o.json) return printJson(ctx, { file: file === '-' ? '-' : path.resolve(file), dryRun: o.dryRun, added: result.added, existing: result.existing });
  ctx.io.out(renderSummary(ctx.style, summary));
}
