import type { CaseEvent } from '../domain/case';
import { baseCase, caseIn, NOW } from '../domain/case/case.fixtures';
import { noticesFor, statusNote } from './case-notices';

const event = (over: Partial<CaseEvent>): CaseEvent =>
  ({
    id: 'e',
    caseId: 'case-1',
    seq: 2,
    actorRole: 'officer',
    actorId: 'sf-1',
    at: NOW,
    fromStatus: 'submitted',
    toStatus: 'accepted',
    kind: 'accepted',
    ...over,
  }) as CaseEvent;

describe('what the resident is told', () => {
  it('nothing for the submission: the receipt is on screen', () => {
    expect(noticesFor(event({ kind: 'submitted', seq: 1, fromStatus: null, toStatus: 'submitted', actorRole: 'resident' }), baseCase(), '群众')).toEqual([]);
  });

  it('nothing for timeline-only events', () => {
    expect(noticesFor(event({ kind: 'assigned', fromStatus: 'accepted', toStatus: 'accepted' }), caseIn('accepted'), '联络员 王芳')).toEqual([]);
    expect(noticesFor(event({ kind: 'supplemented', fromStatus: 'accepted', toStatus: 'accepted' }), caseIn('accepted'), '我')).toEqual([]);
  });

  it('a change of status with the receipt, title, status and what it means', () => {
    const after = caseIn('accepted', { dueAt: new Date('2026-12-06T15:59:59.999Z') });
    expect(noticesFor(event({}), after, '联络员 王芳')).toEqual([
      { kind: 'caseStatusChanged', values: { receiptNo: after.receiptNo, title: after.title, status: '已受理', updatedAt: NOW, note: '预计12月6日前答复' } },
    ]);
  });

  it('a reply as one message with who replied and what they said', () => {
    const reply = event({ kind: 'replied', fromStatus: 'in_progress', toStatus: 'replied', note: '已修复' });
    expect(noticesFor(reply, caseIn('replied'), '人大代表 李明')).toEqual([
      { kind: 'caseReplied', values: { title: caseIn('replied').title, replier: '人大代表 李明', summary: '已修复', repliedAt: NOW } },
    ]);
  });

  it.each<[string, Partial<CaseEvent>, string]>([
    ['rejected', { kind: 'rejected', toStatus: 'rejected', data: { referral: '请向区法院咨询' } }, '建议向区法院咨询'],
    [
      'transferred',
      { kind: 'transferred', toStatus: 'transferred', data: { route: 'street_office', receivingBody: '华富街道办', deadline: NOW, viaDeputyLetter: false } },
      '已转华富街道办办理',
    ],
    ['withdrawn', { kind: 'withdrawn', toStatus: 'withdrawn', actorRole: 'resident' }, '您已撤回这件留言'],
    ['reopened', { kind: 'reopened', fromStatus: 'closed', toStatus: 'in_progress', data: { reopenCount: 1 } }, '已收到您的重办申请'],
    ['auto-closed', { kind: 'closed', fromStatus: 'replied', toStatus: 'closed', data: { how: 'auto', withoutRating: true } }, '答复后未评价，已自动办结'],
  ])('explains %s', (_name, over, note) => {
    expect(statusNote(event(over), caseIn('accepted'))).toBe(note);
  });
});

describe("what the resident is told of the handlers' routing", () => {
  const deadline = new Date('2026-12-20T15:59:59.999Z');
  const transferred = (from: 'accepted' | 'transferred') =>
    event({
      kind: 'transferred',
      fromStatus: from,
      toStatus: 'transferred',
      data: { route: 'district_committee', receivingBody: '区住建局', deadline, viaDeputyLetter: true },
    });

  it('a transfer: 已转办, to which body', () => {
    expect(noticesFor(transferred('accepted'), caseIn('transferred'), '联络员 王芳')).toEqual([
      { kind: 'caseStatusChanged', values: expect.objectContaining({ status: '已转办', note: '已转区住建局办理' }) },
    ]);
  });

  it('a second transfer to another body, though the status stays', () => {
    expect(noticesFor(transferred('transferred'), caseIn('transferred'), '联络员 王芳')).toHaveLength(1);
  });

  it("the receiving body's answer, as a reply from that body", () => {
    const answer = event({ kind: 'answer_recorded', fromStatus: 'transferred', toStatus: 'transferred', note: '已安排维修', data: { from: '区住建局' } });
    expect(noticesFor(answer, caseIn('transferred'), '联络员 王芳')).toEqual([
      { kind: 'caseReplied', values: { title: caseIn('transferred').title, replier: '区住建局', summary: '已安排维修', repliedAt: NOW } },
    ]);
  });

  it('a merge closes the duplicate, naming the case that carries it', () => {
    const merged = event({ kind: 'merged', fromStatus: 'accepted', toStatus: 'closed', data: { intoCaseId: 'case-0', intoReceiptNo: 'FT20261120-0007' } });
    expect(noticesFor(merged, caseIn('closed'), '联络员 王芳')).toEqual([
      { kind: 'caseStatusChanged', values: expect.objectContaining({ status: '已办结', note: '与FT20261120-0007合并办理' }) },
    ]);
  });

  it.each<[string, Partial<CaseEvent>]>([
    ['supervision', { kind: 'supervised', fromStatus: 'accepted', toStatus: 'accepted', data: { escalated: false } }],
    ['a follow-up', { kind: 'followed_up', fromStatus: 'closed', toStatus: 'closed' }],
    ['a deputy asking to transfer', { kind: 'transfer_requested', fromStatus: 'accepted', toStatus: 'accepted', actorRole: 'deputy' }],
    ['a suggestion mark', { kind: 'suggestion_marked', fromStatus: 'replied', toStatus: 'replied', actorRole: 'deputy' }],
  ])('nothing for %s (timeline only)', (_name, over) => {
    expect(noticesFor(event(over), caseIn('accepted'), '联络员 王芳')).toEqual([]);
  });
});
