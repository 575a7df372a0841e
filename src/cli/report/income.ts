// `crm report income`: money received by client and calendar month, per currency, with shares.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples, printJson } from '../shared.js';
import { readPayments } from '../../db/reports.js';
import { MAX_MONTHS, incomeReport, incomeWindow, parseMonths, reviewIncomeWindow } from '../../domain/report-income.js';
import { incomeDto, renderIncome } from '../../render/report-income.js';

export interface IncomeFlags {
  months?: string;
  json?: boolean;
}

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('income')
      .description('money received by client and month, per currency, with each client\'s share')
      .option('--months <n>', `how many calendar months, this one included (default 12, at most ${MAX_MONTHS})`)
      .option('--json', 'print JSON'),
    ['crm report income', 'crm report income --months 3', 'crm report income --months 24 --json'],
  ).action((o) => run(ctx, o));
}

export function run(ctx: Ctx, o: IncomeFlags): void {
  const months = parseMonths(o.months);
  const today = ctx.today();
  const window = incomeWindow(today, months);
  const report = incomeReport(readPayments(ctx.read().db, window.from, window.to), window);
  if (o.json) return printJson(ctx, incomeDto(report));
  ctx.io.out(renderIncome(report, { style: ctx.style, review: reviewIncomeWindow(today), width: ctx.io.columns }));
}
