import type { CaseEvent } from '../domain/case';
import { caseIn, NOW } from '../domain/case/case.fixtures';
import { handlerTaskFor, handlerTaskValues, isActor } from './handler-notices';

const event = (over: Partial<CaseEvent>): CaseEvent =>
  ({
    id: 'e',
    caseId: 'case-1',
    seq: 3,
    actorRole: 'officer',
    actorId: 'sf-1',
    at: NOW,
    fromStatus: 'accepted',
    toStatus: 'accepted',
    kind: 'assigned',
    ...over,
  }) as CaseEvent;

describe('what a handler is asked to do', () => {
  it('an assignment goes to the deputy alone', () => {
    expect(handlerTaskFor(event({ data: { deputyId: 'dp-001' } }), caseIn('accepted'))).toEqual({ task: '新的交办留言', deputyId: 'dp-001', officers: false });
  });

  it("a deputy's request to transfer goes to the station's officers", () => {
    expect(handlerTaskFor(event({ kind: 'transfer_requested', actorRole: 'deputy', actorId: 'dp-001' }), caseIn('accepted'))).toEqual({
      task: '代表申请转办',
      officers: true,
    });
  });

  it('supervision (督办), by a person or the scheduler, goes to the assigned deputy and the officers', () => {
    const after = caseIn('in_progress', { assignedDeputyId: 'dp-002' });
    expect(handlerTaskFor(event({ kind: 'supervised', actorRole: 'system', data: { escalated: true } }), after)).toEqual({ task: '督办', deputyId: 'dp-002', officers: true });
  });

  it('nothing for the rest', () => {
    expect(handlerTaskFor(event({ kind: 'replied', toStatus: 'replied' }), caseIn('replied'))).toBeUndefined();
    expect(handlerTaskFor(event({ kind: 'followed_up' }), caseIn('accepted'))).toBeUndefined();
  });

  it('whoever acted is not told of their own act', () => {
    expect(isActor({ role: 'officer', id: 'sf-1' }, { role: 'officer', personId: 'sf-1' })).toBe(true);
    expect(isActor({ role: 'officer', id: 'sf-1' }, { role: 'officer', personId: 'sf-2' })).toBe(false);
    expect(isActor({ role: 'admin', id: 'sf-1' }, { role: 'officer', personId: 'sf-1' })).toBe(false);
  });

  it('carries the case, its due time (or when it was asked), and the note', () => {
    const due = new Date('2026-12-06T15:59:59.999Z');
    const after = caseIn('accepted', { dueAt: due });
    expect(handlerTaskValues(event({ note: '请尽快联系群众' }), after, '新的交办留言')).toEqual({
      task: '新的交办留言',
      title: after.title,
      receiptNo: after.receiptNo,
      dueAt: due,
      note: '请尽快联系群众',
    });
    expect(handlerTaskValues(event({}), caseIn('replied', { dueAt: undefined }), '督办').dueAt).toEqual(NOW);
  });
});
