import type { CaseEvent } from '../domain/case';
import { caseIn, NOW } from '../domain/case/case.fixtures';
import { noticesFor } from './case-notices';
import { caseOutbox, joinerOutbox, PUBLIC_CASE_PAGE } from './outbox';

const event = (over: Partial<CaseEvent>): CaseEvent =>
  ({
    id: 'e',
    caseId: 'case-1',
    seq: 5,
    actorRole: 'officer',
    actorId: 'sf-1',
    at: NOW,
    fromStatus: 'in_progress',
    toStatus: 'replied',
    kind: 'replied',
    ...over,
  }) as CaseEvent;

describe("what a joiner (我也遇到) is told: the owner's notices, to the joiner, opening the public page", () => {
  it('one message per joiner and notice, each its own id, written pending for the dispatcher', () => {
    const after = caseIn('replied');
    const reply = event({ note: '已修复，电话 13812345678' });
    const docs = joinerOutbox(reply, after, '联络员 王芳', ['o-a', 'o-b'], NOW);
    expect(docs.map((d) => [d._id, d.openid, d.page, d.kind, d.state])).toEqual([
      ['case-1:5:caseReplied:joiner:o-a', 'o-a', `${PUBLIC_CASE_PAGE}?id=case-1`, 'caseReplied', 'pending'],
      ['case-1:5:caseReplied:joiner:o-b', 'o-b', `${PUBLIC_CASE_PAGE}?id=case-1`, 'caseReplied', 'pending'],
    ]);
    // The same content as the owner's message; only who and where differ.
    const [owner] = caseOutbox(reply, after, '联络员 王芳', NOW);
    expect(docs[0].data).toEqual(owner.data);
    expect(owner.page).not.toContain(PUBLIC_CASE_PAGE);
  });

  it('nothing when the owner is told nothing, or nobody joined', () => {
    expect(joinerOutbox(event({ kind: 'assigned', fromStatus: 'accepted', toStatus: 'accepted' }), caseIn('accepted'), '联络员', ['o-a'], NOW)).toEqual([]);
    expect(joinerOutbox(event({}), caseIn('replied'), '联络员', [], NOW)).toEqual([]);
  });

  // Written by hand: the 说明 line must not thank a joiner for a rating they did not give.
  it.each([
    ['rated', 'replied', 'closed', '感谢您的评价', '这件留言已办结'],
    ['reopened', 'replied', 'in_progress', '已收到您的重办申请', '提出人申请重办，继续办理'],
    ['started', 'accepted', 'in_progress', '正在办理，请留意答复', '正在办理，请留意答复'],
  ] as const)('%s (%s → %s): the owner and a joiner each read their own 说明', (kind, fromStatus, toStatus, ownerNote, joinerNote) => {
    const after = caseIn(toStatus, kind === 'rated' ? { rating: { value: 'satisfied', at: NOW } } : {});
    const happened = event({ kind, fromStatus, toStatus, actorRole: kind === 'started' ? 'officer' : 'resident' });
    const note = (audience: 'owner' | 'joiner') => {
      const [notice] = noticesFor(happened, after, '群众', audience);
      return notice.kind === 'caseStatusChanged' ? notice.values.note : undefined;
    };
    expect(note('owner')).toBe(ownerNote);
    expect(note('joiner')).toBe(joinerNote);
  });
});
