// `crm config list|get|set|unset|path`: the defaults in config.json, read and changed from the
// command line, validated by the same schema as every run.
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import * as list from './list.js';
import * as get from './get.js';
import * as set from './set.js';
import * as unset from './unset.js';
import * as configPath from './path.js';

export function command(ctx: Ctx): AnyCommand {
  const config = examples(new Command('config').description('show and change your defaults (config.json), validated'), [
    'crm config list',
    'crm config set paymentTermsDays 14',
    'crm config set workingHours.days mon-fri',
    'crm config unset cadenceDays',
  ]);
  config.addCommand(list.command(ctx));
  config.addCommand(get.command(ctx));
  config.addCommand(set.command(ctx));
  config.addCommand(unset.command(ctx));
  config.addCommand(configPath.command(ctx));
  return config;
}
