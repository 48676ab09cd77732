/**
 * What a handler is told when someone asks something of them (待办事项提醒, handlerTask):
 * a visit turned into a case (接待日登记) → the station's officers; an assignment → the deputy;
 * a deputy's request to transfer → the station's officers;
 * a supervision (督办, by an officer, the district office or the scheduler's escalation) →
 * the assigned deputy and the officers. Whoever acted is never told of their own act. Pure.
 */
import type { Actor, CaseEvent, CaseState } from '../domain/case';
import type { NoticeValues } from './templates';
import { maskNumbers } from '../domain/privacy';

/** The mini-program page a handler's notice opens. */
export const HANDLER_CASE_PAGE = 'packages/work/case/index';

export interface HandlerTask {
  readonly task: string;
  /** The deputy to tell, if any. */
  readonly deputyId?: string;
  /** Whether the station's liaison officers are told. */
  readonly officers: boolean;
}

export function handlerTaskFor(event: CaseEvent, after: CaseState): HandlerTask | undefined {
  switch (event.kind) {
    case 'submitted':
      // A visit made a case (接待日登记) waiting for acceptance: nobody else was there to see it arrive.
      // One answered on the spot is already replied: nothing waits for a handler.
      return event.data?.source === 'reception' && after.status === 'submitted' ? { task: '接待日登记转为留言，请受理', officers: true } : undefined;
    case 'assigned':
      return event.data ? { task: '新的交办留言', deputyId: event.data.deputyId, officers: false } : undefined;
    case 'transfer_requested':
      return { task: '代表申请转办', officers: true };
    case 'supervised':
      return { task: '督办', deputyId: after.assignedDeputyId, officers: true };
    default:
      return undefined;
  }
}

/** Whether `person` (an officer's staff id or a deputy's id) is the one who acted. */
export function isActor(actor: Actor, person: { role: 'officer' | 'deputy'; personId: string }): boolean {
  return actor.role === person.role && actor.id === person.personId;
}

/** The template's values. A case with nothing due (e.g. supervised after its reply) shows when the task was set. */
export function handlerTaskValues(event: CaseEvent, after: CaseState, task: string): NoticeValues<'handlerTask'> {
  return { task, title: maskNumbers(after.title), receiptNo: after.receiptNo, dueAt: after.dueAt ?? event.at, note: maskNumbers(event.note ?? task) };
}
