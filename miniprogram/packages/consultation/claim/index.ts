import { callApi } from '../../../services/api-client';
import { scanClaimCode } from '../../../services/scan-claim-code';
import { askForNotices, loadNoticeTemplates } from '../../../services/subscribe';
import { CLAIM_CODE_LENGTH, claimCodeProblem, normaliseClaimCode } from '../../../utils/claim-code';
import { definePage } from '../../../utils/define-page';
import { now } from '../../../utils/time';
import { toCommentCard } from '../common/comment-card';
import type { CommentCard } from '../common/comment-card';
import { NOT_AN_OPINION_CODE, opinionCodeOfScan } from './view-model';

/**
 * 确认代为记录的意见: a comment an officer wrote down at the station becomes the resident's own
 * (我的意见, the notice when it is adopted) once they scan or type its code. Opens from 我的意见,
 * or with ?code= from a shared link.
 */
definePage({
  data: { loading: false as boolean, typed: '', problem: '', working: false, codeLength: CLAIM_CODE_LENGTH, claimed: null as CommentCard | null },
  methods: {
    onLoad(query: Record<string, string | undefined> = {}) {
      void loadNoticeTemplates(); // ready before the tap, which must open the prompt at once
      if (query.code) this.setData({ typed: normaliseClaimCode(decodeURIComponent(query.code)) });
    },
    async onScan() {
      if (this.data.working) return;
      // Confirming is for the feedback: ask for the notice from the tap, before any await (then the camera).
      await askForNotices(['caseStatusChanged']);
      const scanned = await scanClaimCode(opinionCodeOfScan, NOT_AN_OPINION_CODE);
      if ('cancelled' in scanned) return;
      if ('problem' in scanned) return this.setData({ problem: scanned.problem });
      const { code } = scanned;
      this.setData({ typed: code });
      await this.claim(code);
    },
    onType(event: { detail: string }) {
      this.setData({ typed: event.detail ?? '', problem: '' });
    },
    async onSubmitTyped() {
      const problem = claimCodeProblem(this.data.typed, '确认码');
      if (problem) return this.setData({ problem });
      await askForNotices(['caseStatusChanged']);
      await this.claim(normaliseClaimCode(this.data.typed));
    },
    async claim(code: string) {
      if (this.data.working) return;
      this.setData({ working: true, problem: '' });
      const answer = await callApi('consultation', 'claim', { code });
      if (!answer.ok) return this.setData({ working: false, problem: answer.error.message });
      this.setData({ working: false, claimed: toCommentCard(answer.data, now()) });
      wx.showToast({ title: '已确认', icon: 'success' });
    },
    onOpenMine() {
      wx.redirectTo({ url: '/packages/consultation/mine/index' });
    },
  },
});
