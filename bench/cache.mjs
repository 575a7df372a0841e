// The bench's build and data cache, under node_modules/.cache/crm-bench/: TypeScript entries
// (the generator, the SQL capture, the renderer) bundled from src with esbuild's JS API, so no
// script imports dist/<module>.js; and generated databases, keyed by a hash of what decides their
// content (the generator's sources, the schema, scale and seed), reused across runs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = path.join(ROOT, 'node_modules', '.cache', 'crm-bench');

/**
 * Bundle `entry` (relative to the repo) to an ES module in the cache and return its path. The
 * output must live under the repo's node_modules so the external better-sqlite3 resolves.
 */
export async function bundle(entry, name) {
  return build({ entryPoints: [path.join(ROOT, entry)] }, name);
}

/** Bundle a few lines of code (resolved from the repo's top folder) as an entry. */
export async function bundleCode(contents, name) {
  return build({ stdin: { contents, resolveDir: ROOT, sourcefile: `${name}-entry.mjs`, loader: 'js' } }, name);
}

async function build(entry, name) {
  const outfile = path.join(CACHE, 'build', `${name}.mjs`);
  await esbuild.build({
    ...entry, outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    external: ['better-sqlite3'], logLevel: 'error',
    // Bundled CommonJS packages call require(): give the ES module one.
    banner: { js: "import { createRequire as __crmBenchRequire } from 'node:module'; const require = __crmBenchRequire(import.meta.url);" },
  });
  return outfile;
}

export async function importBundle(entry, name) {
  return import(pathToFileURL(await bundle(entry, name)).href);
}

/** What decides a generated database's content. */
const KEY_FILES = ['bench/generate.ts', 'bench/generate-client.ts', 'bench/plan.ts', 'bench/prng.ts', 'bench/vocab.ts',
  'src/db/migrations.ts', 'src/db/ledger-schema.ts', 'src/db/schema-checks.ts'];

export function databaseKey(scale, seed) {
  const h = createHash('sha256');
  for (const f of KEY_FILES) {
    const file = path.join(ROOT, f);
    h.update(f).update('\0').update(fs.existsSync(file) ? fs.readFileSync(file) : '').update('\0');
  }
  h.update(JSON.stringify({ scale, seed }));
  return h.digest('hex').slice(0, 16);
}

/**
 * The cached database for `scale` and `seed`, generating it first when missing. Returns its path
 * (read-only use: copy it before crm opens it, since crm migrates and writes) and how it was had.
 */
export async function cachedDatabase(scale, seed, log = () => {}) {
  const file = path.join(CACHE, 'db', `${typeof scale === 'string' ? scale : 'custom'}-${databaseKey(scale, seed)}.db`);
  if (fs.existsSync(file)) return { file, generatedMs: null };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { generate } = await importBundle('bench/generate.ts', 'generate');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  log(`generating the ${typeof scale === 'string' ? scale : 'custom'} database (seed ${seed}) …`);
  const t0 = performance.now();
  try {
    generate(tmp, { scale, seed });
    fs.renameSync(tmp, file);
  } finally {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  }
  return { file, generatedMs: performance.now() - t0 };
}

/** A private copy of a cached database in `dir`, for crm to open. */
export function copyDatabase(file, dir, name = 'crm.db') {
  const target = path.join(dir, name);
  fs.copyFileSync(file, target);
  fs.chmodSync(target, 0o600);
  return target;
}

/** A cached artefact (e.g. the taskwarrior data) keyed by `key`: made once by `make(dir)`. */
export function cachedDir(name, key, make) {
  const dir = path.join(CACHE, `${name}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`);
  if (fs.existsSync(path.join(dir, '.done'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  make(dir);
  fs.writeFileSync(path.join(dir, '.done'), '');
  return dir;
}
