import { admitToWindow, fingerprintText, gateSubmission, lookbackStart, SUBMISSION_LIMITS } from './case.submission-gate';
import type { RecentSubmission } from './case.submission-gate';

const NOW = new Date('2026-11-21T02:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const recent = (n: number, at: (i: number) => Date, hash = (i: number) => `h${i}`): RecentSubmission[] =>
  Array.from({ length: n }, (_, i) => ({ caseId: `c${i}`, receiptNo: `FT20261121-000${i}`, requestId: `req-${i}`, contentHash: hash(i), submittedAt: at(i) }));

const attempt = (over: Partial<{ requestId: string; contentHash: string }> = {}) => ({ requestId: 'req-new', contentHash: 'h-new', now: NOW, ...over });

describe('gating a submission', () => {
  it('opens a case for a first submission', () => {
    expect(gateSubmission([], attempt())).toEqual({ ok: true, value: { kind: 'open' } });
  });

  it('answers a retried request with the case it already made, whatever the limits', () => {
    const many = recent(12, () => ago(1000), () => 'h-new');
    expect(gateSubmission(many, attempt({ requestId: 'req-3' }))).toEqual({
      ok: true,
      value: { kind: 'replay', caseId: 'c3', receiptNo: 'FT20261121-0003' },
    });
  });

  it(`refuses the ${SUBMISSION_LIMITS.perMinute + 1}th case within a minute`, () => {
    expect(gateSubmission(recent(2, () => ago(10_000)), attempt()).ok).toBe(true);
    expect(gateSubmission(recent(3, () => ago(10_000)), attempt())).toMatchObject({ ok: false, failure: { code: 'RATE_LIMITED' } });
    expect(gateSubmission(recent(3, () => ago(MIN)), attempt()).ok).toBe(true);
  });

  it(`refuses the ${SUBMISSION_LIMITS.perDay + 1}th case within 24 hours`, () => {
    expect(gateSubmission(recent(9, (i) => ago((i + 1) * 60 * MIN)), attempt()).ok).toBe(true);
    const ten = gateSubmission(recent(10, (i) => ago((i + 1) * 60 * MIN)), attempt());
    expect(ten).toMatchObject({ ok: false, failure: { code: 'RATE_LIMITED', detail: expect.stringMatching(/24 小时/) } });
    expect(gateSubmission(recent(10, (i) => ago(DAY + i * MIN)), attempt()).ok).toBe(true);
  });

  it('refuses the same text within 30 days, naming the earlier receipt', () => {
    const earlier = recent(1, () => ago(29 * DAY), () => 'h-new');
    expect(gateSubmission(earlier, attempt())).toMatchObject({
      ok: false,
      failure: { code: 'DUPLICATE_CONTENT', detail: expect.stringContaining('FT20261121-0000') },
    });
    expect(gateSubmission(recent(1, () => ago(31 * DAY), () => 'h-new'), attempt()).ok).toBe(true);
  });

  it('reads back exactly the duplicate window', () => {
    expect(NOW.getTime() - lookbackStart(NOW).getTime()).toBe(SUBMISSION_LIMITS.duplicateWindowDays * DAY);
  });
});

describe('the text fingerprint', () => {
  it('ignores spacing and full-width forms, not wording', () => {
    expect(fingerprintText('路灯 不亮', '三号楼  旁')).toBe(fingerprintText('路灯不亮', '三号楼旁'));
    expect(fingerprintText('ＡＢＣ路灯', '内容')).toBe(fingerprintText('ABC路灯', '内容'));
    expect(fingerprintText('路灯不亮', '三号楼旁')).not.toBe(fingerprintText('路灯不亮', '四号楼旁'));
    expect(fingerprintText('ab', 'c')).not.toBe(fingerprintText('a', 'bc'));
  });

  it.each([
    ['one zero-width space in the title', '路灯\u200b不亮', '三号楼旁'],
    ['zero-width characters all through the content', '路灯不亮', '三\u200c号\u200d楼\u2060旁\ufeff'],
    ['a right-to-left override and a soft hyphen', '\u202e路灯不亮\u202c', '三号\u00ad楼旁'],
  ])('ignores characters that render nothing: %s', (_what, title, content) => {
    expect(fingerprintText(title, content)).toBe(fingerprintText('路灯不亮', '三号楼旁'));
  });
});

describe('the submission window, checked inside the transaction', () => {
  it('admits up to 3 a minute and keeps only the last 24 hours', () => {
    const window = [ago(DAY + 1), ago(2 * MIN), ago(10_000), ago(5_000)];
    const admitted = admitToWindow(window, NOW);
    expect(admitted).toEqual({ ok: true, value: [ago(2 * MIN), ago(10_000), ago(5_000), NOW] });
    expect(admitToWindow([ago(10_000), ago(5_000), ago(1_000)], NOW)).toMatchObject({ ok: false, failure: { code: 'RATE_LIMITED', detail: expect.stringMatching(/一分钟内最多提交 3 件/) } });
  });

  it(`refuses the ${SUBMISSION_LIMITS.perDay + 1}th within 24 hours`, () => {
    const ten = Array.from({ length: SUBMISSION_LIMITS.perDay }, (_, i) => ago((i + 1) * 60 * MIN));
    expect(admitToWindow(ten, NOW)).toMatchObject({ ok: false, failure: { code: 'RATE_LIMITED', detail: expect.stringMatching(/24 小时内/) } });
    expect(admitToWindow(ten.slice(1), NOW).ok).toBe(true);
  });
});
