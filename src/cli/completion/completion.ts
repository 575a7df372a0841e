// `crm completion bash|zsh|fish`: prints a completion script made from the command tree. Print
// only: it never edits a shell's startup files (the README says where to put it).
import { Command } from '@commander-js/extra-typings';
import type { Ctx } from '../context.js';
import { type AnyCommand, examples } from '../shared.js';
import { oneOf } from '../../domain/parse.js';
import { SHELLS, type Shell } from '../../render/completion-model.js';
import { bashScript } from '../../render/completion-bash.js';
import { zshScript } from '../../render/completion-zsh.js';
import { fishScript } from '../../render/completion-fish.js';
import { completionTree } from './tree.js';

export function command(ctx: Ctx): AnyCommand {
  return examples(
    new Command('completion')
      .description('print a completion script for bash, zsh or fish (commands, flags, values, client names); it edits no file')
      .argument('<shell>', SHELLS.join(', ')),
    [
      'crm completion bash > ~/.local/share/bash-completion/completions/crm',
      'crm completion zsh > ~/.zfunc/_crm   # with fpath+=~/.zfunc before compinit in ~/.zshrc',
      'crm completion fish > ~/.config/fish/completions/crm.fish',
      'source <(crm completion bash)        # or this line in ~/.bashrc',
    ],
  ).action((shell, _o, cmd) => run(ctx, shell, cmd.parent ?? cmd));
}

/** The script for `shell`, from `program`: the whole tree (program.ts loads every command for `completion`). */
export function script(shell: Shell, program: AnyCommand): string {
  const nodes = completionTree(program);
  return shell === 'bash' ? bashScript(nodes) : shell === 'zsh' ? zshScript(nodes) : fishScript(nodes);
}

export function run(ctx: Ctx, shell: string, program: AnyCommand): void {
  ctx.io.out(script(oneOf(shell, SHELLS, 'shell'), program));
}
