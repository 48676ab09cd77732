/**
 * The fixed limits and the labels of a 代表建议. The clock (months, working days, reminders) is
 * configured in config/suggestions.json and checked by suggestion.settings.ts.
 */
import type { SuggestionEventKind, SuggestionResult, SuggestionStatus } from '../../../typings/suggestion';
import type { Assert, ListsEvery } from '../exhaustive';

export const SUGGESTION_RULES = {
  titleMax: 40,
  /** 问题 and 建议 each. */
  textMax: 3000,
  maxAttachments: 9,
  maxCosigners: 20,
  maxCases: 50,
  maxAssistUnits: 10,
  /** A reason (return, convert, request) says why in at least two characters. */
  reasonMin: 2,
  reasonMax: 500,
  noteMax: 500,
  opinionMax: 2000,
  answerMax: 5000,
  commentMin: 2,
  commentMax: 500,
  pageSize: 20,
  /** suggestion.cosignable answers at most this many deputies. */
  cosignableMax: 50,
} as const;

export const SUGGESTION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'converted',
  'accepted',
  'assigned',
  'answered',
  'closed',
  'withdrawn',
] as const satisfies readonly SuggestionStatus[];
export type AllSuggestionStatusesListed = Assert<ListsEvery<typeof SUGGESTION_STATUSES, SuggestionStatus>>;

export const SUGGESTION_RESULTS = ['A', 'B', 'C', 'D'] as const satisfies readonly SuggestionResult[];
export type AllSuggestionResultsListed = Assert<ListsEvery<typeof SUGGESTION_RESULTS, SuggestionResult>>;

/** What the status reads as; `assigned` in round 2 reads 重新办理 (statusLabel). */
export const SUGGESTION_STATUS_LABELS: Readonly<Record<SuggestionStatus, string>> = {
  draft: '草稿',
  submitted: '待审查',
  returned: '退回修改',
  converted: '已转办',
  accepted: '已立案',
  assigned: '办理中',
  answered: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
};

export function suggestionStatusLabel(status: SuggestionStatus, round: 1 | 2): string {
  return status === 'assigned' && round === 2 ? '重新办理' : SUGGESTION_STATUS_LABELS[status];
}

export const SUGGESTION_RESULT_LABELS: Readonly<Record<SuggestionResult, string>> = {
  A: '已解决或采纳',
  B: '正在解决或列入计划',
  C: '因条件限制暂不能解决',
  D: '留作参考',
};

export const SUGGESTION_EVENT_LABELS: Readonly<Record<SuggestionEventKind, string>> = {
  created: '起草建议',
  edited: '修改建议',
  cosigned: '确认联名',
  cosign_declined: '谢绝联名',
  submitted: '提交审查',
  returned: '退回修改',
  converted: '转为留言办理',
  withdrawn: '撤回建议',
  accepted: '立案',
  assigned: '交办',
  reroute_requested: '申请改办',
  extension_requested: '申请延期',
  request_granted: '同意申请',
  request_denied: '不同意申请',
  assisted: '协办意见',
  answered: '答复',
  rated: '评价答复',
  reopened: '不满意，重新办理',
  closed: '办结',
  overdue: '逾期督办',
};
