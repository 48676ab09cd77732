/** @jest-environment jsdom */
/**
 * 履职登记, end to end: the station's officer records a 执法检查 for the demo deputy on the real
 * 登记履职活动 page; the deputy is told (待办事项提醒) and confirms it on the real 履职活动确认
 * page; the 履职档案 — user.duty and the duty page — shows it against the quota of 代表联组活动
 * (3 a year, seed 003). A second activity the deputy disputes counts nowhere.
 *
 * Expected figures are worked out here by hand from what the steps do, never read back from the
 * code under test. The steps share their activities and run in order.
 */
import type { ActivityView } from '../../typings/activity';
import type { Deputy } from '../../typings/models';
import type { DutyRecord } from '../../typings/workspace';
import { config } from '../../miniprogram/config';
import type { RenderedComponent } from '../miniprogram/support/load-page';
import { loadPages } from '../miniprogram/support/load-page';
import type { WxPlatform } from '../support/wx-platform';
import { openPage, shanghaiToday, tap, textOf, textsOf, type, until } from './support/journey';
import type { RemoteBackend } from './support/remote-backend';
import { startJourney } from './support/start';

const OFFICER = 'odemo-officer';
const DEPUTY = 'odemo-deputy';
const DEPUTY_ID = 'dp-001';
const PLACE = '莲花北社区食品安全执法检查现场';

const pick = (page: RenderedComponent, cls: string, value: string | number) => page.querySelector(cls)!.dispatchEvent('change', { detail: { value } });
/** The row's button: rows the deputy may answer each have one, in the order the page lists them. */
const buttonOf = (page: RenderedComponent, cls: string, id: string) =>
  page.querySelectorAll(cls)[page.data.rows.filter((r: { canConfirm: boolean }) => r.canConfirm).findIndex((r: { id: string }) => r.id === id)];
const itemOf = (record: DutyRecord, key: string) => record.items.find((i) => i.key === key)!;

describe('履职登记: an officer records a 执法检查, the deputy confirms it, the 履职档案 counts it; a disputed one does not count', () => {
  let backend: RemoteBackend;
  let wx: WxPlatform;
  let deputy: Deputy;
  let before: DutyRecord;
  const pages = { record: '', list: '', duty: '' };
  const journey = { confirmed: '', disputed: '' };
  const started = Date.now();

  beforeAll(async () => {
    ({ backend, wx } = await startJourney(['station', 'case', 'subscription', 'user', 'reception', 'report'], OFFICER));
    Object.assign(pages, loadPages({ record: 'packages/work/activity/index', list: 'packages/work/activities/index', duty: 'packages/work/duty/index' }));
    [deputy] = await backend.find<Deputy>('deputies', { _id: DEPUTY_ID });
    before = await backend.data('user', 'duty', {}, DEPUTY);
  }, 180_000);

  afterAll(async () => {
    await backend?.close();
    console.info(`[journey] deputy activity: ${((Date.now() - started) / 1000).toFixed(1)} s including the back end's start`);
  });

  it('1. the officer records a 执法检查 of today on 登记履职活动', async () => {
    const page = await openPage(pages.record, {}, 'the record page');
    const deputyIndex = page.data.deputies.findIndex((d: { id: string }) => d.id === DEPUTY_ID);
    expect(deputyIndex).toBeGreaterThanOrEqual(0);
    pick(page, '.picker-deputy', deputyIndex);
    // 执法检查 is the fifth kind the form lists (出席人代会, 列席常委会, 审议发言, 调研视察, 执法检查 …).
    pick(page, '.picker-kind', 4);
    type(page, '.field-place', PLACE);
    type(page, '.field-note', '检查辖区农贸市场食品安全，提出加强冷链追溯的意见。');
    await until(() => page.data.form.place === PLACE && page.data.form.kind === 'lawEnforcement', 'the form to take the choices');
    expect(page.data.form.date).toBe(shanghaiToday());
    tap(page.querySelector('.submit-activity'));
    await until(() => wx.navigations.some((n) => n.url === '/packages/work/activities/index'), 'the way to the list', 15_000);

    const listed: { activities: ActivityView[] } = await backend.data('user', 'activities', { deputyId: DEPUTY_ID }, OFFICER);
    const made = listed.activities.find((a) => a.place === PLACE)!;
    expect(made).toMatchObject({ kind: 'lawEnforcement', kindLabel: '执法检查', date: shanghaiToday(), status: 'recorded', deputy: { id: DEPUTY_ID, name: deputy.name } });
    journey.confirmed = made.id;
    // The deputy's account is told, on its own grants (queued whether or not a grant is there yet).
    const notices = await backend.find<{ openid: string; kind: string; page: string }>('notifications', { openid: DEPUTY, kind: 'handlerTask' });
    expect(notices.map((n) => n.page)).toContain(`packages/work/activities/index?id=${made.id}`);

    // A second one, a 调研视察, through the API: the deputy will dispute it.
    const second: ActivityView = await backend.data(
      'user',
      'recordActivity',
      { requestId: 'journey-activity-2', deputyId: DEPUTY_ID, kind: 'inspection', date: shanghaiToday(), place: '景田社区加装电梯调研' },
      OFFICER,
    );
    journey.disputed = second.id;
  });

  it('2. the deputy confirms the 执法检查 and disputes the 调研视察 on 履职活动确认', async () => {
    config.localOpenid = DEPUTY;
    const page = await openPage(pages.list, {}, 'the list');
    expect(textsOf(page, `.main--activity-${journey.confirmed}`)[0]).toContain('执法检查');
    expect(textsOf(page, `.main--activity-${journey.confirmed}`)[0]).toContain('待确认');

    tap(buttonOf(page, '.confirm-activity', journey.confirmed));
    await until(() => textsOf(page, `.main--activity-${journey.confirmed} .main--status`)[0] === '已确认', 'the confirmation', 15_000);

    tap(buttonOf(page, '.dispute-activity', journey.disputed));
    await until(() => page.data.disputing === journey.disputed, 'the dispute box');
    // One character is not a reason: said on the page, nothing sent.
    type(page, '.field-reason', '否');
    await until(() => page.data.reason === '否', 'the reason');
    tap(page.querySelector('.send-dispute'));
    await until(() => !!page.data.reasonError, 'the check');
    type(page, '.field-reason', '当天我在外地出差，没有参加');
    await until(() => page.data.reason.length > 2, 'the reason');
    tap(page.querySelector('.send-dispute'));
    await until(() => textsOf(page, `.main--activity-${journey.disputed} .main--status`)[0] === '有异议', 'the dispute', 15_000);
    expect(textOf(page)).toContain('代表异议：当天我在外地出差，没有参加');
  });

  it('3. the 履职档案 counts the confirmed one against the quota, and not the disputed one', async () => {
    const record: DutyRecord = await backend.data('user', 'duty', {}, DEPUTY);
    // By hand: one confirmed 执法检查 → 联组活动 +1 (quota 3), 线下履职活动 +1; the disputed 调研视察 adds nothing.
    expect(itemOf(record, 'groupActivities')).toMatchObject({ count: itemOf(before, 'groupActivities').count + 1, quota: 3 });
    expect(itemOf(record, 'offlineActivities').count).toBe(itemOf(before, 'offlineActivities').count + 1);
    expect(record.recent.filter((r) => r.activityId).map((r) => r.activityId)).toEqual([journey.confirmed]);

    const page = await openPage(pages.duty, {}, 'the duty record');
    const group = textsOf(page, '.main--item-groupActivities')[0];
    expect(group).toContain(`${itemOf(before, 'groupActivities').count + 1} / 3 次`);
    expect(textOf(page)).toContain(`执法检查（${PLACE}）`);
    expect(textOf(page)).not.toContain('景田社区加装电梯调研');
  });

  it('4. the officer withdraws the disputed one; it stays out of the record', async () => {
    const withdrawn: ActivityView = await backend.data('user', 'reviseActivity', { activityId: journey.disputed, withdraw: true }, OFFICER);
    expect(withdrawn.status).toBe('withdrawn');
    const again = await backend.call('user', 'confirmActivity', { activityId: journey.disputed, confirm: true }, DEPUTY);
    expect(again).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    const record: DutyRecord = await backend.data('user', 'duty', {}, DEPUTY);
    expect(itemOf(record, 'offlineActivities').count).toBe(itemOf(before, 'offlineActivities').count + 1);
  });
});
