/**
 * 我也遇到: joining a case someone else filed. The joiner follows it on their own
 * subscription grants, so the prompt opens first, straight from the tap (WeChat shows it only
 * in answer to one), and its answer is recorded before the join: the next status notice can go.
 */
import type { JoinView } from '../../typings/board';
import type { ApiResult } from '../../typings/errors';
import { callApi } from './api-client';
import { askForNotices } from './subscribe';

/** Call straight from the tap handler, before any await. */
export async function joinWithNotices(caseId: string): Promise<ApiResult<JoinView>> {
  await askForNotices(['caseStatusChanged', 'caseReplied']);
  return callApi('case', 'join', { caseId });
}

/** Said once joined: what the joiner gets from it. */
export const JOINED_TEXT = '已加入，有进展会通知您';
