// The verdict card, the --explain table, the review --all table and the rules catalogue as strings,
// (their JSON mappings are in json.ts). Returns strings only; never prints, never judges, never reads the clock.
import { type Style } from './style.js';
import { oneLine } from '../domain/text.js';
import type { ClientRef } from '../domain/types.js';
import { formatMoney } from '../domain/money.js';
import { daysBetween, relativeDays } from '../domain/dates.js';
import { formatRef } from '../domain/refs.js';
import type { Evidence, Finding, RuleDescription, RulesConfig, Verdict, VerdictKind } from '../rules/index.js';
import { table } from './table.js';
import { hanging, wrap } from './fit.js';
import { mainRules, type ReviewRow } from './json.js';


const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(Math.abs(x) < 10 ? 3 : 2).replace(/0+$/, '').replace(/\.$/, ''));

function verdictLabel(style: Style, v: VerdictKind): string {
  const colour = v === 'fire' ? style.red : v === 'watch' ? style.yellow : style.green;
  return colour(style.bold(v.toUpperCase()));
}

const MARK: Record<Finding['severity'], string> = { dealbreaker: '✗', warning: '!', positive: '+', info: 'i' };
const signed = (p: number) => (p > 0 ? `+${num(p)}` : p < 0 ? `−${num(-p)}` : '0');

/**
 * One piece of evidence, led by its record reference (`incident:3`, `invoice:INV-0007`) so what the
 * card quotes can be looked at or voided as printed (`crm void incident:3`).
 */
function evidenceLine(e: Evidence, asOf: string): string {
  switch (e.type) {
    case 'invoice':
      return `${oneLine(formatRef('invoice', e.number))} ${formatMoney(e.amount)}, due ${e.dueOn}, `
        + (e.paidOn ? `settled ${e.paidOn}` : `unpaid (${formatMoney(e.balance)} open)`)
        + (e.daysLate !== null && e.daysLate > 0 ? `, ${e.daysLate} days late` : '');
    case 'dispute':
      return `${formatRef('dispute', e.id)} ${oneLine(e.invoice)} disputed ${e.openedOn}: “${oneLine(e.reason)}”`
        + (e.resolvedOn ? ` → ${e.outcome} ${e.resolvedOn}${e.conceded.amount ? `, conceded ${formatMoney(e.conceded)}` : ''}` : ' (open)');
    case 'incident':
      return `${formatRef('incident', e.id)} ${e.kind} on ${e.on} (${e.severity}${e.warned ? ', warned' : ''})${e.note ? `: ${oneLine(e.note)}` : ''}`;
    case 'change':
      return `${formatRef('change', e.id)} on ${e.on}${e.project ? ` for ${oneLine(e.project)}` : ''}${e.hours !== null ? `, ${e.hours} h` : ''}${e.unbilled ? ', unbilled' : ''}`;
    case 'interaction':
      return `${formatRef('interaction', e.id)} ${e.channel ?? 'contact'} from the client, ${e.local}`;
    case 'referral':
      return `${formatRef('referral', e.id)} on ${e.on}${e.note ? `: ${oneLine(e.note)}` : ''}`;
    case 'income':
      return `${formatMoney(e.client)} of ${formatMoney(e.total)} (${Math.round(e.share * 100)}%), ${e.from} – ${asOf}`;
  }
}

function duration(days: number): string {
  const years = Math.floor(days / 365.25);
  const months = Math.floor((days - years * 365.25) / 30.44);
  if (years === 0 && months === 0) return `${days} ${days === 1 ? 'day' : 'days'}`;
  return [years ? `${years} ${years === 1 ? 'year' : 'years'}` : '', months ? `${months} ${months === 1 ? 'month' : 'months'}` : '']
    .filter(Boolean).join(' ');
}

function keyStats(v: Verdict): [string, string][] {
  const s = v.stats;
  const rows: [string, string][] = [];
  rows.push(['Income, 12 months', s.income12m.length
    ? s.income12m.map((i) => `${formatMoney(i.amount)} (${Math.round(i.share * 100)}% of your ${i.currency})`).join('; ') : 'none']);
  rows.push(['Days late', s.invoices.worstDaysLate === null ? 'no settled invoices yet'
    : `avg ${num(s.invoices.avgDaysLate ?? 0)}, worst ${s.invoices.worstDaysLate} (${s.invoices.paidOnTime} on time, ${s.invoices.paidLate} late of ${s.invoices.issued})`]);
  if (s.overdue.length) rows.push(['Overdue now', s.overdue.map(formatMoney).join(' + ')]);
  rows.push(['Disputes', s.disputes.count === 0 ? 'none'
    : `${s.disputes.count}${s.disputes.open ? ` (${s.disputes.open} open)` : ''}${s.disputes.conceded.length ? `, conceded ${s.disputes.conceded.map(formatMoney).join(' + ')}` : ''}`]);
  rows.push(['Change requests', s.changes.count === 0 ? 'none' : `${s.changes.count} (${s.changes.last12m} in 12 months, ${s.changes.unbilled} unbilled)`]);
  const incidents = Object.entries(s.incidents).map(([k, n]) => `${k} ${n}`);
  rows.push(['Incidents', incidents.length ? incidents.join(', ') : 'none']);
  if (s.referrals) rows.push(['Referrals', String(s.referrals)]);
  rows.push(['Last contact', s.lastContact ? `${s.lastContact} (${relativeDays(daysBetween(s.lastContact, v.asOf))})` : 'never']);
  rows.push(['Client for', `${duration(s.relationshipDays)} (since ${s.since})`]);
  return rows;
}

interface CardOptions {
  style: Style;
  explain: boolean;
  evidencePerFinding?: number;
  /** The terminal's width: prose wraps under its own indentation, the --explain table shrinks. */
  width?: number;
}

/** The verdict card: verdict, score, reasons with evidence, key numbers, next steps. */
export function renderReview(client: ClientRef, v: Verdict, { style, explain, evidencePerFinding = 3, width = Infinity }: CardOptions): string {
  const out: string[] = [];
  out.push(`${style.bold(oneLine(client.name))}  ${verdictLabel(style, v.verdict)}  score ${v.score}/100  ${style.dim(`as of ${v.asOf}`)}`);
  if (v.confidence === 'low') out.push(style.yellow('low confidence: little history so far'));
  const reasons = v.findings.filter((f) => f.severity !== 'info');
  out.push('', style.bold('Why'));
  if (reasons.length === 0) out.push('  nothing stands out, good or bad');
  for (const f of reasons) {
    const tone = f.severity === 'dealbreaker' ? style.red : f.severity === 'warning' ? style.yellow : style.green;
    out.push(`  ${tone(`${MARK[f.severity]} ${oneLine(f.title)}`)}  ${style.dim(`${f.rule}, ${f.severity}, ${signed(f.points)}`)}`);
    out.push(`    ${oneLine(f.detail)}`);
    for (const e of f.evidence.slice(0, evidencePerFinding)) out.push(`    · ${evidenceLine(e, v.asOf)}`);
    if (f.evidence.length > evidencePerFinding) out.push(style.dim(`    · … and ${f.evidence.length - evidencePerFinding} more (--json lists all)`));
  }
  for (const f of v.findings.filter((x) => x.severity === 'info')) out.push(`  ${MARK.info} ${oneLine(f.title)}: ${oneLine(f.detail)}`);
  out.push('', style.bold('Key numbers'));
  const stats = keyStats(v);
  const labels = Math.max(...stats.map(([k]) => k.length));
  for (const [k, val] of stats) out.push(hanging(`  ${k.padEnd(labels)}  `, oneLine(val), width));
  out.push('', style.bold('Next steps'));
  for (const a of v.advice) out.push(`  → ${oneLine(a)}`);
  // Every line that does not fit wraps under its own indentation (lines that fit are untouched).
  const card = wrap(out.join('\n'), width);
  if (!explain) return card + '\n';
  return `${card}\n\n${style.bold('How the score adds up')}\n${renderExplain(style, v, width)}`;
}

/** Each finding's measure × weight = points, and how they make the score. */
function renderExplain(style: Style, v: Verdict, width = Infinity): string {
  const rows = v.findings.map((f) => [f.rule, f.severity, num(f.measure), `× ${f.weight < 0 ? `−${num(-f.weight)}` : num(f.weight)}`, `= ${signed(f.points)}`]);
  const sum = v.findings.reduce((a, f) => a + f.points, 0);
  const dealbreaker = v.findings.some((f) => f.severity === 'dealbreaker');
  return table(style, ['rule', 'severity', 'measure', 'weight', 'points'], rows, { width, flex: [0], drop: [1] })
    + wrap(`total ${signed(Math.round(sum * 100) / 100)} → score ${v.score} (rounded, kept within 0..100)`
    + `${dealbreaker ? '; a dealbreaker makes it fire whatever the score' : ''}`, width) + '\n';
}

const BARS = '▁▂▃▄▅▆▇█';
export const sparkline = (scores: number[]): string =>
  scores.map((s) => BARS[Math.round((Math.min(100, Math.max(0, s)) / 100) * (BARS.length - 1))]).join('');

/** review --all: one line per client, worst first, with the 12-month score trend. */
export function renderReviewAll(asOf: string, rows: ReviewRow[], style: Style, width = Infinity): string {
  if (rows.length === 0) return `No active clients to review (as of ${asOf}).\n`;
  const body = rows.map((r) => [
    oneLine(r.client.name), verdictLabel(style, r.verdict.verdict) + (r.verdict.confidence === 'low' ? style.dim('?') : ''),
    String(r.verdict.score), sparkline(r.trend.map((t) => t.score)), mainRules(r.verdict).join(', ') || '—',
  ]);
  return table(style, ['client', 'verdict', 'score', '12 months', 'rules'], body, { styled: true, width, flex: [4, 0], drop: [3] })
    + wrap(style.dim(`as of ${asOf}; trend = score at each month end; ? = low confidence (little history)`), width) + '\n';
}

/** `crm rules`: every rule with what it looks at, why, and the settings in force. */
export function renderRules(rules: RuleDescription[], config: RulesConfig, style: Style, width = Infinity): string {
  const out = [
    `${style.bold('Verdict')}: any dealbreaker → fire. Otherwise score ≥ ${config.thresholds.fire} → fire, ≥ ${config.thresholds.watch} → watch, else keep.`,
    `Score = Σ measure × weight over the findings, rounded and kept within 0..100; good signs count negative.`,
    `Events fade with a half-life of ${config.halfLifeDays} days; warnings and good signs look back ${config.windowDays} days (dealbreakers never expire).`,
    '',
  ];
  for (const r of rules) {
    const sev = r.escalatesTo ? `${r.severity} → ${r.escalatesTo}` : r.severity;
    out.push(`${style.bold(r.id)}  ${sev}  ${r.title}`);
    out.push(hanging('  looks at  ', r.looksAt, width), hanging('  why       ', r.why, width), hanging('  measure   ', r.measure, width));
    out.push(hanging('  settings  ', Object.entries(r.settings).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('  '), width), '');
  }
  return wrap(out.join('\n'), width);
}
