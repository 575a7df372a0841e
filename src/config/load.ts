// Reading and validating config.json (zod). Loaded on first use, so commands that need no
// configuration never load zod.
import fs from 'node:fs';
import * as z from 'zod';
import { ConfigSchema, defaultConfig, type Config } from './schema.js';
import { CrmError, UsageError } from '../domain/errors.js';

function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.length ? issue.path.map(String).join('.') : '(top level)';
}

/** Read and validate the config file; a missing file means built-in defaults. */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return defaultConfig();
    throw new CrmError(`cannot read config ${file}: ${(e as Error).message}`);
  }
  if (text.trim() === '') return defaultConfig(); // empty: as good as missing
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`config ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    if (first?.code === 'unrecognized_keys') {
      const key = [...first.path.map(String), first.keys[0] ?? ''].join('.');
      throw new UsageError(`config ${file}: key ${key}: not a config key; crm config unset ${key} removes it`);
    }
    const where = first ? issuePath(first) : '?';
    // The key `crm config set` takes: a list's item (workingHours.days.0) is set as the whole list.
    const key = where.split('.').filter((part) => !/^\d+$/.test(part)).join('.');
    const fix = first && first.path.length > 0 ? `; crm config set ${key} VALUE fixes it (crm config unset ${key}: the default)` : '';
    throw new UsageError(`config ${file}: key ${where}: ${first?.message ?? 'invalid'}${fix}`);
  }
  return parsed.data;
}
