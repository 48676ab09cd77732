/**
 * What residents see of each other's cases (我也遇到, 办理公开) and what handlers see of the
 * joiners, as the view-models shape it. Expected texts are written out by hand.
 */
import type { BoardMonth, PublicCase } from '../../typings/board';
import { consentOf, EMPTY_FORM, toSubmitInput } from '../../miniprogram/packages/case/compose/view-model';
import { SIMILAR_MIN_GAP_MS, SIMILAR_PAUSE_MS, similarDelay, similarQuery, toSimilarCards } from '../../miniprogram/packages/case/compose/similar';
import { isShareable, toCaseView } from '../../miniprogram/packages/case/detail/view-model';
import { boardScope, monthOptions, monthRows, newCards, rateText, toBoardCard } from '../../miniprogram/packages/station/board/view-model';
import { noteProblem, publicSteps, toPublicCaseView } from '../../miniprogram/packages/station/case/view-model';
import { toInboxRow } from '../../miniprogram/packages/work/inbox/view-model';
import { toHandlerCaseView } from '../../miniprogram/packages/work/case/view-model';
import { toJoinedRows } from '../../miniprogram/pages/cases/view-model';
import { joinBadgeText, joinCountText, toPublicCaseCard } from '../../miniprogram/utils/public-case';
import { caseDetail, event } from './support/case-fixtures';

/** Saturday 21 November 2026, 14:30 in Beijing (06:30 UTC). */
const NOW = new Date('2026-11-21T06:30:00.000Z');

const closedCase: PublicCase = {
  id: 'case-7',
  title: '莲花北村12栋楼道灯坏了',
  category: 'help',
  status: 'closed',
  station: { id: 'st-ft-hf', name: '华富街道人大代表联络站' },
  submittedAt: '2026-11-01T02:00:00.000Z',
  acceptedAt: '2026-11-01T17:00:00.000Z', // 11月2日 01:00 in Beijing, still 11月1日 in UTC
  repliedAt: '2026-11-09T08:00:00.000Z',
  closedAt: '2026-11-12T08:00:00.000Z',
  reply: '已更换楼道灯。',
  closure: 'rating',
  rating: 'basically_satisfied',
  joinCount: 3,
};

describe('a public case as a card', () => {
  it.each([
    [0, ''],
    [1, '1 人也遇到'],
    [12, '12 人也遇到'],
  ])('%i joiners read %p', (count, text) => {
    expect(joinCountText(count)).toBe(text);
  });

  it('handlers read 附议 N, nothing for none', () => {
    expect(joinBadgeText(0)).toBe('');
    expect(joinBadgeText(undefined)).toBe('');
    expect(joinBadgeText(4)).toBe('附议 4');
  });

  it.each([
    // [submittedAt (UTC), how long ago at 2026-11-21 14:30 Beijing]
    ['2026-11-18T06:30:00.000Z', '3天前'],
    ['2026-11-21T03:30:00.000Z', '3小时前'],
    ['2026-11-21T06:10:00.000Z', '20分钟前'],
    ['2026-10-10T06:30:00.000Z', '1个月前'],
  ])('submitted at %s reads %p', (submittedAt, ago) => {
    expect(toPublicCaseCard({ ...closedCase, submittedAt }, NOW).agoText).toBe(ago);
  });

  it('shows title, category, status and joiners; 不确定 is no category', () => {
    expect(toPublicCaseCard(closedCase, NOW)).toEqual({
      id: 'case-7',
      title: '莲花北村12栋楼道灯坏了',
      categoryLabel: '求助',
      status: 'closed',
      joinText: '3 人也遇到',
      agoText: '20天前',
    });
    expect(toPublicCaseCard({ ...closedCase, category: 'unsure' }, NOW).categoryLabel).toBe('');
  });
});

describe('附近居民也反映过 while composing', () => {
  const form = { ...EMPTY_FORM };

  it('asks nothing until the form says enough: a title of 4, 8 characters of what happened, a category or a place', () => {
    expect(similarQuery('st-1', form)).toBeNull();
    expect(similarQuery('st-1', { ...form, title: '路灯坏' })).toBeNull();
    expect(similarQuery('st-1', { ...form, content: '楼道灯坏了两周' })).toBeNull(); // 7
    expect(similarQuery('st-1', { ...form, title: '路灯坏了' })).toEqual({ stationId: 'st-1', title: '路灯坏了' });
    expect(similarQuery('st-1', { ...form, content: ' 楼道灯坏了两个星期 ' })).toEqual({ stationId: 'st-1', content: '楼道灯坏了两个星期' });
    expect(similarQuery('st-1', { ...form, category: 'complaint' })).toEqual({ stationId: 'st-1', category: 'complaint' });
    expect(similarQuery('st-1', { ...form, location: { latitude: 22.55, longitude: 114.07, address: '华富路' } })).toEqual({
      stationId: 'st-1',
      latitude: 22.55,
      longitude: 114.07,
    });
    expect(similarQuery('', { ...form, title: '路灯坏了' })).toBeNull();
  });

  it('sends only the beginning of a long text', () => {
    const query = similarQuery('st-1', { ...form, content: '灯'.repeat(900) });
    expect([...(query?.content ?? '')]).toHaveLength(200);
  });

  it('waits for a pause in typing, and never asks twice within the gap', () => {
    expect(SIMILAR_PAUSE_MS).toBeLessThan(SIMILAR_MIN_GAP_MS);
    expect(similarDelay(null, 10_000)).toBe(SIMILAR_PAUSE_MS);
    expect(similarDelay(10_000, 10_500)).toBe(SIMILAR_MIN_GAP_MS - 500);
    expect(similarDelay(10_000, 10_000 + SIMILAR_MIN_GAP_MS)).toBe(SIMILAR_PAUSE_MS);
  });

  it('shows at most five cards, with distance and whether I joined', () => {
    const one = {
      id: 'c',
      title: '公交站座椅坏了',
      category: 'help' as const,
      status: 'accepted' as const,
      joinCount: 2,
      submittedAt: '2026-11-18T06:30:00.000Z',
      joined: false,
    };
    const cards = toSimilarCards(
      Array.from({ length: 7 }, (_, i) => ({ ...one, id: `c${i}`, ...(i === 0 ? { distance: 120 } : i === 1 ? { distance: 1530 } : {}), joined: i === 2 })),
      NOW,
    );
    expect(cards).toHaveLength(5);
    expect(cards[0]).toMatchObject({ title: '公交站座椅坏了', categoryLabel: '求助', joinText: '2 人也遇到', agoText: '3天前', distanceText: '120米', joined: false });
    expect(cards[1].distanceText).toBe('1.5公里');
    expect(cards[2]).toMatchObject({ distanceText: '', joined: true });
  });

  it('允许公开 is on by default, sent as public; off and locked while 匿名', () => {
    expect(consentOf(EMPTY_FORM)).toMatchObject({ checked: true, disabled: false });
    expect(consentOf({ ...EMPTY_FORM, public: false })).toMatchObject({ checked: false, disabled: false });
    const anonymous = consentOf({ ...EMPTY_FORM, anonymous: true, public: true });
    expect(anonymous).toEqual({ checked: false, disabled: true, hint: '匿名留言不会公开给其他居民' });
    const ctx = { stationId: 'st-1', requestId: 'req-00000001', photos: [] };
    expect(toSubmitInput({ ...EMPTY_FORM, content: '楼道灯坏了两个星期' }, ctx).public).toBe(true);
    expect(toSubmitInput({ ...EMPTY_FORM, content: '楼道灯坏了两个星期', public: false }, ctx).public).toBe(false);
    expect(toSubmitInput({ ...EMPTY_FORM, content: '楼道灯坏了两个星期', anonymous: true }, ctx).public).toBe(false);
  });
});

describe('the public case page', () => {
  it('lists the steps that happened with their Beijing dates', () => {
    expect(publicSteps(closedCase, NOW)).toEqual([
      { key: 'submitted', label: '提交', date: '11月1日' },
      { key: 'accepted', label: '受理', date: '11月2日' },
      { key: 'replied', label: '答复', date: '11月9日' },
      { key: 'closed', label: '办结', date: '11月12日' },
    ]);
    expect(publicSteps({ submittedAt: closedCase.submittedAt, acceptedAt: closedCase.acceptedAt }, NOW).map((s) => s.label)).toEqual(['提交', '受理']);
  });

  it('says how it closed, its rating and 附议', () => {
    expect(toPublicCaseView(closedCase, NOW)).toMatchObject({
      stationName: '华富街道人大代表联络站',
      reply: '已更换楼道灯。',
      closureText: '留言人评价后办结',
      ratingText: '留言人评价：基本满意',
      joinText: '附议 3 人',
    });
    const open = toPublicCaseView(
      { ...closedCase, status: 'accepted', repliedAt: undefined, closedAt: undefined, reply: undefined, closure: undefined, rating: undefined, joinCount: 0 },
      NOW,
    );
    expect(open).toMatchObject({ reply: '', closureText: '', ratingText: '', joinText: '' });
  });

  it('补充情况 needs words or a photo, at most 500 characters', () => {
    expect(noteProblem('  ', 0, '')).toBe('请写下补充的情况，或添加照片');
    expect(noteProblem('', 1, '')).toBe('');
    expect(noteProblem('灯'.repeat(500), 0, '')).toBe('');
    expect(noteProblem('灯'.repeat(501), 0, '')).toBe('补充情况不能超过 500 个字');
    expect(noteProblem('二楼也不亮', 1, '还有照片正在上传')).toBe('还有照片正在上传');
  });
});

describe('办理公开 (the board)', () => {
  it('takes a station or a district from the link', () => {
    expect(boardScope({ stationId: 'st-1' })).toEqual({ stationId: 'st-1' });
    expect(boardScope({ district: '福田区' })).toEqual({ district: '福田区' });
    expect(boardScope({})).toBeNull();
  });

  it('offers the last 12 months, then each month on Beijing’s calendar, this one first', () => {
    // 2026-11-30 17:00 UTC is already 1 December in Beijing.
    const options = monthOptions(new Date('2026-11-30T17:00:00.000Z'));
    expect(options).toHaveLength(13);
    expect(options.slice(0, 3)).toEqual([
      { value: '', label: '近12个月' },
      { value: '2026-12', label: '2026年12月' },
      { value: '2026-11', label: '2026年11月' },
    ]);
    expect(options[12]).toEqual({ value: '2026-01', label: '2026年1月' });
    expect(monthOptions(NOW)[12]).toEqual({ value: '2025-12', label: '2025年12月' });
  });

  it.each([
    [{ numerator: 23, denominator: 25, value: 0.92 }, '92%（23/25）'],
    [{ numerator: 3, denominator: 4, value: null }, '样本不足（3/4）'],
    [{ numerator: 0, denominator: 0, value: null }, '暂无（0）'],
    [{ numerator: 199, denominator: 200, value: 0.995 }, '99%（199/200）'],
    [{ numerator: 1, denominator: 300, value: 0.003 }, '1%（1/300）'],
  ])('a rate %j reads %p: a percentage only with a sample, always with its counts', (rate, text) => {
    expect(rateText(rate)).toBe(text);
  });

  const month = (m: string, over: Partial<BoardMonth> = {}): BoardMonth => ({
    month: m,
    received: 10,
    closed: 8,
    responseRate: { numerator: 9, denominator: 10, value: 0.9 },
    closureRate: { numerator: 8, denominator: 10, value: 0.8 },
    satisfactionRate: { numerator: 5, denominator: 6, value: null },
    ...over,
  });

  it('shows the months newest first, or only the chosen one', () => {
    const months = [month('2026-10'), month('2026-11', { received: 3, closed: 1 })];
    const rows = monthRows(months, '');
    expect(rows.map((r) => r.label)).toEqual(['2026年11月', '2026年10月']);
    expect(rows[0].countsText).toBe('收到 3 件 · 办结 1 件');
    expect(rows[1].rates).toEqual([
      { key: 'response', label: '响应率', value: '90%（9/10）' },
      { key: 'closure', label: '办结率', value: '80%（8/10）' },
      { key: 'satisfaction', label: '满意率', value: '样本不足（5/6）' },
    ]);
    expect(monthRows(months, '2026-10').map((r) => r.label)).toEqual(['2026年10月']);
  });

  it('cards say where and when each closed; a further page adds only what is new', () => {
    expect(toBoardCard(closedCase, NOW)).toMatchObject({ stationName: '华富街道人大代表联络站', closedText: '11月12日办结', joinText: '3 人也遇到' });
    const added = newCards([{ id: 'case-7' }], [closedCase, { ...closedCase, id: 'case-8' }], NOW);
    expect(added.map((c) => c.id)).toEqual(['case-8']);
  });
});

describe('the resident’s own case and 我也遇到的', () => {
  const accepted = event(2, 'accepted', { fromStatus: 'submitted', toStatus: 'accepted' });
  const submitted = event(1, 'submitted');

  it('offers 分享给家人 only for a case allowed public and accepted', () => {
    expect(isShareable({ publicConsent: true, status: 'replied', timeline: [submitted, accepted] })).toBe(true);
    expect(isShareable({ publicConsent: false, status: 'replied', timeline: [submitted, accepted] })).toBe(false);
    expect(isShareable({ publicConsent: true, status: 'submitted', timeline: [submitted] })).toBe(false);
    expect(isShareable({ publicConsent: true, status: 'rejected', timeline: [submitted, accepted] })).toBe(false);
  });

  it('shows 附议 N when anyone joined', () => {
    expect(toCaseView(caseDetail({ joinCount: 2 }), NOW).joinText).toBe('附议 2 人');
    expect(toCaseView(caseDetail({ joinCount: 0 }), NOW).joinText).toBe('');
  });

  it('lists the cases I joined as the public sees them', () => {
    expect(toJoinedRows([{ ...closedCase, joinedAt: '2026-11-20T00:00:00.000Z' }], NOW)).toEqual([
      {
        id: 'case-7',
        title: '莲花北村12栋楼道灯坏了',
        categoryLabel: '求助',
        status: 'closed',
        joinText: '3 人也遇到',
        agoText: '20天前',
        stationName: '华富街道人大代表联络站',
      },
    ]);
  });
});

describe('what handlers see of the joiners', () => {
  it('the queue marks 附议 N', () => {
    const item = {
      id: 'case-1',
      receiptNo: 'FT20261121-0042',
      title: '路灯不亮',
      category: 'help' as const,
      status: 'accepted' as const,
      stationId: 'st-1',
      stationName: '华富',
      submittedAt: '2026-11-20T00:00:00.000Z',
      dueAt: '2026-12-05T15:59:59.000Z',
      overdue: false,
      anonymous: false,
      joinCount: 3,
    };
    expect(toInboxRow(item, 'officer', NOW).joinText).toBe('附议 3');
    expect(toInboxRow({ ...item, joinCount: 0 }, 'officer', NOW).joinText).toBe('');
  });

  it('the case page lists the joiners’ notes, newest first as sent, with time and photos, never who', () => {
    const view = toHandlerCaseView(
      caseDetail({
        joinCount: 2,
        joinNotes: [
          { at: '2026-11-20T12:05:00.000Z', note: '二楼也不亮', photos: [{ fileId: 'cloud://a.jpg', url: 'https://tmp.example/a.jpg' }] },
          { at: '2026-11-19T01:00:00.000Z', photos: [] },
        ],
      }),
      NOW,
    );
    expect(view.joinText).toBe('附议 2');
    expect(view.joinNotes).toEqual([
      { key: '2026-11-20T12:05:00.000Z-0', timeText: '11月20日 20:05', note: '二楼也不亮', photos: ['https://tmp.example/a.jpg'] },
      { key: '2026-11-19T01:00:00.000Z-1', timeText: '11月19日 09:00', note: '', photos: [] },
    ]);
  });
});
