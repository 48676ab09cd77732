import type { ListMyCasesOutput } from '../../../typings/case';
import { callApi } from '../../services/api-client';
import type { Outcome } from '../../services/outcome';
import { definePage } from '../../utils/define-page';
import { now } from '../../utils/time';
import { publicCaseUrl } from '../stations/routes';
import { appendRows, badgeText, newRows, nextPage, toCaseRow, toJoinedRows, toRateCount } from './view-model';
import type { CaseRow, JoinedRow } from './view-model';

/** 我的留言's place in app.json's tabBar. */
const TAB_INDEX = 1;

/** The badge shows what waits unread across all my cases; it is not the person's business if it fails. */
function showBadge(unreadTotal: number): void {
  const text = badgeText(unreadTotal);
  const ignore = () => undefined;
  if (text) wx.setTabBarBadge({ index: TAB_INDEX, text, fail: ignore });
  else wx.removeTabBarBadge({ index: TAB_INDEX, fail: ignore });
}

const firstPage = () => callApi('case', 'mine', { page: 0 });
const shown = (mine: ListMyCasesOutput) => {
  const cases = mine.cases.map((c) => toCaseRow(c, now()));
  return { cases, toRateCount: toRateCount(cases), hasMore: mine.hasMore };
};

/** 我的留言 (tab): my cases, newest first, with what is new in each; the answers to rate first. */
definePage({
  data: { loading: true, cases: [] as CaseRow[], toRateCount: 0, hasMore: false, loadingMore: false, joined: [] as JoinedRow[] },
  methods: {
    /** Every time the tab shows: a case read or answered meanwhile changes the rows and the badge. */
    onShow() {
      return this.reload();
    },
    async onPullDownRefresh() {
      await this.reload();
      wx.stopPullDownRefresh();
    },
    onRetry() {
      return this.reload();
    },
    async reload() {
      // Once a list is on screen, refresh it in place: a spinner on every tab switch would flash.
      const inPlace = !this.data.loading && !this.data.error;
      const mine = inPlace ? await this.refreshInPlace(firstPage) : await this.run(firstPage, shown);
      if (mine) showBadge(mine.unreadTotal);
      await this.showJoined();
    },
    /** 我也遇到的: cases of others I joined. Not the page's business if it fails: the section stays as it was. */
    async showJoined() {
      const joined = await callApi('case', 'joined', {});
      if (joined.ok) this.setData({ joined: toJoinedRows(joined.data.cases, now()) });
    },
    /** On failure the rows stay as they were: still true, perhaps not the latest. */
    async refreshInPlace(step: () => Promise<Outcome<ListMyCasesOutput>>) {
      const answer = await step();
      if (!answer.ok) return undefined;
      this.setData(shown(answer.data));
      return answer.data;
    },
    async onReachBottom() {
      const { cases, hasMore, loadingMore } = this.data;
      if (!hasMore || loadingMore) return;
      this.setData({ loadingMore: true });
      const answer = await callApi('case', 'mine', { page: nextPage(cases.length) });
      if (!answer.ok) {
        this.setData({ loadingMore: false });
        wx.showToast({ title: answer.error.message, icon: 'none' });
        return;
      }
      const rows = newRows(this.data.cases, answer.data.cases, now());
      const toRate = this.data.toRateCount + toRateCount(rows);
      this.setData({ ...appendRows(this.data.cases.length, rows), toRateCount: toRate, hasMore: answer.data.hasMore, loadingMore: false });
      showBadge(answer.data.unreadTotal);
    },
    /** 认领留言: a case recorded for the resident at a reception day, claimed with the code on the recorder's phone. */
    onClaimCase() {
      wx.navigateTo({ url: '/packages/case/claim/index' });
    },
    onTapCase(event: WechatMiniprogram.CustomEvent<{}, {}, { id: string }>) {
      wx.navigateTo({ url: `/packages/case/detail/index?id=${encodeURIComponent(event.currentTarget.dataset.id)}` });
    },
    onTapJoined(event: WechatMiniprogram.CustomEvent<{}, {}, { id: string }>) {
      wx.navigateTo({ url: publicCaseUrl(event.currentTarget.dataset.id) });
    },
    onFindStation() {
      wx.switchTab({ url: '/pages/stations/index' });
    },
  },
});
