import type { Profile } from '../../../typings/workspace';
import { callApi } from '../../services/api-client';
import { definePage } from '../../utils/define-page';
import { mePageData } from './view-model';
import type { MeView, WorkEntry } from './view-model';

type TapEvent = { currentTarget: { dataset: { url: string } } };

/** 我的: who the app thinks I am (群众, 人大代表, 联络员 …) and, for a work role, the 工作台. */
definePage({
  data: { loading: true, me: null as MeView | null, isWorker: false, entries: [] as WorkEntry[] },
  methods: {
    /** A tab page: shown again after redeeming an invite, when the role may have changed. */
    onShow() {
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
    onOpenEntry(event: TapEvent) {
      wx.navigateTo({ url: event.currentTarget.dataset.url });
    },
  },
});
