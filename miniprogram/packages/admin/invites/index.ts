import type { InviteView } from '../../../../typings/workspace';
import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { appendRows, nextPage, unseen } from '../common/paging';
import { toInviteRow } from './view-model';
import type { InviteRow } from './view-model';

/** Not rendered: the invites behind the rows, and which answer is the latest asked. */
interface Session {
  records: InviteView[];
  asked: number;
}
const sessions = new WeakMap<object, Session>();

const withId = (invite: InviteView) => ({ ...invite, id: invite.code });

/** 邀请码: the district's invites, newest first as the server sends them; an open one can be revoked. */
definePage({
  data: {
    loading: true,
    invites: [] as InviteRow[],
    hasMore: false,
    loadingMore: false,
  },
  methods: {
    onLoad() {
      sessions.set(this, { records: [], asked: 0 });
      return this.load();
    },
    onRetry() {
      return this.load();
    },
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async load() {
      const s = sessions.get(this)!;
      const asked = ++s.asked;
      await this.run(
        () => callApi('admin', 'invites', { page: 0 }),
        (data) => {
          if (asked !== s.asked) return {};
          s.records = data.invites;
          return { invites: data.invites.map((i) => toInviteRow(i, now())), hasMore: data.hasMore };
        },
      );
    },
    async onReachBottom() {
      const s = sessions.get(this);
      if (!s || !this.data.hasMore || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const asked = s.asked;
      const answer = await callApi('admin', 'invites', { page: nextPage(s.records.length) });
      if (asked !== s.asked) return;
      if (!answer.ok) {
        this.setData({ loadingMore: false });
        wx.showToast({ title: answer.error.message, icon: 'none' });
        return;
      }
      const fresh = unseen(s.records.map(withId), answer.data.invites.map(withId));
      const from = s.records.length;
      s.records = [...s.records, ...fresh];
      this.setData({ ...appendRows('invites', from, fresh.map((i) => toInviteRow(i, now()))), hasMore: answer.data.hasMore, loadingMore: false });
    },
    async onRevoke(event: { currentTarget: { dataset: { index: number } } }) {
      const s = sessions.get(this);
      const index = Number(event.currentTarget.dataset.index);
      const invite = s?.records[index];
      if (!s || !invite) return;
      const { confirm } = await wx.showModal({
        title: '撤销邀请码',
        content: `撤销后，${invite.person.name}将不能再用邀请码 ${invite.code} 绑定身份。`,
        confirmText: '撤销',
        confirmColor: '#ee0a24',
      });
      if (!confirm) return;
      const answer = await callApi('admin', 'revokeInvite', { code: invite.code });
      if (!answer.ok) return wx.showToast({ title: answer.error.message, icon: 'none' });
      // The row may have moved if the list reloaded meanwhile: find it by its code.
      const at = s.records.findIndex((r) => r.code === answer.data.code);
      if (at >= 0) {
        s.records[at] = answer.data;
        this.setData({ [`invites[${at}]`]: toInviteRow(answer.data, now()) });
      }
      wx.showToast({ title: '已撤销', icon: 'success' });
    },
  },
});
