// `crm redo`: take back the latest `crm undo`, as long as nothing was written since. The SQL is in
// db/undo.ts, the wording in render/undo.ts.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson } from '../shared.js';
import { redoLatest } from '../../db/undo.js';
import { JOURNAL_KEEP } from '../../db/journal.js';
import { renderUndo, undoDto } from '../../render/undo.js';

export interface RedoFlags {
  dryRun?: boolean;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('redo')
      .description('take back the latest crm undo (only before any other change)')
      .option('--dry-run', 'say what would be re-applied; change nothing')
      .option('--json', 'print what was re-applied as JSON'),
    ['crm undo && crm redo', 'crm redo --dry-run'],
  ).action((o) => run(ctx, {}, o));
}

export function run(ctx: Ctx, _args: Record<string, never>, o: RedoFlags): void {
  const dryRun = Boolean(o.dryRun);
  const view = { verb: 'redo' as const, dryRun, zone: ctx.zone(), columns: ctx.io.columns, keep: JOURNAL_KEEP };
  let outcome = redoLatest(ctx.read().db, { dryRun: true });
  if (outcome.done && !dryRun) outcome = ctx.write().write((db) => redoLatest(db, { dryRun: false }));
  if (o.json) return printJson(ctx, undoDto(outcome, view));
  ctx.io.out(renderUndo(outcome, view));
}
