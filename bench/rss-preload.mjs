// Preloaded with `node --import` by the bench: writes the process's peak resident set size (KiB,
// process.resourceUsage().maxRSS) to $CRM_BENCH_RSS_OUT when it exits.
import fs from 'node:fs';

const out = process.env.CRM_BENCH_RSS_OUT;
if (out) process.on('exit', () => fs.writeFileSync(out, String(process.resourceUsage().maxRSS)));
