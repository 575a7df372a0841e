// `crm config list|get|set|unset|path`: the defaults changed from the command line, validated as a
// whole, written minimal, atomically and 0600; a broken file can be repaired with set/unset.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crm, crmJson, seed, snapshot, tempDb, tempDir } from '../helpers/cli.js';

/** A config path in a fresh folder that does not exist yet (so crm makes it). */
function freshConfig(): string {
  return path.join(tempDir(), 'xdg', 'crm', 'config.json');
}
const withConfig = (file: string, db?: string) => ({ env: { CRM_CONFIG: file }, ...(db ? { db } : {}) });
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('crm config set / get / unset', () => {
  it('writes only what was set, 2-space JSON, 0600 in a 0700 folder, and says what it was', async () => {
    const file = freshConfig();
    const r = await crm(['config', 'set', 'cadenceDays', '21'], withConfig(file));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('cadenceDays = 21 (was 14, the default)\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('{\n  "cadenceDays": 21\n}\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect((await crm(['config', 'set', 'cadenceDays', '3w'], withConfig(file))).stdout).toBe('cadenceDays = 21 (unchanged)\n');
    expect((await crm(['config', 'set', 'cadenceDays', '4w'], withConfig(file))).stdout).toBe('cadenceDays = 28 (was 21)\n');
    expect((await crm(['config', 'get', 'cadenceDays'], withConfig(file))).stdout).toBe('28\n');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['config.json']); // no temp files left behind
  });

  it('parses each kind of key by its type', async () => {
    const file = freshConfig();
    const set = async (key: string, value: string) => {
      const r = await crm(['config', 'set', key, value], withConfig(file));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return r.stdout;
    };
    expect(await set('currency', 'eur')).toBe('currency = EUR (was USD, the default)\n');
    expect(await set('paymentTermsDays', '2w')).toContain('paymentTermsDays = 14');
    expect(await set('timezone', 'europe/oslo')).toBe('timezone = Europe/Oslo (was null, the default)\n');
    expect(await set('workingHours.start', '9:00')).toBe('workingHours.start = 09:00 (was 08:00, the default)\n');
    expect(await set('workingHours.days', 'mon-thu,sat')).toBe('workingHours.days = [1,2,3,4,6] (was [1,2,3,4,5], the default)\n');
    expect(await set('rules.thresholds.watch', '30')).toBe('rules.thresholds.watch = 30 (was 25, the default)\n');
    expect(await set('rules.severityFactor.high', '2.5')).toContain('= 2.5');
    expect(await set('rates.usd', '0.92')).toBe('rates.USD = 0.92 (was not set)\n');
    expect(readJson(file)).toEqual({
      currency: 'EUR', paymentTermsDays: 14, timezone: 'Europe/Oslo',
      workingHours: { start: '09:00', days: [1, 2, 3, 4, 6] },
      rules: { thresholds: { watch: 30 }, severityFactor: { high: 2.5 } },
      rates: { USD: 0.92 },
    });
    const get = async (key: string) => (await crm(['config', 'get', key], withConfig(file))).stdout;
    expect(await get('currency')).toBe('EUR\n');
    expect(await get('workingHours.days')).toBe('[1,2,3,4,6]\n');
    expect(await get('workingHours.end')).toBe('19:00\n'); // still the default
    expect(JSON.parse(await get('rules.thresholds'))).toEqual({ watch: 30, fire: 60 });
    expect(await get('rates.USD')).toBe('0.92\n');
    expect(await set('timezone', 'null')).toBe('timezone = null (was Europe/Oslo)\n');
    expect(readJson(file)).toMatchObject({ timezone: null });
  });

  it('refuses bad values with exit 2 naming the key and what it accepts, the file untouched', async () => {
    const file = freshConfig();
    await crm(['config', 'set', 'cadenceDays', '21'], withConfig(file));
    const before = snapshot(file);
    const cases: [string, string, RegExp][] = [
      ['cadenceDays', '0', /^crm: config cadenceDays: '0' is not accepted; expected a whole number from 1 to 3650 \(days, or a duration such as 10d, 2w or 1m\)\n$/],
      ['cadenceDays', '3651', /cadenceDays: '3651' is not accepted; expected a whole number from 1 to 3650/],
      ['cadenceDays', '1.5', /cadenceDays: '1.5' is not accepted; expected a whole number/],
      ['cadenceDays', 'soon', /cadenceDays: 'soon' is not accepted/],
      ['paymentTermsDays', '-1', /paymentTermsDays: '-1' is not accepted; expected a whole number from 0 to 3650/],
      ['timezone', 'Mars/Base', /timezone 'Mars\/Base' is not accepted: not an IANA time zone such as Europe\/Oslo/],
      ['workingHours.days', '8', /workingHours.days: '8' is not accepted; expected days of the week: mon-fri/],
      ['workingHours.days', '[8]', /workingHours.days: '\[8\]' is not accepted/],
      ['workingHours.days', 'mon,mon', /workingHours.days 'mon,mon' is not accepted: lists a day twice/],
      ['workingHours.start', '25:00', /workingHours.start: '25:00' is not accepted; expected a time HH:mm/],
      ['workingHours.end', '08:00', /workingHours.end '08:00' is not accepted: must differ from workingHours.start \(08:00\)/],
      ['currency', 'euro', /currency: 'euro' is not accepted; expected an ISO 4217 currency code/],
      ['rules.thresholds.watch', '60', /rules.thresholds.watch '60' is not accepted: must be below rules.thresholds.fire \(60\); it is 60/],
      ['rules.thresholds.fire', '20', /rules.thresholds.fire '20' is not accepted: rules.thresholds.watch must be below rules.thresholds.fire \(20\); it is 25/],
      ['rules.thresholds.fire', '101', /fire: '101' is not accepted; expected a whole number from 0 to 100/],
      ['rates.EUR', '0', /rates.EUR: '0' is not accepted; expected a positive number/],
      ['rates.XYZ', '1', /rates.XYZ '1' is not accepted: not an ISO 4217 currency code/],
      ['rules.thresholds', '5', /config rules.thresholds is a group of keys; set one of them: rules.thresholds.watch, rules.thresholds.fire/],
    ];
    for (const [key, value, message] of cases) {
      const r = await crm(['config', 'set', key, value], withConfig(file));
      expect({ key, value, code: r.code, out: r.stdout }).toEqual({ key, value, code: 2, out: '' });
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n')).toHaveLength(2); // one line
      expect(snapshot(file)).toEqual(before);
    }
  });

  it('names the nearest keys for an unknown one', async () => {
    const file = freshConfig();
    let r = await crm(['config', 'set', 'cadence', '21'], withConfig(file));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("crm: unknown config key 'cadence'; did you mean cadenceDays?\n");
    r = await crm(['config', 'get', 'rules.thresholds.fyre'], withConfig(file));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown config key 'rules.thresholds.fyre'; did you mean rules.thresholds.fire/);
    r = await crm(['config', 'unset', 'paymentTerms'], withConfig(file));
    expect(r.stderr).toMatch(/did you mean paymentTermsDays/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('unset removes the key (back to the default) and prunes empty groups; unsetting what is not set is fine', async () => {
    const file = freshConfig();
    await crm(['config', 'set', 'cadenceDays', '21'], withConfig(file));
    await crm(['config', 'set', 'rules.latePayment.graceDays', '10'], withConfig(file));
    let r = await crm(['config', 'unset', 'rules.latePayment.graceDays'], withConfig(file));
    expect(r).toMatchObject({ code: 0, stdout: 'rules.latePayment.graceDays = 7, the default (was 10)\n' });
    expect(readJson(file)).toEqual({ cadenceDays: 21 });
    r = await crm(['config', 'unset', 'feedbackAfterDays'], withConfig(file));
    expect(r).toMatchObject({ code: 0, stdout: 'feedbackAfterDays was not set; it follows the default, 3\n' });
    r = await crm(['config', 'unset', 'cadenceDays'], withConfig(file));
    expect(r.stdout).toBe('cadenceDays = 14, the default (was 21)\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('{}\n');
  });

  it('refuses an unset that would break a rule between keys', async () => {
    const file = freshConfig();
    await crm(['config', 'set', 'rules.thresholds.fire', '80'], withConfig(file));
    await crm(['config', 'set', 'rules.thresholds.watch', '70'], withConfig(file));
    const before = snapshot(file);
    const r = await crm(['config', 'unset', 'rules.thresholds.fire'], withConfig(file));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config rules.thresholds.fire is not accepted: rules.thresholds.watch must be below rules.thresholds.fire \(60\); it is 70/);
    expect(snapshot(file)).toEqual(before);
    expect((await crm(['config', 'unset', 'rules.thresholds'], withConfig(file))).code).toBe(0); // the group at once is fine
    expect(readJson(file)).toEqual({});
  });
});

describe('crm config list / path', () => {
  it('lists every key with its value, marking the defaults; --json is the effective config', async () => {
    const file = freshConfig();
    await crm(['config', 'set', 'paymentTermsDays', '14'], withConfig(file));
    const r = await crm(['config', 'list'], withConfig(file));
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.find((l) => l.startsWith('paymentTermsDays'))).toMatch(/^paymentTermsDays +14$/);
    expect(lines.find((l) => l.startsWith('cadenceDays'))).toMatch(/^cadenceDays +14 +\(default\)$/);
    expect(lines.find((l) => l.startsWith('workingHours.days'))).toMatch(/\[1,2,3,4,5\] +\(default\)$/);
    expect(lines.find((l) => l.startsWith('rules.latePayment.graceDays'))).toMatch(/ 7 +\(default\)$/);
    expect(lines.find((l) => l.startsWith('rates'))).toMatch(/^rates +\{\} +\(default\)$/);
    const json = await crmJson(['config', 'list'], withConfig(file));
    expect(json).toMatchObject({ paymentTermsDays: 14, cadenceDays: 14, rules: { thresholds: { watch: 25, fire: 60 } } });
  });

  it('path prints CRM_CONFIG, else the XDG default', async () => {
    const file = freshConfig();
    expect((await crm(['config', 'path'], withConfig(file))).stdout).toBe(file + '\n');
    const xdg = tempDir();
    const r = await crm(['config', 'path'], { env: { CRM_CONFIG: undefined, XDG_CONFIG_HOME: xdg } });
    expect(r.stdout).toBe(path.join(xdg, 'crm', 'config.json') + '\n');
  });
});

describe('a broken config file', () => {
  it('stops list and get, but set and unset repair it', async () => {
    const file = freshConfig();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ cadenceDays: 0, workingHours: { days: [8] }, colour: 'blue' }));
    for (const args of [['config', 'list'], ['config', 'get', 'cadenceDays'], ['due']]) {
      const r = await crm(args, withConfig(file, tempDb()));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^crm: config .*config.json: key /);
    }
    expect((await crm(['config', 'path'], withConfig(file))).stdout).toBe(file + '\n');
    let r = await crm(['config', 'set', 'cadenceDays', '10'], withConfig(file));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('cadenceDays = 10 (was 0)\n');
    expect(r.stderr).toMatch(/note: config still has a problem: workingHours.days.0 /);
    expect(r.stderr).toMatch(/note: config still has a problem: colour is not a config key/);
    // A repair may not bring a problem of its own.
    r = await crm(['config', 'set', 'feedbackAfterDays', '999'], withConfig(file));
    expect(r.code).toBe(2);
    r = await crm(['config', 'set', 'workingHours.days', 'mon-fri'], withConfig(file));
    expect(r.code).toBe(0);
    r = await crm(['config', 'unset', 'colour'], withConfig(file)); // not a key, but in the file
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readJson(file)).toEqual({ cadenceDays: 10, workingHours: { days: [1, 2, 3, 4, 5] } });
    expect((await crm(['config', 'get', 'cadenceDays'], withConfig(file))).stdout).toBe('10\n');
  });

  it('that is not JSON is named, with how to get out of it', async () => {
    const file = freshConfig();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{ "cadenceDays": 21, ');
    const before = snapshot(file);
    const r = await crm(['config', 'set', 'cadenceDays', '10'], withConfig(file));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^crm: config .*config.json is not valid JSON .*; fix it in an editor, or remove it to start from the defaults\n$/);
    expect(snapshot(file)).toEqual(before);
  });
});

describe('a value set changes what crm does', () => {
  it('paymentTermsDays 14: an invoice without --terms is due in 14 days', async () => {
    const file = freshConfig();
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme Corp']], withConfig(file));
    expect((await crm(['config', 'set', 'paymentTermsDays', '14'], withConfig(file))).code).toBe(0);
    const r = await crm(['invoice', 'add', 'acme', '--amount', '500', '--issued', '2026-11-20'], withConfig(file, db));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/due 2026-12-04/);
  });

  it('currency EUR: an invoice without --currency is in EUR', async () => {
    const file = freshConfig();
    const db = tempDb();
    await seed(db, [['client', 'add', 'Acme Corp']], withConfig(file));
    await crm(['config', 'set', 'currency', 'eur'], withConfig(file));
    await seed(db, [['invoice', 'add', 'acme', '--amount', '500']], withConfig(file));
    expect((await crmJson(['invoice', 'list'], withConfig(file, db)))[0]).toMatchObject({ amount: { currency: 'EUR' } });
  });
});
