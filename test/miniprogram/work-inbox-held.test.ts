/** A case held back from a flooded deputy carries the 待审核 mark on the officer's queue line. */
import type { InboxItem } from '../../typings/workspace';
import { toInboxRow } from '../../miniprogram/packages/work/inbox/view-model';

const item = (over: Partial<InboxItem> = {}): InboxItem => ({
  id: 'case-1',
  receiptNo: 'FT20261121-0042',
  title: '小区路灯不亮',
  category: 'help',
  status: 'submitted',
  stationId: 'st-ft-hf',
  stationName: '华富街道人大代表联络站',
  submittedAt: '2026-11-21T02:00:00.000Z',
  overdue: false,
  anonymous: false,
  joinCount: 0,
  ...over,
});

describe('the held mark on a queue line', () => {
  it('is set for a held case and absent otherwise', () => {
    const now = new Date('2026-11-21T06:00:00Z');
    expect(toInboxRow(item({ held: 'deputy_flood' }), 'officer', now).held).toBe(true);
    expect('held' in toInboxRow(item(), 'officer', now)).toBe(false);
  });
});
