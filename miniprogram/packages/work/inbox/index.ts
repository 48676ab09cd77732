import type { InboxFilter, InboxOutput, Profile } from '../../../../typings/workspace';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { appendRows, EMPTY_TEXTS, newRows, nextPage, stationOptions, TABS_BY_ROLE, TITLES, toInboxRow, toTabs, workRole, type InboxRole } from './view-model';
import type { InboxRow, StationOption, TabView } from './view-model';

/** Not rendered: whose queue, which filter and station, and which answer is the latest asked. */
interface Session {
  role: InboxRole;
  filter: InboxFilter;
  stationId?: string;
  loaded: boolean;
  /** Answers to an earlier tab or station are dropped when a later one was asked. */
  asked: number;
}
const sessions = new WeakMap<object, Session>();
type Opened = { profile: Profile; role: InboxRole; inbox: InboxOutput };

async function open(): Promise<Outcome<Opened>> {
  const profile = await callApi('user', 'profile', {});
  if (!profile.ok) return profile;
  const role = workRole(profile.data);
  if (!role)
    return {
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: '待办留言仅供人大代表、联络员和区人大常委会使用',
        hint: profile.data.role === 'unit' ? '承办单位请在「我的」里打开「待办建议」' : '如已收到邀请码，请先在「我的」里绑定身份',
      },
    };
  const inbox = await callApi('case', 'inbox', { filter: TABS_BY_ROLE[role][0], page: 0 });
  return inbox.ok ? { ok: true, data: { profile: profile.data, role, inbox: inbox.data } } : inbox;
}

/** 待办留言: the handler's queue over their scope, by tab, most urgent first as the server sends it. */
definePage({
  data: {
    loading: true,
    /** The screen reader's page heading: whose queue this is. */
    heading: TITLES.officer,
    tabs: [] as TabView[],
    active: '' as InboxFilter | '',
    stations: [] as StationOption[],
    stationIndex: 0,
    cases: [] as InboxRow[],
    hasMore: false,
    loadingMore: false,
    /** A tab or station switch is on its way: the old rows are gone, the new not yet here. */
    listLoading: false,
    emptyText: '',
  },
  methods: {
    onLoad() {
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    load() {
      return this.run(open, ({ profile, role, inbox }) => {
        sessions.set(this, { role, filter: TABS_BY_ROLE[role][0], loaded: true, asked: 0 });
        wx.setNavigationBarTitle({ title: TITLES[role] });
        return { ...this.listed(inbox), heading: TITLES[role], active: TABS_BY_ROLE[role][0], stations: stationOptions(profile), stationIndex: 0 };
      });
    },
    /** What a first page changes on screen: rows, badges, the empty text. */
    listed(inbox: InboxOutput) {
      const s = sessions.get(this)!;
      return {
        cases: inbox.cases.map((c) => toInboxRow(c, s.role, now())),
        hasMore: inbox.hasMore,
        tabs: toTabs(s.role, inbox.counts),
        emptyText: EMPTY_TEXTS[s.filter],
      };
    },
    /** Back from a case (or pulled down): the first page again, in place; a failure keeps the rows. */
    onShow() {
      if (sessions.get(this)?.loaded) return this.refresh();
    },
    async onPullDownRefresh() {
      if (sessions.get(this)) await this.refresh();
      else await this.load();
      wx.stopPullDownRefresh();
    },
    async refresh(notifyFailure = false) {
      const s = sessions.get(this);
      if (!s) return;
      const asked = ++s.asked;
      const answer = await callApi('case', 'inbox', { filter: s.filter, page: 0, ...(s.stationId ? { stationId: s.stationId } : {}) });
      if (asked !== s.asked) return;
      if (answer.ok) {
        this.setData({ ...this.listed(answer.data), loadingMore: false, listLoading: false });
        return;
      }
      // After a switch the list is empty: say why rather than "nothing here".
      this.setData({ listLoading: false, ...(this.data.cases.length ? {} : { emptyText: answer.error.message }) });
      if (notifyFailure) wx.showToast({ title: answer.error.message, icon: 'none' });
    },
    onTab(event: { detail: { name: InboxFilter } }) {
      const s = sessions.get(this);
      if (!s || event.detail.name === s.filter) return;
      s.filter = event.detail.name;
      this.setData({ active: s.filter, cases: [], hasMore: false, listLoading: true });
      return this.refresh(true);
    },
    onStation(event: WechatMiniprogram.PickerChange) {
      const s = sessions.get(this);
      const index = Number(event.detail.value);
      if (!s || index === this.data.stationIndex) return;
      s.stationId = this.data.stations[index]?.id || undefined;
      this.setData({ stationIndex: index, cases: [], hasMore: false, listLoading: true });
      return this.refresh(true);
    },
    async onReachBottom() {
      const s = sessions.get(this);
      const { cases, hasMore, loadingMore } = this.data;
      if (!s || !hasMore || loadingMore) return;
      this.setData({ loadingMore: true });
      const asked = s.asked;
      const answer = await callApi('case', 'inbox', { filter: s.filter, page: nextPage(cases.length), ...(s.stationId ? { stationId: s.stationId } : {}) });
      if (asked !== s.asked) return;
      if (!answer.ok) {
        this.setData({ loadingMore: false });
        wx.showToast({ title: answer.error.message, icon: 'none' });
        return;
      }
      const rows = newRows(this.data.cases, answer.data.cases, s.role, now());
      this.setData({ ...appendRows(this.data.cases.length, rows), hasMore: answer.data.hasMore, loadingMore: false, tabs: toTabs(s.role, answer.data.counts) });
    },
    onTapCase(event: WechatMiniprogram.CustomEvent<{}, {}, { id: string }>) {
      wx.navigateTo({ url: `/packages/work/case/index?id=${encodeURIComponent(event.currentTarget.dataset.id)}` });
    },
  },
});
