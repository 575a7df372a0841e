// `crm report aging`: what each client owes you, by how long past due, one table per currency.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson } from '../shared.js';
import { readReceivables } from '../../db/reports.js';
import { agingReport } from '../../domain/aging.js';
import { agingDto, renderAging } from '../../render/reports.js';

export interface AgingFlags {
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('aging')
      .description('receivables per client by days past due (current, 1–30, 31–60, 61–90, 90+), per currency')
      .option('--json', 'print JSON'),
    ['crm report aging', 'crm report aging --json'],
  ).action((o) => run(ctx, o));
}

export function run(ctx: Ctx, o: AgingFlags): void {
  const report = agingReport(readReceivables(ctx.read().db), ctx.today());
  if (o.json) return printJson(ctx, agingDto(report));
  ctx.io.out(renderAging(ctx.style, report, ctx.io.columns));
}
