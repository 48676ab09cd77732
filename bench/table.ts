import type { BenchRow } from './types';

const verdict = (ok: boolean | undefined): string => (ok === undefined ? '' : ok ? 'ok' : '**missed**');
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(rows: readonly BenchRow[]): string {
  const lines = ['| # | measured | budget | |', '|---|---|---|---|'];
  for (const row of rows) lines.push(`| ${cell(row.item)} | ${cell(row.measured)} | ${cell(row.budget)} | ${verdict(row.ok)} |`);
  return lines.join('\n');
}
