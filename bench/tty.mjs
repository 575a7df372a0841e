// Time until a program run on a terminal prints a given text (the wizard's first prompt): the
// command runs under util-linux `script`, which gives it a pseudo-terminal, and is killed as soon
// as the text appears.
import { spawn, spawnSync } from 'node:child_process';

const shellQuote = (s) => `'${s.replaceAll("'", `'\\''`)}'`;

/** null when `script -qfc` cannot run here; else a short reason it can. */
export function ttyAvailable() {
  const res = spawnSync('script', ['-qfc', 'printf ok', '/dev/null'], { encoding: 'utf8', timeout: 10_000, stdio: ['pipe', 'pipe', 'pipe'] });
  return res.status === 0 && res.stdout.includes('ok') ? 'util-linux script -qfc' : null;
}

/** ms from spawn until `text` appears on the terminal `argv` runs on (rejects after `timeoutMs`). */
export function timeToText(argv, text, env, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('script', ['-qfc', argv.map(shellQuote).join(' '), '/dev/null'], { env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let seen = '';
    let ms = null;
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => stop(), timeoutMs);
    child.stdout.on('data', (chunk) => {
      if (ms !== null) return;
      seen += chunk.toString('utf8');
      if (seen.includes(text)) {
        ms = performance.now() - t0;
        stop();
      }
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      if (ms === null) reject(new Error(`no ${JSON.stringify(text)} from ${argv.join(' ')} within ${timeoutMs} ms; saw: ${seen.slice(-300)}`));
      else resolve(ms);
    });
  });
}
