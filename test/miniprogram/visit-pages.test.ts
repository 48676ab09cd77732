/**
 * @jest-environment jsdom
 *
 * 接待登记 in the mini-program, against canned answers: the officer's and the deputy's record of
 * today's visitors (the form's checks, one requestId across retries, 转为留言 with the claim code
 * shown large and refreshed), the way there from 接待安排, and the resident's 认领留言 (scanned
 * or typed, then their case opens).
 */
import type { ScheduleOutput } from '../../typings/workspace';
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPages, renderPage, textOf, until } from './support/load-page';
import { installWx, openedPage, startLocalHost, stopLocalHost, tap, type as typeInto } from './support/page-harness';
import { DEMO_ANSWERS, DEMO_NOW, PROFILES } from './support/demo-answers';
import { ANSWERED, BOOKED_LIU, BOOKED_NO_CONTACT, CLAIM, CLAIMED, CONVERTED, scheduleWithToday, TODAY_RECEPTION, VISITS, WALK_IN } from './support/visit-demo';

const callsOf = (host: FunctionHostStub, fn: string, action: string) => host.calls.filter((c) => c.fn === fn && c.body.action === action).map((c) => c.body);
const FAILURE = { ok: false, error: { code: 'INTERNAL', message: '服务繁忙，请稍后再试' } };
const SCHEDULE = scheduleWithToday(DEMO_ANSWERS.reception!.schedule as ScheduleOutput);

describe('接待登记 pages', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pages: { visits: string; claim: string; schedule: string; checkin: string };

  beforeAll(async () => {
    host = await startLocalHost('odemo-officer');
    pages = loadPages({
      visits: 'packages/work/visits/index',
      claim: 'packages/case/claim/index',
      schedule: 'packages/work/schedule/index',
      checkin: 'packages/work/checkin/index',
    });
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('user.profile', { ok: true, data: PROFILES.officer });
    host.answer('reception.schedule', { ok: true, data: SCHEDULE });
    host.answer('reception.visits', { ok: true, data: VISITS });
    wx = installWx();
    fakeClockAt(DEMO_NOW);
  });
  afterEach(() => jest.useRealTimers());

  it('接待安排: today’s reception day leads to its 接待登记', async () => {
    const page = renderPage(pages.schedule);
    await page.instance.onShow();
    await until(() => !page.data.loading, 'the schedule');
    const buttons = page.querySelectorAll('.open-visits');
    // Only today's reception day: the 述职会 and the days ahead have none.
    expect(buttons).toHaveLength(1);
    buttons[0].querySelector('.van-button')!.dispatchEvent('tap');
    await until(() => wx.navigations.length === 1, 'the visits page');
    expect(wx.navigations[0]).toEqual({ method: 'navigateTo', url: `/packages/work/visits/index?receptionId=${TODAY_RECEPTION.id}` });
  });

  it('签到成功: the deputy goes on to the 接待登记 of the reception they checked in to', async () => {
    wx = installWx({ location: { latitude: 22.5502, longitude: 114.0801 }, scan: { result: 'LLZ-CHECKIN:FT-HF-01:048213' } });
    host.answer('reception.checkIn', {
      ok: true,
      data: {
        receptionId: TODAY_RECEPTION.id,
        stationName: '华富街道人大代表联络站',
        date: '2026-11-21',
        distance: 80,
        checkedInAt: DEMO_NOW.toISOString(),
        already: false,
        proof: 'presence-code+location',
      },
    });
    const page = renderPage(pages.checkin);
    tap(page, '.scan');
    await until(() => !!page.data.result && !!page.querySelector('.open-visits'), 'the check-in');
    tap(page, '.open-visits');
    await until(() => wx.navigations.length === 1, 'the visits page');
    expect(wx.navigations[0]).toEqual({ method: 'navigateTo', url: `/packages/work/visits/index?receptionId=${TODAY_RECEPTION.id}` });
  });

  it('lists today’s visits: status, who, the answer, the case and its claim state; what can be done on each', async () => {
    const page = await openedPage(pages.visits, { receptionId: TODAY_RECEPTION.id });
    expect(textOf(page.querySelector('.heading')!)).toBe('福田区华富街道人大代表联络站 · 14:00-17:00');
    const rows = page.querySelectorAll('.visit');
    expect(page.querySelectorAll('.visit__status').map((n) => textOf(n))).toEqual(['已登记', '当场答复', '已转留言']);
    expect(textOf(rows[1])).toContain('当场答复：已告知向街道办城建科申请');
    expect(textOf(rows[2])).toContain('受理编号 FT20261121-0051 · 待认领');
    expect(rows.map((r) => [textOf(r).includes('转为留言'), textOf(r).includes('出示认领码')])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
    expect(callsOf(host, 'reception', 'visits')).toEqual([{ action: 'visits', receptionId: TODAY_RECEPTION.id }]);
  });

  it('登记来访: checks first, then records with one requestId across retries; the new visit tops the list', async () => {
    const page = await openedPage(pages.visits, { receptionId: TODAY_RECEPTION.id });
    tap(page, '.open-form');
    await until(() => page.data.formOpen && !!page.querySelector('.submit-visit'), 'the form');
    tap(page, '.submit-visit');
    await until(() => !!page.data.errors.issue, 'the checks');
    expect(page.data.errors.issue).toBe('请记录群众反映的问题（文字、语音或照片至少一项）');
    expect(callsOf(host, 'reception', 'recordVisit')).toEqual([]);

    page.querySelector('.picker-deputy')!.dispatchEvent('change', { detail: { value: 1 } });
    typeInto(page, '.field-issue', '小区垃圾分类点离住户太近，夏天有异味。');
    typeInto(page, '.field-phone', '13900139000');
    typeInto(page, '.field-answer', '已联系社区工作站，本周内调整位置。');
    await until(() => page.data.form.answer !== '' && page.data.form.deputyId === 'dp-002', 'the form');

    const recorded = { ...WALK_IN, id: 'vs-4', status: 'answered', issue: '小区垃圾分类点离住户太近，夏天有异味。', answer: '已联系社区工作站，本周内调整位置。' };
    host.answerOnce('reception.recordVisit', FAILURE);
    host.answer('reception.recordVisit', { ok: true, data: recorded });
    tap(page, '.submit-visit');
    await until(() => !!page.data.errors.submit, 'the failure');
    expect(textOf(page.querySelector('.error-submit')!)).toBe('服务繁忙，请稍后再试');
    tap(page, '.submit-visit');
    await until(() => !page.data.formOpen, 'the record');

    const sent = callsOf(host, 'reception', 'recordVisit');
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual({
      action: 'recordVisit',
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      receptionId: TODAY_RECEPTION.id,
      deputyId: 'dp-002',
      issue: '小区垃圾分类点离住户太近，夏天有异味。',
      phone: '13900139000',
      answer: '已联系社区工作站，本周内调整位置。',
    });
    expect(sent[1].requestId).toBe(sent[0].requestId);
    expect(page.data.visits.map((v: { id: string }) => v.id)).toEqual(['vs-4', 'vs-3', 'vs-2', 'vs-1']);
    expect(wx.toasts).toEqual([{ title: '已登记，当场答复', icon: 'success' }]);

    // The next record is another resident: a new key.
    tap(page, '.open-form');
    await until(() => page.data.formOpen && !!page.querySelector('.field-issue'), 'the second form');
    typeInto(page, '.field-issue', '路灯不亮');
    await until(() => page.data.form.issue === '路灯不亮', 'the second form');
    tap(page, '.submit-visit');
    await until(() => callsOf(host, 'reception', 'recordVisit').length === 3, 'the second record');
    expect(callsOf(host, 'reception', 'recordVisit')[2].requestId).not.toBe(sent[0].requestId);
  });

  it('从预约登记: a booking fills the form and goes with the record; recorded, it leaves the list', async () => {
    const page = await openedPage(pages.visits, { receptionId: TODAY_RECEPTION.id });
    const listed = page.querySelectorAll('.booking').map((n) => textOf(n).replace(/\s+/g, ' '));
    expect(listed).toHaveLength(2);
    expect(listed[0]).toContain('14:00-15:00 · 刘女士');
    expect(listed[0]).toContain('小区停车位不够，晚上车辆乱停堵住消防通道。 · 约见 张丽华 代表');
    expect(listed[1]).toContain('15:00-16:00 · 未留姓名');
    expect(textOf(page.querySelector('.bookings')!)).toContain('从预约登记（2 人待接待）');

    tap(page, '.booking-bk-2', '.van-cell');
    await until(() => page.data.formOpen && !!page.querySelector('.from-booking'), 'the filled form');
    expect(page.data.form).toEqual({ issue: BOOKED_LIU.topic, name: '刘女士', phone: '13912345678', answer: '', deputyId: 'dp-002' });
    expect(textOf(page.querySelector('.deputy')!)).toContain('张丽华');
    expect(textOf(page.querySelector('.from-booking')!)).toContain('14:00-15:00 · 刘女士');
    expect(page.querySelector('.bookings')).toBeUndefined();
    typeInto(page, '.field-answer', '已联系物业和交警中队，本周内施划禁停线。');
    await until(() => page.data.form.answer !== '', 'the answer');

    const recorded = { ...ANSWERED, id: 'vs-6', bookingId: 'bk-2', issue: BOOKED_LIU.topic, name: '刘女士', phone: '13912345678' };
    host.answer('reception.recordVisit', { ok: true, data: recorded });
    host.answer('reception.visits', { ok: true, data: { visits: [recorded, ...VISITS.visits], bookings: [BOOKED_NO_CONTACT] } });
    tap(page, '.submit-visit');
    await until(() => !page.data.formOpen && page.querySelectorAll('.booking').length === 1, 'the list without that booking');
    // The contact the resident left is the server's to copy from the booking: not sent again unchanged.
    expect(callsOf(host, 'reception', 'recordVisit')).toEqual([
      {
        action: 'recordVisit',
        requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        receptionId: TODAY_RECEPTION.id,
        bookingId: 'bk-2',
        deputyId: 'dp-002',
        issue: BOOKED_LIU.topic,
        answer: '已联系物业和交警中队，本周内施划禁停线。',
      },
    ]);
    expect(callsOf(host, 'reception', 'visits')).toHaveLength(2);
    expect(page.querySelector('.booking-bk-2')).toBeUndefined();
    expect(page.data.visits.map((v: { id: string }) => v.id)).toEqual(['vs-6', 'vs-3', 'vs-2', 'vs-1']);
  });

  it('从预约登记: a contact the recorder changed is checked and sent; a walk-in after it carries no booking', async () => {
    const page = await openedPage(pages.visits, { receptionId: TODAY_RECEPTION.id });
    tap(page, '.booking-bk-2', '.van-cell');
    await until(() => page.data.formOpen && !!page.querySelector('.field-phone'), 'the filled form');
    typeInto(page, '.field-phone', '1391234');
    await until(() => page.data.form.phone === '1391234', 'the phone');
    tap(page, '.submit-visit');
    await until(() => !!page.data.errors.phone, 'the check');
    expect(page.data.errors.phone).toBe('请填写 11 位手机号码');
    typeInto(page, '.field-phone', '13800138000');
    await until(() => page.data.form.phone === '13800138000', 'the phone');
    host.answer('reception.recordVisit', { ok: true, data: { ...WALK_IN, id: 'vs-7', bookingId: 'bk-2' } });
    tap(page, '.submit-visit');
    await until(() => !page.data.formOpen, 'the record');
    expect(callsOf(host, 'reception', 'recordVisit')[0]).toMatchObject({ bookingId: 'bk-2', phone: '13800138000' });
    expect(callsOf(host, 'reception', 'recordVisit')[0]).not.toHaveProperty('name');

    tap(page, '.open-form');
    await until(() => page.data.formOpen && !!page.querySelector('.field-issue'), 'the walk-in form');
    expect(page.querySelector('.from-booking')).toBeUndefined();
    expect(page.data.form).toMatchObject({ issue: '', name: '', phone: '' });
    typeInto(page, '.field-issue', '路灯不亮');
    await until(() => page.data.form.issue === '路灯不亮', 'the walk-in');
    host.answer('reception.recordVisit', { ok: true, data: { ...WALK_IN, id: 'vs-8', issue: '路灯不亮' } });
    tap(page, '.submit-visit');
    await until(() => callsOf(host, 'reception', 'recordVisit').length === 2, 'the walk-in record');
    expect(callsOf(host, 'reception', 'recordVisit')[1]).not.toHaveProperty('bookingId');
  });

  it('puts the server’s refusal of a field next to it', async () => {
    const page = await openedPage(pages.visits, { receptionId: TODAY_RECEPTION.id });
    tap(page, '.open-form');
    await until(() => page.data.formOpen && !!page.querySelector('.field-issue'), 'the form');
    typeInto(page, '.field-issue', '有问题');
    await until(() => page.data.form.issue === '有问题', 'the form');
    host.answer('reception.recordVisit', { ok: false, error: { code: 'CONTENT_REJECTED', message: '内容含有不当信息，请修改后再提交', field: 'issue' } });
    tap(page, '.submit-visit');
    await until(() => !!page.data.errors.issue, 'the refusal');
    expect(page.data.errors.issue).toBe('内容含有不当信息，请修改后再提交');
    expect(page.data.formOpen).toBe(true);
  });

  it('转为留言: the case is made, the claim code shows large with its 8 characters; 刷新认领码 asks again; 完成 reloads the list', async () => {
    const page = await openedPage(pages.visits, { receptionId: TODAY_RECEPTION.id });
    const converted = { ...WALK_IN, status: 'converted', case: { id: 'case-32', receiptNo: 'FT20261121-0052', claimed: false } };
    host.answerOnce('reception.visitToCase', FAILURE);
    host.answer('reception.visitToCase', { ok: true, data: { visit: converted, claim: CLAIM } });
    tap(page, '.convert');
    await until(() => page.data.listProblem !== '', 'the failure');
    expect(textOf(page.querySelector('.list-problem')!)).toBe('服务繁忙，请稍后再试');
    tap(page, '.convert');
    await until(() => !!page.data.claim, 'the claim code');

    const claim = page.querySelector('.claim')!;
    expect(textOf(claim)).toContain('请群众用微信扫码认领');
    expect(textOf(page.querySelector('.claim__code')!)).toBe('K7M2 Q9XB');
    // simulate does not reflect <image src> into the DOM: the node is there, bound to the server's PNG.
    expect(page.querySelector('.claim__qr') ?? page.dom.querySelector('.claim__qr')).toBeTruthy();
    expect(page.data.claim.qrImage).toBe(CLAIM.qrImage);
    expect(textOf(claim)).toContain('认领码 15:00 前有效');
    const sent = callsOf(host, 'reception', 'visitToCase');
    expect(sent).toEqual([
      { action: 'visitToCase', visitId: 'vs-3', requestId: expect.any(String) },
      { action: 'visitToCase', visitId: 'vs-3', requestId: sent[0].requestId },
    ]);
    expect(textOf(page.querySelectorAll('.visit')[0])).toContain('受理编号 FT20261121-0052 · 待认领');

    host.answer('reception.claimCode', { ok: true, data: { ...CLAIM, code: 'P3R8W2NZ', payload: 'LLZ-CLAIM:P3R8W2NZ' } });
    tap(page, '.refresh-code');
    await until(() => page.data.claim?.code === 'P3R8W2NZ', 'the new code');
    expect(callsOf(host, 'reception', 'claimCode')).toEqual([{ action: 'claimCode', visitId: 'vs-3' }]);

    host.answer('reception.visits', { ok: true, data: { visits: [{ ...converted, case: { ...converted.case, claimed: true } }] } });
    tap(page, '.close-claim');
    await until(() => !page.data.claim && page.data.visits[0].claimed, 'the list again');
    expect(textOf(page.querySelectorAll('.visit')[0])).toContain('已认领');
  });

  it('出示认领码 again for a converted, unclaimed visit', async () => {
    const page = await openedPage(pages.visits, { receptionId: TODAY_RECEPTION.id });
    host.answer('reception.claimCode', { ok: true, data: CLAIM });
    tap(page, '.show-claim');
    await until(() => !!page.data.claim, 'the claim code');
    expect(callsOf(host, 'reception', 'claimCode')).toEqual([{ action: 'claimCode', visitId: CONVERTED.id }]);
  });

  it('the deputy records as themselves: no choice of deputy, the schedule not asked', async () => {
    host.answer('user.profile', { ok: true, data: PROFILES.deputy });
    const page = await openedPage(pages.visits, { receptionId: TODAY_RECEPTION.id });
    tap(page, '.open-form');
    await until(() => page.data.formOpen && !!page.querySelector('.field-issue'), 'the form');
    expect(page.querySelector('.picker-deputy')).toBeUndefined();
    expect(callsOf(host, 'reception', 'schedule')).toEqual([]);
    typeInto(page, '.field-issue', '路灯不亮');
    await until(() => page.data.form.issue === '路灯不亮', 'the form');
    host.answer('reception.recordVisit', { ok: true, data: { ...WALK_IN, id: 'vs-5', recordedBy: 'deputy', issue: '路灯不亮' } });
    tap(page, '.submit-visit');
    await until(() => callsOf(host, 'reception', 'recordVisit').length === 1, 'the record');
    expect(callsOf(host, 'reception', 'recordVisit')[0]).not.toHaveProperty('deputyId');
  });

  it('without a reception: says where to come from', async () => {
    const page = await openedPage(pages.visits, {});
    expect(page.data.error).toMatchObject({ message: '没有找到这个接待日' });
    expect(host.calls).toEqual([]);
  });

  describe('认领留言 (resident)', () => {
    beforeEach(() => host.answer('case.claim', { ok: true, data: CLAIMED }));

    it('scans the code on the recorder’s phone, claims it and opens the case', async () => {
      wx = installWx({ scan: { result: 'LLZ-CLAIM:K7M2Q9XB' } });
      const page = await openedPage(pages.claim, {});
      tap(page, '.scan');
      await until(() => wx.navigations.length === 1, 'the case');
      expect(callsOf(host, 'case', 'claim')).toEqual([{ action: 'claim', code: 'K7M2Q9XB' }]);
      expect(wx.navigations[0]).toEqual({ method: 'redirectTo', url: '/packages/case/detail/index?id=case-31' });
    });

    it('a scan of something else is not sent', async () => {
      wx = installWx({ scan: { result: 'https://example.com/s?scene=FT-HF' } });
      const page = await openedPage(pages.claim, {});
      tap(page, '.scan');
      await until(() => page.data.problem !== '', 'the problem');
      expect(textOf(page.querySelector('.problem')!)).toBe('这不是认领码，请扫描代表或联络员手机上显示的认领码');
      expect(callsOf(host, 'case', 'claim')).toEqual([]);
    });

    it('a typed code: checked, sent as the server compares it, its refusal shown', async () => {
      const page = await openedPage(pages.claim, {});
      typeInto(page, '.field-code', 'k7m2');
      await until(() => page.data.typed === 'k7m2', 'the typing');
      tap(page, '.submit-code');
      await until(() => page.data.problem !== '', 'the check');
      expect(page.data.problem).toBe('认领码是 8 位');
      typeInto(page, '.field-code', 'k7m2 q9xb');
      await until(() => page.data.typed === 'k7m2 q9xb', 'the typing');
      host.answerOnce('case.claim', { ok: false, error: { code: 'NOT_FOUND', message: '认领码无效或已过期，请让代表或联络员刷新认领码' } });
      tap(page, '.submit-code');
      await until(() => page.data.problem.startsWith('认领码无效'), 'the refusal');
      tap(page, '.submit-code');
      await until(() => wx.navigations.length === 1, 'the case');
      expect(callsOf(host, 'case', 'claim')).toEqual([
        { action: 'claim', code: 'K7M2Q9XB' },
        { action: 'claim', code: 'K7M2Q9XB' },
      ]);
    });
  });
});
