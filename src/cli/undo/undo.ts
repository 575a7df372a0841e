// `crm undo`: revert the most recent write command as a whole (repeated, step further back);
// `--forget` drops the undo journal. The SQL is in db/undo.ts, the wording in render/undo.ts.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson } from '../shared.js';
import { flushWal, forgetJournal, journalSize, undoLatest } from '../../db/undo.js';
import { JOURNAL_KEEP } from '../../db/journal.js';
import { renderForget, renderUndo, undoDto } from '../../render/undo.js';

export interface UndoFlags {
  dryRun?: boolean;
  json?: boolean;
  forget?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('undo')
      .description(`revert the most recent write command as a whole; repeat to step further back (the last ${JOURNAL_KEEP} commands)`)
      .option('--dry-run', 'say what would be reverted; change nothing')
      .option('--json', 'print what was reverted as JSON')
      .option('--forget', 'drop the undo journal: nothing before now can be undone, and erased text is gone from the file'),
    ['crm undo --dry-run', 'crm undo', 'crm redo', 'crm undo --forget'],
  ).action((o) => run(ctx, {}, o));
}

export function run(ctx: Ctx, _args: Record<string, never>, o: UndoFlags): void {
  const dryRun = Boolean(o.dryRun);
  if (o.forget) return forget(ctx, dryRun, Boolean(o.json));
  const view = { verb: 'undo' as const, dryRun, zone: ctx.zone(), columns: ctx.io.columns, keep: JOURNAL_KEEP };
  // Read first: nothing to undo (or no database at all) opens no write and creates no file.
  let outcome = undoLatest(ctx.read().db, { dryRun: true });
  if (outcome.done && !dryRun) outcome = ctx.write().write((db) => undoLatest(db, { dryRun: false }));
  if (o.json) return printJson(ctx, undoDto(outcome, view));
  ctx.io.out(renderUndo(outcome, view));
}

function forget(ctx: Ctx, dryRun: boolean, json: boolean): void {
  const size = journalSize(ctx.read().db);
  let n = size;
  if (size > 0 && !dryRun) {
    const store = ctx.write();
    n = store.write((db) => forgetJournal(db));
    flushWal(store.db);
  }
  if (json) return printJson(ctx, { forgotten: n, dryRun });
  ctx.io.out(renderForget(n, dryRun, ctx.io.columns));
}
