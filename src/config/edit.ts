// `crm config set|unset`: change one key of config.json, keeping the file minimal (only what the
// user set) and valid as a whole. Written atomically, 0600, in a 0700 folder. A file that is
// already broken can still be repaired: a change is refused only for a problem it brings.
import fs from 'node:fs';
import path from 'node:path';
import { defaultConfig } from './schema.js';
import { type Obj, getPath, isObj, parseValue, problems, resolveKey, setPath, unsetPath, accepted, leaves, type Problem } from './keys.js';
import { writeFileAtomic } from '../io/atomic-file.js';
import { CrmError, UsageError, quote } from '../domain/errors.js';

/** The file's JSON object as written ({} when there is no file); invalid JSON is refused, naming the file. */
export function readRaw(file: string): Obj {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new CrmError(`cannot read config ${file}: ${(e as Error).message}`);
  }
  if (text.trim() === '') return {}; // an empty file (touch, > file) says no more than a missing one
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`config ${file} is not valid JSON (${(e as Error).message}); fix it in an editor, or remove it to start from the defaults`);
  }
  if (!isObj(raw)) throw new UsageError(`config ${file} is not a JSON object; fix it in an editor, or remove it to start from the defaults`);
  return raw;
}

/**
 * The file a path names once symlinks are followed (it may not exist yet): a config.json linked
 * from a dotfiles repository is written there, rather than the link replaced by a file.
 */
function followLinks(file: string): string {
  let target = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      link = fs.readlinkSync(target);
    } catch {
      return target; // not a link (or not there): this is the file
    }
    target = path.resolve(path.dirname(target), link);
  }
  throw new CrmError(`cannot write config ${file}: too many levels of symbolic links`);
}

function writeRaw(file: string, raw: Obj): void {
  const target = followLinks(file);
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  writeFileAtomic(target, JSON.stringify(raw, null, 2) + '\n', { mode: 0o600, what: `cannot write config ${file}` });
}

export interface Change {
  key: string;
  /** The effective value before and after. */
  was: unknown;
  now: unknown;
  /** Whether the file held the key before / holds it after. */
  wasSet: boolean;
  isSet: boolean;
  /** Problems the file had before that this change did not fix. */
  remaining: Problem[];
}

const effective = (raw: Obj, key: string): unknown => getPath(raw, key) ?? getPath(defaultConfig(), key);

/**
 * Check `next` before it replaces `raw`: a problem `next` has at `key` (or under it), or one that
 * `raw` did not have, refuses the change; problems it already had are returned (still there).
 */
function check(raw: Obj, next: Obj, key: string, typed: string | undefined): Problem[] {
  const before = new Set(problems(raw).map((p) => `${p.key}\u0000${p.message}`));
  const after = problems(next);
  const mine = (p: Problem) => p.key === key || p.key.startsWith(key + '.') || key.startsWith(p.key + '.');
  const bad = after.find((p) => mine(p) || !before.has(`${p.key}\u0000${p.message}`));
  if (bad) {
    const value = typed === undefined ? '' : ` ${quote(typed)}`;
    if (!mine(bad)) throw new UsageError(`config ${key}${value} is not accepted: ${bad.key} ${bad.message}`);
    if (bad.custom) throw new UsageError(`config ${key}${value} is not accepted: ${bad.message}`);
    throw new UsageError(`config ${key}:${value} is not accepted; expected ${accepted(key)}`);
  }
  return after;
}

/** Set `typed` key to the value `text` in the file. */
export function setKey(file: string, typed: string, text: string): Change {
  const { key, kind } = resolveKey(typed);
  if (kind === 'group') {
    const inside = leaves(getPath(defaultConfig(), key), key).map(([k]) => k);
    throw new UsageError(`config ${key} is a group of keys; set one of them: ${inside.slice(0, 6).join(', ')}${inside.length > 6 ? ', …' : ''}`);
  }
  const raw = readRaw(file);
  const value = parseValue(key, text);
  const next = setPath(raw, key, value);
  const remaining = check(raw, next, key, text);
  writeRaw(file, next);
  return { key, was: effective(raw, key), now: value, wasSet: getPath(raw, key) !== undefined, isSet: true, remaining };
}

/** Remove `typed` key from the file, so it follows the default again; a key the file holds may be removed even if unknown. */
export function unsetKey(file: string, typed: string): Change {
  const raw = readRaw(file);
  const key = getPath(raw, typed) !== undefined ? typed : resolveKey(typed).key;
  const was = effective(raw, key);
  if (getPath(raw, key) === undefined) return { key, was, now: was, wasSet: false, isSet: false, remaining: problems(raw) };
  const next = unsetPath(raw, key);
  const remaining = check(raw, next, key, undefined);
  writeRaw(file, next);
  return { key, was, now: effective(next, key), wasSet: true, isSet: false, remaining };
}
