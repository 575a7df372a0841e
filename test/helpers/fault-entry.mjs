#!/usr/bin/env node
// Test-only entry point: runs the built crm with faults injected through run(), never through the
// environment. Not shipped (package.json `files` is bin + dist). Usage:
//   node test/helpers/fault-entry.mjs '{"slowWriteMs":150}' client add Acme
// Faults (src/db/store.ts `Faults`): slowWriteMs, maxPageCount, deferred. With slowWriteMs, each
// slow point is announced on stderr as `crm-test: <where>` so a test can signal or kill crm there.
import { run } from '../../dist/main.js';

const [spec = '{}', ...args] = process.argv.slice(2);
const faults = JSON.parse(spec);
if (faults.slowWriteMs) faults.onSlow = (where) => process.stderr.write(`crm-test: ${where}\n`);
process.argv = [process.argv[0], process.argv[1], ...args];
await run({ faults });
