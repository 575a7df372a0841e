// The completion scripts' picture of crm, read from the real commander tree (so a new command or
// flag completes without a change here) and the domain's lists of values (channels, kinds, …).
import type { Command, Option } from 'commander';
import type { AnyCommand } from '../shared.js';
import { CHANNELS, DIRECTIONS, DISPUTE_OUTCOMES, INCIDENT_KINDS, MOODS, NEXT_OWNERS, REMINDER_KINDS, SEVERITIES } from '../../domain/types.js';
import { HISTORY_TYPES } from '../../domain/history.js';
import { SEARCH_TYPES } from '../../domain/search-query.js';
import { FORMATS, CSV_TYPES } from '../export/export.js';
import { SHELLS, type NodeSpec, type Values, type FlagSpec } from '../../render/completion-model.js';

const words = (list: readonly string[]): Values => ({ kind: 'words', words: list });

/** Values of a flag, wherever it appears… */
const BY_FLAG: Record<string, readonly string[]> = {
  '--channel': CHANNELS,
  '--direction': DIRECTIONS,
  '--mood': MOODS,
  '--outcome': DISPUTE_OUTCOMES,
  '--severity': SEVERITIES,
  '--kind': INCIDENT_KINDS,
  '--owner': NEXT_OWNERS,
};
/** …unless the command gives it other ones. */
const BY_COMMAND: Record<string, Record<string, readonly string[]>> = {
  'remind add': { '--kind': REMINDER_KINDS },
  edit: { '--kind': [...INCIDENT_KINDS, ...REMINDER_KINDS] },
  export: { '--format': FORMATS, '--type': CSV_TYPES },
  history: { '--type': HISTORY_TYPES },
  search: { '--type': SEARCH_TYPES },
};
/** Arguments by their name. */
const BY_ARGUMENT: Record<string, readonly string[]> = { shell: SHELLS };

/** What goes in a place named `<name>`: client names, files, or a known list. */
function byName(name: string): Values | undefined {
  if (name === 'client') return { kind: 'clients' };
  if (name === 'file' || name === 'path') return { kind: 'files' };
  const list = BY_ARGUMENT[name];
  return list ? words(list) : undefined;
}

function flagSpec(path: string, o: Option): FlagSpec {
  const names = [o.short, o.long].filter((n): n is string => n !== undefined);
  if (!o.required && !o.optional) return { names, value: null };
  const long = o.long ?? '';
  const list = o.argChoices ?? BY_COMMAND[path]?.[long] ?? BY_FLAG[long];
  const valueName = /[<[]([\w-]+)/.exec(o.flags)?.[1] ?? '';
  return { names, value: list ? words(list) : (byName(valueName) ?? { kind: 'none' }) };
}

/** Every visible command, depth first, crm itself first (its options hold everywhere: --db, --no-color). */
export function completionTree(program: AnyCommand): NodeSpec[] {
  const root = program as unknown as Command;
  const globals = root.options.filter((o) => !o.hidden && o.long !== '--version').map((o) => flagSpec('', o));
  const help: FlagSpec = { names: ['-h', '--help'], value: null };
  const nodes: NodeSpec[] = [];
  const visit = (cmd: Command, path: string): void => {
    const subs = cmd.commands.filter((c) => !(c as unknown as { _hidden: boolean })._hidden);
    const own = cmd.options.filter((o) => !o.hidden).map((o) => flagSpec(path, o));
    nodes.push({
      path,
      subs: subs.map((c) => c.name()),
      flags: path === '' ? [...own, help] : [...own, ...globals, help],
      args: cmd.registeredArguments.map((a) => (a.argChoices ? words(a.argChoices) : (byName(a.name()) ?? { kind: 'none' }))),
      variadic: cmd.registeredArguments.at(-1)?.variadic ?? false,
    });
    for (const c of subs) visit(c, path ? `${path} ${c.name()}` : c.name());
  };
  visit(root, '');
  return nodes;
}
