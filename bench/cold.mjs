// Emptying the page cache before a cold run: `sync; echo 3 > /proc/sys/vm/drop_caches` when this
// process may (root, not refused by a container), else python3's os.posix_fadvise(DONTNEED) on
// the files a crm run reads (the database, crm's build, the SQLite driver, node itself).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/**
 * { how, run() } or null when neither way works here. `dropAll: false` goes straight to evicting
 * crm's own files (the CI smoke test: dropping every cache would slow whatever else runs here).
 */
export function evictor(root, dbFiles, { dropAll: mayDropAll = true } = {}) {
  const dropAll = () => {
    spawnSync('sync');
    fs.writeFileSync('/proc/sys/vm/drop_caches', '3\n');
  };
  try {
    if (!mayDropAll) throw new Error('not asked to');
    dropAll();
    return { how: 'sync; echo 3 > /proc/sys/vm/drop_caches', run: dropAll };
  } catch {
    // refused: evict the files instead
  }
  const files = () => [
    ...dbFiles.flatMap((f) => [f, `${f}-wal`, `${f}-shm`]).filter((f) => fs.existsSync(f)),
    ...filesUnder(path.join(root, 'dist')), path.join(root, 'bin', 'crm.js'),
    ...filesUnder(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release')).filter((f) => f.endsWith('.node')),
    ...filesUnder(path.join(root, 'node_modules', 'better-sqlite3', 'lib')),
    process.execPath,
  ];
  const PY = 'import os, sys\nfor f in sys.argv[1:]:\n  fd = os.open(f, os.O_RDONLY)\n  os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)\n  os.close(fd)\n';
  const fadvise = () => {
    spawnSync('sync');
    const res = spawnSync('python3', ['-c', PY, ...files()], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`posix_fadvise failed: ${res.stderr || res.error?.message}`);
  };
  try {
    fadvise();
    return { how: `${mayDropAll ? 'drop_caches refused' : 'not dropping every cache'}; python3 os.posix_fadvise(DONTNEED) on the database, dist/, better-sqlite3 and node`, run: fadvise };
  } catch {
    return null;
  }
}
