import type { CommentView } from '../../../../typings/consultation';
import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { reloadMethods } from '../../../utils/reload-methods';
import { now } from '../../../utils/time';
import { toCommentCard } from '../common/comment-card';
import type { CommentCard } from '../common/comment-card';
import { consultationUrl } from '../common/labels';

type Tap = WechatMiniprogram.CustomEvent<{}, {}, { id: string }>;
/** --color-danger of app.wxss: WeChat's modal takes a colour value, not a CSS variable. */
const DANGER_COLOR = '#c41a16';

/** 我的意见: every comment the resident gave on a draft law, where each stands and which were adopted. */
definePage({
  data: { loading: true, rows: [] as CommentCard[], busyId: '' },
  methods: {
    onLoad() {
      return this.load();
    },
    /** Back from confirming a recorded comment: it belongs in the list now. */
    onShow() {
      if (this.data.rows.length || !this.data.loading) return this.refresh();
    },
    ...reloadMethods,
    async load() {
      await this.run(
        () => callApi('consultation', 'mine', {}),
        (mine) => ({ rows: mine.comments.map((c) => toCommentCard(c, now())) }),
      );
    },
    async refresh() {
      const mine = await callApi('consultation', 'mine', {});
      if (mine.ok) this.setData({ rows: mine.data.comments.map((c) => toCommentCard(c, now())) });
    },
    /** 撤回 asks first: a withdrawn comment is not reported, and cannot be put back. */
    async onWithdraw(event: Tap) {
      const id = event.currentTarget.dataset.id;
      if (this.data.busyId) return;
      const { confirm } = await wx
        .showModal({ title: '撤回意见', content: '撤回后这条意见不再报送，也不能恢复。确定撤回吗？', confirmText: '撤回', confirmColor: DANGER_COLOR })
        .catch(() => ({ confirm: false }));
      if (!confirm) return;
      this.setData({ busyId: id });
      const answer = await callApi('consultation', 'withdraw', { commentId: id });
      this.setData({ busyId: '' });
      if (!answer.ok) return wx.showToast({ title: answer.error.message, icon: 'none' });
      this.replaced(answer.data);
      wx.showToast({ title: '已撤回', icon: 'none' });
    },
    replaced(comment: CommentView) {
      const index = this.data.rows.findIndex((r) => r.id === comment.id);
      if (index >= 0) this.setData({ [`rows[${index}]`]: toCommentCard(comment, now()) });
    },
    onOpenConsultation(event: Tap) {
      wx.navigateTo({ url: consultationUrl(event.currentTarget.dataset.id) });
    },
    onClaim() {
      wx.navigateTo({ url: '/packages/consultation/claim/index' });
    },
  },
});
