#!/usr/bin/env node
// The build (`npm run build`): one esbuild bundle of src/main.ts into dist/, type-checked separately
// (`npm run typecheck`; tsc emits nothing). ESM, minified, split into chunks at every `await import()`,
// so a run loads the start-up chunk and the chunks of the one command it names: the other commands,
// the rules, zod, @inquirer/prompts, csv-parse and chalk each stay out of start-up.
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

function options(outdir) {
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
  const result = await build(options(tmp));
  if (metafile) fs.writeFileSync(metafile, JSON.stringify(relativeOutputs(result.metafile, tmp)));
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(tmp, out);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
