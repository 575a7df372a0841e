// What nearly every run loads, as one module: the command context, commander and the everyday
// commands. main.ts and program.ts load it with one `await import()`, so the bundle holds all of it,
// and the code these commands share, in one chunk instead of dozens of small ones (each file an ES
// module loader reads costs about as much as 30 kB of code in it). scripts/build.mjs makes every
// other lazily loaded module import this one, so code they share with it stays in that chunk too.
// The rules, zod, the prompts, csv-parse, chalk and the config loader stay out (startup.test.ts).
export { createCtx } from './context.js';
export * as commander from '@commander-js/extra-typings';
export * as client from './client/index.js';
export * as log from './log/log.js';
export * as recap from './recap/recap.js';
export * as history from './history/history.js';
export * as search from './search/search.js';
export * as invoice from './invoice/index.js';
export * as remind from './remind/index.js';
export * as due from './due/due.js';
export * as review from './review/review.js';
// Also reached from main.ts's own chunk; named here so that it shares that chunk's code, not a chunk of its own.
export { initNeed } from './init-need.js';
