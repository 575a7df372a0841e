// `crm client fire`: stop working with a client; history kept, no more check-ins.
import type { Ctx } from '../context.js';
import type { AnyCommand } from '../shared.js';
import { changeStatus, statusCommand, type StatusChange, type StatusFlags } from './status.js';

const FIRE: StatusChange = {
  verb: 'fire',
  status: 'fired',
  help: 'fire a client: history kept, no more check-ins',
  done: 'Fired',
  example: 'crm client fire acme --reason "paid late for a year"',
};

export const command = (ctx: Ctx): AnyCommand => statusCommand(ctx, FIRE);

export const run = (ctx: Ctx, args: { client: string }, o: StatusFlags): void => changeStatus(ctx, FIRE, args, o);
