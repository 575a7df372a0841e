// What a completion script knows about the command tree: each command's subcommands, flags and
// arguments, and what may follow each (words, client names, files). Built from the real commander
// tree by src/cli/completion/tree.ts; the scripts (completion-bash/zsh/fish.ts) only print it.
import { singleQuote } from '../domain/shell.js';

/** What completes in a place: listed words, client names (asked of `crm __complete clients`), files, or nothing. */
export type Values = { kind: 'words'; words: readonly string[] } | { kind: 'clients' } | { kind: 'files' } | { kind: 'none' };

export interface FlagSpec {
  /** Every spelling: `-o`, `--output`. */
  names: string[];
  /** null: a switch that takes no value. */
  value: Values | null;
}

export interface NodeSpec {
  /** `''` for crm itself, `client add` for a subcommand. */
  path: string;
  subs: string[];
  flags: FlagSpec[];
  /** The positional arguments in order; the last repeats when `variadic`. */
  args: Values[];
  variadic: boolean;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** A value kind as the scripts encode it: `w:a,b,c`, `c`, `f` or `n`. */
export function code(v: Values | null): string {
  if (v === null) return '';
  if (v.kind === 'words') return `w:${v.words.join(',')}`;
  return v.kind === 'clients' ? 'c' : v.kind === 'files' ? 'f' : 'n';
}

/** Single-quoted for sh, bash, zsh and fish (fish escapes ' and \ inside single quotes). */
export function shQuote(s: string, fish = false): string {
  if (fish) return `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  return singleQuote(s);
}

/** One node's data, the same in every script: subcommands, flag spellings, `flag=kind` for flags taking values, argument kinds. */
export function nodeData(n: NodeSpec): { subs: string[]; flags: string[]; vals: string[]; args: string[]; more: boolean } {
  return {
    subs: n.subs,
    flags: n.flags.flatMap((f) => f.names),
    vals: n.flags.filter((f) => f.value !== null).flatMap((f) => f.names.map((name) => `${name}=${code(f.value)}`)),
    args: n.args.map(code),
    more: n.variadic,
  };
}
