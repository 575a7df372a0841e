// `crm search <words…>`: full-text search over what was written, ranked, with the client, date,
// reference and a highlighted snippet of each hit. Reads only.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, findClient, printJson } from '../shared.js';
import { SEARCH_TYPES, parseSearch } from '../../domain/search-query.js';
import { parseLimit } from '../../domain/parse.js';
import { parseTypes } from '../../domain/refs.js';
import { searchIndex } from '../../db/search.js';
import { UsageError, quote } from '../../domain/errors.js';
import { renderSearch, searchHitDto } from '../../render/search.js';

/** Hits a terminal shows unless --limit says otherwise; a pipe or --json gets them all. */
export const TERMINAL_LIMIT = 20;

interface Flags {
  client?: string;
  type?: string;
  limit?: string;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('search')
      .description('find what was written: summaries, next steps, notes, reasons, reminders, projects, client names')
      .argument('<words...>', 'words to find (all of them); "a phrase", prefix*, a OR b, NOT word or -word')
      .option('--client <client>', 'only this client (name, prefix or id)')
      .option('--type <types>', `only these kinds, comma-separated: ${SEARCH_TYPES.join(', ')}`)
      .option('--limit <n>', `at most this many hits (default on a terminal: ${TERMINAL_LIMIT}; otherwise all)`)
      .option('--json', 'print JSON: an array of hits {ref, type, client, on, snippet, rank}')
      // `-draft` is a word to leave out, not an option; run() still refuses an unknown `--option`.
      .allowUnknownOption(),
    [
      'crm search logo',
      'crm search cafe --client acme',
      `crm search '"next sprint"' 'invoice*' --type interaction,reminder`,
      'crm search logo OR colour NOT draft --limit 5',
      'crm search logo -draft --json',
    ],
  ).action((words, o) => run(ctx, { words }, o));
}

export function run(ctx: Ctx, args: { words: string[] }, o: Flags): void {
  const option = args.words.find((w) => /^--[^-\s]/.test(w));
  if (option !== undefined) {
    throw new UsageError(`unknown option ${quote(option)} for crm search (options: --client, --type, --limit, --json; a word to leave out is -word)`);
  }
  const typed = args.words.join(' ');
  const query = parseSearch(typed);
  const types = parseTypes(o.type, SEARCH_TYPES);
  const limit = o.limit !== undefined ? parseLimit(o.limit) : ctx.io.stdoutIsTTY && !o.json ? TERMINAL_LIMIT : null;
  const db = ctx.read().db;
  const clientId = o.client === undefined ? null : findClient(db, o.client).id;
  const { hits, total } = searchIndex(db, { match: query.match, clientId, types, limit, zone: ctx.zone() });
  if (o.json) return printJson(ctx, hits.map(searchHitDto));
  ctx.io.out(renderSearch(ctx.style, hits, { color: ctx.io.color, width: ctx.io.columns, total, query: typed }));
}
