/**
 * What `npm run a11y` prints and writes: one row per page state, the totals, the details a
 * fixer needs, and the verdict. A state fails on anything the issue's bar names: a serious or
 * critical axe finding, text under 14 px, paragraph text under the body size (16 px, 20 px in
 * elder mode), a tap target under 44 px (60 px), an icon-only target without a label, or no
 * heading for a screen reader to start from.
 */
import type { ShotEntry } from '../screenshots/names';
import type { StateMeasures } from './measure';

export interface StateReport {
  entry: ShotEntry;
  /** The floors this state was measured against. */
  minText: number;
  minBody: number;
  minTarget: number;
  measures: StateMeasures;
}

export const axeNodes = (r: StateReport): number => r.measures.axe.reduce((sum, f) => sum + f.nodes, 0);

export const fails = (r: StateReport): boolean => {
  const m = r.measures;
  return axeNodes(r) > 0 || m.smallTexts.length > 0 || m.smallBody.length > 0 || m.smallTargets.length > 0 || m.unlabelled.length > 0 || !m.hasHeading;
};

const axeCell = (r: StateReport): string => (r.measures.axe.length ? r.measures.axe.map((f) => `${f.rule} ${f.nodes}`).join(', ') : '0');

interface Column {
  title: string;
  cell(r: StateReport): string;
}

const COLUMNS: Column[] = [
  { title: 'page state', cell: (r) => r.entry.name },
  { title: 'axe serious/critical', cell: axeCell },
  { title: 'text < 14 px', cell: (r) => `${r.measures.smallTexts.length} of ${r.measures.texts}` },
  { title: 'body text < 16/20 px', cell: (r) => `${r.measures.smallBody.length} of ${r.measures.paragraphs}` },
  { title: 'targets < 44/60 px', cell: (r) => `${r.measures.smallTargets.length} of ${r.measures.targets}` },
  { title: 'icons unlabelled', cell: (r) => String(r.measures.unlabelled.length) },
  { title: 'heading', cell: (r) => (r.measures.hasHeading ? 'yes' : 'no') },
];

export interface Totals {
  states: number;
  pages: number;
  failing: number;
  axe: number;
  axeByRule: Record<string, number>;
  smallTexts: number;
  texts: number;
  smallBody: number;
  paragraphs: number;
  smallTargets: number;
  targets: number;
  unlabelled: number;
  noHeading: number;
}

export function totalsOf(reports: StateReport[]): Totals {
  const sum = (f: (r: StateReport) => number): number => reports.reduce((s, r) => s + f(r), 0);
  const axeByRule: Record<string, number> = {};
  for (const r of reports) for (const f of r.measures.axe) axeByRule[f.rule] = (axeByRule[f.rule] ?? 0) + f.nodes;
  return {
    states: reports.length,
    pages: new Set(reports.map((r) => r.entry.page)).size,
    failing: reports.filter(fails).length,
    axe: sum(axeNodes),
    axeByRule,
    smallTexts: sum((r) => r.measures.smallTexts.length),
    texts: sum((r) => r.measures.texts),
    smallBody: sum((r) => r.measures.smallBody.length),
    paragraphs: sum((r) => r.measures.paragraphs),
    smallTargets: sum((r) => r.measures.smallTargets.length),
    targets: sum((r) => r.measures.targets),
    unlabelled: sum((r) => r.measures.unlabelled.length),
    noHeading: reports.filter((r) => !r.measures.hasHeading).length,
  };
}

export function totalLine(t: Totals): string {
  const rules = Object.entries(t.axeByRule)
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
  return [
    `${t.states} states of ${t.pages} pages, ${t.failing} failing:`,
    `${t.axe} serious/critical axe findings${rules ? ` (${rules})` : ''};`,
    `${t.smallTexts} of ${t.texts} texts under 14 px;`,
    `${t.smallBody} of ${t.paragraphs} paragraphs under body size;`,
    `${t.smallTargets} of ${t.targets} tap targets under 44 px (60 in elder mode);`,
    `${t.unlabelled} icon-only targets without a label; ${t.noHeading} states without a heading.`,
  ].join(' ');
}

export function consoleTable(reports: StateReport[]): string {
  const rows = [COLUMNS.map((c) => c.title), ...reports.map((r) => COLUMNS.map((c) => c.cell(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row, n) => `${n && fails(reports[n - 1]) ? '✗' : ' '} ${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`.trimEnd()).join('\n');
}

/** What to fix, state by state: up to `limit` examples of each kind. */
export function details(reports: StateReport[], limit = 8): string {
  const out: string[] = [];
  const list = <T>(label: string, items: T[], show: (item: T) => string): void => {
    if (!items.length) return;
    out.push(`  ${label}: ${items.slice(0, limit).map(show).join('; ')}${items.length > limit ? `; … ${items.length - limit} more` : ''}`);
  };
  for (const r of reports) {
    const m = r.measures;
    if (!fails(r)) continue;
    out.push(`${r.entry.name}:`);
    for (const f of m.axe) out.push(`  axe ${f.rule} (${f.impact}, ${f.nodes}): ${f.example}`);
    list(`text < ${r.minText} px`, m.smallTexts, (t) => `"${t.text}" ${t.px}px`);
    list(`body < ${r.minBody} px`, m.smallBody, (t) => `"${t.text}" ${t.px}px`);
    list(`targets < ${r.minTarget} px`, m.smallTargets, (t) => `${t.label} ${t.width}×${t.height}`);
    list('icon-only, no aria-label', m.unlabelled, (t) => `${t.label} ${t.width}×${t.height}`);
    if (!m.hasHeading) out.push('  no heading (aria-role="heading" or a visible one)');
  }
  return out.join('\n');
}

const mdEscape = (s: string): string => s.replace(/\|/g, '\\|');

/** docs/a11y.md. */
export function markdown(reports: StateReport[], seconds: number): string {
  const header = `| ${COLUMNS.map((c) => c.title).join(' | ')} |`;
  const rule = `|${COLUMNS.map(() => '---').join('|')}|`;
  const rows = reports.map((r) => `| ${COLUMNS.map((c, i) => (i === 0 ? `\`${r.entry.name}\`${fails(r) ? ' ✗' : ''}` : mdEscape(c.cell(r)))).join(' | ')} |`);
  return [
    '# Accessibility measures',
    '',
    'Generated by `npm run a11y` (scripts/a11y/): every page state `npm run screenshots` renders, the same HTML,',
    'opened in headless Chromium at 375×812. Do not edit by hand; run the script again.',
    '',
    "- **axe serious/critical**: axe-core's WCAG 2.0/2.1 A and AA rules; nodes per rule with a serious or critical impact.",
    '- **text < 14 px**: visible text nodes under 14 px, of all visible text nodes. What WeChat draws itself (status bar, navigation bar, tab bar) is not counted.',
    '- **body text < 16/20 px**: paragraph text (20 characters or more, or wrapping) under 16 px; 20 px in elder mode (`-elder` states).',
    '- **targets < 44/60 px**: tap targets narrower or lower than 44 px (60 px in elder mode): buttons, navigators, clickable cells,',
    "  radios, checkboxes and inputs (their row), Vant's tappable parts, and every node the WXML binds a tap to.",
    '- **icons unlabelled**: tap targets with no text and no `aria-label`. **heading**: an `aria-role="heading"` (or visible heading) on the page.',
    '',
    'A state fails (✗, and `npm run a11y` exits non-zero) on any of these: an axe finding, text under 14 px, paragraph text under',
    'its body size, a target under its floor, an icon-only target without a label, or no heading.',
    'What WeChat knows and simulate keeps off the DOM is written back before measuring (scripts/screenshots/wx-attributes.ts):',
    "`aria-role` as `role`, the other `aria-*`, bound taps, page-meta's page-style (elder mode), placeholders, disabled states.",
    "axe's `scrollable-region-focusable` is off: it is about keyboard focus, which a mini-program does not have.",
    '',
    `**Total**: ${totalLine(totalsOf(reports))}`,
    '',
    header,
    rule,
    ...rows,
    '',
    `Measured in ${seconds} s on 2 cores.`,
    '',
  ].join('\n');
}
