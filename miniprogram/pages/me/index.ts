import type { Profile } from '../../../typings/workspace';
import { callApi } from '../../services/api-client';
import { chooseElderMode, currentTypography } from '../../services/elder-mode';
import { currentLocalOpenid, localAccounts, switchLocalAccount } from '../../services/local-account';
import { definePage } from '../../utils/define-page';
import { now } from '../../utils/time';
import { lastStation } from '../stations/last-station';
import { bookingUrl, helpUrl, stationPageUrl } from '../stations/routes';
import { deleteMyAccount, exportMyData } from './account';
import { myBookings, myFollowedStations } from './resident-data';
import { FOLLOW_PROMISE, NO_BOOKINGS, NO_FOLLOWS, toBookingRows, toFollowedRows } from './resident-view';
import type { BookingRow, FollowedRow } from './resident-view';
import { mePageData } from './view-model';
import type { AccountAction, MeView, WorkEntry } from './view-model';

type TapEvent = { currentTarget: { dataset: { url: string } } };
type AccountTap = { currentTarget: { dataset: { openid: string } } };
type StationTap = { currentTarget: { dataset: { id: string } } };

/** The demo accounts to switch between (local mode only), the current one marked. */
const demoAccounts = () => localAccounts().map((a) => ({ ...a, current: a.openid === currentLocalOpenid() }));

/**
 * 我的: for a resident, their bookings (我的预约) and followed stations first; for everyone,
 * 长辈模式 and 使用说明; then who the app thinks I am (群众, 人大代表, 联络员 …) and, for a
 * work role, the 工作台.
 */
definePage({
  data: {
    loading: true,
    me: null as MeView | null,
    isWorker: false,
    entries: [] as WorkEntry[],
    account: [] as AccountAction[],
    accounts: [] as ReturnType<typeof demoAccounts>,
    bookings: [] as BookingRow[],
    followed: [] as FollowedRow[],
    /** '' once loaded; the sentence to show (with 重试) when a section could not load. */
    bookingsProblem: '',
    followsProblem: '',
    residentLoading: false,
    noBookings: NO_BOOKINGS,
    noFollows: NO_FOLLOWS,
    followPromise: FOLLOW_PROMISE,
  },
  methods: {
    /** A tab page: shown again after redeeming an invite or booking, when either may have changed. */
    onShow() {
      this.setData({ accounts: demoAccounts() });
      return this.data.me ? this.refresh() : this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      const profile = await this.run(
        () => callApi('user', 'profile', {}),
        (p: Profile) => mePageData(p),
      );
      if (profile) await this.loadResident();
    },
    /** Without the spinner: what is on screen stays if the refresh fails. */
    async refresh() {
      const answer = await callApi('user', 'profile', {});
      if (!answer.ok) return;
      this.setData(mePageData(answer.data));
      await this.loadResident();
    },
    /** A resident's bookings and follows, each section on its own: one failing leaves the other. */
    async loadResident() {
      if (this.data.isWorker) return this.setData({ bookings: [], followed: [], bookingsProblem: '', followsProblem: '' });
      this.setData({ residentLoading: true });
      const [bookings, followed] = await Promise.all([myBookings(), myFollowedStations()]);
      this.setData({
        residentLoading: false,
        ...(bookings.ok ? { bookings: toBookingRows(bookings.data, now()), bookingsProblem: '' } : { bookingsProblem: bookings.error.message }),
        ...(followed.ok ? { followed: toFollowedRows(followed.data, now()), followsProblem: '' } : { followsProblem: followed.error.message }),
      });
    },
    onRetryResident() {
      return this.loadResident();
    },
    /** The open page takes the new type at once; the others on their next show (definePage). */
    onToggleElder() {
      chooseElderMode(this.data.elder ? 'off' : 'on');
      const { pageStyle, elder } = currentTypography();
      this.setData({ pageStyle, elder });
    },
    onOpenHelp() {
      wx.navigateTo({ url: helpUrl(lastStation()?.id) });
    },
    onOpenStation(event: StationTap) {
      wx.navigateTo({ url: stationPageUrl({ id: event.currentTarget.dataset.id }) });
    },
    /** Cancelling is the 预约接待 page's: it shows the booking with its 取消预约. */
    onManageBooking(event: StationTap) {
      wx.navigateTo({ url: bookingUrl(event.currentTarget.dataset.id) });
    },
    /** Local mode: act as another seeded account, then show who that is. */
    onSwitchAccount(event: AccountTap) {
      switchLocalAccount(event.currentTarget.dataset.openid);
      this.setData({ accounts: demoAccounts() });
      return this.load();
    },
    onOpenEntry(event: TapEvent) {
      wx.navigateTo({ url: event.currentTarget.dataset.url });
    },
    onExportData() {
      return exportMyData();
    },
    /** Once the account is gone, the caller is a new resident: show that. */
    async onDeleteAccount() {
      if (await deleteMyAccount()) await this.load();
    },
  },
});
