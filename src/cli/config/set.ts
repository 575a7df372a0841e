// `crm config set KEY VALUE`: one key into config.json, the whole file validated before it is
// written; only what you set is written, everything else keeps following the defaults.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { needsInit } from '../init-need.js';
import { type AnyCommand, examples } from '../shared.js';
import { setKey, type Change } from '../../config/edit.js';
import { showValue } from '../../config/keys.js';

export function command(ctx: Ctx): AnyCommand {
  // A broken config file does not stop it: it repairs one (and checks the whole file it writes).
  return needsInit(
    examples(
      new Command('set')
        .description('set one key (validated with the whole file; a bad value changes nothing)')
        .argument('<key>', 'a dotted key, such as paymentTermsDays or rules.thresholds.watch (crm config list shows them)')
        .argument('<value>', 'a number, a duration for the *Days keys (2w), a time (09:00), days (mon-fri), a code (EUR), or null'),
      [
        'crm config set paymentTermsDays 14',
        'crm config set cadenceDays 3w',
        'crm config set currency eur',
        'crm config set timezone Europe/Oslo',
        'crm config set workingHours.days mon-fri',
        'crm config set rules.thresholds.watch 30',
        'crm config set rates.USD 0.92',
      ],
    ).action((key, value) => run(ctx, key, value)),
    'config-may-be-broken',
  );
}

/** "(was 14, the default)" / "(was 21)" / "(unchanged)". */
export function was(c: Change): string {
  if (JSON.stringify(c.was) === JSON.stringify(c.now) && c.wasSet === c.isSet) return '(unchanged)';
  if (c.was === undefined) return '(was not set)';
  return `(was ${showValue(c.was)}${c.wasSet ? '' : ', the default'})`;
}

/** Problems a broken file still has after a change that did not touch them. */
export function stillBroken(ctx: Ctx, c: Change): void {
  for (const p of c.remaining) ctx.io.err(`crm: note: config still has a problem: ${p.key} ${p.message}\n`);
}

export function run(ctx: Ctx, key: string, value: string): void {
  const c = setKey(ctx.configPath(), key, value);
  ctx.io.out(`${c.key} = ${showValue(c.now)} ${was(c)}\n`);
  stillBroken(ctx, c);
}
