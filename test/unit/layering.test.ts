// The layering rules bite: dependency-cruiser, with the repo's own .dependency-cruiser.cjs, finds
// each forbidden import in a small tree shaped like src/, and none in the real src/. The one rule
// dependency-cruiser cannot see (the `process` global) is checked through ESLint's API with the
// repo's eslint.config.js.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cruise, type ICruiseOptions, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { tempDir } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** `rule: from -> to` for each violation, the way a newcomer reads the lint output. */
async function violations(baseDir: string): Promise<string[]> {
  const options: ICruiseOptions = {
    ...(await extractDepcruiseOptions(path.join(ROOT, '.dependency-cruiser.cjs'))),
    baseDir,
    outputType: 'json',
  };
  const tsConfig = extractTSConfig(path.join(ROOT, 'tsconfig.json'));
  const { output } = await cruise(['src'], options, {}, { tsConfig });
  const result = (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
  return result.summary.violations.map((v: IViolation) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

/** Write `files` (path -> contents) under a fresh temp folder; returns the folder. */
function tree(files: Record<string, string>): string {
  const dir = tempDir('crm-layering-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const pkg = (name: string) => JSON.stringify({ name, version: '1.0.0', type: 'module', main: 'index.js' });

describe('dependency-cruiser layering rules', () => {
  it('flag each forbidden import in a tree shaped like src/', async () => {
    const dir = tree({
      'package.json': JSON.stringify({
        name: 'fixture', type: 'module', dependencies: { zod: '1' }, devDependencies: { devthing: '1' },
      }),
      'node_modules/zod/package.json': pkg('zod'),
      'node_modules/zod/index.js': 'export const z = {};\n',
      'node_modules/devthing/package.json': pkg('devthing'),
      'node_modules/devthing/index.js': 'export const dev = 1;\n',
      // The entry point may use node:process; it imports everything else so nothing is an orphan.
      'src/main.ts': [
        "import { argv } from 'node:process';",
        "import { run } from './cli/run.js';",
        'run(argv);',
      ].join('\n'),
      'src/cli/run.ts': [
        "import { show } from '../render/x.js';",
        "import { judge } from '../rules/r.js';",
        "import { a } from './a.js';",
        "import { c } from './c.js';",
        "import { dev } from './dev.js';",
        "import type { D } from '../domain/d.js';",
        'export const run = (argv: string[]): D => [show(), judge(), a, c, dev, argv];',
      ].join('\n'),
      'src/render/x.ts': "import { rows } from '../db/y.js';\nexport const show = () => rows();\n",
      'src/render/fmt.ts': 'export const fmt = (x: unknown) => String(x);\n',
      'src/db/y.ts': "import { fmt } from '../render/fmt.js';\nexport const rows = () => fmt(1);\n",
      'src/rules/r.ts': [
        "import fs from 'node:fs';",
        "import { z } from 'zod';",
        "import { io } from '../io/io.js';",
        'export const judge = () => [fs, z, io];',
      ].join('\n'),
      'src/io/io.ts': "import { env } from 'node:process';\nexport const io = env;\n",
      // A type-only import is a layering dependency too.
      'src/domain/d.ts': "import type { judge } from '../rules/r.js';\nexport type D = ReturnType<typeof judge> | unknown[];\n",
      'src/cli/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'src/cli/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      'src/cli/c.ts': "import { gone } from './missing.js';\nexport const c = gone;\n",
      'src/cli/dev.ts': "import { dev } from 'devthing';\nexport { dev };\n",
      'src/io/unused.ts': 'export const nobody = 1;\n',
    });
    expect(await violations(dir)).toEqual([
      'db-below-cli: src/db/y.ts -> src/render/fmt.ts',
      'domain-is-the-core: src/domain/d.ts -> src/rules/r.ts',
      'no-circular: src/cli/a.ts -> src/cli/b.ts', // one report per cycle
      'no-orphans: src/io/unused.ts -> src/io/unused.ts',
      'not-to-dev-dep: src/cli/dev.ts -> node_modules/devthing/index.js',
      'not-to-unresolvable: src/cli/c.ts -> ./missing.js',
      'only-main-touches-process: src/io/io.ts -> process', // builtins are reported without node:
      'render-is-pure: src/render/x.ts -> src/db/y.ts',
      'rules-are-pure: src/rules/r.ts -> fs',
      'rules-are-pure: src/rules/r.ts -> src/io/io.ts',
      // not flagged: src/main.ts -> node:process, src/rules/r.ts -> zod
    ]);
  });

  it('find nothing in the real src/', async () => {
    expect(await violations(ROOT)).toEqual([]);
  });
});

describe('ESLint: only src/main.ts touches process', () => {
  // The repo's config with type information switched off: lintText() can then check a file that
  // is not on disk (and is not in tsconfig.json's program), and the `process` rule needs no types.
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: path.join(ROOT, 'eslint.config.js'),
    overrideConfig: tseslint.configs.disableTypeChecked,
  });
  const lint = async (filePath: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
    return (result?.messages ?? []).map((m) => `${m.line}: ${m.ruleId ?? m.message}`);
  };
  const code = [
    "export const home = (env: NodeJS.ProcessEnv): string => env.HOME ?? '/';",
    'export const args = (): string[] => process.argv;',
    'export const exit = (): void => { globalThis.process.exitCode = 1; };',
  ].join('\n');

  it('flags process and globalThis.process outside src/main.ts, not the NodeJS.ProcessEnv type', async () => {
    expect(await lint('src/render/x.ts', code)).toEqual(['2: no-restricted-globals', '3: no-restricted-properties']);
  });

  it('allows them in src/main.ts and in tests', async () => {
    expect(await lint('src/main.ts', code)).toEqual([]);
    expect(await lint('test/unit/x.test.ts', code)).toEqual([]);
  });

  it('fails on an eslint-disable comment that no longer silences anything', async () => {
    const stale = '// eslint-disable-next-line no-control-regex\nexport const tab = /\\t/;\n';
    expect(await lint('src/render/x.ts', stale)).toEqual([
      "1: Unused eslint-disable directive (no problems were reported from 'no-control-regex').",
    ]);
  });
});
