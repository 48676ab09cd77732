/**
 * What the case page asks of WeChat and the server beyond reading the case: a command, the
 * 代表函 as a PDF, and the one handlerTask prompt of the session.
 */
import type { ActionInput } from '../../../../typings/api';
import type { CaseDetail } from '../../../../typings/case';
import type { ApiResult } from '../../../../typings/errors';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';
import { askForNotices } from '../../../services/subscribe';
import type { CommandCall } from './commands';
import { deputyOptions } from './view-model';
import type { DeputyOption } from './view-model';

/** Every handler action answers the new CaseDetail. */
export function sendCommand(call: CommandCall): Promise<ApiResult<CaseDetail>> {
  // TypeScript cannot follow the action/input pairing through a union; CommandCall guarantees it.
  return callApi('case', call.action as 'accept', call.input as ActionInput<'case', 'accept'>);
}

let askedThisSession = false;

/**
 * Deadline reminders (待办事项提醒) reach a handler only if they allowed them: asked before
 * their first command of the session, straight from the tap. A refusal changes nothing.
 */
export function askForTaskNoticesOnce(): Promise<unknown> {
  if (askedThisSession) return Promise.resolve();
  askedThisSession = true;
  return askForNotices(['handlerTask']);
}

/** For tests: a new session. */
export function forgetTaskNoticesAsked(): void {
  askedThisSession = false;
}

const LETTER_FAILURE = '代表函下载失败，请稍后重试';

/** Makes (or fetches) the 代表函 and opens it in WeChat's document viewer, where it can be forwarded or printed. */
export async function openDeputyLetter(caseId: string): Promise<Outcome<{ letterNo: string }>> {
  const letter = await callApi('case', 'letter', { caseId });
  if (!letter.ok) return letter;
  const filePath = await new Promise<string | undefined>((resolve) => {
    wx.downloadFile({
      url: letter.data.url,
      success: (res) => resolve(res.statusCode === 200 ? res.tempFilePath : undefined),
      fail: () => resolve(undefined),
    });
  });
  if (!filePath) return { ok: false, error: { message: LETTER_FAILURE } };
  return new Promise((resolve) => {
    wx.openDocument({
      filePath,
      fileType: 'pdf',
      showMenu: true,
      success: () => resolve({ ok: true, data: { letterNo: letter.data.letterNo } }),
      fail: () => resolve({ ok: false, error: { message: '无法打开代表函，请稍后重试' } }),
    });
  });
}

/** The deputies stationed where the case was left: whom it may be assigned to. */
export async function stationDeputies(stationId: string): Promise<Outcome<DeputyOption[]>> {
  const station = await callApi('station', 'get', { id: stationId });
  return station.ok ? { ok: true, data: deputyOptions(station.data.deputies) } : station;
}
