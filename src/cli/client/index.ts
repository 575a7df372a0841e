// `crm client`: the command group; each verb lives in its own file in this folder.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import * as add from './add.js';
import * as list from './list.js';
import * as show from './show.js';
import * as edit from './edit.js';
import * as archive from './archive.js';
import * as fire from './fire.js';
import * as reactivate from './reactivate.js';

export function command(ctx: Ctx): AnyCommand {
  const client = examples(new Command('client').description('add, list, show, edit, archive or fire clients'), [
    'crm client add "Acme Corp" --cadence 2w',
    'crm client list --all',
    'crm client show acme',
  ]);
  // --help lists the verbs in this order.
  for (const verb of [add, list, show, edit, archive, fire, reactivate]) client.addCommand(verb.command(ctx));
  return client;
}
