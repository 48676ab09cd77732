import type { ShotEntry } from '../screenshots/names';
import type { StateMeasures } from './measure';
import { consoleTable, details, fails, markdown, totalsOf } from './report';
import type { StateReport } from './report';

const clean: StateMeasures = {
  texts: 10,
  smallTexts: [],
  paragraphs: 2,
  smallBody: [],
  targets: 4,
  smallTargets: [],
  unlabelled: [],
  hasHeading: true,
  axe: [],
};

const report = (name: string, measures: Partial<StateMeasures> = {}, state: ShotEntry['state'] = 'loaded'): StateReport => ({
  entry: { name, page: `pages/${name}/index`, state, title: name },
  minText: 14,
  minBody: state === 'elder' ? 20 : 16,
  minTarget: state === 'elder' ? 60 : 44,
  measures: { ...clean, ...measures },
});

describe('npm run a11y verdict', () => {
  it('a state fails on a serious axe finding, a text under 14 px or a small target', () => {
    expect(fails(report('a'))).toBe(false);
    expect(fails(report('b', { axe: [{ rule: 'color-contrast', impact: 'serious', nodes: 2, example: '' }] }))).toBe(true);
    expect(fails(report('c', { smallTexts: [{ text: '复制', px: 12 }] }))).toBe(true);
    expect(fails(report('d', { smallTargets: [{ label: '复制', width: 40, height: 22 }] }))).toBe(true);
  });

  it('a state fails on small body text, an unlabelled icon or a missing heading too', () => {
    expect(fails(report('e', { smallBody: [{ text: '地址', px: 14 }] }))).toBe(true);
    expect(fails(report('e', { unlabelled: [{ label: '(van-icon-scan)', width: 44, height: 44 }] }))).toBe(true);
    expect(fails(report('e', { hasHeading: false }))).toBe(true);
  });

  it('lists small body text, unlabelled icons and a missing heading in the details', () => {
    const r = report('e', { smallBody: [{ text: '地址', px: 14 }], unlabelled: [{ label: '(van-icon-scan)', width: 44, height: 44 }], hasHeading: false });
    expect(details([report('a')])).toBe('');
    const text = details([r]);
    expect(text).toContain('body < 16 px: "地址" 14px');
    expect(text).toContain('(van-icon-scan) 44×44');
    expect(text).toContain('no heading');
  });

  it('an elder state is listed against its own floors', () => {
    const r = report('f', { smallTargets: [{ label: '提交', width: 300, height: 50 }] }, 'elder');
    expect(details([r])).toContain('targets < 60 px: 提交 300×50');
  });

  it('totals add up the states, and the tables mark the failing ones', () => {
    const reports = [
      report('a'),
      report('b', { axe: [{ rule: 'color-contrast', impact: 'serious', nodes: 3, example: '' }], smallTexts: [{ text: 'x', px: 10 }] }),
      report('c', { axe: [{ rule: 'color-contrast', impact: 'serious', nodes: 1, example: '' }] }),
    ];
    const totals = totalsOf(reports);
    expect(totals).toMatchObject({ states: 3, failing: 2, axe: 4, axeByRule: { 'color-contrast': 4 }, smallTexts: 1, texts: 30 });
    const lines = consoleTable(reports).split('\n');
    expect(lines[1].startsWith(' ')).toBe(true);
    expect(lines[2].startsWith('✗')).toBe(true);
    const md = markdown(reports, 42);
    expect(md).toContain('| `b` ✗ | color-contrast 3 | 1 of 10 |');
    expect(md).toContain('3 states of 3 pages, 2 failing');
    expect(md).toContain('Measured in 42 s');
  });
});
