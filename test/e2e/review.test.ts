// `crm review` and `crm rules` through the built binary, on histories recorded through the CLI:
// every warning sign, every good sign, and the patterns that must not be over-read.
import { beforeAll, describe, expect, it } from 'vitest';
import { seed, spawnCrm, tempDb } from '../helpers/cli.js';

// NOW (helpers) is 2026-11-22T10:00:00Z, TZ=UTC. Clients are added today with backdated records.
const month = (k: number) => {
  const d = new Date(Date.UTC(2026, 10 - k, 5)); // the 5th of the month, k months before November
  return d.toISOString().slice(0, 10);
};
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

let n = 0;
/** Invoice due on `due`, paid `late` days after it (null: unpaid). */
function invoice(client: string, due: string, late: number | null, amount = '1000', currency = 'EUR'): string[][] {
  const number = `T-${String(++n).padStart(4, '0')}`;
  const cmds = [['invoice', 'add', client, '--amount', amount, '--currency', currency, '--number', number, '--issued', addDays(due, -30), '--due', due]];
  if (late !== null) cmds.push(['invoice', 'pay', number, '--on', addDays(due, late)]);
  return cmds;
}
const incident = (client: string, kind: string, on: string, ...extra: string[]) => [['incident', 'add', client, '--kind', kind, '--on', on, ...extra]];
const client = (name: string) => [['client', 'add', name]];

const SCENARIOS: Record<string, string[][]> = {
  'Fist Co': [...client('Fist Co'), ...incident('Fist Co', 'physical-abuse', '2026-10-02'), ...invoice('Fist Co', month(2), 0)],
  'Shouty Ltd': [...client('Shouty Ltd'), ...incident('Shouty Ltd', 'verbal-abuse', '2026-09-01', '--warned'), ...incident('Shouty Ltd', 'verbal-abuse', '2026-10-15')],
  'Rude Once': [...client('Rude Once'), ...incident('Rude Once', 'verbal-abuse', '2026-10-15')],
  'Fibber Inc': [...client('Fibber Inc'), ...incident('Fibber Inc', 'dishonesty', '2026-08-01')],
  'Shady LLC': [...client('Shady LLC'), ...incident('Shady LLC', 'legal-risk', '2026-07-01')],
  'Slowpay': [...client('Slowpay'), ...[1, 2, 3, 4].flatMap((k) => invoice('Slowpay', month(k), 35))],
  'One Slip': [...client('One Slip'), ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((k) => invoice('One Slip', month(k), 0)), ...invoice('One Slip', month(10), 40)],
  'Reformed': [
    ...client('Reformed'),
    ...[48, 47, 46, 45, 44].flatMap((k) => invoice('Reformed', month(k), 50)),
    ...Array.from({ length: 24 }, (_, k) => invoice('Reformed', month(k + 1), -2)).flat(),
  ],
  'Owes Money': [...client('Owes Money'), ...invoice('Owes Money', '2026-10-01', null, '2400')],
  'Haggle Bros': [
    ...client('Haggle Bros'),
    // Haggled before paying: a paid invoice can no longer be disputed.
    ...invoice('Haggle Bros', month(3), null), ['invoice', 'dispute', `T-${String(n).padStart(4, '0')}`, '--reason', 'too expensive', '--on', addDays(month(3), -10)],
    ['invoice', 'resolve', `T-${String(n).padStart(4, '0')}`, '--outcome', 'upheld', '--on', addDays(month(3), -5)],
    ['invoice', 'pay', `T-${String(n).padStart(4, '0')}`, '--on', month(3)],
    ...invoice('Haggle Bros', month(2), null), ['invoice', 'dispute', `T-${String(n).padStart(4, '0')}`, '--reason', 'haggling again', '--on', month(2)],
    ['invoice', 'resolve', `T-${String(n).padStart(4, '0')}`, '--outcome', 'discounted', '--conceded', '200', '--on', addDays(month(2), 5)],
  ],
  'Moving Target': [...client('Moving Target'), ...[10, 30, 50, 70].map((d) => ['change', 'add', 'Moving Target', '--summary', `change ${d}`, '--project', 'Site', '--on', addDays('2026-11-22', -d), '--unbilled'])],
  'Night Owl': [...client('Night Owl'), ...['2026-11-16 23:00', '2026-11-17 05:30', '2026-11-18 22:15'].map((at) => ['log', 'Night Owl', '--direction', 'in', '--channel', 'phone', '--at', at, '--summary', 'urgent idea', '--no-recap'])],
  'Demanding': [...client('Demanding'), ...incident('Demanding', 'unreasonable-demand', '2026-11-01')],
  'Knows Better': [...client('Knows Better'), ...incident('Knows Better', 'ignored-advice', '2026-09-01'), ...incident('Knows Better', 'ignored-advice', '2026-10-20')],
  'Price Shopper': [...client('Price Shopper'), ...incident('Price Shopper', 'competitor-leverage', '2026-10-10')],
  'Always Late': [...client('Always Late'), ...incident('Always Late', 'missed-deadline', '2026-08-10'), ...incident('Always Late', 'missed-deadline', '2026-10-10')],
  'Model Client': [
    ...client('Model Client'),
    ...Array.from({ length: 24 }, (_, k) => invoice('Model Client', month(k + 1), -1, '3000')).flat(),
    ...Array.from({ length: 24 }, (_, k) => ['log', 'Model Client', '--at', `${addDays(month(k + 1), 2)} 10:00`, '--direction', 'out', '--summary', 'check-in', '--no-recap']),
    ['referral', 'add', 'Model Client', '--on', '2026-06-01', '--note', 'introduced us to Beta'],
    ['referral', 'add', 'Model Client', '--on', '2026-09-01'],
  ],
};

let db: string;
const review = (name: string, ...args: string[]) => {
  const r = spawnCrm(['review', name, '--json', ...args], { db });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { verdict: string; score: number; confidence: string; findings: { rule: string; severity: string; points: number }[]; advice: string[] };
};
const severities = (v: ReturnType<typeof review>) => Object.fromEntries(v.findings.map((f) => [f.rule, f.severity]));

beforeAll(async () => {
  db = tempDb();
  await seed(db, Object.values(SCENARIOS).flat());
});

describe('crm review: warning signs (binary)', () => {
  it.each([
    ['Fist Co', 'physical-abuse', 'dealbreaker', 'fire'],
    ['Shouty Ltd', 'verbal-abuse', 'dealbreaker', 'fire'],
    ['Fibber Inc', 'dishonesty', 'dealbreaker', 'fire'],
    ['Shady LLC', 'legal-risk', 'dealbreaker', 'fire'],
    ['Rude Once', 'verbal-abuse', 'warning', 'watch'],
    ['Slowpay', 'late-payment', 'warning', null],
    ['Owes Money', 'overdue-balance', 'warning', null],
    ['Haggle Bros', 'invoice-disputes', 'warning', null],
    ['Moving Target', 'scope-churn', 'warning', null],
    ['Night Owl', 'unreasonable-demands', 'warning', null],
    ['Demanding', 'unreasonable-demands', 'warning', null],
    ['Knows Better', 'ignored-advice', 'warning', null],
    ['Price Shopper', 'competitor-leverage', 'warning', null],
    ['Always Late', 'missed-commitments', 'warning', null],
  ])('%s → %s (%s)', (name, rule, severity, verdict) => {
    const v = review(name);
    expect(severities(v)[rule]).toBe(severity);
    if (verdict) expect(v.verdict).toBe(verdict);
    if (severity === 'warning') expect(v.verdict).not.toBe('keep');
  });
});

describe('crm review: good signs and patterns not to over-read (binary)', () => {
  it('a model client is kept, with every good sign and its income share', () => {
    const v = review('Model Client');
    expect(v.verdict).toBe('keep');
    expect(v.score).toBe(0);
    expect(severities(v)).toEqual({ 'on-time-payer': 'positive', referrals: 'positive', 'long-relationship': 'positive', 'income-concentration': 'info' });
    expect(v.findings.filter((f) => f.severity === 'positive').every((f) => f.points < 0)).toBe(true);
  });

  it('one late invoice among many is not chronic', () => {
    const v = review('One Slip');
    expect(severities(v)['late-payment']).toBeUndefined();
    expect(v.verdict).toBe('keep');
  });

  it('a reformed late payer is kept', () => {
    const v = review('Reformed');
    expect(severities(v)['late-payment']).toBeUndefined();
    expect(severities(v)['on-time-payer']).toBe('positive');
    expect(v.verdict).toBe('keep');
    // Judged as of four years ago, the same client was a chronic late payer.
    const then = review('Reformed', '--as-of', addDays(month(43), 10));
    expect(severities(then)['late-payment']).toBe('warning');
  });

  it('--as-of sees only what was known then', () => {
    expect(severities(review('Shouty Ltd', '--as-of', '2026-10-01'))['verbal-abuse']).toBe('warning');
    expect(review('Fist Co', '--as-of', '2026-10-01').verdict).not.toBe('fire');
  });
});

describe('crm review --all and crm rules (binary)', () => {
  it('ranks dealbreakers above a model client, worst first, with a 12-month trend', () => {
    const r = spawnCrm(['review', '--all', '--json'], { db });
    expect(r.code).toBe(0);
    const all = JSON.parse(r.stdout) as { asOf: string; clients: { client: { name: string }; verdict: string; score: number; rules: string[]; trend: unknown[] }[] };
    expect(all.asOf).toBe('2026-11-22');
    const names = all.clients.map((c) => c.client.name);
    expect(names).toHaveLength(Object.keys(SCENARIOS).length);
    expect(names.indexOf('Fist Co')).toBeLessThan(names.indexOf('Model Client'));
    expect(all.clients.at(-1)!.verdict).toBe('keep');
    const rank = { fire: 0, watch: 1, keep: 2 } as Record<string, number>;
    for (let i = 1; i < all.clients.length; i++) {
      const [a, b] = [all.clients[i - 1]!, all.clients[i]!];
      expect(rank[a.verdict]! < rank[b.verdict]! || (a.verdict === b.verdict && a.score >= b.score)).toBe(true);
    }
    expect(all.clients.find((c) => c.client.name === 'Fist Co')!.rules).toContain('physical-abuse');
    expect(all.clients[0]!.trend).toHaveLength(12);
  });

  it('prints a verdict card a person can act on', () => {
    const r = spawnCrm(['review', 'Owes Money', '--explain'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Owes Money {2}(WATCH|KEEP|FIRE) {2}score \d+\/100/);
    expect(r.stdout).toContain(`chase T-`);
    expect(r.stdout).toMatch(/overdue-balance +[\d.]+ +× 15 +=/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('lists every rule with its settings', () => {
    const r = spawnCrm(['rules', '--json'], { db });
    const rules = JSON.parse(r.stdout) as { thresholds: { watch: number; fire: number }; rules: { id: string; settings: Record<string, unknown> }[] };
    expect(rules.thresholds).toEqual({ watch: 25, fire: 60 });
    expect(rules.rules).toHaveLength(17); // the contract's 16, and short-payment
    expect(rules.rules.find((x) => x.id === 'late-payment')!.settings['latePayment.graceDays']).toBe(7);
  });

  it('refuses an unknown client and a missing one with exit 2', () => {
    expect(spawnCrm(['review', 'Nobody Here'], { db }).code).toBe(2);
    expect(spawnCrm(['review'], { db }).code).toBe(2);
  });
});
