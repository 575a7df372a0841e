// Incident-driven rules: dealbreakers, verbal abuse escalation, unreasonable demands, warnings.
import { describe, expect, it } from 'vitest';
import { evaluate, type Finding } from '../../../src/rules/index.js';
import { ago, batch, facts, incident, interaction, options, referral } from './builders.js';
import type { IncidentKind } from '../../../src/domain/types.js';

const run = (s: Parameters<typeof facts>[0], o = options()) => evaluate(facts(s), o);
const rule = (v: ReturnType<typeof evaluate>, id: string): Finding | undefined => v.findings.find((f) => f.rule === id);

describe('dealbreakers', () => {
  it.each(['physical-abuse', 'dishonesty', 'legal-risk'] as const)('%s fires even years later and despite good signs', (kind) => {
    const v = run({
      incidents: [incident(kind, ago(3000))],
      invoices: batch(12, ago(40), 0), referrals: [referral(ago(10)), referral(ago(20))],
    });
    expect(v.verdict).toBe('fire');
    expect(rule(v, kind)).toMatchObject({ severity: 'dealbreaker', measure: 1, weight: 100, points: 100 });
    expect(rule(v, 'referrals')!.points).toBeLessThan(0);
    expect(rule(v, 'long-relationship')).toBeUndefined();
  });

  it('an incident recorded after asOf is not known yet', () => {
    expect(run({ incidents: [incident('dishonesty', ago(-1))] }).verdict).toBe('keep');
  });
});

describe('verbal-abuse', () => {
  const at = (d: number, h = 12) => `${ago(d)}T${String(h).padStart(2, '0')}:00:00.000Z`;
  it.each([
    ['one incident is a warning', [incident('verbal-abuse', at(10))], 'warning'],
    ['warned, and nothing since: still a warning', [incident('verbal-abuse', at(20)), incident('verbal-abuse', at(10), { warned: true })], 'warning'],
    ['again after the warning: dealbreaker', [incident('verbal-abuse', at(20), { warned: true }), incident('verbal-abuse', at(10))], 'dealbreaker'],
    ['same instant as the warning is not "after"', [incident('verbal-abuse', at(10), { warned: true }), incident('verbal-abuse', at(10))], 'warning'],
    ['one hour later is', [incident('verbal-abuse', at(10, 12), { warned: true }), incident('verbal-abuse', at(10, 13))], 'dealbreaker'],
  ])('%s', (_n, incidents, severity) => {
    const v = run({ incidents });
    expect(rule(v, 'verbal-abuse')!.severity).toBe(severity);
    if (severity === 'dealbreaker') expect(v.verdict).toBe('fire');
  });

  it('suggests warning the client when it was never said', () => {
    expect(run({ incidents: [incident('verbal-abuse', ago(5))] }).advice.join('\n')).toMatch(/--warned/);
  });
});

describe('warning incidents', () => {
  it.each([
    ['ignored-advice', 'ignored-advice', 1, false],
    ['ignored-advice', 'ignored-advice', 2, true],
    ['competitor-leverage', 'competitor-leverage', 1, true],
    ['missed-deadline', 'missed-commitments', 1, true],
    ['missed-deadline', 'missed-commitments', 2, true],
    ['unreasonable-demand', 'unreasonable-demands', 1, true],
    ['other', 'ignored-advice', 5, false],
  ] as [IncidentKind, string, number, boolean][])('%s → %s: %i incidents, raised %s', (kind, id, n, raised) => {
    const v = run({ incidents: Array.from({ length: n }, (_, k) => incident(kind, ago(10 + k))) });
    expect(Boolean(rule(v, id))).toBe(raised);
    if (raised) expect(rule(v, id)!.severity).toBe('warning');
  });

  it('severity and age change the weight', () => {
    const w = (sev: 'low' | 'high', d: number) => rule(run({ incidents: [incident('competitor-leverage', ago(d), { severity: sev })] }), 'competitor-leverage')!.measure;
    expect(w('high', 0)).toBe(1.5);
    expect(w('low', 0)).toBe(0.5);
    expect(w('high', 365)).toBe(0.75); // one half-life
  });

  it('windowDays (1095) is inclusive', () => {
    expect(rule(run({ incidents: [incident('competitor-leverage', ago(1095))] }), 'competitor-leverage')).toBeDefined();
    expect(rule(run({ incidents: [incident('competitor-leverage', ago(1096))] }), 'competitor-leverage')).toBeUndefined();
  });
});

describe('unreasonable-demands: inbound contact outside working hours', () => {
  // 2026-11-16 is a Monday, 2026-11-21 a Saturday.
  const inbound = (instants: string[], dir: 'in' | 'out' = 'in') => instants.map((i) => interaction(i, dir));
  it.each([
    ['three inbound at 22:00 on weekdays', ['2026-11-16T22:00:00Z', '2026-11-17T22:00:00Z', '2026-11-18T22:00:00Z'], 'in', 'UTC', true],
    ['one is enough to raise it (weighing little)', ['2026-11-16T22:00:00Z'], 'in', 'UTC', true],
    ['none outside hours', ['2026-11-16T12:00:00Z'], 'in', 'UTC', false],
    ['outbound does not count', ['2026-11-16T22:00:00Z', '2026-11-17T22:00:00Z', '2026-11-18T22:00:00Z'], 'out', 'UTC', false],
    ['19:00 is already after hours', ['2026-11-16T19:00:00Z', '2026-11-17T19:00:00Z', '2026-11-18T19:00:00Z'], 'in', 'UTC', true],
    ['18:59 is still working time', ['2026-11-16T18:59:00Z', '2026-11-17T18:59:00Z', '2026-11-18T18:59:00Z'], 'in', 'UTC', false],
    ['Saturday daytime is outside working days', ['2026-11-21T10:00:00Z', '2026-11-14T10:00:00Z', '2026-11-07T10:00:00Z'], 'in', 'UTC', true],
    ['07:30Z is 08:30 in Oslo: inside', ['2026-11-16T07:30:00Z', '2026-11-17T07:30:00Z', '2026-11-18T07:30:00Z'], 'in', 'Europe/Oslo', false],
    ['07:30Z is 07:30 in UTC: outside', ['2026-11-16T07:30:00Z', '2026-11-17T07:30:00Z', '2026-11-18T07:30:00Z'], 'in', 'UTC', true],
    ['Friday 20:00 in New York is Saturday 01:00 UTC', ['2026-11-21T01:00:00Z', '2026-11-14T01:00:00Z', '2026-11-07T01:00:00Z'], 'in', 'America/New_York', true],
  ] as const)('%s', (_n, instants, dir, timeZone, raised) => {
    const v = run({ interactions: inbound([...instants], dir) }, options({ timeZone }));
    expect(Boolean(rule(v, 'unreasonable-demands'))).toBe(raised);
    if (raised) expect(rule(v, 'unreasonable-demands')!.evidence[0]).toMatchObject({ type: 'interaction', direction: 'in' });
  });

  it('minAfterHours sets how many after-hours contacts it takes', () => {
    const two = inbound(['2026-11-16T22:00:00Z', '2026-11-17T22:00:00Z']);
    expect(rule(run({ interactions: two }, options({ tune: (c) => { c.unreasonableDemands.minAfterHours = 3; } })), 'unreasonable-demands')).toBeUndefined();
    expect(rule(run({ interactions: two }), 'unreasonable-demands')!.measure).toBeCloseTo(0.673, 3); // 0.34 × two contacts 5 and 6 days old
  });

  it('uses the configured working hours and days', () => {
    const weekend = inbound(['2026-11-21T10:00:00Z', '2026-11-14T10:00:00Z', '2026-11-07T10:00:00Z']);
    const o = options({ workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5, 6, 7] } });
    expect(rule(run({ interactions: weekend }, o), 'unreasonable-demands')).toBeUndefined();
  });
});
