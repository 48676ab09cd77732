import { callApi } from '../../../services/api-client';
import { scanClaimCode } from '../../../services/scan-claim-code';
import { definePage } from '../../../utils/define-page';
import { CLAIM_CODE_LENGTH, claimCodeOfScan, claimCodeProblem, normaliseClaimCode, NOT_A_CLAIM_CODE } from './view-model';

/**
 * 认领留言: a resident whose issue was recorded at a reception day claims the case made of it, by
 * scanning the code on the deputy's or officer's phone or typing it; from then on it is theirs
 * (我的留言, notices on their own grants). Opens from 我的留言, or with ?code= from a shared link.
 */
definePage({
  data: { loading: false as boolean, typed: '', problem: '', working: false, codeLength: CLAIM_CODE_LENGTH },
  methods: {
    onLoad(query: Record<string, string | undefined> = {}) {
      if (query.code) this.setData({ typed: normaliseClaimCode(decodeURIComponent(query.code)) });
    },
    async onScan() {
      if (this.data.working) return;
      const scanned = await scanClaimCode(claimCodeOfScan, NOT_A_CLAIM_CODE);
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
      const problem = claimCodeProblem(this.data.typed);
      if (problem) return this.setData({ problem });
      await this.claim(normaliseClaimCode(this.data.typed));
    },
    async claim(code: string) {
      if (this.data.working) return;
      this.setData({ working: true, problem: '' });
      const answer = await callApi('case', 'claim', { code });
      if (!answer.ok) return this.setData({ working: false, problem: answer.error.message });
      this.setData({ working: false });
      wx.showToast({ title: '已认领', icon: 'success' });
      wx.redirectTo({ url: `/packages/case/detail/index?id=${encodeURIComponent(answer.data.caseId)}` });
    },
  },
});
