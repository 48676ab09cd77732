import { callApi } from '../../../services/api-client';
import { definePage } from '../../../utils/define-page';
import { boundText, CODE_LENGTH, codeHint, isCompleteCode, normaliseCode, VALID_DAYS } from './view-model';

/** Long enough to read '已绑定为 人大代表 张三' before going back to 我的. */
const BACK_AFTER_MS = 1500;

/** 输入邀请码: a deputy or staff member binds their WeChat account to their record. */
definePage({
  data: { code: '', hint: codeHint(''), complete: false, submitting: false, error: null, fieldError: '', bound: '', codeLength: CODE_LENGTH, validDays: VALID_DAYS },
  methods: {
    onCode(event: { detail: string }) {
      const code = normaliseCode(event.detail ?? '');
      this.setData({ code, hint: codeHint(code), complete: isCompleteCode(code), fieldError: '' });
    },
    async onSubmit() {
      const { code, complete, submitting } = this.data;
      if (!complete || submitting) return;
      this.setData({ submitting: true, fieldError: '' });
      const answer = await callApi('user', 'redeem', { code });
      if (!answer.ok) {
        // CONFLICT (already bound, or used), NOT_FOUND, expired: the server's sentence says which.
        this.setData({ submitting: false, fieldError: answer.error.message });
        return;
      }
      const bound = boundText(answer.data);
      this.setData({ submitting: false, bound });
      wx.showToast({ title: bound, icon: 'none' });
      setTimeout(() => wx.navigateBack({ fail: () => wx.switchTab({ url: '/pages/me/index' }) }), BACK_AFTER_MS);
    },
  },
});
