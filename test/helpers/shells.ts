// Helpers for the completion tests, which load crm's scripts in the real shells: whether a shell
// is installed, and a `crm` on PATH that runs this checkout's bin/crm.js (built by `npm test`).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, tempDir } from './cli.js';

export const hasShell = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

/** `env` with a `crm` first on its PATH. */
export function withCrmOnPath(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const bin = tempDir('crm-shim-');
  fs.writeFileSync(path.join(bin, 'crm'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  return { ...env, PATH: `${bin}:${process.env.PATH ?? ''}` };
}
