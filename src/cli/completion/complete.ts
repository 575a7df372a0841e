// `crm __complete clients [--] PREFIX` (hidden): the client names the completion scripts offer,
// one a line, for a <client> argument or a --client flag. Loads almost nothing and never fails
// loudly: no database, a foreign file or an unknown question → no output, exit 0.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { needsInit } from '../init-need.js';
import type { AnyCommand } from '../shared.js';
import { clientNamesForCompletion } from '../../db/completion.js';
import { foldName } from '../../domain/names.js';

export function command(ctx: Ctx): AnyCommand {
  // Runs on every Tab press: needs no config, zone or clock, and must stay quiet.
  return needsInit(
    new Command('__complete')
      .description('answers the completion scripts (crm completion)')
      .argument('<what>', 'clients')
      .argument('[prefix]', 'what is typed so far')
      .allowExcessArguments()
      .action((what, prefix) => run(ctx, what, prefix ?? '')),
    'none',
  );
}

/**
 * Names starting with `prefix`, accents and case aside ("cafe" → "Café Zoë"); when none do, those
 * with a word that does ("zoe" → "Café Zoë").
 */
export function matchNames(names: readonly string[], prefix: string): string[] {
  const p = foldName(prefix);
  const folded = names.map((n) => ({ n, f: foldName(n) }));
  const starts = folded.filter((x) => x.f.startsWith(p));
  const hits = starts.length > 0 || p === '' ? starts : folded.filter((x) => x.f.split(' ').some((w) => w.startsWith(p)));
  return hits.map((x) => x.n);
}

export function run(ctx: Ctx, what: string, prefix: string): void {
  if (what !== 'clients') return;
  const names = matchNames(clientNamesForCompletion(ctx.dbPath()), prefix);
  // A name is one line: a newline in one (crm refuses them) would split it, so it is left out.
  ctx.io.out(names.filter((n) => !/[\r\n]/.test(n)).map((n) => n + '\n').join(''));
}
