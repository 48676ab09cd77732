/**
 * What a handler reads in a deadline reminder (待办事项提醒). Pure: logical values, shaped to
 * the template by notifications/templates.ts.
 */
import type { CaseState } from '../case/case.state';
import type { CaseStatus } from '../case/case.status';
import { maskNumbers } from '../privacy';

/** What is due, by the status that owes it (WeChat's thing field: at most 20 characters). */
const DUE_TASKS: Partial<Record<CaseStatus, string>> = {
  submitted: '留言待受理，即将到期',
  accepted: '留言待答复，即将到期',
  in_progress: '留言待答复，即将到期',
  transferred: '转办待回复，即将到期',
};

export interface DueReminderValues {
  task: string;
  title: string;
  receiptNo: string;
  dueAt: Date;
  note: string;
}

export function dueReminderValues(state: Pick<CaseState, 'status' | 'title' | 'receiptNo'> & { dueAt: Date }): DueReminderValues {
  return {
    task: DUE_TASKS[state.status] ?? '留言即将到期',
    title: maskNumbers(state.title),
    receiptNo: state.receiptNo,
    dueAt: state.dueAt,
    note: '请在截止时间前处理，逾期将督办',
  };
}
