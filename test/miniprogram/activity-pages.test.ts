/**
 * @jest-environment jsdom
 *
 * 履职登记 in the mini-program, against canned answers: the officer's 登记履职活动 form (the
 * checks, one requestId across retries, the way to the list) and 履职活动确认 (the deputy
 * confirms or disputes with a reason; the officer withdraws a disputed one).
 */
import type { StationDetail } from '../../typings/api';
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPages, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { installWx, openedPage, startLocalHost, stopLocalHost, type as typeInto } from './support/page-harness';
import { DEMO_ANSWERS, DEMO_NOW, PROFILES } from './support/demo-answers';
import { DEPUTY_ACTIVITIES, OFFICER_ACTIVITIES, WAITING_ACTIVITY } from './support/activity-demo';

const STATION = DEMO_ANSWERS.station!.get! as StationDetail;
const callsOf = (host: FunctionHostStub, fn: string, action: string) => host.calls.filter((c) => c.fn === fn && c.body.action === action).map((c) => c.body);
const tapButton = (node: RenderedComponent | undefined) => node!.querySelector('.van-button')!.dispatchEvent('tap');
const pick = (page: RenderedComponent, cls: string, value: string | number) => page.querySelector(cls)!.dispatchEvent('change', { detail: { value } });
const FAILURE = { ok: false, error: { code: 'INTERNAL', message: '服务繁忙，请稍后再试' } };

describe('履职登记 pages', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pages: { record: string; list: string };

  beforeAll(async () => {
    host = await startLocalHost('odemo-officer');
    pages = loadPages({ record: 'packages/work/activity/index', list: 'packages/work/activities/index' });
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('station.get', { ok: true, data: STATION });
    host.answer('user.profile', { ok: true, data: PROFILES.officer });
    host.answer('user.activities', { ok: true, data: OFFICER_ACTIVITIES });
    wx = installWx();
    fakeClockAt(DEMO_NOW);
  });
  afterEach(() => jest.useRealTimers());

  describe('登记履职活动 (officer)', () => {
    it('checks the form first, then records with one requestId across retries and goes to the list', async () => {
      const page = await openedPage(pages.record, {});
      // Today in Beijing (DEMO_NOW is 21 November 2026) is the default day.
      expect(page.data.form.date).toBe('2026-11-21');
      tapButton(page.querySelector('.submit-activity'));
      await until(() => !!page.data.errors.kind, 'the checks');
      expect(page.data.errors).toMatchObject({ kind: '请选择活动类型', place: '请填写活动地点' });
      expect(callsOf(host, 'user', 'recordActivity')).toEqual([]);

      const deputyIndex = page.data.deputies.findIndex((d: { id: string }) => d.id === 'dp-001');
      pick(page, '.picker-deputy', deputyIndex);
      pick(page, '.picker-kind', 4);
      typeInto(page, '.field-place', '莲花北农贸市场');
      await until(() => page.data.form.place === '莲花北农贸市场' && page.data.form.kind === 'lawEnforcement', 'the form');
      expect(textOf(page.querySelector('.kind')!)).toContain('执法检查');

      host.answerOnce('user.recordActivity', FAILURE);
      host.answer('user.recordActivity', { ok: true, data: WAITING_ACTIVITY });
      tapButton(page.querySelector('.submit-activity'));
      await until(() => !!page.data.errors.submit, 'the failure');
      expect(textOf(page.querySelector('.error-submit')!)).toBe('服务繁忙，请稍后再试');
      tapButton(page.querySelector('.submit-activity'));
      await until(() => wx.navigations.length === 1, 'the list');

      const sent = callsOf(host, 'user', 'recordActivity');
      expect(sent).toHaveLength(2);
      expect(sent[0]).toEqual({
        action: 'recordActivity',
        requestId: expect.any(String),
        deputyId: 'dp-001',
        kind: 'lawEnforcement',
        date: '2026-11-21',
        place: '莲花北农贸市场',
      });
      expect(sent[1].requestId).toBe(sent[0].requestId);
      expect(wx.navigations).toEqual([{ method: 'redirectTo', url: '/packages/work/activities/index' }]);
    });

    it('puts the server’s refusal of a field next to it', async () => {
      const page = await openedPage(pages.record, {});
      pick(page, '.picker-deputy', 0);
      pick(page, '.picker-kind', 0);
      typeInto(page, '.field-place', '区人大常委会');
      await until(() => page.data.form.place !== '', 'the form');
      host.answer('user.recordActivity', { ok: false, error: { code: 'INVALID_INPUT', message: '只能登记今年和去年的履职活动', field: 'date' } });
      tapButton(page.querySelector('.submit-activity'));
      await until(() => !!page.data.errors.date, 'the refusal');
      expect(textOf(page.querySelector('.error-date')!)).toBe('只能登记今年和去年的履职活动');
    });

    it('corrects a disputed one: filled in from the list, the deputy fixed, sent with reviseActivity', async () => {
      const list = await openedPage(pages.list, {});
      tapButton(list.querySelector('.revise-activity'));
      await until(() => wx.navigations.length === 1, 'the form');
      const url = wx.navigations[0].url!;
      const query = Object.fromEntries(
        url
          .split('?')[1]
          .split('&')
          .map((pair) => pair.split('=')),
      );
      const page = await openedPage(pages.record, query);
      expect(page.data.revising).toBe(true);
      expect(page.querySelector('.picker-deputy')).toBeUndefined();
      expect(page.querySelector('.photo-picker')).toBeUndefined();
      expect(page.data.form).toMatchObject({ deputyId: 'dp-001', kind: 'inspection', date: '2026-11-10', place: '景田社区加装电梯项目' });
      typeInto(page, '.field-place', '景田社区加装电梯项目（北区）');
      await until(() => page.data.form.place.endsWith('（北区）'), 'the correction');
      host.answer('user.reviseActivity', { ok: true, data: { ...WAITING_ACTIVITY, id: 'ac-2', resends: 1 } });
      tapButton(page.querySelector('.submit-activity'));
      await until(() => wx.navigations.length === 2, 'back to the list');
      expect(callsOf(host, 'user', 'reviseActivity')).toEqual([
        { action: 'reviseActivity', activityId: 'ac-2', kind: 'inspection', date: '2026-11-10', place: '景田社区加装电梯项目（北区）', note: '' },
      ]);
      expect(callsOf(host, 'user', 'recordActivity')).toEqual([]);
    });

    it('turns a deputy away in words', async () => {
      host.answer('user.profile', { ok: true, data: PROFILES.deputy });
      const page = await openedPage(pages.record, {});
      expect(textOf(page)).toContain('只有联络员可以登记履职活动');
    });
  });

  describe('履职活动确认', () => {
    it('lets the deputy confirm the one waiting for them', async () => {
      host.answer('user.profile', { ok: true, data: PROFILES.deputy });
      host.answer('user.activities', { ok: true, data: DEPUTY_ACTIVITIES });
      const page = await openedPage(pages.list, {});
      expect(page.querySelector('.record-activity')).toBeUndefined();
      const rows = page.querySelectorAll('.activity').map((n) => textOf(n).replace(/\s+/g, ' '));
      expect(rows[0]).toContain('执法检查');
      expect(rows[0]).toContain('待确认');
      expect(rows[1]).toContain('代表异议：当天在外地出差，没有参加');
      host.answer('user.confirmActivity', { ok: true, data: { ...WAITING_ACTIVITY, status: 'confirmed', statusLabel: '已确认', canConfirm: false } });
      tapButton(page.querySelector('.confirm-activity'));
      await until(() => callsOf(host, 'user', 'activities').length === 2, 'the list again');
      expect(callsOf(host, 'user', 'confirmActivity')).toEqual([{ action: 'confirmActivity', activityId: 'ac-1', confirm: true }]);
    });

    it('asks a dispute for its reason before sending it', async () => {
      host.answer('user.profile', { ok: true, data: PROFILES.deputy });
      host.answer('user.activities', { ok: true, data: DEPUTY_ACTIVITIES });
      const page = await openedPage(pages.list, {});
      tapButton(page.querySelector('.dispute-activity'));
      await until(() => page.data.disputing === 'ac-1', 'the dispute box');
      tapButton(page.querySelector('.send-dispute'));
      await until(() => !!page.data.reasonError, 'the check');
      expect(page.data.reasonError).toBe('请写明异议理由（至少 2 个字）');
      expect(callsOf(host, 'user', 'confirmActivity')).toEqual([]);
      typeInto(page, '.field-reason', '那天没有参加');
      await until(() => page.data.reason === '那天没有参加', 'the reason');
      host.answer('user.confirmActivity', { ok: true, data: { ...WAITING_ACTIVITY, status: 'disputed' } });
      tapButton(page.querySelector('.send-dispute'));
      await until(() => callsOf(host, 'user', 'confirmActivity').length === 1, 'the dispute');
      expect(callsOf(host, 'user', 'confirmActivity')[0]).toEqual({ action: 'confirmActivity', activityId: 'ac-1', confirm: false, reason: '那天没有参加' });
    });

    it('shows the officer 登记履职活动 and 撤回 on the disputed one, and says a refusal', async () => {
      const page = await openedPage(pages.list, {});
      expect(page.querySelector('.record-activity')).toBeDefined();
      expect(page.querySelector('.confirm-activity')).toBeUndefined();
      host.answer('user.reviseActivity', { ok: false, error: { code: 'CONFLICT', message: '这条履职活动刚刚有了变化，请刷新后再试' } });
      tapButton(page.querySelector('.withdraw-activity'));
      await until(() => !!page.data.actionError, 'the refusal');
      expect(callsOf(host, 'user', 'reviseActivity')).toEqual([{ action: 'reviseActivity', activityId: 'ac-2', withdraw: true }]);
      expect(textOf(page.querySelector('.action-error')!)).toBe('这条履职活动刚刚有了变化，请刷新后再试');
      tapButton(page.querySelector('.record-activity'));
      await until(() => wx.navigations.length === 1, 'the form');
      expect(wx.navigations[0]).toEqual({ method: 'navigateTo', url: '/packages/work/activity/index' });
    });

    it('shows the district office its deputies’ activities read-only: no 登记, no 确认, no 撤回', async () => {
      host.answer('user.profile', { ok: true, data: PROFILES.admin });
      host.answer('user.activities', {
        ok: true,
        data: { ...OFFICER_ACTIVITIES, activities: [{ ...WAITING_ACTIVITY, canConfirm: true }, ...OFFICER_ACTIVITIES.activities.slice(1)] },
      });
      const page = await openedPage(pages.list, {});
      expect(page.querySelectorAll('.activity')).toHaveLength(3);
      expect(textOf(page.querySelector('.activity')!)).toContain('代表：李明');
      for (const control of ['.record-activity', '.confirm-activity', '.dispute-activity', '.withdraw-activity', '.revise-activity'])
        expect(page.querySelector(control)).toBeUndefined();
      expect(wx.titles).toEqual(['代表履职活动']);
      host.answer('user.activities', { ok: true, data: { activities: [], hasMore: false } });
      const empty = await openedPage(pages.list, {});
      expect(textOf(empty)).toContain('辖区内还没有登记的履职活动');
    });

    it('says when there is nothing yet, and offers 重试 on a failure', async () => {
      host.answer('user.activities', { ok: true, data: { activities: [], hasMore: false } });
      const empty = await openedPage(pages.list, {});
      expect(textOf(empty)).toContain('还没有登记的履职活动');
      host.answer('user.activities', FAILURE);
      const failed = await openedPage(pages.list, {});
      expect(textOf(failed)).toContain('服务繁忙，请稍后再试');
    });
  });
});
