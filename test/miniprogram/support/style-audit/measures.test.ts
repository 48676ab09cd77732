/**
 * The style audit's own measures, checked against figures known from outside it: WCAG's
 * worked values, Vant's grey measured by hand, and WeChat's rpx rule.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contrastOf, parseColour } from './contrast';
import { colourLiterals, fontSizeOffenders, rawColourOffenders } from './page-styles';
import { finalFallback, lengthPx, pageVars, resolveVars, resolvedPx, varsIn } from './values';
import { vantComponentsInUse } from './vant';
import { fallbackFailures } from './vant-rules';
import type { VantVarUse } from './vant';
import { parseWxss } from './wxss';
import { colourProps, isUnlabelledIconControl, parseWxml, walk } from './wxml';

describe('contrast (WCAG 2.x relative luminance)', () => {
  it.each([
    // Vant's grey, measured by hand on its two usual backgrounds.
    ['#969799', '#f7f8fa', 2.75],
    ['#969799', '#ffffff', 2.92],
    // The extremes, and the lightest grey that passes AA on white (a well-known figure).
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#767676', '#ffffff', 4.54],
    // Shorthand, named and functional forms mean the same colours.
    ['#fff', 'black', 21],
    ['rgb(255, 255, 255)', '#000', 21],
  ])('%s on %s is %s:1', (fg, bg, expected) => {
    expect(contrastOf(fg, bg)).toBeCloseTo(expected, 2);
  });

  it('is the same either way round', () => {
    expect(contrastOf('#c41a16', '#ffffff')).toBeCloseTo(contrastOf('#ffffff', '#c41a16')!, 10);
  });

  it('sees a translucent colour as painted over its background', () => {
    expect(contrastOf('rgba(0, 0, 0, 0.5)', '#ffffff')).toBeCloseTo(contrastOf('rgb(127.5, 127.5, 127.5)', '#ffffff')!, 6);
  });

  it('parses #rgba and #rrggbbaa alpha, and rejects what is not a colour', () => {
    expect(parseColour('#0008')?.a).toBeCloseTo(0x88 / 255, 6);
    expect(parseColour('#00000080')?.a).toBeCloseTo(0x80 / 255, 6);
    expect(parseColour('var(--color-text)')).toBeUndefined();
    expect(parseColour('linear-gradient(#fff, #000)')).toBeUndefined();
  });
});

describe('lengths (375px screen, 0.5px per rpx)', () => {
  it.each([
    ['28rpx', 14],
    ['24rpx', 12],
    ['26rpx', 13],
    ['16px', 16],
    ['0', 0],
    ['calc(14px * 1.25)', 17.5],
    ['calc((44px - 24px) / 2)', 10],
    ['calc(24rpx + 2px)', 14],
    ['max(4px, calc((44px - 48px) / 2))', 4],
    ['min(60px, 44px)', 44],
  ])('%s is %spx', (css, px) => {
    expect(lengthPx(css)).toBe(px);
  });

  it.each(['1em', '100%', 'calc(100% - 10px)', 'larger', 'calc(2px * 3px)'])('%s cannot be sized', (css) => {
    expect(lengthPx(css)).toBeUndefined();
  });
});

describe('custom properties', () => {
  const app = pageVars(parseWxss('page { --font-scale: 1; --font-caption: calc(14px * var(--font-scale)); --a: var(--b); --b: var(--a); }', 'app.wxss').declarations);

  it('resolves tokens, and page-style on top of them', () => {
    expect(resolvedPx('var(--font-caption)', app)).toBe(14);
    const elder = pageVars(
      parseWxss('page { --font-scale: 1; --font-caption: calc(14px * var(--font-scale)); }', 'app.wxss').declarations,
      '--font-scale:1.25;--tap-min:60px',
    );
    expect(resolvedPx('var(--font-caption)', elder)).toBe(17.5);
    expect(resolvedPx('var(--tap-min)', elder)).toBe(60);
  });

  it('falls back as CSS does, and gives up on unknown names and loops', () => {
    expect(resolveVars('var(--missing, 12px)', app)).toBe('12px');
    expect(resolveVars('var(--missing)', app)).toBeUndefined();
    expect(resolveVars('var(--a)', app)).toBeUndefined();
  });

  it("reads Vant's nested fallbacks", () => {
    expect(finalFallback('var(--tag-round-border-radius,999px)')).toBe('999px');
    expect(varsIn('0 var(--r,var(--r,4px)) var(--s, 2px)')).toEqual([
      { name: '--r', fallback: '4px' },
      { name: '--r', fallback: '4px' },
      { name: '--s', fallback: '2px' },
    ]);
  });
});

describe('WXSS reading', () => {
  const source = [
    '@import "./theme.wxss";',
    '/* a comment',
    '   over lines */',
    '.a, .b {',
    '  color: #fff;',
    '  font-size: 24rpx;',
    '}',
    '@media (max-width: 321px) { .c { font-size: 13px } }',
  ].join('\n');
  const { imports, declarations } = parseWxss(source, 'x.wxss');

  it('gives file, line and selector of each declaration, through @media', () => {
    expect(imports).toEqual(['./theme.wxss']);
    expect(declarations.map((d) => [d.line, d.selector, d.property, d.value])).toEqual([
      [5, '.a, .b', 'color', '#fff'],
      [6, '.a, .b', 'font-size', '24rpx'],
      [8, '.c', 'font-size', '13px'],
    ]);
  });

  it('reads minified Vant output', () => {
    const vant = parseWxss("@import '../common/index.wxss';.van-tag{color:var(--tag-text-color,#fff);font-size:var(--tag-font-size,12px)}", 'tag.wxss');
    expect(vant.imports).toEqual(['../common/index.wxss']);
    expect(vant.declarations.map((d) => d.property)).toEqual(['color', 'font-size']);
  });
});

describe('page style rules', () => {
  const vars = pageVars(parseWxss('page { --font-scale: 1; --font-caption: calc(14px * var(--font-scale)); }', 'app.wxss').declarations);
  const decl = (value: string, property = 'font-size') => ({ file: 'p.wxss', line: 1, selector: '.x', property, value });

  it.each([
    ['24rpx', true],
    ['13px', true],
    ['calc(var(--font-caption) - 1px)', true],
    ['1em', true],
    ['28rpx', false],
    ['14px', false],
    ['var(--font-caption)', false],
    ['inherit', false],
  ])('font-size: %s offends: %s', (value, offends) => {
    expect(fontSizeOffenders([decl(value)], vars).length > 0).toBe(offends);
  });

  it.each([
    ['#969799', ['#969799']],
    ['1px solid rgba(0, 0, 0, .1)', ['rgba(0, 0, 0, .1)']],
    ['red', ['red']],
    ['1px solid var(--color-border)', []],
    ['transparent', []],
    ['currentColor', []],
    ['url("#fff.png")', []],
  ])('%s writes colour literals %j', (value, literals) => {
    expect(colourLiterals(value)).toEqual(literals);
  });

  it('leaves font families and generated content alone', () => {
    expect(rawColourOffenders([decl('"White Rabbit"', 'font-family'), decl('"red"', 'content')])).toEqual([]);
  });
});

describe('WXML reading', () => {
  const first = (wxml: string) => [...walk(parseWxml(wxml))][0];

  it('keeps attributes holding > and mustache, and the line of each tag', () => {
    const tree = parseWxml('<view>\n  <text wx:if="{{a > b}}" class="x">{{a < b ? 1 : 2}}</text>\n</view>');
    const text = [...walk(tree)].find((e) => e.tag === 'text')!;
    expect(text).toMatchObject({ line: 2, attrs: { 'wx:if': '{{a > b}}', class: 'x' }, text: '{{a < b ? 1 : 2}}' });
  });

  it.each([
    ['<van-icon name="delete-o" bind:click="onDelete" />', true],
    ['<van-icon name="delete-o" bind:click="onDelete" aria-label="删除" />', false],
    ['<view bindtap="onDelete"><van-icon name="delete-o" /></view>', true],
    ['<view bindtap="onDelete"><van-icon name="delete-o" />删除</view>', false],
    ['<image src="{{url}}" bindtap="onPreview" />', true],
    ['<image src="{{url}}" bindtap="onPreview" aria-label="照片 1" />', false],
    ['<van-button icon="plus" bind:click="onAdd" />', true],
    ['<van-button icon="plus" bind:click="onAdd">添加</van-button>', false],
    ['<view bindtap="onOpen">打开</view>', false],
    ['<van-icon name="phone-o" />', false],
  ])('%s is an unlabelled icon control: %s', (wxml, expected) => {
    expect(isUnlabelledIconControl(first(wxml))).toBe(expected);
  });

  it('finds colour literals in colour props, not tokens', () => {
    expect(colourProps(first('<van-icon color="#07c160" style="background: red" />'))).toEqual([
      { attr: 'color', literals: ['#07c160'] },
      { attr: 'style', literals: ['red'] },
    ]);
    expect(colourProps(first('<van-icon color="var(--color-success)" />'))).toEqual([]);
  });
});

describe('Vant rules', () => {
  const use = (name: string, property: string, fallback: string): VantVarUse => ({ component: 'x', name, property, fallback, selector: '.x' });

  it.each([
    // The worse of white (2.92:1) and the page grey #f5f6f7.
    ['--cell-label-color', 'color', '#969799', 'text #969799 is 2.70:1 on the page'],
    ['--tag-font-size', 'font-size', '12px', 'font 12px < 14px'],
    ['--cell-font-size', 'font-size', '14px', 'body text 14px < 16px'],
    ['--button-small-height', 'height', '30px', 'target 30px < 44px'],
    ['--radio-size', 'font-size', '20px', 'icon row fixed at 20px'],
    ['--tabs-bottom-bar-color', 'background-color', '#ee0a24', 'Vant palette #ee0a24'],
  ])('flags %s (%s: %s): %s', (name, property, fallback, reason) => {
    expect(fallbackFailures(use(name, property, fallback))).toContain(reason);
  });

  it('passes a default that already meets the bar', () => {
    expect(fallbackFailures(use('--cell-text-color', 'color', '#323233'))).toEqual([]);
    expect(fallbackFailures(use('--button-default-height', 'height', '44px'))).toEqual([]);
  });

  it('follows Vant components into the ones they use', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'style-audit-'));
    fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ usingComponents: { 'van-search': '@vant/weapp/search/index' } }));
    expect(vantComponentsInUse(dir)).toEqual(['cell', 'field', 'icon', 'info', 'search']);
    fs.rmSync(dir, { recursive: true });
  });
});
