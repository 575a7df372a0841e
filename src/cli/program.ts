// The command tree. Each command group lives in its own folder and is registered here, loaded on use.
import type { Command } from '@commander-js/extra-typings';
import type { Ctx } from './context.js';
import { initNeed } from './init-need.js';
import type { AnyCommand } from './shared.js';
import { UsageError, quote } from '../domain/errors.js';

/** The everyday commands, the context and commander: one chunk of the bundle (everyday.ts). */
const everyday = () => import('./everyday.js');

type Loader = () => Promise<{ command(ctx: Ctx): AnyCommand }>;
/** `hidden`: runs, but is not listed in --help (the completion scripts' helper). */
type Entry = [string, Loader] | [string, Loader, { hidden: true }];

/**
 * The top-level commands, in help order, each loaded on demand: the everyday ones come in one chunk
 * with the context and commander, which every run loads anyway; any other is loaded only when argv
 * names it. Help, a typo or no command load them all.
 */
const COMMANDS: Entry[] = [
  ['client', () => everyday().then((m) => m.client)],
  ['log', () => everyday().then((m) => m.log)],
  ['recap', () => everyday().then((m) => m.recap)],
  ['history', () => everyday().then((m) => m.history)],
  ['search', () => everyday().then((m) => m.search)],
  ['invoice', () => everyday().then((m) => m.invoice)],
  ['change', () => import('./change/index.js')],
  ['incident', () => import('./incident/index.js')],
  ['referral', () => import('./referral/index.js')],
  ['deliver', () => import('./deliver/deliver.js')],
  ['remind', () => everyday().then((m) => m.remind)],
  ['due', () => everyday().then((m) => m.due)],
  ['review', () => everyday().then((m) => m.review)],
  ['rules', () => import('./rules/rules.js')],
  ['void', () => import('./void/void.js')],
  ['unvoid', () => import('./unvoid/unvoid.js')],
  ['edit', () => import('./edit/edit.js')],
  ['undo', () => import('./undo/undo.js')],
  ['redo', () => import('./redo/redo.js')],
  ['cron', () => import('./cron/cron.js')],
  ['report', () => import('./report/index.js')],
  ['export', () => import('./export/export.js')],
  ['import', () => import('./import/import.js')],
  ['db', () => import('./db/index.js')],
  ['config', () => import('./config/index.js')],
  ['completion', () => import('./completion/completion.js')],
  ['demo', () => import('./demo/demo.js')],
  ['__complete', () => import('./completion/complete.js'), { hidden: true }],
];

/** Where argv's command word is (argv.length when it has none), and crm's own flags before it (not --db's value, whatever it looks like). */
function commandWord(argv: readonly string[]): { at: number; flags: string[] } {
  const flags: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k] ?? '';
    if (arg === '--db') k++;
    else if (arg === '--') return { at: k + 1, flags };
    else if (!arg.startsWith('-')) return { at: k, flags };
    else flags.push(arg);
  }
  return { at: argv.length, flags };
}

/** What argv asks of the program before its command word: the command, and help or version flags. */
export function readGlobals(argv: readonly string[]): { command?: string | undefined; help: boolean; version: boolean } {
  const { at, flags } = commandWord(argv);
  const help = flags.includes('-h') || flags.includes('--help');
  const version = flags.includes('-V') || flags.includes('--version');
  return at < argv.length ? { command: argv[at], help, version } : { help, version };
}

/**
 * `crm help invoice add` is `crm invoice add --help`: commander's own help command takes one word,
 * so a nested command's page would need `crm invoice help add`. Global options before `help` stay.
 * `topic`: the command words asked about, when argv asks for help this way.
 */
export function helpArgv(argv: readonly string[]): { argv: string[]; topic?: string[] } {
  const k = commandWord(argv).at;
  if (argv[k] !== 'help') return { argv: [...argv] };
  const rest = argv.slice(k + 1);
  return { argv: [...argv.slice(0, k), ...rest, '--help'], topic: rest.filter((w) => !w.startsWith('-')) };
}

/** `crm help <topic…>` names commands that exist; else a usage error, as a mistyped command gets. */
export function checkHelpTopic(program: { commands: readonly AnyCommand[] }, topic: readonly string[]): void {
  let here: { commands: readonly AnyCommand[] } = program;
  for (const [k, word] of topic.entries()) {
    const next = here.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!next) {
      const where = ['crm', ...topic.slice(0, k)].join(' ');
      throw new UsageError(`unknown command ${quote([...topic.slice(0, k + 1)].join(' '))}; \`${where} --help\` lists the commands`);
    }
    here = next;
  }
}

/** package.json's version (test/e2e/files.test.ts checks they agree); main.ts answers `crm --version` with it before loading commander. */
export const VERSION = '0.1.0';

/** The program, with the command `argv` names loaded (every command when argv names none it knows). */
export async function buildProgram(ctx: Ctx, argv: readonly string[] = []): Promise<Command<[], { db?: string; color: boolean }>> {
  const { Command, Option } = (await everyday()).commander;
  const program = new Command('crm')
    .description('A client CRM for freelancers: record what happens with each client, and decide whether to keep them.')
    .version(VERSION, '-V, --version', 'print the version')
    .addOption(new Option('--db <path>', 'database file (default: $CRM_DB, else ~/.local/share/crm/crm.db)'))
    .option('--no-color', 'no colour in the output')
    .showSuggestionAfterError(true)
    .showHelpAfterError(false)
    .enablePositionalOptions(false)
    // Every command runs with the config checked and one zone and clock resolved (ctx.init), as
    // far as it declares it needs them (needsInit).
    .hook('preAction', (_program, action) => ctx.init(initNeed(action)))
    .addHelpText(
      'after',
      `
Examples:
  $ crm client add "Acme Corp" --cadence 2w
  $ crm log acme --channel phone --summary "Kick-off call" --follow-up +3d --next "Send the quote"
  $ crm invoice add acme --amount 1,200 --currency EUR --terms 14
  $ crm due
  $ crm review acme

Exit codes: 0 ok, 1 failure (database, disk), 2 bad input (nothing written), 130 cancelled.`,
    );
  // Program help (`crm -h client` included), a typo or no command need every command; `crm
  // --version` needs none; anything else only the one it names.
  const { command, help, version } = readGlobals(argv);
  const named = COMMANDS.filter(([n]) => n === command);
  // `crm completion` prints a script made from the whole tree, so it loads every command too.
  const load = help || command === 'completion' || (named.length === 0 && !(version && command === undefined)) ? COMMANDS : named;
  for (const [, loader, opts] of load) program.addCommand((await loader()).command(ctx), opts);
  return program;
}
