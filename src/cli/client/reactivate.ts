// `crm client reactivate`: take an archived or fired client back; check-ins resume.
import type { Ctx } from '../context.js';
import type { AnyCommand } from '../shared.js';
import { changeStatus, statusCommand, type StatusChange, type StatusFlags } from './status.js';

const REACTIVATE: StatusChange = {
  verb: 'reactivate',
  status: 'active',
  help: 'take a client back: check-ins resume',
  done: 'Reactivated',
  example: 'crm client reactivate acme --reason "new project, paid upfront"',
};

export const command = (ctx: Ctx): AnyCommand => statusCommand(ctx, REACTIVATE);

export const run = (ctx: Ctx, args: { client: string }, o: StatusFlags): void => changeStatus(ctx, REACTIVATE, args, o);
