/** @jest-environment jsdom */
/**
 * 接待日登记, end to end: on a reception day the officer records a walk-in resident on the real
 * 接待登记 page and turns the visit into a case; the resident claims it on the real 认领留言 page
 * with the code the officer's phone shows, gets the reply as a WeChat notice on their own grant
 * and rates it. A booked resident's visit, answered on the spot by the deputy, closes as
 * 当场答复 and the booking shows 已接待; the deputy's 履职档案 counts both visits.
 *
 * The steps share one reception day and run in order.
 */
import { config } from '../../miniprogram/config';
import { loadPages } from '../miniprogram/support/load-page';
import type { WxPlatform } from '../support/wx-platform';
import { lastRoute, openPage, shanghaiToday, tap, textOf, type, until } from './support/journey';
import type { RemoteBackend } from './support/remote-backend';
import { startJourney } from './support/start';

const OFFICER = 'odemo-officer';
const DEPUTY = 'odemo-deputy';
const DEPUTY_ID = 'dp-001';
const WALK_IN = 'odemo-resident-2';
const BOOKED = 'odemo-resident';
/** 华富街道's street station: the demo officer covers it, the demo deputy is stationed there. */
const STATION = 'st-ft-hf';

const ISSUE = '华富村东区3栋门口的下水道堵了一个星期，雨天污水漫到路上';
const REPLY = '已联系华富街道城建办，下水道今天已经疏通，并安排每月巡查一次。';

describe('接待日登记: a walk-in’s visit becomes a case the resident claims; a booked visit answered on the spot', () => {
  let backend: RemoteBackend;
  let wx: WxPlatform;
  let templates: { caseStatusChanged: string; caseReplied: string };
  const pages = { visits: '', claim: '' };
  const journey = { receptionId: '', bookingId: '', code: '', caseId: '' };
  const started = Date.now();

  beforeAll(async () => {
    ({ backend, wx } = await startJourney(['station', 'case', 'subscription', 'user', 'reception'], OFFICER));
    Object.assign(pages, loadPages({ visits: 'packages/work/visits/index', claim: 'packages/case/claim/index' }));
    templates = await backend.data('subscription', 'templates', {});
    // A resident booked a 约访 slot of the station's next reception day, which then becomes today's (the
    // clock cannot move for a page): the demo deputy attends it, open all day.
    const { receptions } = await backend.data('reception', 'list', { stationId: STATION }, BOOKED);
    const next = receptions[0];
    journey.receptionId = next.id;
    const booking = await backend.data(
      'reception',
      'book',
      { requestId: 'journey-visit-booking', receptionId: next.id, slotIndex: next.slots[0].index, topic: '想反映小区停车难' },
      BOOKED,
    );
    journey.bookingId = booking.id;
    await backend.update('receptions', { _id: next.id }, { date: shanghaiToday(), start: '00:00', end: '23:59', deputyIds: [DEPUTY_ID] });
  }, 180_000);

  afterAll(async () => {
    await backend?.close();
    console.info(`[journey] reception visit: ${((Date.now() - started) / 1000).toFixed(1)} s including the back end's start`);
  });

  it('1. the officer records a walk-in on 接待登记 and turns it into a case: the claim code shows', async () => {
    const page = await openPage(pages.visits, { receptionId: journey.receptionId }, 'the visits page');
    tap(page.querySelector('.open-form'));
    await until(() => page.data.formOpen === true, 'the form');
    type(page, '.field-issue', ISSUE);
    type(page, '.field-name', '陈先生');
    await until(() => page.data.form?.issue === ISSUE, 'the form to take the text');
    tap(page.querySelector('.submit-visit'));
    await until(() => textOf(page).includes('已登记'), 'the visit listed', 15_000);
    expect(textOf(page)).toContain(ISSUE);

    tap(page.querySelector('.convert'));
    await until(() => !!page.data.claim, 'the claim code', 15_000);
    journey.code = page.data.claim.code;
    expect(journey.code).toMatch(/^[A-Z0-9]{8}$/);
    expect(page.data.claim.qrImage).toMatch(/^data:image\/png;base64,/);
    expect(textOf(page)).toContain('待认领');
  });

  it('2. the resident claims it on 认领留言 with the code; it is theirs, marked 接待日登记', async () => {
    config.localOpenid = WALK_IN;
    const page = await openPage(pages.claim, {}, 'the claim page');
    type(page, '.field-code', journey.code.toLowerCase());
    tap(page.querySelector('.submit-code'));
    await until(() => wx.navigations.some((n) => n.url?.startsWith('/packages/case/detail/index')), 'the way to the case', 15_000);
    journey.caseId = lastRoute(wx).query.id;
    const detail = await backend.data('case', 'get', { caseId: journey.caseId }, WALK_IN);
    expect(detail).toMatchObject({ source: 'reception', content: ISSUE, station: { id: STATION } });
    const { cases } = await backend.data('case', 'mine', {}, WALK_IN);
    expect(cases.map((c) => c.id)).toContain(journey.caseId);
    // Used: the same code claims nothing a second time.
    expect((await backend.call('case', 'claim', { code: journey.code }, 'odemo-admin')).ok).toBe(false);
  });

  it('3. the deputy’s reply reaches the resident on their own grant; they rate it 满意', async () => {
    // The resident allowed the reply notice (wx.requestSubscribeMessage's answer, told to WeChat and to the server).
    await backend.wx.grant(WALK_IN, templates.caseReplied);
    await backend.data('subscription', 'record', { results: { [templates.caseReplied]: 'accept' } }, WALK_IN);
    let detail = await backend.data('case', 'get', { caseId: journey.caseId }, OFFICER);
    detail = await backend.data('case', 'accept', { caseId: journey.caseId, version: detail.version }, OFFICER);
    if (!(await backend.call('case', 'get', { caseId: journey.caseId }, DEPUTY)).ok || !detail.assignedDeputy) {
      detail = await backend.data('case', 'assign', { caseId: journey.caseId, version: detail.version, deputyId: DEPUTY_ID }, OFFICER);
    }
    const replied = await backend.data('case', 'reply', { caseId: journey.caseId, version: detail.version, content: REPLY }, DEPUTY);
    expect(replied.status).toBe('replied');
    const sent = await backend.wx.sent({ openid: WALK_IN, templateId: templates.caseReplied });
    expect(sent).toHaveLength(1);
    expect(sent[0].page).toBe(`packages/case/detail/index?id=${journey.caseId}`);

    const mine = await backend.data('case', 'get', { caseId: journey.caseId }, WALK_IN);
    const rated = await backend.data('case', 'rate', { caseId: journey.caseId, version: mine.version, rating: 'satisfied' }, WALK_IN);
    expect(rated.status).toBe('closed');
  });

  it('4. a booked resident, answered on the spot by the deputy: 当场答复, the booking 已接待; the 履职档案 counts both visits', async () => {
    const booking = { id: journey.bookingId };
    const visit = await backend.data(
      'reception',
      'recordVisit',
      { requestId: 'journey-visit-booked', receptionId: journey.receptionId, bookingId: booking.id, answer: '小区东侧空地已规划为临时停车场，下月开放。' },
      DEPUTY,
    );
    expect(visit).toMatchObject({ status: 'answered', issue: '想反映小区停车难', deputy: { id: DEPUTY_ID } });
    const { bookings } = await backend.data('reception', 'mine', {}, BOOKED);
    expect(bookings.find((b) => b.id === booking.id)?.status).toBe('attended');

    const record = await backend.data('user', 'duty', {}, DEPUTY);
    expect(record.items.find((i) => i.key === 'visitors')?.count).toBe(2);
  });
});
