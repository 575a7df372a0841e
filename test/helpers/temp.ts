// Temporary folders for tests, each removed after its test file (test/setup.ts): a full run
// leaves nothing in $TMPDIR. Kept apart from cli.ts so the setup file loads no crm code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Every folder tempDir() made in this test file and not yet removed. */
const made: string[] = [];

/** A fresh, empty folder in the system temp folder, removed after the test file. */
export function tempDir(prefix = 'crm-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Remove every folder tempDir() made so far, also ones a test made read-only. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) removeDir(dir);
}

/** Remove a folder and everything in it, even parts a test made read-only. */
export function removeDir(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    makeWritable(dir); // a test took write permission away (a read-only folder): give it back
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function makeWritable(dir: string): void {
  fs.chmodSync(dir, 0o700);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) makeWritable(path.join(dir, e.name));
}
