// Interactive `crm log` (placeholder until the wizard lands): asks nothing, explains the flags.
import type { Ctx } from './context.js';
import type { LogFlags } from './log.js';
import type { LogPlan } from '../db/log.js';
import { UsageError } from '../domain/errors.js';

export async function runLogWizard(_ctx: Ctx, _client: string | undefined, _flags: LogFlags): Promise<{ plan: LogPlan; clientName: string }> {
  throw new UsageError('give --summary (the interactive wizard is not available in this build)');
}
