// `crm demo`: a sample database in a new file — seven made-up clients and two years of history,
// dated from today — and three commands to try on it. Never writes into an existing database:
// with --db FILE only when FILE does not exist or is empty; without --db in a new private folder
// under the temp directory, whatever CRM_DB says (CRM_DB names your real database).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from '@commander-js/extra-typings';
import { commandLine, type Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import { CrmError, UsageError, quote } from '../../domain/errors.js';
import { demoStory } from '../../domain/demo-story.js';
import { shellQuote } from '../../domain/shell.js';
import { parseCurrency } from '../../domain/money.js';
import { isBlank } from '../../db/first-write.js';
import { openStore, type Store } from '../../db/store.js';
import { listClients } from '../../db/clients.js';
import { writeDemo } from './write.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('demo').description('build a sample database in a new file, and print three commands to try on it'),
    [
      'crm demo                       # in a new private folder under the temp directory',
      'crm --db ~/crm-demo.db demo    # in a file of your choice: new, or empty',
    ],
  ).action((_o, cmd) => run(ctx, { db: (cmd.optsWithGlobals() as { db?: string | undefined }).db }));
}

/** Where the demo goes: the --db file, which must be new or empty, else a new private temp folder. */
function target(ctx: Ctx, given: string | undefined): { file: string; store: Store; folder: string | null } {
  if (given !== undefined && given !== '') {
    const file = ctx.dbPath();
    if (!isBlank(file)) {
      throw new UsageError(`--db ${quote(given)} already exists; crm demo only writes a new file, so it was left untouched (give a path that does not exist yet, or leave out --db)`);
    }
    return { file, store: ctx.write(), folder: null };
  }
  let folder: string;
  try {
    // mkdtemp makes the folder 0700: only you can read the sample.
    folder = fs.mkdtempSync(path.join(ctx.env.TMPDIR || os.tmpdir(), 'crm-demo-'));
  } catch (e) {
    throw new CrmError(`cannot make a folder for the demo under the temp directory: ${(e as Error).message}`);
  }
  const file = path.join(folder, 'demo.db');
  const store = openStore(file, {
    write: true,
    warn: (m) => ctx.io.err(m + '\n'),
    journal: () => ({ command: 'crm demo', at: ctx.now().toISOString() }),
  });
  return { file, store, folder };
}

export async function run(ctx: Ctx, o: { db?: string | undefined }): Promise<void> {
  const cfg = await ctx.config();
  const currency = parseCurrency(cfg.currency, 'config currency');
  const story = demoStory(ctx.today());
  const { file, store, folder } = target(ctx, o.db);
  let counts;
  try {
    counts = store.write((db) => {
      if (listClients(db).length > 0) throw new UsageError(`${file} already holds clients; crm demo only writes a new file`);
      return writeDemo(db, story, {
        now: ctx.now(), zone: ctx.zone(), currency, feedbackAfterDays: cfg.feedbackAfterDays, checkBackAfterDays: cfg.checkBackAfterDays,
      });
    });
  } catch (e) {
    if (folder !== null) {
      store.close();
      fs.rmSync(folder, { recursive: true, force: true }); // nothing half-built left behind
    }
    throw e;
  }
  if (folder !== null) store.close(); // a --db file is the context's store, closed with it
  const s = ctx.style;
  const db = ['--db', file];
  const tries: [string[], string][] = [
    [['review', '--all'], 'keep, watch or fire: every client, worst first'],
    [['due'], 'what needs doing today: money, reminders, check-ins'],
    [['review', story.showcase.latePayer], 'why a client who pays late is on the list'],
  ];
  const lines = tries.map(([args, why]) => [commandLine([...db, ...args]), why] as const);
  const width = Math.max(...lines.map(([cmd]) => cmd.length));
  ctx.io.out(
    `Built a sample database in ${s.bold(file)}:\n`
    + `  ${counts.clients} made-up clients, ${counts.invoices} invoices, ${counts.conversations} conversations, ${counts.reminders} reminders,\n`
    + `  about two years of history up to today. Your own database was not touched.\n\n`
    + `Try next:\n${lines.map(([cmd, why]) => `  ${cmd.padEnd(width)}   # ${why}`).join('\n')}\n`
    + (folder !== null ? `\nWhen you are done: rm -r ${shellQuote(folder)}\n` : ''),
  );
}
