// Reviewer stories for `crm config`: the file as people really keep it (linked from a dotfiles
// repository, made with touch, pointed at by CRM_CONFIG), values at their bounds, refusals that
// leave the file byte for byte and mode for mode, and a setting that changes what crm does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crm, crmJson, seed, tempDb, tempDir } from '../helpers/cli.js';

const withConfig = (file: string, db?: string, env: Record<string, string> = {}) => ({ env: { CRM_CONFIG: file, ...env }, ...(db ? { db } : {}) });
const state = (file: string) => ({ bytes: fs.readFileSync(file, 'utf8'), mode: fs.statSync(file).mode & 0o777 });

describe('config set through a symlink (a dotfiles repository)', () => {
  it('writes the file the link points at and keeps the link', async () => {
    const dir = tempDir();
    const dotfiles = path.join(dir, 'dotfiles', 'crm.json');
    fs.mkdirSync(path.dirname(dotfiles));
    fs.writeFileSync(dotfiles, '{\n  "cadenceDays": 21\n}\n');
    const link = path.join(dir, 'config.json');
    fs.symlinkSync(path.relative(dir, dotfiles), link);
    const r = await crm(['config', 'set', 'paymentTermsDays', '10'], withConfig(link));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(dotfiles, 'utf8'))).toEqual({ cadenceDays: 21, paymentTermsDays: 10 });
    expect((await crm(['config', 'unset', 'cadenceDays'], withConfig(link))).code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(dotfiles, 'utf8'))).toEqual({ paymentTermsDays: 10 });
    expect(fs.readdirSync(path.dirname(dotfiles))).toEqual(['crm.json']); // no temp file left beside it
  });

  it('makes the file a dangling link names', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'repo', 'crm.json');
    const link = path.join(dir, 'config.json');
    fs.symlinkSync(target, link);
    expect((await crm(['config', 'set', 'currency', 'eur'], withConfig(link))).code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('{\n  "currency": "EUR"\n}\n');
  });
});

describe('an empty config file', () => {
  it('means the defaults, as a missing one does, and config set fills it', async () => {
    const file = path.join(tempDir(), 'config.json');
    fs.writeFileSync(file, ''); // touch "$(crm config path)"
    const list = await crmJson<{ cadenceDays: number }>(['config', 'list'], withConfig(file));
    expect(list.cadenceDays).toBe(14);
    expect((await crm(['due'], withConfig(file, tempDb()))).code).toBe(0);
    fs.writeFileSync(file, '\n  \n');
    const r = await crm(['config', 'set', 'cadenceDays', '2w'], withConfig(file));
    expect(r).toMatchObject({ code: 0, stdout: 'cadenceDays = 14 (was 14, the default)\n', stderr: '' });
    expect(fs.readFileSync(file, 'utf8')).toBe('{\n  "cadenceDays": 14\n}\n');
  });
});

describe('config values at their bounds', () => {
  it('refuses a currency that is not ISO 4217, leaving the file byte for byte and mode for mode', async () => {
    const file = path.join(tempDir(), 'config.json');
    fs.writeFileSync(file, '{"currency":"EUR"}');
    fs.chmodSync(file, 0o644);
    const before = state(file);
    for (const code of ['xyz', 'EURO', 'E1R', '']) {
      const r = await crm(['config', 'set', 'currency', code], withConfig(file));
      expect(r.code, code).toBe(2);
      expect(r.stderr).toMatch(/^crm: config currency/);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(state(file)).toEqual(before);
    }
    // Written by hand, it is named when crm starts, not at the next invoice.
    fs.writeFileSync(file, '{"currency":"XYZ"}');
    const due = await crm(['due'], withConfig(file, tempDb()));
    expect(due.code).toBe(2);
    expect(due.stderr).toMatch(/^crm: config .*: key currency: not an ISO 4217 currency code, such as USD or EUR; crm config set currency VALUE fixes it/);
    expect(due.stderr.trimEnd().split('\n')).toHaveLength(1);
    // …and config set repairs it.
    expect((await crm(['config', 'set', 'currency', 'gbp'], withConfig(file))).stdout).toBe('currency = GBP (was XYZ)\n');
  });

  it('takes numbers as people write them, exponents too, up to the bound and not past it', async () => {
    const file = path.join(tempDir(), 'config.json');
    const set = (key: string, value: string) => crm(['config', 'set', key, value], withConfig(file));
    expect((await set('rates.eur', '1e9')).stdout).toBe('rates.EUR = 1000000000 (was not set)\n');
    expect((await set('rates.usd', '9.2E-1')).stdout).toBe('rates.USD = 0.92 (was not set)\n');
    const before = state(file);
    for (const [key, value] of [['rates.EUR', '1.5e9'], ['rates.EUR', '1e999'], ['cadenceDays', '1e4'], ['rates.EUR', 'e9']] as const) {
      const r = await set(key, value);
      expect(r.code, `${key} ${value}`).toBe(2);
      expect(r.stderr).toContain(`config ${key}`);
      expect(state(file)).toEqual(before);
    }
    expect((await set('cadenceDays', '3.65e3')).stdout).toBe('cadenceDays = 3650 (was 14, the default)\n');
    expect((await set('workingHours.days', 'sat,sun')).stdout).toBe('workingHours.days = [6,7] (was [1,2,3,4,5], the default)\n');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ rates: { EUR: 1e9, USD: 0.92 }, cadenceDays: 3650, workingHours: { days: [6, 7] } });
  });
});

describe('a hand-edited file with mistakes', () => {
  it('names each mistake with the command that repairs it, one at a time, until crm runs again', async () => {
    const file = path.join(tempDir(), 'config.json');
    fs.writeFileSync(file, JSON.stringify({ cadence: 7, workingHours: { days: [1, 8] } }));
    const db = tempDb();
    let r = await crm(['due'], withConfig(file, db));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/key workingHours\.days\.1: .*; crm config set workingHours\.days VALUE fixes it \(crm config unset workingHours\.days: the default\)\n$/);
    expect((await crm(['config', 'set', 'workingHours.days', 'mon-fri'], withConfig(file))).code).toBe(0);
    r = await crm(['due'], withConfig(file, db));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/key cadence: not a config key; crm config unset cadence removes it\n$/);
    expect((await crm(['config', 'unset', 'cadence'], withConfig(file))).code).toBe(0);
    expect((await crm(['due'], withConfig(file, db))).code).toBe(0);
  });
});

describe('where the config file is not a file', () => {
  it('CRM_CONFIG naming a folder: exit 1, one line naming it, nothing made inside it', async () => {
    const dir = tempDir();
    for (const args of [['config', 'set', 'cadenceDays', '3'], ['config', 'list'], ['due']]) {
      const r = await crm(args, withConfig(dir, tempDb()));
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(dir);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('config timezone changes what "today" is', () => {
  it('late at night UTC it is already tomorrow in Oslo: crm due and report aging count the invoice late', async () => {
    const db = tempDb();
    const file = path.join(tempDir(), 'config.json');
    const opts = { ...withConfig(file, db, { TZ: 'UTC' }), now: '2026-11-22T23:30:00Z' };
    await seed(db, [['client', 'add', 'Fjord AS'], ['invoice', 'add', 'Fjord AS', '--amount', '100', '--issued', '2026-11-01', '--due', '2026-11-22']], opts);
    expect((await crmJson<{ asOf: string; invoices: unknown[] }>(['due'], opts))).toMatchObject({ asOf: '2026-11-22', invoices: [] });
    expect((await crm(['config', 'set', 'timezone', 'europe/oslo'], opts)).stdout).toBe('timezone = Europe/Oslo (was null, the default)\n');
    const due = await crmJson<{ asOf: string; invoices: { daysOverdue: number }[] }>(['due'], opts);
    expect(due.asOf).toBe('2026-11-23');
    expect(due.invoices.map((i) => i.daysOverdue)).toEqual([1]);
    const aging = await crmJson<{ asOf: string; currencies: { totals: { days1to30: { amount: number } } }[] }>(['report', 'aging'], opts);
    expect(aging.asOf).toBe('2026-11-23');
    expect(aging.currencies[0]!.totals.days1to30.amount).toBe(10000);
    expect((await crm(['config', 'unset', 'timezone'], opts)).code).toBe(0);
    expect((await crmJson<{ asOf: string }>(['due'], opts)).asOf).toBe('2026-11-22');
  });
});
