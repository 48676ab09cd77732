/**
 * Measures one rendered page state in Chromium: axe-core's WCAG 2 A/AA rules (serious and
 * critical findings kept, with one example each), then in-page.ts's own measures.
 */
import { buildSync } from 'esbuild';
import type { Page } from 'playwright-core';
import type { Measures, MeasureOptions } from './in-page';

/** WCAG 2.0 and 2.1, levels A and AA. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const KEPT_IMPACTS = new Set(['serious', 'critical']);
/**
 * Rules about keyboard focus: a mini-program has none (scroll-views scroll by touch, and
 * WeChat's screen readers move by element, not by tab stop), so they cannot apply.
 */
const NOT_IN_WECHAT = { 'scrollable-region-focusable': { enabled: false } };
/** What WeChat draws itself (page-html's stand-ins): neither axe nor the measures look there. */
export const WECHAT_DRAWN = ['.shot-status', '.shot-nav', '.shot-tabs'];

export interface AxeFinding {
  rule: string;
  impact: string;
  /** How many nodes break the rule. */
  nodes: number;
  /** The first node's HTML and axe's reason, shortened. */
  example: string;
}

export interface StateMeasures extends Measures {
  axe: AxeFinding[];
}

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { html: string; failureSummary?: string }[] }[];
}

let bundled: string | undefined;

/** in-page.ts as one script for the page (a string: no Node-side helpers leak in). */
function inPageScript(): string {
  bundled ??= buildSync({
    entryPoints: [require.resolve('./in-page')],
    bundle: true,
    format: 'iife',
    globalName: 'a11yMeasure',
    platform: 'browser',
    target: 'chrome100',
    write: false,
  }).outputFiles[0].text;
  return bundled;
}

const oneLine = (s: string, n: number): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
};

export async function measureState(page: Page, options: Omit<MeasureOptions, 'exclude'>): Promise<StateMeasures> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const context = JSON.stringify({ exclude: WECHAT_DRAWN.map((s) => [s]) });
  const axeOptions = JSON.stringify({ runOnly: { type: 'tag', values: AXE_TAGS }, rules: NOT_IN_WECHAT, resultTypes: ['violations'] });
  const result = (await page.evaluate(`axe.run(${context}, ${axeOptions})`)) as AxeResult;
  const axe = result.violations
    .filter((v) => KEPT_IMPACTS.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      nodes: v.nodes.length,
      example: `${oneLine(v.nodes[0]?.html ?? '', 90)} — ${oneLine((v.nodes[0]?.failureSummary ?? '').replace(/^Fix (any|all) of the following:/, ''), 140)}`,
    }));
  await page.addScriptTag({ content: inPageScript() });
  const measureOptions: MeasureOptions = { ...options, exclude: WECHAT_DRAWN.join(', ') };
  const measures = (await page.evaluate(`a11yMeasure.measure(${JSON.stringify(measureOptions)})`)) as Measures;
  return { ...measures, axe };
}
