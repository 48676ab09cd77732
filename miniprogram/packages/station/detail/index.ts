import type { GetStationInput, StationDetail } from '../../../../typings/api';
import { callApi } from '../../../services/api-client';
import { askForNotices, loadNoticeTemplates } from '../../../services/subscribe';
import type { Outcome } from '../../../services/outcome';
import { boardUrl, bookingUrl, composeUrl } from '../../../pages/stations/routes';
import { definePage } from '../../../utils/define-page';
import { shareOf, stationQuery, toStationView } from './view-model';
import type { StationView } from './view-model';
import { IDLE_REPORTS, REPORTS_TAB, toReportRow } from './reports';
import type { ReportsTab } from './reports';
import { now } from '../../../utils/time';
import { reportPageUrl } from '../../../utils/report-view';
import { eventPageUrl } from '../event/view-model';
import { consultationMethods } from './consultation-methods';
import { NO_CONSULTATIONS } from './consultations';
import type { ConsultationsBlock } from './consultations';

type TapEvent<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<{}, {}, T>;

/** Per page instance, off `data`: what was asked for (to retry) and what came back (map, share). */
const sessions = new WeakMap<object, { query: GetStationInput | null; detail?: StationDetail }>();

/** 接待安排: the schedule, its events and their 活动回顾. */
const RECEPTIONS_TAB = 1;

/** Opened without a usable id, code or scene: a mangled link or someone else's QR code. */
const NO_STATION: Outcome<StationDetail> = {
  ok: false,
  error: { code: 'NOT_FOUND', message: '没有找到这个联络站', hint: '请重新扫描联络站门口的二维码，或在附近联络站中查找' },
};

/** 联络站: the station's digital wall (五上墙) and the ways to reach its deputies. */
definePage({
  /** `following`: null until known (and for callers who cannot follow, e.g. a deputy): no button. */
  data: {
    loading: true,
    station: null as StationView | null,
    following: null as boolean | null,
    followBusy: false,
    tab: 0,
    reports: IDLE_REPORTS as ReportsTab,
    consultations: NO_CONSULTATIONS as ConsultationsBlock,
  },
  methods: {
    onLoad(options: Record<string, string | undefined>) {
      sessions.set(this, { query: stationQuery(options) });
      if (options.tab === 'reports') this.setData({ tab: REPORTS_TAB });
      // A 代表论坛 notice's way back, and links to the 活动回顾: the schedule tab.
      if (options.tab === 'receptions') this.setData({ tab: RECEPTIONS_TAB });
      void loadNoticeTemplates(); // ready before a 关注 tap, which must open the prompt at once
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    ...consultationMethods,
    async load() {
      const session = sessions.get(this)!;
      const query = session.query;
      const step = () => (query ? callApi('station', 'get', query) : Promise.resolve(NO_STATION));
      const detail = await this.run(step, (found) => ({ station: toStationView(found, new Date()) }));
      if (!detail) return;
      session.detail = detail;
      wx.setNavigationBarTitle({ title: detail.name });
      if (this.data.tab === REPORTS_TAB && this.data.reports.state !== 'loaded') void this.loadReports(0);
      void this.loadConsultations(detail.id);
      const following = await callApi('reception', 'following', { stationId: detail.id });
      this.setData({ following: following.ok ? following.data.following : null });
    },
    /** 关注 asks for one reception reminder first (only a tap may open the prompt); 取消关注 just stops. */
    async onToggleFollow() {
      const station = this.data.station;
      if (!station || this.data.followBusy || this.data.following === null) return;
      const follow = !this.data.following;
      const asked = follow ? askForNotices(['receptionReminder']) : Promise.resolve({});
      this.setData({ followBusy: true });
      const accepted = Object.values(await asked).includes('accept');
      const answer = await callApi('reception', 'follow', { stationId: station.id, follow });
      if (!answer.ok) {
        this.setData({ followBusy: false });
        wx.showToast({ title: answer.error.message, icon: 'none' });
        return;
      }
      this.setData({ followBusy: false, following: answer.data.following });
      const title = !follow ? '已取消关注' : accepted ? '已关注，新的接待日会通知您' : '已关注；未允许消息提醒，请在本页查看接待安排';
      wx.showToast({ title, icon: 'none' });
    },
    onTab(event: { detail: { index: number } }) {
      this.setData({ tab: event.detail.index });
      if (event.detail.index === REPORTS_TAB && this.data.reports.state === 'idle') return this.loadReports(0);
    },
    onRetryReports() {
      return this.loadReports(this.data.reports.page);
    },
    /** 加载更多, or after a later page failed, that page again. */
    onMoreReports() {
      const { page, error } = this.data.reports;
      return this.loadReports(error ? page : page + 1);
    },
    /** A page of 20 (the first replaces the list, a later one adds to it); the tab's own state, the page's stays. */
    async loadReports(page: number) {
      const station = this.data.station;
      if (!station || this.data.reports.state === 'loading') return;
      this.setData({ 'reports.state': 'loading', 'reports.error': null, 'reports.page': page });
      const answer = await callApi('report', 'list', { stationId: station.id, page });
      if (!answer.ok) return this.setData({ 'reports.state': 'error', 'reports.error': answer.error });
      const rows = answer.data.reports.map((r) => toReportRow(r, now()));
      this.setData({ reports: { state: 'loaded', rows: page ? [...this.data.reports.rows, ...rows] : rows, hasMore: answer.data.hasMore, page, error: null } });
    },
    onOpenReport(event: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: reportPageUrl(event.currentTarget.dataset.id) });
    },
    onFindNearby() {
      wx.switchTab({ url: '/pages/stations/index' });
    },
    onOpenMap() {
      const detail = sessions.get(this)?.detail;
      if (!detail) return;
      const [longitude, latitude] = detail.location.coordinates;
      wx.openLocation({ latitude, longitude, name: detail.name, address: detail.address, scale: 17 });
    },
    onCall(event: TapEvent<{ phone: string }>) {
      wx.makePhoneCall({ phoneNumber: event.currentTarget.dataset.phone });
    },
    /** 给代表留言 from the bar, or 给TA留言 on one deputy (data-deputy-id). */
    onMessage(event: TapEvent<{ deputyId?: string }>) {
      const station = this.data.station;
      if (station) wx.navigateTo({ url: composeUrl(station.id, event.currentTarget.dataset.deputyId) });
    },
    onOpenBoard() {
      const station = this.data.station;
      if (station) wx.navigateTo({ url: boardUrl({ stationId: station.id }) });
    },
    /** A 代表论坛 / 约见 card or 活动回顾 row: the event's own page. */
    onOpenEvent(event: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: eventPageUrl(event.currentTarget.dataset.id) });
    },
    onBook() {
      const station = this.data.station;
      if (station) wx.navigateTo({ url: bookingUrl(station.id) });
    },
    onShareAppMessage() {
      const detail = sessions.get(this)?.detail;
      // Before it loaded, WeChat shares this page as it was opened.
      return detail ? shareOf(detail) : {};
    },
  },
});
