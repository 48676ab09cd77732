import type { InviteView } from '../../../../typings/workspace';
import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { itemsOf, listLoading } from '../common/list-page';
import type { ListSession } from '../common/list-page';
import { toInviteRow } from './view-model';
import type { InviteRow } from './view-model';

const { sessions, methods: loading } = listLoading<InviteView, ListSession<InviteView>>({
  key: 'invites',
  fetch: (_s, page) => itemsOf(callApi('admin', 'invites', { page }), (d) => d.invites),
  toRow: (invite) => toInviteRow(invite, now()),
  idOf: (invite) => invite.code,
});

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
      sessions.set(this, { records: [], query: '', asked: 0, seenEdits: 0 });
      return this.load();
    },
    ...loading,
    async onRevoke(event: { currentTarget: { dataset: { index: number } } }) {
      const s = sessions.get(this);
      const index = Number(event.currentTarget.dataset.index);
      const invite = s?.records[index];
      if (!s || !invite) return;
      const { confirm } = await wx.showModal({
        title: '撤销邀请码',
        content: `撤销后，${invite.person.name}将不能再用邀请码 ${invite.code} 绑定身份。`,
        confirmText: '撤销',
        confirmColor: '#c41a16',
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
