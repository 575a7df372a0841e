// Start-up cost: every command pays for what src/main.ts imports statically, and in the bundle
// (scripts/build.mjs) for the entry chunk and the chunks it imports. The rules, zod, the prompt
// library, csv-parse, chalk and the config loader must load only in the commands that use them;
// `crm --version` loads neither commander nor the database driver (see `npm run bench`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { localDate, localParts, parseDateTime } from '../../src/domain/dates.js';
import { UTC_NAMES, resolveZone } from '../../src/io/zone.js';

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

describe('start-up imports (source)', () => {
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

  it('leave out commander, the context and the database, so `crm --version` answers before loading them', () => {
    expect([...packages].filter((p) => !p.startsWith('node:'))).toEqual([]);
    expect(rel.filter((f) => f.startsWith(path.join('src', 'db', 'store')) || f === path.join('src', 'cli', 'context.ts'))).toEqual([]);
  });
});

interface Meta {
  outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, { bytesInOutput: number }> }>;
}

describe('start-up chunks (the bundle)', () => {
  // A private build, so the test neither needs nor disturbs dist/.
  const dir = tempDir('crm-startup-');
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--outdir', path.join(dir, 'dist'),
    '--metafile', path.join(dir, 'meta.json')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`scripts/build.mjs failed: ${built.stderr}`);
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as Meta;

  /** What loading `chunk` loads: the chunks and external packages it imports statically, transitively, and the sources in them. */
  const closure = (chunk: string): { chunks: Set<string>; inputs: string[]; externals: string[] } => {
    const chunks = new Set<string>();
    const externals = new Set<string>();
    const visit = (c: string): void => {
      if (chunks.has(c)) return;
      chunks.add(c);
      for (const i of meta.outputs[c]?.imports ?? []) {
        if (i.kind !== 'import-statement') continue;
        if (i.external) externals.add(i.path);
        else visit(i.path);
      }
    };
    visit(chunk);
    return { chunks, inputs: [...chunks].flatMap((c) => Object.keys(meta.outputs[c]?.inputs ?? {})), externals: [...externals] };
  };
  const heavy = (inputs: string[]): string[] => inputs.filter((f) => /^node_modules\/(zod|@inquirer|csv-parse|chalk|cli-table3)\//.test(f)
    || f.startsWith('src/rules/') || f.startsWith('src/config/load') || f.startsWith('src/config/schema'));
  const commandChunk = (name: string): string => {
    const found = meta.outputs['main.js']?.imports.find((i) => i.kind === 'dynamic-import' && new RegExp(`^chunks/${name}-[^/]*\\.js$`).test(i.path));
    if (!found) throw new Error(`no chunk for ${name}`);
    return found.path;
  };

  it('the entry chunk loads no command, no npm package and not the database: `crm --version` is answered from it', () => {
    const entry = closure('main.js');
    expect(entry.inputs).toContain('src/cli/program.ts');
    expect(entry.inputs.filter((f) => f.startsWith('node_modules/') || /^src\/cli\/[^/]+\//.test(f) || f.startsWith('src/db/store'))).toEqual([]);
    expect(entry.externals.filter((p) => !p.startsWith('node:'))).toEqual([]);
  });

  it('the everyday commands load neither zod, the prompts, csv-parse, chalk, cli-table3, the rules nor the config loader', () => {
    const everyday = closure(commandChunk('everyday'));
    expect(heavy(everyday.inputs)).toEqual([]);
    for (const name of ['due/due', 'log/log', 'history/history', 'search/search', 'client/index', 'invoice/index', 'review/review', 'context']) {
      expect(everyday.inputs).toContain(`src/cli/${name}.ts`);
    }
  });

  it('the everyday commands, the context and commander are a few files, not one per module (scripts/build.mjs)', () => {
    const loaded = new Set([...closure('main.js').chunks, ...closure(commandChunk('everyday')).chunks]);
    expect(loaded.size).toBeLessThanOrEqual(6);
  });

  it('the rules engine and zod load with review, whose judge is a chunk of its own', () => {
    const judge = Object.keys(meta.outputs).find((f) => /^chunks\/judge-[^/]*\.js$/.test(f));
    if (!judge) throw new Error('no chunk for review\'s judge');
    const { inputs } = closure(judge);
    expect(inputs).toContain('src/rules/index.ts');
    expect(inputs.filter((f) => f.startsWith('node_modules/zod/')).length).toBeGreaterThan(0);
  });

  it('zod and the prompts are bundled by what crm uses: no locales, no editor prompt and its encodings', () => {
    const used = Object.values(meta.outputs).flatMap((o) => Object.entries(o.inputs)
      .filter(([, v]) => v.bytesInOutput > 0).map(([input]) => input));
    expect(used.filter((f) => /^node_modules\/zod\/.*\/locales\/(?!index|en\.)/.test(f))).toEqual([]);
    expect(used.filter((f) => /^node_modules\/(@inquirer\/(editor|external-editor|checkbox|expand|rawlist|password|number)|iconv-lite|chardet)\//.test(f))).toEqual([]);
  });

  it('dist/main.js exports run and main', () => {
    const source = fs.readFileSync(path.join(dir, 'dist', 'main.js'), 'utf8');
    expect(source).toMatch(/export\s*\{[^}]*\bas run\b/);
    expect(source).toMatch(/export\s*\{[^}]*\bas main\b/);
  });
});

describe('UTC without Intl', () => {
  it('every name answered as UTC without a formatter is one Intl calls UTC', () => {
    for (const name of UTC_NAMES) {
      expect(new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone).toBe('UTC');
      expect(resolveZone(name, undefined, () => 'Europe/Oslo')).toBe('UTC');
    }
    expect(resolveZone(null, ' Etc/UTC ', () => 'Europe/Oslo')).toBe('UTC');
    expect(resolveZone(null, 'Etc/GMT+1', () => 'Europe/Oslo')).toBe('Etc/GMT+1');
  });

  it('the UTC wall clock read off the Date is the one Intl gives (Etc/UTC goes through Intl)', () => {
    const instants = ['0001-01-01T00:00:00.000Z', '0099-12-31T23:59:59.000Z', '0999-06-15T12:30:45.000Z', '1970-01-01T00:00:00.000Z',
      '2026-03-29T01:30:00.000Z', '2026-11-22T23:59:59.999Z', '2024-02-29T12:00:00.000Z', '9999-12-31T23:59:59.000Z'];
    for (let ms = Date.UTC(1999, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 7_654_321_987) instants.push(new Date(ms).toISOString());
    for (const at of instants) {
      expect({ at, parts: localParts(at, 'UTC') }).toEqual({ at, parts: localParts(at, 'Etc/UTC') });
      expect(localDate(new Date(at), 'UTC')).toBe(localDate(new Date(at), 'Etc/UTC'));
    }
    const now = new Date('2026-11-22T12:00:00Z');
    expect(parseDateTime('2026-11-22 10:30', now, 'UTC')).toBe(parseDateTime('2026-11-22 10:30', now, 'Etc/UTC'));
  });
});
