/**
 * A resident's own data from 我的: 导出我的数据 (every page of `user.export`, merged, to the
 * clipboard as JSON) and 注销账号 (the person types 注销; the server finishes in as many calls
 * as it needs). Messages go to the person as toasts; nothing here decides what is deleted.
 */
import type { AccountExport } from '../../../typings/account';
import { callApi } from '../../services/api-client';
import { mergedExport } from './view-model';

/** Far beyond any resident's case count (20 cases a page); a stop, not a limit anyone meets. */
const MAX_CALLS = 50;

export async function exportMyData(): Promise<void> {
  wx.showLoading({ title: '正在导出' });
  const pages: AccountExport[] = [];
  try {
    for (let page = 0; page < MAX_CALLS; page += 1) {
      const answer = await callApi('user', 'export', { page });
      if (!answer.ok) return void wx.showToast({ title: answer.error.message, icon: 'none' });
      pages.push(answer.data);
      // Cases and 立法意见 comments page together: stop when neither has more.
      if (!answer.data.hasMoreCases && !answer.data.hasMoreConsultationComments) break;
    }
  } finally {
    wx.hideLoading();
  }
  await wx.setClipboardData({ data: JSON.stringify(mergedExport(pages), null, 2) });
  await wx.showModal({ title: '已导出', content: '你的全部数据（JSON）已复制到剪贴板，可粘贴到文件中保存。', showCancel: false });
}

/** True when the account is gone (the page then shows the caller as a new resident). */
export async function deleteMyAccount(): Promise<boolean> {
  const { confirm, content } = (await wx.showModal({
    title: '注销账号',
    content: '注销后，未受理的留言将撤回，已受理的留言匿名保留继续办理，预约将取消，关注和消息订阅将清除，且不可恢复。请输入“注销”确认。',
    editable: true,
    placeholderText: '请输入“注销”',
    confirmText: '注销',
    confirmColor: '#ee0a24',
  })) as { confirm: boolean; content?: string };
  if (!confirm) return false;
  if ((content ?? '').trim() !== '注销') {
    wx.showToast({ title: '请输入“注销”以确认', icon: 'none' });
    return false;
  }
  for (let call = 0; call < MAX_CALLS; call += 1) {
    const answer = await callApi('user', 'deleteAccount', { confirm: '注销' });
    if (!answer.ok) {
      wx.showToast({ title: answer.error.message, icon: 'none' });
      return false;
    }
    if (answer.data.done) {
      wx.showToast({ title: '账号已注销', icon: 'success' });
      return true;
    }
  }
  wx.showToast({ title: '注销未完成，请稍后再试', icon: 'none' });
  return false;
}
