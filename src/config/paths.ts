// Where crm keeps its files: the database and the config. Paths come from env vars handed in.
import os from 'node:os';
import path from 'node:path';

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
