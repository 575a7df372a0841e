// The demo's sample story is dated from the `today` it is given: it moves with the calendar, and
// stays a consistent history (nothing after today, conversations on working days and hours).
import { describe, expect, it } from 'vitest';
import { ABUSIVE, HAGGLER, LATE_PAYER, MODEL, NEWCOMER, demoStory, workday } from '../../src/domain/demo-story.js';
import { addDays, daysBetween, isoWeekday } from '../../src/domain/dates.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every calendar date in the story, in a stable order. */
function datesOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && DATE.test(value)) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => datesOf(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => datesOf(v, out));
  return out;
}

describe('demoStory dates move with today', () => {
  it.each([7, 28, 364, 3654])('%d days (whole weeks) later, every date is that many days later', (shift) => {
    const today = '2026-11-22';
    const a = datesOf(demoStory(today));
    const b = datesOf(demoStory(addDays(today, shift)));
    expect(a.length).toBeGreaterThan(100);
    expect(b.map((d, i) => daysBetween(a[i] ?? '', d))).toEqual(a.map(() => shift));
  });

  it('a day later, every date moves by a day or stays on the working day before a weekend', () => {
    const a = datesOf(demoStory('2026-11-23')); // a Monday
    const b = datesOf(demoStory('2026-11-24'));
    for (const [i, d] of b.entries()) expect([0, 1, 3]).toContain(daysBetween(a[i] ?? '', d));
  });

  it('the same today gives the same story', () => {
    expect(demoStory('2027-05-01')).toEqual(demoStory('2027-05-01'));
  });
});

describe('demoStory is a consistent history, whatever today is', () => {
  const todays = Array.from({ length: 21 }, (_, i) => addDays('2026-11-15', i * 17));
  it.each(todays)('today %s', (today) => {
    const s = demoStory(today);
    const names = new Set(s.clients.map((c) => c.name));
    expect(names.size).toBe(7);
    const created = new Map(s.clients.map((c) => [c.name, c.createdOn]));
    const happened = [
      ...s.interactions, ...s.incidents, ...s.changes, ...s.referrals, ...s.deliveries,
      ...s.invoices.map((i) => ({ client: i.client, on: i.issuedOn })),
    ];
    for (const r of happened) {
      expect(names.has(r.client)).toBe(true);
      expect(r.on <= today, `${r.client} ${r.on}`).toBe(true);
      expect(daysBetween(r.on, today)).toBeLessThanOrEqual(730);
    }
    for (const i of [...s.interactions, ...s.incidents]) {
      expect(i.on < today).toBe(true); // never later today than now
      expect(isoWeekday(i.on)).toBeLessThanOrEqual(5);
      expect(i.time >= '09:00' && i.time <= '17:00', i.time).toBe(true);
      expect(i.on >= (created.get(i.client) ?? '')).toBe(true);
    }
    for (const inv of s.invoices) {
      expect(inv.dueOn >= inv.issuedOn).toBe(true);
      for (const p of inv.payments) expect(p.on >= inv.issuedOn && p.on <= today).toBe(true);
      if (inv.dispute?.resolved) expect(inv.dispute.resolved.on >= inv.dispute.on).toBe(true);
    }
    for (const r of s.referrals) if (r.referred !== null) expect(names.has(r.referred)).toBe(true);
    // The roles the demo is about.
    expect(s.invoices.some((i) => i.client === LATE_PAYER && i.payments.length === 0 && i.dueOn < today)).toBe(true);
    expect(s.incidents.filter((i) => i.client === ABUSIVE && i.kind === 'verbal-abuse').map((i) => i.warned)).toEqual([true, false]);
    expect(s.invoices.some((i) => i.client === HAGGLER && i.dispute?.resolved?.outcome === 'discounted')).toBe(true);
    expect(s.referrals.every((r) => r.client === MODEL)).toBe(true);
    expect(daysBetween(created.get(NEWCOMER) ?? '', today)).toBeLessThan(30);
    expect(s.interactions.some((i) => i.next?.followUpOn === today)).toBe(true);
  });

  it('workday moves a Saturday or Sunday back to Friday, and leaves weekdays alone', () => {
    expect(workday('2026-11-21')).toBe('2026-11-20'); // Saturday
    expect(workday('2026-11-22')).toBe('2026-11-20'); // Sunday
    expect(workday('2026-11-23')).toBe('2026-11-23'); // Monday
  });
});
