/**
 * 长辈模式 and WeChat's font setting, as the resident meets them: the table is written by hand
 * from the rules (text follows WeChat's scale but never shrinks below standard nor grows past
 * twice it; elder mode means body ≥ 20 px and targets of 60 px; until the resident chooses,
 * WeChat's "+3" step, 1.24, turns it on).
 */
type Choice = 'on' | 'off' | undefined;
type Typography = { elder: boolean; fontScale: number; pageStyle: string };

// Required, not imported: the module is typed against the mini-program's global `wx`.
const { typographyOf } = require('../../miniprogram/services/elder-mode') as {
  typographyOf(choice: Choice, wechatFontScale: number): Typography;
};

const STANDARD: Typography = { elder: false, fontScale: 1, pageStyle: '' };
const larger = (scale: number): Typography => ({ elder: false, fontScale: scale, pageStyle: `--font-scale:${scale}` });
const elder = (scale: number): Typography => ({ elder: true, fontScale: scale, pageStyle: `--font-scale:${scale};--tap-min:60px` });

const TABLE: [Choice, number, Typography][] = [
  // Not chosen yet: follow WeChat, and switch elder mode on from its large steps.
  [undefined, 0.94, STANDARD],
  [undefined, 1, STANDARD],
  [undefined, 1.1, larger(1.1)],
  [undefined, 1.24, elder(1.25)],
  [undefined, 1.4, elder(1.4)],
  [undefined, 2.5, elder(2)],
  [undefined, NaN, STANDARD],
  // Switched on: at least 20 px body text whatever WeChat says.
  ['on', 0.94, elder(1.25)],
  ['on', 1, elder(1.25)],
  ['on', 1.1, elder(1.25)],
  ['on', 1.24, elder(1.25)],
  ['on', 1.4, elder(1.4)],
  ['on', 2.5, elder(2)],
  ['on', NaN, elder(1.25)],
  // Switched off: still WeChat's size, but the standard targets and layout.
  ['off', 0.94, STANDARD],
  ['off', 1, STANDARD],
  ['off', 1.1, larger(1.1)],
  ['off', 1.24, larger(1.24)],
  ['off', 1.4, larger(1.4)],
  ['off', 2.5, larger(2)],
  ['off', NaN, STANDARD],
];

describe('typography for the resident', () => {
  it.each(TABLE)('choice %s at WeChat scale %s', (choice, scale, expected) => {
    expect(typographyOf(choice, scale)).toEqual(expected);
  });

  it('gives elder mode body text of at least 20px (16px × font scale)', () => {
    for (const [choice, scale] of TABLE) {
      const t = typographyOf(choice, scale);
      if (t.elder) expect(16 * t.fontScale).toBeGreaterThanOrEqual(20);
    }
  });
});
