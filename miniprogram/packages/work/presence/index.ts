import { callApi } from '../../../services/api-client';
import { PRESENCE_CODE } from '../../../generated/rules';
import { definePage } from '../../../utils/define-page';
import { refreshDelayMs, RETRY_AFTER_FAILURE_MS, toPresenceView } from './view-model';
import type { PresenceView } from './view-model';

/** Not rendered: which reception, the pending refresh, and whether the page went to the background. */
interface PageState {
  receptionId: string;
  timer?: ReturnType<typeof setTimeout>;
  hidden?: boolean;
}
const states = new WeakMap<object, PageState>();

/**
 * 出示签到码: on the reception day the liaison officer's phone shows the presence code for the
 * deputies to scan, a new one every 30 seconds; the screen stays on while it is open.
 */
definePage({
  data: { loading: true, view: null as PresenceView | null, stale: false, digits: PRESENCE_CODE.digits, periodSeconds: PRESENCE_CODE.periodSeconds },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      states.set(this, { receptionId: decodeURIComponent(query.receptionId ?? '') });
      // The code changes every 30 seconds: a phone that dims and locks would show none.
      wx.setKeepScreenOn({ keepScreenOn: true, fail: () => undefined });
      await this.load();
    },
    /** Back from the background (the screen was off, another app): the code on screen may be old. */
    async onShow() {
      const state = states.get(this);
      if (state?.hidden && this.data.view) {
        state.hidden = false;
        await this.refresh();
      }
    },
    onHide() {
      const state = states.get(this);
      if (state) state.hidden = true;
      this.stop();
    },
    onUnload() {
      this.stop();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      const receptionId = states.get(this)?.receptionId ?? '';
      const answer = await this.run(
        () => callApi('reception', 'presenceCode', { receptionId }),
        (data) => ({ view: toPresenceView(data), stale: false }),
      );
      if (answer) this.later(refreshDelayMs(answer));
    },
    /** The next code, without the spinner: the old one stays on screen if asking fails. */
    async refresh() {
      const receptionId = states.get(this)?.receptionId ?? '';
      const answer = await callApi('reception', 'presenceCode', { receptionId });
      if (answer.ok) {
        this.setData({ view: toPresenceView(answer.data), stale: false });
        this.later(refreshDelayMs(answer.data));
      } else {
        this.setData({ stale: true });
        this.later(RETRY_AFTER_FAILURE_MS);
      }
    },
    later(ms: number) {
      const state = states.get(this);
      if (!state || state.hidden) return;
      this.stop();
      state.timer = setTimeout(() => this.refresh(), ms);
    },
    stop() {
      const state = states.get(this);
      if (state?.timer !== undefined) clearTimeout(state.timer);
      if (state) state.timer = undefined;
    },
  },
});
