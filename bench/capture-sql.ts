// Bench-only: runs crm's main() in this process with the argv and environment given, recording
// every statement crm runs through better-sqlite3 with its bound parameters, then writes the reads
// as a script for the sqlite3 shell (bench/sql-script.ts). So the shell runs exactly the SQL crm
// runs, whatever crm's queries become. Bundled and run by bench/sections.mjs.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { main } from '../src/main.js';
import { script, type Call } from './sql-script.js';

const METHODS = ['run', 'get', 'all', 'iterate'] as const;

/** Record every statement run through better-sqlite3 from now on, into `calls`. */
function record(calls: Call[]): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its `this` below
  const originalPrepare = Database.prototype.prepare;
  let patched = false;
  Database.prototype.prepare = function prepare(this: Database.Database, sql: string) {
    const st = originalPrepare.call(this, sql);
    if (!patched) {
      patched = true;
      const proto = Object.getPrototypeOf(st) as Record<string, (...a: unknown[]) => unknown>;
      for (const m of METHODS) {
        const original = proto[m];
        if (!original) continue;
        proto[m] = function (this: { source: string }, ...params: unknown[]) {
          calls.push({ sql: this.source, params });
          return original.apply(this, params);
        };
      }
    }
    return st;
  } as typeof originalPrepare;
}

/** Run crm with `argv` and `env`, output discarded; write the reads it ran to `out`. Resolves to crm's exit code. */
export async function capture(argv: string[], env: NodeJS.ProcessEnv, out: string): Promise<number> {
  const calls: Call[] = [];
  record(calls);
  const code = await main({
    argv, env, stdin: process.stdin, stdinIsTTY: false, stdoutIsTTY: false,
    out: () => {}, err: (t) => process.stderr.write(t), execPath: process.execPath,
  });
  fs.writeFileSync(out, script(calls));
  return code;
}
