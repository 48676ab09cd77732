/**
 * What `npm test` can check of the elder-friendly bar without a browser: the colours and sizes
 * the compiled styles ask for. The oracle is written here and in support/style-audit (WCAG's
 * formula, hand-made tables of token pairs and of what each Vant variable means); the styles
 * under test are app.wxss, the Vant theme, and every WXSS and WXML of ours.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MINIPROGRAM_ROOT } from './support/load-page';
import { AA_TEXT, contrastOf, parseColour } from './support/style-audit/contrast';
import { MIN_FONT_PX, fontSizeOffenders, rawColourOffenders } from './support/style-audit/page-styles';
import type { Offender } from './support/style-audit/page-styles';
import { pageVars, resolveVars, resolvedPx } from './support/style-audit/values';
import type { Vars } from './support/style-audit/values';
import { vantComponentsInUse, vantHardCoded, vantVarUses } from './support/style-audit/vant';
import {
  BODY_FONT_PX,
  BODY_TEXT_VARS,
  DERIVED_TARGETS,
  ELDER_BODY_FONT_PX,
  ELDER_TAP_MIN_PX,
  SCALED_ICON_VARS,
  TAP_MIN_PX,
  TAP_TARGET_VARS,
  TEXT_ON_FILL,
  VANT_HARD_CODED,
  fallbackFailures,
  isPageTextColour,
} from './support/style-audit/vant-rules';
import { parseWxss, readWxss, wxssFiles } from './support/style-audit/wxss';
import { colourProps, isUnlabelledIconControl, parseWxml, walk, wxmlFiles } from './support/style-audit/wxml';
import { avoidedProps, coloursLeftAtDefault } from './support/style-audit/wxml-rules';

// Required, not imported: the module is typed against the mini-program's global `wx`.
const { typographyOf } = require('../../miniprogram/services/elder-mode') as {
  typographyOf(choice: 'on' | 'off' | undefined, scale: number): { pageStyle: string };
};

const APP_WXSS = path.join(MINIPROGRAM_ROOT, 'app.wxss');
const THEME_WXSS = path.join(MINIPROGRAM_ROOT, 'styles/vant-theme.wxss');
const app = readWxss(APP_WXSS);
const themed = new Set(
  readWxss(THEME_WXSS)
    .filter((d) => d.property.startsWith('--'))
    .map((d) => d.property),
);

/** The page at WeChat's standard font, in elder mode, and at WeChat's largest font with elder mode off. */
const MODES: { mode: string; vars: Vars; bodyMin: number; tapMin: number }[] = [
  { mode: 'standard', vars: pageVars(app), bodyMin: BODY_FONT_PX, tapMin: TAP_MIN_PX },
  { mode: 'elder', vars: pageVars(app, typographyOf('on', 1).pageStyle), bodyMin: ELDER_BODY_FONT_PX, tapMin: ELDER_TAP_MIN_PX },
  { mode: 'largest WeChat font', vars: pageVars(app, typographyOf('off', 3).pageStyle), bodyMin: BODY_FONT_PX, tapMin: TAP_MIN_PX },
];
const [STANDARD, ELDER] = MODES;

const rel = (file: string): string => path.relative(MINIPROGRAM_ROOT, file);
const listed = (offenders: Offender[]): string[] => offenders.map((o) => `${rel(o.file)}:${o.line} ${o.selector} — ${o.detail}`);
const colourIn = (value: string, vars: Vars): string => resolveVars(value, vars) ?? `unresolved ${value}`;
const ratio = (fg: string, bg: string): number => contrastOf(fg, bg) ?? 0;

/** Text and background tokens that meet on our pages, by hand: each must read at 4.5:1. */
const TOKEN_PAIRS: [string, string][] = [
  ['--color-text', '--color-surface'],
  ['--color-text', '--color-bg'],
  ['--color-text', '--color-brand-soft'],
  ['--color-text-secondary', '--color-surface'],
  ['--color-text-secondary', '--color-bg'],
  ['--color-text-secondary', '--color-brand-soft'],
  ['--color-brand', '--color-surface'],
  ['--color-brand', '--color-bg'],
  ['--color-brand', '--color-brand-soft'],
  ['--color-brand-dark', '--color-brand-soft'],
  ['--color-on-brand', '--color-brand'],
  ['--color-on-brand', '--color-brand-dark'],
  ['--color-success', '--color-success-soft'],
  ['--color-success', '--color-surface'],
  ['--color-on-brand', '--color-success'],
  ['--color-warning', '--color-warning-soft'],
  ['--color-warning', '--color-surface'],
  ['--color-on-brand', '--color-warning'],
  ['--color-info', '--color-info-soft'],
  ['--color-info', '--color-surface'],
  ['--color-on-brand', '--color-info'],
  ['--color-danger', '--color-danger-soft'],
  ['--color-danger', '--color-surface'],
  ['--color-on-brand', '--color-danger'],
];

describe('design tokens (app.wxss)', () => {
  describe.each(MODES)('$mode', ({ vars, bodyMin, tapMin }) => {
    it.each(TOKEN_PAIRS)('%s on %s reads at 4.5:1 or better', (text, background) => {
      const fg = colourIn(`var(${text})`, vars);
      const bg = colourIn(`var(${background})`, vars);
      expect(ratio(fg, bg)).toBeGreaterThanOrEqual(AA_TEXT);
    });

    it('sizes text and targets at the accessibility floor (14 px text, 16 px body, 44 px targets)', () => {
      const px = (name: string): number | undefined => resolvedPx(`var(${name})`, vars);
      expect(px('--font-caption')).toBeGreaterThanOrEqual(MIN_FONT_PX);
      expect(px('--font-body')).toBeGreaterThanOrEqual(bodyMin);
      expect(px('--tap-min')).toBeGreaterThanOrEqual(tapMin);
      for (const name of ['--font-title', '--font-heading', '--font-display']) expect(px(name)).toBeGreaterThan(px('--font-body')!);
    });

    it('every token and every theme variable resolves', () => {
      const unresolved = [...vars.keys()].filter((name) => resolveVars(`var(${name})`, vars) === undefined);
      expect(unresolved).toEqual([]);
    });
  });
});

describe('the Vant theme (styles/vant-theme.wxss)', () => {
  const components = vantComponentsInUse(MINIPROGRAM_ROOT);
  const uses = components.flatMap(vantVarUses);
  const inUse = (component: string): boolean => components.includes(component);

  it('sets every variable whose Vant default misses the bar, for each component in use', () => {
    const missing = uses.flatMap((use) => {
      const reasons = fallbackFailures(use);
      return reasons.length && !themed.has(use.name) ? [`${use.component}: ${use.name} (${use.property}) — ${reasons.join('; ')}`] : [];
    });
    expect([...new Set(missing)]).toEqual([]);
  });

  describe.each(MODES)('$mode', ({ vars, bodyMin, tapMin }) => {
    const value = (use: { name: string; fallback?: string }): string => `var(${use.name}${use.fallback ? `, ${use.fallback}` : ''})`;

    it('text colours read at 4.5:1 on white and on the page', () => {
      const surface = colourIn('var(--color-surface)', vars);
      const bg = colourIn('var(--color-bg)', vars);
      const weak = uses.filter(isPageTextColour).flatMap((use) => {
        const colour = colourIn(value(use), vars);
        const worst = Math.min(ratio(colour, surface), ratio(colour, bg));
        return worst < AA_TEXT ? [`${use.component}: ${use.name} = ${colour}, ${worst.toFixed(2)}:1`] : [];
      });
      expect([...new Set(weak)]).toEqual([]);
    });

    it('text on the fills Vant paints reads at 4.5:1', () => {
      const weak = TEXT_ON_FILL.filter(([component]) => inUse(component)).flatMap(([component, text, fill]) => {
        const fg = colourIn(text, vars);
        const bg = colourIn(fill, vars);
        const r = ratio(fg, bg);
        return r < AA_TEXT ? [`${component}: ${text} on ${fill} = ${fg} on ${bg}, ${r.toFixed(2)}:1`] : [];
      });
      expect(weak).toEqual([]);
    });

    it(`no font size under ${MIN_FONT_PX}px, and body text at ${bodyMin}px or more`, () => {
      const small = uses.flatMap((use) => {
        const px = resolvedPx(value(use), vars);
        if (px === undefined) return [];
        if (use.property === 'font-size' && px < MIN_FONT_PX) return [`${use.component}: ${use.name} = ${px}px`];
        return BODY_TEXT_VARS.includes(use.name) && px < bodyMin ? [`${use.component}: ${use.name} = ${px}px (body)`] : [];
      });
      expect([...new Set(small)]).toEqual([]);
    });

    it(`tap targets are ${tapMin}px or more`, () => {
      const targets = uses.filter((use) => TAP_TARGET_VARS.includes(use.name)).map((use) => ({ where: `${use.component}: ${use.name}`, css: value(use) }));
      const rows = DERIVED_TARGETS.filter((d) => inUse(d.component)).map((d) => ({ where: `${d.component}: ${d.name}`, css: d.expression }));
      const small = [...targets, ...rows].flatMap(({ where, css }) => {
        const px = resolvedPx(css, vars);
        return px === undefined || px < tapMin ? [`${where} = ${px ?? 'unmeasurable'}px`] : [];
      });
      expect([...new Set(small)]).toEqual([]);
    });
  });

  it('grows radio and checkbox lines with the text in elder mode', () => {
    const [standard, elder] = [STANDARD, ELDER].map(({ vars }) => SCALED_ICON_VARS.map((name) => resolvedPx(`var(${name})`, vars) ?? 0));
    SCALED_ICON_VARS.forEach((_name, i) => {
      expect(standard[i]).toBeGreaterThanOrEqual(20);
      expect(elder[i]).toBeGreaterThan(standard[i]);
    });
  });

  it('paints only with the colours of the tokens', () => {
    const vars = STANDARD.vars;
    const palette = new Set([...vars.keys()].filter((n) => n.startsWith('--color-')).map((n) => colourIn(`var(${n})`, vars)));
    const foreign = [...themed].flatMap((name) => {
      const resolved = colourIn(`var(${name})`, vars);
      return parseColour(resolved) && !palette.has(resolved) ? [`${name} = ${resolved}`] : [];
    });
    expect(foreign).toEqual([]);
  });

  it('knows every text colour and size Vant hard-codes in the components we use', () => {
    const found = components.flatMap((c) => vantHardCoded(c).map((h) => `${c} ${h.selector} ${h.property}: ${h.value}`));
    expect(found.filter((f) => !(f in VANT_HARD_CODED))).toEqual([]);
  });
});

describe('our WXSS (pages, packages, components)', () => {
  const files = wxssFiles(MINIPROGRAM_ROOT);
  // Each file on its own: an @import is audited where it is written.
  const declarations = files.flatMap((file) => parseWxss(fs.readFileSync(file, 'utf8'), file).declarations);

  it('finds the styles it audits', () => {
    expect(files.map(rel)).toEqual(expect.arrayContaining(['app.wxss', 'styles/vant-theme.wxss', 'pages/stations/index.wxss']));
  });

  it(`has no font-size under ${MIN_FONT_PX}px (rpx at 0.5px on a 375px screen)`, () => {
    expect(listed(fontSizeOffenders(declarations, STANDARD.vars))).toEqual([]);
  });

  it('writes no colour literal outside app.wxss and the Vant theme', () => {
    const own = declarations.filter((d) => d.file !== APP_WXSS && d.file !== THEME_WXSS);
    expect(listed(rawColourOffenders(own))).toEqual([]);
  });
});

describe('our WXML', () => {
  const elements = wxmlFiles(MINIPROGRAM_ROOT).flatMap((file) => [...walk(parseWxml(fs.readFileSync(file, 'utf8')))].map((element) => ({ file, element })));
  const at = (file: string, line: number, what: string): string => `${rel(file)}:${line} ${what}`;

  /** Small buttons pass only while the theme keeps them a full target high with body text. */
  const smallButtonsRaised = MODES.every(
    ({ vars, tapMin, bodyMin }) =>
      (resolvedPx('var(--button-small-height, 30px)', vars) ?? 0) >= tapMin && (resolvedPx('var(--button-small-font-size, 12px)', vars) ?? 0) >= bodyMin,
  );

  it('finds the templates it audits', () => {
    expect(elements.filter(({ element }) => element.tag === 'page-meta').length).toBeGreaterThanOrEqual(3);
  });

  it('the theme raises size="small" buttons to a full target', () => {
    expect(smallButtonsRaised).toBe(true);
  });

  it('uses no Vant prop that forces small targets, small text or Vant colours', () => {
    const found = elements.flatMap(({ file, element }) => avoidedProps(element, smallButtonsRaised).map((what) => at(file, element.line, what)));
    expect(found).toEqual([]);
  });

  it('labels every icon-only control (aria-label)', () => {
    const found = elements
      .filter(({ element }) => isUnlabelledIconControl(element))
      .map(({ file, element }) => at(file, element.line, `<${element.tag}> has a tap handler, no text and no aria-label`));
    expect(found).toEqual([]);
  });

  it('colours props with tokens: no literal, and no Vant default left in place', () => {
    const found = elements.flatMap(({ file, element }) => [
      ...colourProps(element).map(({ attr, literals }) => at(file, element.line, `<${element.tag} ${attr}> writes ${literals.join(', ')}: use var(--color-…)`)),
      ...coloursLeftAtDefault(element).map((what) => at(file, element.line, what)),
    ]);
    expect(found).toEqual([]);
  });
});
