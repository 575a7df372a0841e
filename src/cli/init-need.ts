// What each command needs of `ctx.init()`, which the program's preAction hook runs before every
// action. A command declares it where it is built; the hook reads it. No I/O here.

/**
 * `all` (the default): the config checked and the zone and clock resolved; `config-may-be-broken`
 * the same, passing over a bad config (for the commands that repair one); `none` nothing (the
 * completion scripts' helper, run on every Tab press: no zod, no config error printed into the shell).
 */
export type InitNeed = 'all' | 'config-may-be-broken' | 'none';

const needs = new WeakMap<object, InitNeed>();

/** Declares what `cmd` needs of init; a command that declares nothing needs `all`. */
export function needsInit<C extends object>(cmd: C, need: InitNeed): C {
  needs.set(cmd, need);
  return cmd;
}

export const initNeed = (cmd: object): InitNeed => needs.get(cmd) ?? 'all';
