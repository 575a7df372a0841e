// What the bench compares crm with: the sqlite3 shell running the SQL crm runs, taskwarrior
// listing overdue tasks, and what is available on this machine to do so.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cachedDir } from './cache.mjs';

export const which = (cmd) => {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const f = path.join(dir, cmd);
    if (dir && fs.existsSync(f)) return f;
  }
  return null;
};

export function sqliteShellVersion() {
  const sqlite3 = which('sqlite3');
  if (!sqlite3) return null;
  return spawnSync(sqlite3, ['--version'], { encoding: 'utf8' }).stdout.split(' ')[0] || null;
}

/** Run `script` (a file) through `sqlite3 -readonly db`, output discarded; ms from spawn to exit. */
export function timeShell(db, script) {
  const fd = fs.openSync(script, 'r');
  try {
    const t = performance.now();
    const res = spawnSync('sqlite3', ['-readonly', db], { stdio: [fd, 'ignore', 'pipe'], encoding: 'utf8' });
    const ms = performance.now() - t;
    if (res.status !== 0) throw new Error(`sqlite3 on ${path.basename(script)} exited ${res.status}: ${res.stderr.trim().slice(0, 300)}`);
    return ms;
  } finally {
    fs.closeSync(fd);
  }
}

const TASKS = 10_000;
const iso = (ms) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * A taskwarrior data folder with 10,000 pending tasks, 5,000 of them overdue (taskwarrior reads
 * the real clock, so due dates are set around today; cached per day). Returns { taskrc, dir }.
 */
export function taskwarriorData(today = new Date()) {
  const day = today.toISOString().slice(0, 10);
  const dir = cachedDir('taskwarrior', `${TASKS}:${day}`, (d) => {
    const now = Date.parse(`${day}T12:00:00Z`);
    const lines = [];
    for (let i = 0; i < TASKS; i++) {
      const due = i % 2 === 0 ? now - (1 + (i % 300)) * 86_400_000 : now + (2 + (i % 300)) * 86_400_000;
      lines.push(JSON.stringify({
        uuid: `${i.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
        description: `task ${i} for client ${i % 1000}`, status: 'pending', entry: iso(now - 400 * 86_400_000),
        due: iso(due), project: `client${i % 1000}`,
      }));
    }
    fs.writeFileSync(path.join(d, 'tasks.json'), lines.join('\n'));
    fs.mkdirSync(path.join(d, 'data'));
    fs.writeFileSync(path.join(d, 'taskrc'), [`data.location=${path.join(d, 'data')}`, 'confirmation=off', 'hooks=off',
      'verbose=nothing', 'gc=off', 'color=off', ''].join('\n'));
    const res = spawnSync('task', ['import', path.join(d, 'tasks.json')], { env: { ...process.env, TASKRC: path.join(d, 'taskrc') }, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`task import failed: ${res.stderr}`);
  });
  return { dir, taskrc: path.join(dir, 'taskrc') };
}

/** How many lines `task +OVERDUE list` prints (a check that the data is what it should be). */
export function overdueCount(taskrc, env) {
  const res = spawnSync('task', ['+OVERDUE', 'list'], { env: { ...env, TASKRC: taskrc }, encoding: 'utf8' });
  return res.stdout.split('\n').filter((l) => l.trim()).length;
}
