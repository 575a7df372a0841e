// `crm client archive`: set a client aside (done working together); history kept, no more check-ins.
import type { Ctx } from '../context.js';
import type { AnyCommand } from '../shared.js';
import { changeStatus, statusCommand, type StatusChange, type StatusFlags } from './status.js';

const ARCHIVE: StatusChange = {
  verb: 'archive',
  status: 'archived',
  help: 'archive a client: history kept, no more check-ins',
  done: 'Archived',
  example: 'crm client archive acme',
};

export const command = (ctx: Ctx): AnyCommand => statusCommand(ctx, ARCHIVE);

export const run = (ctx: Ctx, args: { client: string }, o: StatusFlags): void => changeStatus(ctx, ARCHIVE, args, o);
