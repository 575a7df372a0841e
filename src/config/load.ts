// Where crm keeps its files, and reading config.json. Paths come from env vars handed in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ConfigSchema, defaultConfig, type Config } from './schema.js';
import { CrmError, UsageError } from '../domain/errors.js';

function home(env: NodeJS.ProcessEnv): string {
  return env.HOME || os.homedir();
}

/** --db > CRM_DB > $XDG_DATA_HOME/crm/crm.db > ~/.local/share/crm/crm.db */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag !== undefined && flag !== '') return path.resolve(flag);
  if (env.CRM_DB) return path.resolve(env.CRM_DB);
  const data = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home(env), '.local', 'share');
  return path.join(data, 'crm', 'crm.db');
}

/** CRM_CONFIG > $XDG_CONFIG_HOME/crm/config.json > ~/.config/crm/config.json */
export function resolveConfigPath(env: NodeJS.ProcessEnv): string {
  if (env.CRM_CONFIG) return path.resolve(env.CRM_CONFIG);
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home(env), '.config');
  return path.join(base, 'crm', 'config.json');
}

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
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`config ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? issuePath(first) : '?';
    throw new UsageError(`config ${file}: key ${where}: ${first?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
