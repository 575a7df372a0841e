// Preloaded with `node --import` by the bench: writes the process's peak resident set size in KiB
// to $CRM_BENCH_RSS_OUT when it exits. VmHWM from /proc/self/status, which belongs to this
// program's own memory map; process.resourceUsage().maxRSS (getrusage) is only the fallback, as
// Linux carries it over from the parent that spawned the process (the bench, which may be large).
import fs from 'node:fs';

const out = process.env.CRM_BENCH_RSS_OUT;
const peakKiB = () => {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
};
if (out) process.on('exit', () => fs.writeFileSync(out, String(peakKiB())));
