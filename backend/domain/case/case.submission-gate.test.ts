import { fingerprintText, gateSubmission, lookbackStart, SUBMISSION_LIMITS, windowAfter } from './case.submission-gate';
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
    const many = recent(
      12,
      () => ago(1000),
      () => 'h-new',
    );
    expect(gateSubmission(many, attempt({ requestId: 'req-3' }))).toEqual({
      ok: true,
      value: { kind: 'replay', caseId: 'c3', receiptNo: 'FT20261121-0003' },
    });
  });

  it(`refuses the ${SUBMISSION_LIMITS.perMinute + 1}th case within a minute`, () => {
    expect(
      gateSubmission(
        recent(2, () => ago(10_000)),
        attempt(),
      ).ok,
    ).toBe(true);
    expect(
      gateSubmission(
        recent(3, () => ago(10_000)),
        attempt(),
      ),
    ).toMatchObject({ ok: false, failure: { code: 'RATE_LIMITED' } });
    expect(
      gateSubmission(
        recent(3, () => ago(MIN)),
        attempt(),
      ).ok,
    ).toBe(true);
  });

  it(`refuses the ${SUBMISSION_LIMITS.perDay + 1}th case within 24 hours`, () => {
    expect(
      gateSubmission(
        recent(9, (i) => ago((i + 1) * 60 * MIN)),
        attempt(),
      ).ok,
    ).toBe(true);
    const ten = gateSubmission(
      recent(10, (i) => ago((i + 1) * 60 * MIN)),
      attempt(),
    );
    expect(ten).toMatchObject({ ok: false, failure: { code: 'RATE_LIMITED', detail: expect.stringMatching(/24 小时/) } });
    expect(
      gateSubmission(
        recent(10, (i) => ago(DAY + i * MIN)),
        attempt(),
      ).ok,
    ).toBe(true);
  });

  it('refuses the same text within 30 days, naming the earlier receipt', () => {
    const earlier = recent(
      1,
      () => ago(29 * DAY),
      () => 'h-new',
    );
    expect(gateSubmission(earlier, attempt())).toMatchObject({
      ok: false,
      failure: { code: 'DUPLICATE_CONTENT', detail: expect.stringContaining('FT20261121-0000') },
    });
    expect(
      gateSubmission(
        recent(
          1,
          () => ago(31 * DAY),
          () => 'h-new',
        ),
        attempt(),
      ).ok,
    ).toBe(true);
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

describe('the submission window', () => {
  it('keeps the submissions of the last 30 days, then the new one', () => {
    const kept = recent(3, (i) => [ago(31 * DAY), ago(29 * DAY), ago(5_000)][i]);
    const entry = recent(1, () => NOW)[0];
    expect(windowAfter(kept, entry, NOW)).toEqual([kept[1], kept[2], entry]);
  });

  it('holds what the gate needs after the new one: a 4th within the minute refused, the same text refused', () => {
    let window: RecentSubmission[] = [];
    for (let i = 0; i < SUBMISSION_LIMITS.perMinute; i += 1) {
      const entry = { caseId: `c${i}`, receiptNo: `R${i}`, requestId: `req-${i}`, contentHash: `h${i}`, submittedAt: ago(1_000 * (3 - i)) };
      expect(gateSubmission(window, attempt({ requestId: entry.requestId, contentHash: entry.contentHash })).ok).toBe(true);
      window = windowAfter(window, entry, NOW);
    }
    expect(gateSubmission(window, attempt())).toMatchObject({ ok: false, failure: { code: 'RATE_LIMITED', detail: expect.stringMatching(/一分钟内最多提交 3 件/) } });
    expect(gateSubmission(window, attempt({ requestId: 'req-1' }))).toMatchObject({ ok: true, value: { kind: 'replay', caseId: 'c1', receiptNo: 'R1' } });
  });
});
