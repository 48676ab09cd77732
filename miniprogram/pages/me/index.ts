import type { Profile } from '../../../typings/workspace';
import { callApi } from '../../services/api-client';
import { currentLocalOpenid, localAccounts, switchLocalAccount } from '../../services/local-account';
import { definePage } from '../../utils/define-page';
import { deleteMyAccount, exportMyData } from './account';
import { mePageData } from './view-model';
import type { AccountAction, MeView, WorkEntry } from './view-model';

type TapEvent = { currentTarget: { dataset: { url: string } } };
type AccountTap = { currentTarget: { dataset: { openid: string } } };

/** The demo accounts to switch between (local mode only), the current one marked. */
const demoAccounts = () => localAccounts().map((a) => ({ ...a, current: a.openid === currentLocalOpenid() }));

/** 我的: who the app thinks I am (群众, 人大代表, 联络员 …) and, for a work role, the 工作台. */
definePage({
  data: { loading: true, me: null as MeView | null, isWorker: false, entries: [] as WorkEntry[], account: [] as AccountAction[], accounts: [] as ReturnType<typeof demoAccounts> },
  methods: {
    /** A tab page: shown again after redeeming an invite, when the role may have changed. */
    onShow() {
      this.setData({ accounts: demoAccounts() });
      return this.data.me ? this.refresh() : this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      await this.run(() => callApi('user', 'profile', {}), (profile: Profile) => mePageData(profile));
    },
    /** Without the spinner: what is on screen stays if the refresh fails. */
    async refresh() {
      const answer = await callApi('user', 'profile', {});
      if (answer.ok) this.setData(mePageData(answer.data));
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
