/** Who sees a comment's contact, and the list's order: written by hand. */
import type { CommentDocument } from './consultation.model';
import { commentView, listOrder } from './consultation.view';

const doc: CommentDocument = {
  _id: 'c1',
  consultationId: 'cs-1',
  consultationTitle: '《物业管理条例（草案）》',
  closesOn: '2026-12-20',
  stationId: 'st-a',
  stationName: '华富街道联络站',
  articleNo: 5,
  articleLabel: '第五条',
  text: '意见',
  contact: { name: '王先生', phone: '13800138000' },
  status: 'submitted',
  ownerOpenid: 'o-1',
  recordedBy: 'resident',
  requestId: 'req-00000001',
  createdAt: new Date('2026-12-08T02:00:00Z'),
  updatedAt: new Date('2026-12-08T02:00:00Z'),
};

describe('the comment view', () => {
  it.each([
    ['owner', true, true],
    ['officer', true, false],
    ['office', true, false],
    ['other', false, false],
  ] as const)('%s: contact %s, may withdraw %s', (viewer, contact, withdraw) => {
    const view = commentView(doc, viewer, 'open');
    expect(view.contact).toEqual(contact ? { name: '王先生', phone: '13800138000' } : undefined);
    expect(view.canWithdraw).toBe(withdraw);
  });

  it('never offers a withdrawal once closed, and never shows the owner’s openid', () => {
    const view = commentView(doc, 'owner', 'closed');
    expect(view.canWithdraw).toBe(false);
    expect(JSON.stringify(view)).not.toContain('o-1');
  });
});

describe('the list order', () => {
  it('puts open ones first, nearest closing first, then the rest, latest closing first', () => {
    const items = [
      { id: 'closed-early', status: 'closed', closesOn: '2026-10-01', publishedAt: '2026-09-01' },
      { id: 'open-late', status: 'open', closesOn: '2027-01-30', publishedAt: '2026-12-01' },
      { id: 'reported', status: 'reported', closesOn: '2026-11-01', publishedAt: '2026-10-01' },
      { id: 'open-soon', status: 'open', closesOn: '2026-12-20', publishedAt: '2026-12-02' },
    ] as const;
    expect(listOrder(items).map((item) => item.id)).toEqual(['open-soon', 'open-late', 'reported', 'closed-early']);
  });
});
