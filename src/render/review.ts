// The verdict card, the --explain table, the review --all table and the rules catalogue as strings,
// (their JSON mappings are in json.ts). Returns strings only; never prints, never judges, never reads the clock.
import { type Style } from './style.js';
import { oneLine } from '../domain/text.js';
import type { ClientRef } from '../domain/types.js';
import { formatMoney } from '../domain/money.js';
import { daysBetween, relativeDays } from '../domain/dates.js';
import { formatRef } from '../domain/refs.js';
import { pct, plural } from '../domain/words.js';
import type { Evidence, Finding, RuleDescription, RulesConfig, Verdict, VerdictKind } from '../rules/index.js';
import { table } from './table.js';
import { hanging, wrap } from './fit.js';
import type { ReviewRow } from './json.js';


const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(Math.abs(x) < 10 ? 3 : 2).replace(/0+$/, '').replace(/\.$/, ''));
/** Points always with one decimal, so every number on the card has the same precision. */
const pts = (x: number) => Math.abs(x).toFixed(1);

function verdictLabel(style: Style, v: VerdictKind): string {
  const colour = v === 'fire' ? style.red : v === 'watch' ? style.yellow : style.green;
  return colour(style.bold(v.toUpperCase()));
}

const MARK: Record<Finding['severity'], string> = { dealbreaker: '✗', warning: '!', positive: '+', info: 'i' };
const signed = (p: number) => (p > 0 ? `+${pts(p)}` : p < 0 ? `−${pts(p)}` : '0.0');

/**
 * One piece of evidence, led by its record reference (`incident:3`, `invoice:INV-0007`) so what the
 * card quotes can be looked at or voided as printed (`crm void incident:3`).
 */
function evidenceLine(e: Evidence, asOf: string): string {
  switch (e.type) {
    case 'invoice':
      return `${oneLine(formatRef('invoice', e.number))} ${formatMoney(e.amount)}, due ${e.dueOn}, `
        + (e.paidOn ? `paid ${e.paidOn}` : e.balance.amount > 0 ? `unpaid (${formatMoney(e.balance)} open)` : 'never paid in full')
        + (e.givenUp.amount > 0 ? `, you gave up ${formatMoney(e.givenUp)}` : '')
        + (e.paidOn && e.balance.amount > 0 ? ` but ${formatMoney(e.balance)}` : '')
        + (e.daysLate !== null && e.daysLate > 0 ? `, ${plural(e.daysLate, 'day')} ${e.paidOn ? 'late' : 'overdue'}` : '');
    case 'dispute':
      return `${formatRef('dispute', e.id)} ${oneLine(e.invoice)} disputed ${e.openedOn}: “${oneLine(e.reason)}”`
        + (e.resolvedOn ? ` → ${e.outcome} ${e.resolvedOn}${e.conceded.amount ? `, gave up ${formatMoney(e.conceded)}` : ''}` : ' (still open)');
    case 'incident':
      return `${formatRef('incident', e.id)} ${e.kind} on ${e.on} (${e.severity}${e.warned ? ', warned' : ''})${e.note ? `: ${oneLine(e.note)}` : ''}`;
    case 'change':
      return `${formatRef('change', e.id)} on ${e.on}${e.project ? ` for ${oneLine(e.project)}` : ''}${e.hours !== null ? `, ${e.hours} h` : ''}${e.unbilled ? ', unbilled' : ''}`;
    case 'interaction':
      return `${formatRef('interaction', e.id)} ${e.channel ?? 'contact'} ${e.direction === 'in' ? 'from the client' : 'with the client'}, ${e.local}`;
    case 'referral':
      return `${formatRef('referral', e.id)} on ${e.on}${e.note ? `: ${oneLine(e.note)}` : ''}`;
    case 'delivery':
      return `${formatRef('delivery', e.id)} delivered ${e.on}${e.project ? `: ${oneLine(e.project)}` : ''}`;
    case 'income':
      return `${formatMoney(e.client)} of ${formatMoney(e.total)} (${pct(e.share)}), ${e.from} – ${asOf}`;
  }
}

function duration(days: number): string {
  const years = Math.floor(days / 365.25);
  const months = Math.floor((days - years * 365.25) / 30.44);
  if (years === 0 && months === 0) return plural(days, 'day');
  return [years ? plural(years, 'year') : '', months ? plural(months, 'month') : '']
    .filter(Boolean).join(' ');
}

function incomeLine(s: Verdict['stats']): string {
  if (!s.income12m.length) return 'none';
  const each = s.income12m.map((i) => `${formatMoney(i.amount)} (${pct(i.share)} of your ${i.currency})`).join('; ');
  if (s.income12mCombined !== null) return `${pct(s.income12mCombined)} of all you were paid: ${each}`;
  return s.currencies12m > 1 ? `${each}; you are paid in ${s.currencies12m} currencies` : each;
}

function keyStats(v: Verdict): [string, string][] {
  const s = v.stats;
  const rows: [string, string][] = [];
  if (s.status.status !== 'active') rows.push(['Status', `${s.status.status}${s.status.on ? ` since ${s.status.on}` : ''}`]);
  rows.push(['Income, 12 months', incomeLine(s)]);
  rows.push(['Days late', s.invoices.worstDaysLate === null ? 'no invoices paid yet'
    : `avg ${num(s.invoices.avgDaysLate ?? 0)}, worst ${s.invoices.worstDaysLate} (${s.invoices.paidOnTime} on time, ${s.invoices.paidLate} late of ${s.invoices.issued})`]);
  if (s.overdue.length) rows.push(['Overdue now', s.overdue.map(formatMoney).join(' + ')]);
  rows.push(['Disputes', s.disputes.count === 0 ? 'none'
    : `${s.disputes.count}${s.disputes.open ? ` (${s.disputes.open} open)` : ''}${s.disputes.conceded.length ? `, you gave up ${s.disputes.conceded.map(formatMoney).join(' + ')}` : ''}`]);
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

/** How a finding's points read on the card: one precision, and "(capped)" when the cap held them. */
function findingPoints(f: Finding): string {
  const capped = f.cap !== null && f.firesAlone === null && Math.abs(f.measure * f.weight) > f.cap + 1e-9;
  return `${signed(f.points)}${capped ? ' (capped)' : ''}`;
}

/** The verdict card: verdict, score, reasons with evidence, key numbers, next steps. */
export function renderReview(client: ClientRef, v: Verdict, { style, explain, evidencePerFinding = 3, width = Infinity }: CardOptions): string {
  const out: string[] = [];
  const status = v.stats.status.status === 'active' ? '' : `  ${style.dim(`(${v.stats.status.status}${v.stats.status.on ? ` ${v.stats.status.on}` : ''})`)}`;
  out.push(`${style.bold(oneLine(client.name))}  ${verdictLabel(style, v.verdict)}  score ${v.score}/100  ${style.dim(`as of ${v.asOf}`)}${status}`);
  if (v.basis.low) out.push(style.yellow(`little history yet: ${plural(v.basis.invoices, 'invoice')}, ${duration(v.basis.days)}`));
  const reasons = v.findings.filter((f) => f.severity !== 'info');
  const problems = reasons.filter((f) => f.severity !== 'positive');
  const good = reasons.filter((f) => f.severity === 'positive');
  const section = (title: string, list: Finding[]) => {
    if (list.length === 0) return;
    out.push('', style.bold(title));
    for (const f of list) {
      const tone = f.severity === 'dealbreaker' ? style.red : f.severity === 'warning' ? style.yellow : style.green;
      out.push(`  ${tone(`${MARK[f.severity]} ${oneLine(f.title)}`)}  ${style.dim(`${f.rule}, ${findingPoints(f)}`)}`);
      if (f.firesAlone) out.push(`    ${tone('fires on its own:')} ${oneLine(f.firesAlone)}`);
      out.push(`    ${oneLine(f.detail)}`);
      for (const e of f.evidence.slice(0, evidencePerFinding)) out.push(`    · ${evidenceLine(e, v.asOf)}`);
      if (f.evidence.length > evidencePerFinding) out.push(style.dim(`    · … and ${f.evidence.length - evidencePerFinding} more (--json lists all)`));
    }
  };
  if (reasons.length === 0) out.push('', style.bold('Why'), '  nothing stands out, good or bad');
  section('Problems', problems);
  section('In their favour', good);
  const context = v.findings.filter((x) => x.severity === 'info');
  if (context.length) out.push('', style.bold('Context'));
  for (const f of context) {
    out.push(`  ${MARK.info} ${oneLine(f.title)}: ${oneLine(f.detail)}`);
    if (f.rule === 'short-payment') for (const e of f.evidence.slice(0, evidencePerFinding)) out.push(`    · ${evidenceLine(e, v.asOf)}`);
  }
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

/** Each finding's measure × weight, its cap, its points; then the sum, the relief, the floor and the score. */
function renderExplain(style: Style, v: Verdict, width = Infinity): string {
  const rows = v.findings.map((f) => [
    f.rule, num(f.measure), `× ${f.weight < 0 ? `−${num(-f.weight)}` : num(f.weight)}`,
    `= ${signed(Math.round(f.measure * f.weight * 10) / 10)}`,
    f.firesAlone ? `fires: ≥ ${num(f.points)}` : f.cap === null ? '' : `≤ ${num(f.cap)}`,
    signed(f.points),
  ]);
  const t = v.total;
  const lines = [
    ...t.shared.filter((x) => x.counted < x.points).map((x) => `${x.rules.join(' + ')} are one sign (${x.sign}): ${pts(x.points)} counted as ${pts(x.counted)}`),
    `problems ${signed(t.signs)}; in their favour ${signed(-t.relief)}${t.relief > t.reliefCapped ? ` (counted up to ${pts(t.reliefCapped)})` : ''}`
      + ` → ${pts(Math.round((t.signs - t.reliefCapped) * 10) / 10)}`,
    t.floor > 0 ? `at least ${t.floor}: ${t.floorReason ?? ''}` : '',
    `score ${v.score} (rounded, within 0..100): ${v.verdict}`,
  ].filter(Boolean);
  const findings = rows.length ? table(style, ['rule', 'measure', 'weight', 'raw', 'cap', 'points'], rows, { width, flex: [0], drop: [4] }) : 'no findings\n';
  return findings
    + wrap(lines.join('\n'), width) + '\n';
}

const BARS = '▁▂▃▄▅▆▇█';
export const sparkline = (scores: number[]): string =>
  scores.map((s) => BARS[Math.round((Math.min(100, Math.max(0, s)) / 100) * (BARS.length - 1))]).join('');

/** Problems by rule id, then good signs after a "+" (green), so the two never read as one list. */
function ruleSummary(v: Verdict, style: Style): string {
  const problems = v.findings.filter((f) => f.severity === 'warning' || f.severity === 'dealbreaker').map((f) => f.rule);
  const good = v.findings.filter((f) => f.severity === 'positive').map((f) => f.rule);
  return [problems.join(', '), good.length ? style.green(`+ ${good.join(', ')}`) : ''].filter(Boolean).join('  ') || '—';
}

/** review --all: one line per client, worst first, with the 12-month score trend. */
export function renderReviewAll(asOf: string, rows: ReviewRow[], style: Style, width = Infinity): string {
  if (rows.length === 0) return `No active clients to review (as of ${asOf}).\n`;
  const body = rows.map((r) => [
    oneLine(r.client.name), verdictLabel(style, r.verdict.verdict) + (r.verdict.confidence === 'low' ? style.dim('?') : ''),
    String(r.verdict.score), sparkline(r.trend.map((t) => t.score)), ruleSummary(r.verdict, style),
  ]);
  return table(style, ['client', 'verdict', 'score', '12 months', 'rules'], body, { styled: true, width, flex: [4, 0], drop: [3] })
    + wrap(style.dim(`as of ${asOf}; trend = score at each month end; ? = little history yet; + = in their favour`), width) + '\n';
}

/** `crm rules`: every rule with what it looks at, why, and the settings in force. */
export function renderRules(rules: RuleDescription[], config: RulesConfig, style: Style, width = Infinity): string {
  const { watch, fire } = config.thresholds;
  const out = [
    `${style.bold('Verdict')}: score ${fire} or more → fire, ${watch} or more → watch, else keep. The score is:`,
    `  problems: each warning sign's measure × weight, at most ${config.signCap} points (so one sign alone cannot fire);`
      + ` a sign that fires on its own counts ${fire}; a dealbreaker counts 100;`,
    `  minus good signs, at most ${config.reliefCap} in all;`,
    `  raised to at least ${fire} by any dealbreaker or sign that fires on its own, or by two clear signs of different kinds (${watch}+ points each)`
      + ` unless good signs worth ${watch}+ speak for the client; and to at least ${watch} by one clear sign.`,
    `Events count in full for ${config.halfLifeDays} days, then half, then a quarter…, in steps; warnings and good signs`
      + ` look back ${config.windowDays} days (dealbreakers never expire). A sign fires on its own only on events of its first ${config.halfLifeDays} days.`,
    '',
  ];
  for (const r of rules) {
    const sev = r.escalatesTo ? `${r.severity} → ${r.escalatesTo}` : r.severity;
    out.push(`${style.bold(r.id)}  ${sev}  ${r.title}`);
    out.push(hanging('  looks at  ', r.looksAt, width), hanging('  why       ', r.why, width), hanging('  measure   ', r.measure, width));
    if (r.firesWhen) out.push(hanging('  fires     ', r.firesWhen.startsWith('always') ? r.firesWhen : `on its own when ${r.firesWhen}`, width));
    out.push(hanging('  owns      ', r.owns + (r.sign ? ` (one sign, “${r.sign}”, with the other rule that reads it)` : ''), width));
    out.push(hanging('  settings  ', Object.entries(r.settings).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('  '), width), '');
  }
  return wrap(out.join('\n'), width);
}
