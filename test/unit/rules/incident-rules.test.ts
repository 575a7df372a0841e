// Incident-driven rules (judgement v2): dealbreakers, verbal abuse and its escalation, warnings that
// fire on their own when repeated after --warned, and unreasonable demands (incidents plus after-hours
// calls by channel, in your zone and the client's).
import { describe, expect, it } from 'vitest';
import { evaluate, type Finding, type Verdict } from '../../../src/rules/index.js';
import type { ClientFacts, InteractionFact } from '../../../src/rules/facts.js';
import type { Channel, IncidentKind } from '../../../src/domain/types.js';
import { ago, batch, facts, incident, interaction, options, referral } from './builders.js';

const run = (s: Parameters<typeof facts>[0], o = options()) => evaluate(facts(s), o);
const rule = (v: Verdict, id: string): Finding | undefined => v.findings.find((f) => f.rule === id);
const at = (d: number, h = 12) => `${ago(d)}T${String(h).padStart(2, '0')}:00:00.000Z`;
/** A contact with a channel (the shared builder records email). */
const contact = (instant: string, channel: Channel | null = 'phone', direction: 'in' | 'out' = 'in'): InteractionFact =>
  ({ ...interaction(instant, direction), channel });
const withZone = (f: ClientFacts, timezone: string): ClientFacts => ({ ...f, client: { ...f.client, timezone } });

describe('dealbreakers', () => {
  it.each(['physical-abuse', 'dishonesty', 'legal-risk'] as const)('%s fires even years later and despite good signs', (kind) => {
    const v = run({
      incidents: [incident(kind, ago(3000))],
      invoices: batch(12, ago(40), 0), referrals: [referral(ago(10)), referral(ago(20))],
    });
    expect(v).toMatchObject({ verdict: 'fire', score: 70 });
    expect(rule(v, kind)).toMatchObject({ severity: 'dealbreaker', measure: 1, weight: 100, points: 100, cap: 100 });
    expect(rule(v, 'referrals')!.points).toBe(-16);
    expect(rule(v, 'long-relationship')).toBeUndefined();
  });

  it('an incident recorded after asOf is not known yet', () => {
    expect(run({ incidents: [incident('dishonesty', ago(-1))] }).verdict).toBe('keep');
  });
});

describe('verbal-abuse', () => {
  it.each([
    ['one incident is a warning', [incident('verbal-abuse', at(10))], 'warning'],
    ['warned, and nothing since: still a warning', [incident('verbal-abuse', at(20)), incident('verbal-abuse', at(10), { warned: true })], 'warning'],
    ['again after the warning: dealbreaker', [incident('verbal-abuse', at(20), { warned: true }), incident('verbal-abuse', at(10))], 'dealbreaker'],
    ['before the warning is not after it', [incident('verbal-abuse', at(10), { warned: true }), incident('verbal-abuse', at(20))], 'warning'],
    ['same instant as the warning is not "after"', [incident('verbal-abuse', at(10), { warned: true }), incident('verbal-abuse', at(10))], 'warning'],
    ['one hour later is', [incident('verbal-abuse', at(10, 12), { warned: true }), incident('verbal-abuse', at(10, 13))], 'dealbreaker'],
    ['after a warning years ago: a dealbreaker at any age', [incident('verbal-abuse', at(2100), { warned: true }), incident('verbal-abuse', at(2000))], 'dealbreaker'],
  ])('%s', (_n, incidents, severity) => {
    const v = run({ incidents });
    expect(rule(v, 'verbal-abuse')!.severity).toBe(severity);
    expect(v.verdict).toBe(severity === 'dealbreaker' ? 'fire' : 'watch');
  });

  it('a warning weighs 30 × age × severity within the cap of 40; after a warning, 100', () => {
    expect(rule(run({ incidents: [incident('verbal-abuse', at(10))] }), 'verbal-abuse')).toMatchObject({ measure: 1, weight: 30, points: 30 });
    expect(rule(run({ incidents: [incident('verbal-abuse', at(10), { severity: 'low' })] }), 'verbal-abuse')!.points).toBe(15);
    expect(rule(run({ incidents: [incident('verbal-abuse', at(10)), incident('verbal-abuse', at(20))] }), 'verbal-abuse')!.points).toBe(40);
    const again = rule(run({ incidents: [incident('verbal-abuse', at(20), { warned: true }), incident('verbal-abuse', at(10))] }), 'verbal-abuse')!;
    expect(again).toMatchObject({ title: 'Verbal abuse after a warning', points: 100 });
  });

  it('suggests warning the client when it was never said', () => {
    expect(run({ incidents: [incident('verbal-abuse', ago(5))] }).advice)
      .toContain('tell the client plainly this is not acceptable, then record it with `crm incident add --warned`');
  });
});

describe('warning incidents: one raises; a repeat after --warned fires on its own', () => {
  it.each([
    ['ignored-advice', 'ignored-advice', 15],
    ['competitor-leverage', 'competitor-leverage', 28],
    ['missed-deadline', 'missed-commitments', 16],
  ] as [IncidentKind, string, number][])('%s → %s: one fresh incident is %i points', (kind, id, points) => {
    expect(rule(run({ incidents: [incident(kind, ago(10))] }), id)).toMatchObject({ severity: 'warning', measure: 1, points, firesAlone: null });
  });

  describe.each([
    ['ignored-advice', 'ignored-advice'],
    ['competitor-leverage', 'competitor-leverage'],
  ] as [IncidentKind, string][])('%s', (kind, id) => {
    it.each([
      ['a repeat after the warning, in the last 12 months', [at(100), at(10)], true],
      ['a repeat 364 days ago, after an older warning', [at(400), at(364)], true],
      ['a repeat 365 days ago is too old', [at(400), at(365)], false],
      ['a repeat 400 days ago is too old', [at(500), at(400)], false],
      ['the warning at the same instant is not "after"', [at(10), at(10)], false],
    ])('%s: fires %s', (_n, [warnedAt, againAt], fires) => {
      const v = run({ incidents: [incident(kind, warnedAt!, { warned: true }), incident(kind, againAt!)] });
      const f = rule(v, id)!;
      expect(f.firesAlone !== null).toBe(fires);
      expect(v.verdict === 'fire').toBe(fires);
      if (fires) {
        expect(f.points).toBe(60);
        expect(f.firesAlone).toBe(`it happened again on ${againAt!.slice(0, 10)} after you raised it with them on ${warnedAt!.slice(0, 10)}`);
      }
    });

    it('an incident before the warning does not fire', () => {
      const f = rule(run({ incidents: [incident(kind, at(100)), incident(kind, at(10), { warned: true })] }), id)!;
      expect(f.firesAlone).toBeNull();
      expect(f.detail).toContain(`you raised it with them on ${ago(10)}`);
    });
  });

  it('missed-commitments never fires on its own', () => {
    const repeated = run({ incidents: [incident('missed-deadline', at(100), { warned: true }), incident('missed-deadline', at(10))] });
    expect(rule(repeated, 'missed-commitments')!.firesAlone).toBeNull();
    const many = run({ incidents: [1, 2, 3, 4, 5].map((d) => incident('missed-deadline', ago(d), { severity: 'high' })) });
    expect(rule(many, 'missed-commitments')).toMatchObject({ points: 40, firesAlone: null });
    expect(many.verdict).toBe('watch');
  });

  it('severity and age change the weight', () => {
    const w = (sev: 'low' | 'high', d: number) => rule(run({ incidents: [incident('competitor-leverage', ago(d), { severity: sev })] }), 'competitor-leverage')!.measure;
    expect(w('high', 0)).toBe(1.5);
    expect(w('low', 0)).toBe(0.5);
    expect(w('high', 365)).toBe(0.75);
    expect(w('high', 730)).toBe(0.375);
  });
});

describe('unreasonable-demands', () => {
  const demands = (interactions: InteractionFact[], o = options(), incidents: ReturnType<typeof incident>[] = []) =>
    rule(run({ interactions, incidents }, o), 'unreasonable-demands');
  // 2026-11-16 is a Monday, 2026-11-18 a Wednesday, 2026-11-21 a Saturday.

  it.each([
    ['phone', true], ['video', true], ['in-person', true], ['chat', true], ['email', false], [null, false],
  ] as const)('an inbound %s contact at 22:00 on a weekday is a demand: %s', (channel, counted) => {
    const f = demands([contact('2026-11-16T22:00:00Z', channel)]);
    expect(f?.measure ?? null).toBe(counted ? 0.34 : null);
    if (f) expect(f).toMatchObject({ points: 8.8, evidence: [{ type: 'interaction', direction: 'in', channel }] });
  });

  it('email is never a demand, however many and however late', () => {
    expect(demands([1, 2, 3, 4, 5].map((d) => contact(at(d, 23), 'email')))).toBeUndefined();
  });

  it('outbound contact never is', () => {
    expect(demands([1, 2, 3].map((d) => contact(at(d, 23), 'phone', 'out')))).toBeUndefined();
  });

  it.each([
    ['19:00 is already after hours', '2026-11-16T19:00:00Z', true],
    ['18:59 is still working time', '2026-11-16T18:59:00Z', false],
    ['07:59 is before hours', '2026-11-16T07:59:00Z', true],
    ['08:00 is working time', '2026-11-16T08:00:00Z', false],
    ['Saturday daytime is outside working days', '2026-11-21T10:00:00Z', true],
  ])('%s', (_n, instant, counted) => {
    expect(Boolean(demands([contact(instant)]))).toBe(counted);
  });

  it('uses the configured working hours and days', () => {
    const o = options({ workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5, 6, 7] } });
    expect(demands([contact('2026-11-21T10:00:00Z')], o)).toBeUndefined();
    expect(demands([contact('2026-11-18T08:30:00Z')], o)).toBeDefined();
  });

  it('judges in your time zone', () => {
    // 07:30Z is 08:30 in Berlin (inside), 07:30 in UTC (outside).
    expect(demands([contact('2026-11-16T07:30:00Z')], options({ timeZone: 'Europe/Berlin' }))).toBeUndefined();
    expect(demands([contact('2026-11-16T07:30:00Z')], options({ timeZone: 'UTC' }))).toBeDefined();
  });

  describe('a client in New York, you in Berlin', () => {
    const berlin = options({ timeZone: 'Europe/Berlin' });
    const judgeCall = (instant: string, zone: string | null = 'America/New_York') => {
      const f = facts({ interactions: [contact(instant)] });
      return rule(evaluate(zone ? withZone(f, zone) : f, berlin), 'unreasonable-demands');
    };
    it.each([
      ['10:00 New York (16:00 Berlin), a Wednesday: in your hours', '2026-11-18T15:00:00Z', false],
      ['14:00 New York (20:00 Berlin): after your hours, but in theirs', '2026-11-18T19:00:00Z', false],
      ['21:00 New York on a Wednesday (03:00 Berlin): outside both', '2026-11-19T02:00:00Z', true],
    ])('%s → demand: %s', (_n, instant, counted) => {
      const f = judgeCall(instant);
      expect(Boolean(f)).toBe(counted);
      if (f) expect(f.detail).toContain('and outside theirs in America/New_York');
    });

    it('without the client’s zone, 20:00 Berlin is after hours', () => {
      expect(judgeCall('2026-11-18T19:00:00Z', null)).toBeDefined();
    });
  });

  it('a contact an unreasonable-demand incident was recorded with counts once, as the incident; other incidents leave it', () => {
    const call = contact('2026-11-16T22:00:00Z');
    // Abuse on a late call is two facts: the abuse (verbal-abuse) and the demand (this rule).
    const abuse = incident('verbal-abuse', '2026-11-16T22:00:00.000Z', { interactionId: call.id });
    expect(demands([call], options(), [abuse])).toMatchObject({ measure: 0.34 });
    const demand = incident('unreasonable-demand', '2026-11-16T22:00:00.000Z', { interactionId: call.id });
    expect(demands([call], options(), [demand])).toMatchObject({ measure: 1, points: 26 });
  });

  it('an unreasonable-demand incident on the same local day swallows the contact', () => {
    const berlin = options({ timeZone: 'Europe/Berlin' });
    const demand = incident('unreasonable-demand', '2026-11-16T12:00:00.000Z'); // Monday in Berlin
    expect(demands([contact('2026-11-16T21:30:00Z')], berlin, [demand])!.measure).toBe(1); // Monday 22:30 in Berlin
    expect(demands([contact('2026-11-16T23:30:00Z')], berlin, [demand])!.measure).toBe(1.34); // Tuesday 00:30 in Berlin
  });

  it('the after-hours part is capped at afterHoursCap: 10 calls weigh what 3 do', () => {
    const calls = (n: number) => Array.from({ length: n }, (_, k) => contact(at(k + 1, 23)));
    expect(demands(calls(2))).toMatchObject({ measure: 0.68, points: 17.7 });
    expect(demands(calls(3))).toMatchObject({ measure: 1, points: 26 });
    expect(demands(calls(10))).toMatchObject({ measure: 1, points: 26 });
    expect(demands(calls(10), options({ tune: (c) => { c.unreasonableDemands.afterHoursCap = 2; } }))!.measure).toBe(2);
    expect(demands(calls(10), options(), [incident('unreasonable-demand', ago(30))])).toMatchObject({ measure: 2, points: 40, firesAlone: null });
  });

  it('after-hours calls age in steps like every event', () => {
    expect(demands([contact(at(364, 23))])!.measure).toBe(0.34);
    expect(demands([contact(at(365, 23))])!.measure).toBe(0.17);
    expect(demands([contact(at(1095, 23))])).toBeUndefined();
  });

  describe('overnight working hours (22:00–06:00, Monday–Friday nights)', () => {
    const night = options({ workingHours: { start: '22:00', end: '06:00', days: [1, 2, 3, 4, 5] } });
    it.each([
      ['Wednesday 23:00 is working time', '2026-11-18T23:00:00Z', false],
      ['Thursday 05:59 is still Wednesday night', '2026-11-19T05:59:00Z', false],
      ['Thursday 06:00 is after the shift', '2026-11-19T06:00:00Z', true],
      ['Saturday 03:00 is inside the Friday night shift', '2026-11-21T03:00:00Z', false],
      ['Saturday 23:00 is not a working night', '2026-11-21T23:00:00Z', true],
      ['Monday 03:00 belongs to Sunday night', '2026-11-16T03:00:00Z', true],
      ['Wednesday noon is outside', '2026-11-18T12:00:00Z', true],
    ])('%s', (_n, instant, counted) => {
      expect(Boolean(demands([contact(instant)], night))).toBe(counted);
    });
  });

  it('never fires on its own', () => {
    const v = run({ incidents: Array.from({ length: 6 }, (_, k) => incident('unreasonable-demand', ago(k + 1), { severity: 'high' })) });
    expect(rule(v, 'unreasonable-demands')).toMatchObject({ points: 40, firesAlone: null });
    expect(v.verdict).toBe('watch');
  });
});
