// `crm remind`: the command group; each verb lives in its own file in this folder.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import * as add from './add.js';
import * as done from './done.js';
import * as snooze from './snooze.js';
import * as list from './list.js';

export function command(ctx: Ctx): AnyCommand {
  const remind = examples(new Command('remind').description('reminders: follow-ups, feedback requests, personal things to ask about'), [
    'crm remind add acme --on +1w --text "Ask how the launch went"',
    'crm remind list',
    'crm remind done 4',
  ]);
  // --help lists the verbs in this order.
  for (const verb of [add, done, snooze, list]) remind.addCommand(verb.command(ctx));
  return remind;
}
