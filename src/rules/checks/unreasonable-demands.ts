// Rule unreasonable-demands: demands out of proportion — unreasonable-demand incidents, plus contact
// that wants an answer now (phone, video, in person, chat) outside your working hours and, when the
// client's time zone is known, outside the same hours where the client is. Owns those incidents and
// after-hours demands; a contact an incident was recorded with (or an unreasonable-demand incident
// of the same day) counts once, as the incident. Judges; never formats output.
import type { Rule } from '../types.js';
import type { Channel } from '../../domain/types.js';
import { localParts, weekdayName, type LocalParts } from '../../domain/dates.js';
import type { KnownIncident, KnownInteraction, RuleContext, WorkingHours } from '../context.js';
import { incidentEvidence, interactionEvidence, plural, when } from '../evidence.js';
import { incidentsOf, incidentWeight, makeFinding } from '../finding.js';

/** Channels that ask for an answer now; email can wait for the morning. */
const DEMANDING: ReadonlySet<Channel> = new Set<Channel>(['phone', 'video', 'in-person', 'chat']);

/**
 * Outside working hours. An overnight span (start after end, e.g. 22:00–06:00) belongs to the day
 * it starts on: 03:00 on a Saturday is inside a Friday night shift.
 */
export const outsideHours = (hours: WorkingHours, local: Pick<LocalParts, 'time' | 'isoWeekday'>): boolean => {
  const { start, end, days } = hours;
  const { time, isoWeekday } = local;
  if (start < end) return !days.includes(isoWeekday) || time < start || time >= end;
  if (time >= start) return !days.includes(isoWeekday);
  if (time < end) return !days.includes(isoWeekday === 1 ? 7 : isoWeekday - 1);
  return true;
};

const DAY = (d: number) => weekdayName(d, 'short');
const dayList = (days: number[]) => {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const contiguous = sorted.length > 2 && sorted.every((d, i) => i === 0 || d === (sorted[i - 1] ?? 0) + 1);
  return contiguous ? `${DAY(sorted[0] ?? 0)}–${DAY(sorted[sorted.length - 1] ?? 0)}` : sorted.map(DAY).join(', ');
};

// The answer depends on the contact, the zones and the hours, never on the review date: review --all
// asks it at 12 dates, so it is remembered per contact for the settings it was asked with.
const demandCache = new WeakMap<KnownInteraction, { hours: WorkingHours; zone: string; client: string | null; value: boolean }>();

/** Inbound, by a channel that wants an answer now, outside your hours (and the client's, when known). */
export function isAfterHoursDemand(ctx: RuleContext, i: KnownInteraction): boolean {
  if (i.direction !== 'in' || i.channel === null || !DEMANDING.has(i.channel)) return false;
  const client = ctx.client.timezone;
  const cached = demandCache.get(i);
  if (cached && cached.hours === ctx.workingHours && cached.zone === ctx.timeZone && cached.client === client) return cached.value;
  const value = outsideHours(ctx.workingHours, i.local)
    && (client === null || client === ctx.timeZone || outsideHours(ctx.workingHours, localParts(i.at, client)));
  demandCache.set(i, { hours: ctx.workingHours, zone: ctx.timeZone, client, value });
  return value;
}

/** The interactions in the window (age weight above 0), in order: a suffix when their dates never go down. */
function inWindow(ctx: RuleContext): KnownInteraction[] {
  const xs = ctx.interactions;
  const counts = (i: KnownInteraction) => ctx.recency(i.local.date) > 0;
  if (!ctx.interactionsByDate) return xs.filter(counts);
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (counts(xs[mid] as KnownInteraction)) hi = mid;
    else lo = mid + 1;
  }
  return xs.slice(lo);
}

/**
 * After-hours demands not already counted as an unreasonable-demand incident. Each such incident
 * stands for one contact: the one it was recorded with, else the nearest after-hours demand of the
 * same day — so the call and the incident about it count once, and other calls still count.
 */
function afterHoursDemands(ctx: RuleContext, incidents: KnownIncident[]): KnownInteraction[] {
  const candidates = inWindow(ctx).filter((i) => isAfterHoursDemand(ctx, i));
  const taken = new Set<number>();
  for (const inc of incidents) {
    // Same day only, so the incident always weighs at least what the contact did (same age step).
    const sameDay = candidates.filter((i) => i.local.date === inc.on && !taken.has(i.id));
    const match = inc.interactionId !== null ? sameDay.find((i) => i.id === inc.interactionId)
      : sameDay.sort((a, b) => Math.abs(Date.parse(a.at) - Date.parse(inc.at)) - Math.abs(Date.parse(b.at) - Date.parse(inc.at)) || a.id - b.id)[0];
    if (match) taken.add(match.id);
  }
  return candidates.filter((i) => !taken.has(i.id));
}

export const unreasonableDemands: Rule = {
  meta: {
    id: 'unreasonable-demands', severity: 'warning', title: 'Unreasonable demands',
    looksAt: 'unreasonable-demand incidents, and calls, video, visits and chats the client started (--direction in) outside your working hours — and outside the same hours in the client’s own time zone, when known; email is not a demand',
    why: 'Demands out of all proportion — a new idea at 3 a.m., due by morning — leave no room for your life or other clients.',
    measure: 'incidents × age weight × severity + afterHoursFactor × after-hours demands (age-weighted), that part at most afterHoursCap',
    configKeys: ['unreasonableDemands.weight', 'unreasonableDemands.afterHoursFactor', 'unreasonableDemands.afterHoursCap',
      'severityFactor', 'halfLifeDays', 'windowDays'],
    firesWhen: null,
    owns: 'unreasonable-demand incidents and after-hours demands (the contact such an incident was recorded with, or the nearest one that day, counts once, as the incident)',
  },
  check(ctx) {
    const cfg = ctx.config.unreasonableDemands;
    const incidents = incidentsOf(ctx, 'unreasonable-demand').filter((i) => ctx.recency(i.on) > 0);
    const after = afterHoursDemands(ctx, incidentsOf(ctx, 'unreasonable-demand'));
    if (incidents.length === 0 && after.length === 0) return null;
    const { start, end } = ctx.workingHours;
    const dates = [...incidents.map((i) => i.on), ...after.map((i) => i.local.date)];
    const afterPart = Math.min(cfg.afterHoursCap, cfg.afterHoursFactor * after.reduce((a, i) => a + ctx.recency(i.local.date), 0));
    return makeFinding(this.meta, ctx, {
      detail: () => [
        incidents.length ? `${plural(incidents.length, 'unreasonable demand')} recorded (${incidents.map((i) => i.on).join(', ')})` : '',
        after.length ? `${plural(after.length, 'call or message', 'calls or messages')} wanting an answer outside your hours (${start}–${end}, ${dayList(ctx.workingHours.days)}`
          + `${ctx.client.timezone && ctx.client.timezone !== ctx.timeZone ? `, and outside theirs in ${ctx.client.timezone}` : ''})` : '',
      ].filter(Boolean).join('; ') + ` ${when(ctx, dates)}.`,
      evidence: () => [...incidents.map(incidentEvidence), ...after.map(interactionEvidence)].reverse(),
      measure: incidentWeight(ctx, incidents) + afterPart,
      weight: cfg.weight,
    });
  },
  advise(_f, ctx, verdict) {
    if (verdict === 'fire') return [];
    const { start, end } = ctx.workingHours;
    return [`state your hours (${start}–${end}) and response times in writing; answer after-hours calls the next working day`];
  },
};
