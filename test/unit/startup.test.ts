// Start-up cost: every command pays for what src/main.ts imports statically. The rules, zod and
// the prompt library must load only in the commands that use them (see `npm run bench`).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** Files and packages reachable from `entry` through static (non-type) imports. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^import\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('start-up imports', () => {
  const { files, packages } = staticGraph(path.join(ROOT, 'src', 'main.ts'));
  const rel = [...files].map((f) => path.relative(ROOT, f));

  it('reach the command tree, but no command: each is loaded when a run names it', () => {
    expect(rel).toContain(path.join('src', 'cli', 'program.ts'));
    const commands = rel.filter((f) => f.startsWith(path.join('src', 'cli')) && path.dirname(f) !== path.join('src', 'cli'));
    expect(commands).toEqual([]);
  });

  it('leave out zod, the prompt library and the rules engine', () => {
    expect([...packages].filter((p) => p === 'zod' || p.startsWith('@inquirer/'))).toEqual([]);
    expect(rel.filter((f) => f.startsWith(path.join('src', 'rules')) || f.startsWith(path.join('src', 'config', 'load')))).toEqual([]);
  });
});
