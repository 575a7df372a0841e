// Rule unreasonable-demands: unreasonable-demand incidents plus inbound contact outside the user's
// working hours and days (in the user's time zone). Judges; never formats output.
import type { Rule } from '../types.js';
import { weekdayName } from '../../domain/dates.js';
import type { KnownInteraction, RuleContext } from '../context.js';
import { incidentEvidence, interactionEvidence, plural } from '../evidence.js';
import { incidentsOf, incidentWeight, makeFinding } from '../finding.js';

/**
 * Outside working hours. An overnight span (start after end, e.g. 22:00–06:00) belongs to the day
 * it starts on: 03:00 on a Saturday is inside a Friday night shift.
 */
const outsideHours = (ctx: Pick<RuleContext, 'workingHours'>, i: Pick<KnownInteraction, 'local'>): boolean => {
  const { start, end, days } = ctx.workingHours;
  const { time, isoWeekday } = i.local;
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

export const unreasonableDemands: Rule = {
  meta: {
    id: 'unreasonable-demands', severity: 'warning', title: 'Unreasonable demands',
    looksAt: 'unreasonable-demand incidents, and contact the client started (--direction in) outside your working hours and days',
    why: 'Demands out of all proportion — a new idea at 3 a.m., due by morning — leave no room for your life or other clients.',
    measure: 'recency- and severity-weighted incidents + afterHoursFactor × recency-weighted after-hours inbound contacts',
    configKeys: ['unreasonableDemands.weight', 'unreasonableDemands.afterHoursFactor', 'unreasonableDemands.minAfterHours',
      'severityFactor', 'halfLifeDays', 'windowDays'],
  },
  check(ctx) {
    const cfg = ctx.config.unreasonableDemands;
    const incidents = incidentsOf(ctx, 'unreasonable-demand').filter((i) => ctx.recency(i.on) > 0);
    const after = ctx.interactions.filter((i) => i.direction === 'in' && ctx.recency(i.local.date) > 0 && outsideHours(ctx, i));
    const enoughAfter = after.length > 0 && after.length >= cfg.minAfterHours;
    if (incidents.length === 0 && !enoughAfter) return null;
    const { start, end } = ctx.workingHours;
    return makeFinding(this.meta, {
      detail: [
        incidents.length ? `${plural(incidents.length, 'unreasonable-demand incident')} (${incidents.map((i) => i.on).join(', ')})` : '',
        after.length ? `${plural(after.length, 'inbound contact')} outside your working hours (${start}–${end}, ${dayList(ctx.workingHours.days)}, ${ctx.timeZone})` : '',
      ].filter(Boolean).join('; ') + ` in the last ${ctx.config.windowDays} days.`,
      evidence: [...incidents.map(incidentEvidence), ...after.map(interactionEvidence)],
      measure: incidentWeight(ctx, incidents)
        + cfg.afterHoursFactor * after.reduce((a, i) => a + ctx.recency(i.local.date), 0),
      weight: cfg.weight,
    });
  },
  advise(_f, ctx) {
    const { start, end } = ctx.workingHours;
    return [`state your hours (${start}–${end}) and response times in writing; answer after-hours messages the next working day`];
  },
};
