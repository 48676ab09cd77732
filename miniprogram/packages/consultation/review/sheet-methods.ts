/**
 * 处理意见's actions on one comment: 报送 at once; 标为重复, 不报送, 编辑 and 采纳 through a sheet
 * that says what is missing before sending. Each success reloads the tab (the counts move).
 * Spread into the page's methods.
 */
import type { CommentView } from '../../../../typings/consultation';
import type { ApiResult } from '../../../../typings/errors';
import { callApi } from '../../../services/api-client';
import { DONE_TEXTS, EMPTY_SHEET, forwardCall, SHEET_TITLES, sheetCall, sheetProblem } from './sheets';
import type { SheetCall, SheetForm, SheetKind } from './sheets';
import { duplicateChoices } from './view-model';

type Tap = { currentTarget: { dataset: { id: string; kind?: SheetKind } } };

/** What these methods need of the page they are mixed into. */
interface SheetPage {
  data: { popup: SheetKind | ''; sheet: SheetForm; sheetOriginal: string; busy: string };
  setData(data: Record<string, unknown>): void;
  comment(id: string): CommentView | undefined;
  /** Every comment loaded so far, whatever the tab: what a duplicate may repeat. */
  knownComments(): CommentView[];
  refreshList(): Promise<void>;
}

/** The comment the open sheet is about. */
const targets = new WeakMap<object, string>();

function send(call: SheetCall): Promise<ApiResult<CommentView>> {
  if (call.action === 'edit') return callApi('consultation', 'edit', call.input);
  if (call.action === 'adopt') return callApi('consultation', 'adopt', call.input);
  return callApi('consultation', 'review', call.input);
}

export const sheetMethods = {
  async onForward(this: SheetPage, event: Tap) {
    const id = event.currentTarget.dataset.id;
    if (this.data.busy) return;
    this.setData({ busy: id });
    const answer = await send(forwardCall(id));
    this.setData({ busy: '' });
    if (!answer.ok) return void wx.showToast({ title: answer.error.message, icon: 'none' });
    wx.showToast({ title: DONE_TEXTS.forward, icon: 'success' });
    await this.refreshList();
  },
  onOpenSheet(this: SheetPage, event: Tap) {
    const { id, kind } = event.currentTarget.dataset;
    const comment = this.comment(id);
    if (!kind || !comment) return;
    targets.set(this, id);
    const text = kind === 'edit' ? (comment.editedText ?? comment.text) : '';
    this.setData({
      popup: kind,
      sheetTitle: SHEET_TITLES[kind],
      sheet: { ...EMPTY_SHEET, text },
      sheetOriginal: kind === 'edit' ? comment.text : '',
      sheetProblem: '',
      choices: kind === 'duplicate' ? duplicateChoices(this.knownComments(), id) : [],
    });
  },
  onCloseSheet(this: SheetPage) {
    this.setData({ popup: '' });
  },
  onSheetText(this: SheetPage, event: { detail: string }) {
    this.setData({ 'sheet.text': event.detail, sheetProblem: '' });
  },
  onPickDuplicate(this: SheetPage, event: Tap) {
    this.setData({ 'sheet.duplicateOf': event.currentTarget.dataset.id, sheetProblem: '' });
  },
  async onSendSheet(this: SheetPage) {
    const kind = this.data.popup;
    const id = targets.get(this);
    if (!kind || !id || this.data.busy) return;
    const problem = sheetProblem(kind, this.data.sheet);
    if (problem) return this.setData({ sheetProblem: problem });
    this.setData({ busy: id });
    const answer = await send(sheetCall(kind, id, this.data.sheet, this.data.sheetOriginal));
    if (!answer.ok) return this.setData({ busy: '', sheetProblem: answer.error.message });
    this.setData({ busy: '', popup: '' });
    wx.showToast({ title: DONE_TEXTS[kind], icon: 'success' });
    await this.refreshList();
  },
};
