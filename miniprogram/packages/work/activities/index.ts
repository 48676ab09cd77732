import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { definePage } from '../../../utils/define-page';
import { ACTIVITY_LIMITS } from '../../../generated/rules';
import { disputeError, emptyText, headingOf, toActivityRows } from './view-model';
import type { ActivityRow } from './view-model';

type Tap<D> = { currentTarget: { dataset: D } };

async function open(): Promise<Outcome<{ rows: ActivityRow[]; role: string; hasMore: boolean }>> {
  const [profile, page] = await Promise.all([callApi('user', 'profile', {}), callApi('user', 'activities', {})]);
  if (!profile.ok) return profile;
  if (!page.ok) return page;
  return { ok: true, data: { rows: toActivityRows(page.data, profile.data.role), role: profile.data.role, hasMore: page.data.hasMore } };
}

/**
 * 履职活动: deputies confirm or dispute what officers recorded; officers follow it and withdraw a
 * disputed one; the district office (user.activities answers it the district's) only reads.
 */
definePage({
  data: {
    loading: true,
    rows: [] as ActivityRow[],
    role: '',
    isOfficer: false,
    emptyText: '',
    heading: headingOf(''),
    hasMore: false,
    /** The row whose dispute box is open, and what is typed in it. */
    disputing: '',
    reason: '',
    reasonError: '',
    reasonMax: ACTIVITY_LIMITS.reasonMax,
    busy: '',
    actionError: '',
  },
  methods: {
    onLoad() {
      return this.load();
    },
    onShow() {
      // Back from 登记履职活动: the new one shows.
      if (!this.data.loading) return this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      const opened = await this.run(open, (data) => ({
        ...data,
        isOfficer: data.role === 'officer',
        emptyText: emptyText(data.role),
        heading: headingOf(data.role),
        disputing: '',
        reason: '',
        reasonError: '',
        actionError: '',
      }));
      if (opened?.role === 'admin') wx.setNavigationBarTitle({ title: headingOf(opened.role) });
    },
    onRecord() {
      wx.navigateTo({ url: '/packages/work/activity/index' });
    },
    onRevise(event: Tap<{ url: string }>) {
      wx.navigateTo({ url: event.currentTarget.dataset.url });
    },
    onConfirm(event: Tap<{ id: string }>) {
      return this.act(event.currentTarget.dataset.id, () => callApi('user', 'confirmActivity', { activityId: event.currentTarget.dataset.id, confirm: true }), '已确认');
    },
    onDispute(event: Tap<{ id: string }>) {
      this.setData({ disputing: event.currentTarget.dataset.id, reason: '', reasonError: '' });
    },
    onReason(event: { detail: string }) {
      this.setData({ reason: event.detail, reasonError: '' });
    },
    onCancelDispute() {
      this.setData({ disputing: '', reason: '', reasonError: '' });
    },
    onSendDispute() {
      const reasonError = disputeError(this.data.reason);
      if (reasonError) return this.setData({ reasonError });
      const id = this.data.disputing;
      return this.act(id, () => callApi('user', 'confirmActivity', { activityId: id, confirm: false, reason: this.data.reason.trim() }), '已提出异议');
    },
    onWithdraw(event: Tap<{ id: string }>) {
      const id = event.currentTarget.dataset.id;
      return this.act(id, () => callApi('user', 'reviseActivity', { activityId: id, withdraw: true }), '已撤回');
    },
    async act(id: string, call: () => Promise<Outcome<unknown>>, done: string) {
      if (this.data.busy) return;
      this.setData({ busy: id, actionError: '' });
      const answer = await call();
      if (!answer.ok) return this.setData({ busy: '', actionError: answer.error.message });
      this.setData({ busy: '' });
      wx.showToast({ title: done, icon: 'success' });
      await this.load();
    },
  },
});
