/**
 * @jest-environment jsdom
 *
 * The demo answers the screenshots and the smoke test render must be data the back end could
 * have sent: its rules (receipt numbers, the queue's filters, invite codes) are the oracle here,
 * for the demo data only — the pages never read them.
 */
import { shanghaiDate } from '../../backend/domain/calendar';
import { INBOX_STATUSES } from '../../backend/domain/case/case.inbox';
import { parseReceiptNumber } from '../../backend/domain/case/receipt-number';
import { INVITE_CODE_LENGTH, isInviteCode, normaliseInviteCode } from '../../backend/domain/invites';
import { codeHint, isCompleteCode, normaliseCode } from '../../miniprogram/packages/work/redeem/view-model';
import { TABS_BY_ROLE } from '../../miniprogram/packages/work/inbox/view-model';
import type { InboxFilter } from '../../typings/workspace';
import { DEMO_ANSWERS, DEMO_INBOX, DEMO_NOW, EMPTY_ANSWERS, HANDLER_CASE, RESIDENT_CASE } from './support/demo-answers';
import { startFunctionHostStub } from './support/function-host-stub';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPage, textOf } from './support/load-page';
import { openPage, SCENARIOS } from './support/page-scenarios';

/** Every object anywhere in `value` that carries a receipt number and a submission time. */
function casesIn(value: unknown, where = 'demo'): { where: string; receiptNo: string; submittedAt: string }[] {
  if (!value || typeof value !== 'object') return [];
  const own = value as Record<string, unknown>;
  const here = typeof own.receiptNo === 'string' && typeof own.submittedAt === 'string' ? [{ where, receiptNo: own.receiptNo, submittedAt: own.submittedAt }] : [];
  return [...here, ...Object.entries(own).flatMap(([key, child]) => casesIn(child, `${where}.${key}`))];
}

const ALL_DEMO = { DEMO_ANSWERS, DEMO_INBOX, HANDLER_CASE, RESIDENT_CASE, EMPTY_ANSWERS, SCENARIOS };

describe('the demo data', () => {
  const cases = casesIn(ALL_DEMO);

  it('has cases to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases.map((c) => [c.where, c] as const))('%s: the 受理编号 carries the Shanghai date it was submitted', (_where, c) => {
    const parts = parseReceiptNumber(c.receiptNo);
    expect(parts).toBeDefined();
    expect(parts!.date).toBe(shanghaiDate(new Date(c.submittedAt)));
  });

  it.each(Object.entries(DEMO_INBOX) as [Exclude<InboxFilter, 'all'>, (typeof DEMO_INBOX)['triage']][])(
    'the %s tab lists only cases of its own statuses, and its badge counts them',
    (filter, answer) => {
      expect(answer.cases.length).toBeGreaterThan(0);
      for (const c of answer.cases) expect(INBOX_STATUSES[filter]).toContain(c.status);
      if (filter === 'overdue') expect(answer.cases.every((c) => c.overdue)).toBe(true);
      if (filter !== 'closed' && !answer.hasMore) expect(answer.counts[filter]).toBe(answer.cases.length);
    },
  );

  it('answers the inbox with the tab the officer opens on (待受理)', () => {
    expect(TABS_BY_ROLE.officer[0]).toBe('triage');
    expect(DEMO_ANSWERS.case!.inbox).toBe(DEMO_INBOX.triage);
  });

  it('invite codes are codes the server issues, and the redeem page takes them as typed', () => {
    const invites = DEMO_ANSWERS.admin!.invites!.invites;
    expect(invites.length).toBeGreaterThan(0);
    for (const { code } of invites) {
      expect(isInviteCode(normaliseInviteCode(code))).toBe(true);
      expect(isCompleteCode(normaliseCode(code))).toBe(true);
      expect(codeHint(normaliseCode(code))).toBe('');
    }
    // The page's hint names the rule's length.
    expect(codeHint('')).toBe(`请输入${INVITE_CODE_LENGTH}位邀请码`);
  });
});

describe('the 待受理 tab as the screenshots render it', () => {
  let host: FunctionHostStub;
  let pageId: string;

  beforeAll(async () => {
    fakeClockAt(DEMO_NOW);
    host = await startFunctionHostStub();
    pageId = loadPage('packages/work/inbox/index');
  });
  afterAll(async () => {
    jest.useRealTimers();
    await host.close();
  });

  it('shows only cases waiting to be accepted, the one without a category marked 待定类别', async () => {
    const { page } = await openPage(pageId, 'packages/work/inbox/index', 'loaded', host);
    const statuses = Array.from(page.dom.querySelectorAll('.case-status-tag--case-status')).map((n) => (n.textContent ?? '').trim());
    expect(statuses).toEqual(['已提交', '已提交']);
    const rows = page.querySelectorAll('.case').map((row) => textOf(row));
    expect(rows[1]).toContain('待定类别');
    expect(rows[1]).toContain('华富路公交站的座椅坏了好几张，老人等车只能站着');
    expect(rows[1]).toContain('受理编号 FT20261121-0045');
    expect(rows[0]).not.toContain('待定类别');
  });
});
