/**
 * How a page that loads on open loads again: 重试 on the error state and pull-down refresh both
 * run the page's own `load()`; the refresh spinner stops once it has answered. Spread into
 * definePage's methods (linked-page.ts has its own, for pages opened from a link).
 */

/** What these methods need of the page they are mixed into. */
interface ReloadablePage {
  load(): Promise<void>;
}

export const reloadMethods = {
  onRetry(this: ReloadablePage) {
    return this.load();
  },
  async onPullDownRefresh(this: ReloadablePage) {
    await this.load();
    wx.stopPullDownRefresh();
  },
};
