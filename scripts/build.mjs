#!/usr/bin/env node
// The build (`npm run build`): one esbuild bundle of src/main.ts into dist/, type-checked separately
// (`npm run typecheck`; tsc emits nothing). ESM, minified, split into chunks at every `await import()`:
// a run loads the start-up chunk (all `crm --version` reads), then one chunk holding the context,
// commander and the everyday commands (src/cli/everyday.ts), then what the command it names loads
// lazily; the rules, zod, @inquirer/prompts, csv-parse and chalk each stay out of the everyday path.
//
// npm dependencies are bundled (their code is parsed once, from one file, instead of resolved module
// by module from node_modules) except better-sqlite3, a native addon loaded from node_modules, and
// dayjs, which src/domain/dates.ts requires synchronously on first use. They all stay in package.json
// `dependencies` so an install of the package brings them.
//
// Built in a scratch folder beside dist/ and swapped in at the end, so a half-written dist/ never
// exists. dist/main.js exports `run` and `main` (bin/crm.js, test/helpers/fault-entry.mjs).
// Usage: node scripts/build.mjs [--outdir DIR] [--metafile FILE]
//   --outdir    build there instead of dist/ (test/unit/startup.test.ts inspects a private build)
//   --metafile  write esbuild's metafile (what each chunk holds and imports; output paths relative to
//               the output folder), for `npx esbuild --analyze` or the start-up test
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

// The chunk nearly every run loads (src/cli/everyday.ts: the context, commander, the everyday
// commands). esbuild puts each module in a chunk by the set of entry points and `await import()`
// targets that reach it, so a module shared by the everyday commands and one lazily loaded module
// (the rules for `review`, the wizard, the config loader…) would get a chunk of its own, loaded by
// every run: `crm due` read 28 files. So in the bundle (see lazyImports), every lazily loaded source
// module also imports everyday.ts, and everything everyday.ts reaches lands in one chunk. Likewise
// the lazy modules that reach zod import the config loader (zod, the schema and the loader: one
// chunk), and the two that `crm rules` loads import review's judge (the rules engine: one chunk).
// Harmless at run time: each is loaded after everyday.ts, and the modules they add have no effects.
const EVERYDAY = path.join(root, 'src', 'cli', 'everyday.ts');
const CONFIG_LOADER = path.join(root, 'src', 'config', 'load.ts');
const JUDGE = path.join(root, 'src', 'cli', 'review', 'judge.ts');
const WITH_JUDGE = ['src/rules/index.ts', 'src/render/review.ts'].map((f) => path.join(root, f));

function options(outdir, plugins = []) {
  return {
    absWorkingDir: root,
    entryPoints: { main: 'src/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    // Function and class names kept: a CRM_DEBUG=1 stack trace names the functions it went through,
    // for about 5% more bytes. No source maps: they would double dist/ for a trace rarely read.
    keepNames: true,
    legalComments: 'none',
    chunkNames: 'chunks/[name]-[hash]',
    external: ['better-sqlite3', 'dayjs', 'dayjs/*'],
    // Bundled CommonJS packages (commander) require node's built-ins; ESM output has no `require`.
    banner: { js: "import{createRequire as __crmRequire}from'node:module';const require=__crmRequire(import.meta.url);" },
    logLevel: 'warning',
    metafile: true,
    plugins: [...plugins, requireNative],
  };
}

// better-sqlite3 through `require` (the banner's), as the CommonJS package it is: an ES `import` of it
// makes node parse its sources for their export names (cjs-module-lexer) and wrap them as an ES
// module, about 5% of `crm due`'s CPU time. Same object: an import's default is module.exports.
const requireNative = {
  name: 'require-native',
  setup(b) {
    b.onResolve({ filter: /^better-sqlite3$/ }, (a) => (a.namespace === 'require-native'
      ? { path: 'better-sqlite3', external: true } : { path: 'better-sqlite3', namespace: 'require-native' }));
    b.onLoad({ filter: /.*/, namespace: 'require-native' }, () => ({ contents: "export default require('better-sqlite3');", loader: 'js' }));
  },
};

/** What each lazily loaded source module imports besides its own imports, from an unwritten build's metafile. */
async function lazyImports(outdir) {
  const { metafile } = await build({ ...options(outdir), write: false });
  const inputs = metafile.inputs;
  const reachesZod = (file, seen = new Set()) => !seen.has(file) && (seen.add(file), /(^|\/)node_modules\/zod\//.test(file)
    || (inputs[file]?.imports ?? []).some((i) => i.kind === 'import-statement' && reachesZod(i.path, seen)));
  const lazy = new Set(Object.values(inputs).flatMap((input) => input.imports)
    .filter((i) => i.kind === 'dynamic-import' && i.path.startsWith('src/')).map((i) => i.path));
  for (const f of [CONFIG_LOADER, JUDGE, ...WITH_JUDGE]) {
    if (!lazy.has(path.relative(root, f).split(path.sep).join('/'))) throw new Error(`build.mjs: ${path.relative(root, f)} is no longer loaded lazily`);
  }
  const extra = new Map();
  for (const file of lazy) {
    const abs = path.resolve(root, file);
    if (abs === EVERYDAY) continue;
    const add = [EVERYDAY];
    if (abs !== CONFIG_LOADER && reachesZod(file)) add.push(CONFIG_LOADER);
    if (WITH_JUDGE.includes(abs)) add.push(JUDGE);
    extra.set(abs, add);
  }
  return extra;
}

/** Appends the imports lazyImports chose to each lazily loaded source module as esbuild reads it. */
function lazyImportsPlugin(extra) {
  return {
    name: 'lazy-imports',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => extra.has(args.path)
        ? { contents: `${await fs.promises.readFile(args.path, 'utf8')}\n${extra.get(args.path).map((f) => `import ${JSON.stringify(f)};`).join('\n')}\n`, loader: 'ts' }
        : undefined);
    },
  };
}

/** esbuild's metafile with output paths relative to the output folder (`main.js`, `chunks/…`). */
function relativeOutputs(metafile, outdir) {
  const rel = (p) => path.relative(outdir, path.resolve(root, p)).split(path.sep).join('/');
  const outputs = Object.fromEntries(Object.entries(metafile.outputs).map(([file, o]) => [rel(file), {
    ...o, imports: o.imports.map((i) => (i.external ? i : { ...i, path: rel(i.path) })),
  }]));
  return { ...metafile, outputs };
}

const arg = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? path.resolve(process.argv[at + 1]) : undefined;
};
const out = arg('--outdir') ?? dist;
const metafile = arg('--metafile');
// Into a scratch folder beside the target, renamed over it when complete.
fs.mkdirSync(path.dirname(out), { recursive: true });
const tmp = fs.mkdtempSync(path.join(path.dirname(out), '.dist-build-'));
try {
  const result = await build(options(tmp, [lazyImportsPlugin(await lazyImports(tmp))]));
  if (metafile) fs.writeFileSync(metafile, JSON.stringify(relativeOutputs(result.metafile, tmp)));
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(tmp, out);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
