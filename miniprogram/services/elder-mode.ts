/**
 * 长辈模式 and WeChat's font setting. Every page sets its `page-meta` page-style from here, so
 * the type scale of app.wxss (`--font-scale`) and the smallest tap target (`--tap-min`)
 * follow the resident:
 * - text always follows WeChat's font setting (`fontSizeScaleFactor` of wx.getAppBaseInfo,
 *   WeChat's 适老化 guide), never below the standard size;
 * - elder mode raises body text to at least 20 px and targets to 60 px. It is on when the
 *   resident switched it on (我的), or, until they choose, when WeChat's own font is set
 *   large (the guide's +3 step and above, where 关怀模式 sits).
 * The rule is pure (`typographyOf`); only the reads and the stored choice touch `wx`.
 */

export type ElderChoice = 'on' | 'off';

export interface Typography {
  elder: boolean;
  /** Font scale applied to the tokens: 1 = 16 px body. */
  fontScale: number;
  /** The `page-style` of `page-meta`: '' when everything is at its default. */
  pageStyle: string;
}

/** Body 16 px × 1.25 = 20 px, the elder-mode minimum. */
export const ELDER_FONT_SCALE = 1.25;
export const ELDER_TAP_PX = 60;
/** WeChat's "+3" step is 21/17 ≈ 1.24 on iOS and 1.25 on Android: from there, elder mode by default. */
export const LARGE_WECHAT_FONT_SCALE = 1.24;
/** Past twice the standard, layouts break while the text gains little: WeChat's own steps stop at 1.875 (Android). */
const MAX_FONT_SCALE = 2;

const CHOICE_KEY = 'elderMode';
const OFFERED_KEY = 'elderModeOffered';

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** What the pages apply, given the resident's choice (if any) and WeChat's font scale. */
export function typographyOf(choice: ElderChoice | undefined, wechatFontScale: number): Typography {
  const followed = Number.isFinite(wechatFontScale) ? Math.min(MAX_FONT_SCALE, Math.max(1, wechatFontScale)) : 1;
  const elder = choice === 'on' || (choice === undefined && followed >= LARGE_WECHAT_FONT_SCALE);
  const fontScale = round2(elder ? Math.max(ELDER_FONT_SCALE, followed) : followed);
  const declarations: string[] = [];
  if (fontScale !== 1) declarations.push(`--font-scale:${fontScale}`);
  if (elder) declarations.push(`--tap-min:${ELDER_TAP_PX}px`);
  return { elder, fontScale, pageStyle: declarations.join(';') };
}

/** WeChat's font scale; 1 where the base library cannot tell (wx.getAppBaseInfo is from 2.20.1). */
export function wechatFontScale(): number {
  try {
    const info = typeof wx.getAppBaseInfo === 'function' ? wx.getAppBaseInfo() : wx.getSystemInfoSync();
    const factor = Number((info as { fontSizeScaleFactor?: number }).fontSizeScaleFactor);
    if (Number.isFinite(factor) && factor > 0) return factor;
    const setting = Number((info as { fontSizeSetting?: number }).fontSizeSetting);
    return Number.isFinite(setting) && setting > 0 ? setting / 17 : 1;
  } catch {
    return 1;
  }
}

export function elderChoice(): ElderChoice | undefined {
  try {
    const saved: unknown = wx.getStorageSync(CHOICE_KEY);
    return saved === 'on' || saved === 'off' ? saved : undefined;
  } catch {
    return undefined;
  }
}

export function chooseElderMode(choice: ElderChoice): void {
  wx.setStorageSync(CHOICE_KEY, choice);
  wx.setStorageSync(OFFERED_KEY, true);
}

/** The first-launch offer is made once, whatever the answer (or none). */
export function shouldOfferElderMode(): boolean {
  try {
    return elderChoice() === undefined && wx.getStorageSync(OFFERED_KEY) !== true;
  } catch {
    return false;
  }
}

export function markElderModeOffered(): void {
  wx.setStorageSync(OFFERED_KEY, true);
}

/** The typography the pages apply now. */
export function currentTypography(): Typography {
  return typographyOf(elderChoice(), wechatFontScale());
}
