/** @jest-environment jsdom */
/**
 * 代表论坛, end to end against the real back end: the officer publishes a forum exactly 7 days
 * ahead from the real publish page; a follower who allowed a reception notice gets one that
 * says 代表论坛 and its topic within WeChat's field rules and opens the event's page; two
 * residents send questions in advance — one through the event page, one through the API — and
 * the officer reads both without who asked; after the forum (its stored day moved past, as a
 * clock moved forward would) the officer posts the 活动回顾 on the real page, the station page
 * shows it, and the attending deputy's 履职档案 counts it once. Expectations are written here by
 * hand; the steps share the forum and run in order.
 */
import type { Reception } from '../../typings/models';
import templates from '../../config/subscribe-templates.json';
import { config } from '../../miniprogram/config';
import { loadPages } from '../miniprogram/support/load-page';
import type { WxPlatform } from '../support/wx-platform';
import { openPage, shanghaiToday, tap, textOf, type, until } from './support/journey';
import { allowNotices, ruleBreaches } from './support/notices';
import type { RemoteBackend } from './support/remote-backend';
import { startJourney } from './support/start';

const RESIDENT = 'odemo-resident';
const OTHER_RESIDENT = 'ojourney-forum-asker';
const FOLLOWER = 'ojourney-forum-follower';
const OFFICER = 'odemo-officer';
const DEPUTY = 'odemo-deputy';
const DEPUTY_ID = 'dp-001';
const REMINDER = templates.templates.receptionReminder.id;
const TOPIC = '老旧小区加装电梯';
const QUESTION_ON_PAGE = '加装电梯的补贴怎么申请？要准备哪些材料？';
const QUESTION_BY_API = '低楼层住户不同意加装怎么办？';
const SUMMARY = '区住房和建设局到会介绍了加装电梯的补贴政策和申请流程，街道办将组织低楼层住户协商。';

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('代表论坛: published 7 days ahead, followers told, questions in advance, the 活动回顾 afterwards', () => {
  let backend: RemoteBackend;
  let wx: WxPlatform;
  const pages = { publish: '', event: '', officerEvent: '', station: '' };
  const journey = { stationId: '', forumId: '', date: '', dutyBefore: 0 };
  const started = Date.now();
  const forumsOf = (items: { key: string; count: number }[]) => items.find((i) => i.key === 'forums')?.count ?? 0;

  beforeAll(async () => {
    ({ backend, wx } = await startJourney(['station', 'case', 'subscription', 'user', 'reception'], OFFICER));
    Object.assign(
      pages,
      loadPages({
        publish: 'packages/work/publish/index',
        event: 'packages/station/event/index',
        officerEvent: 'packages/work/event/index',
        station: 'packages/station/detail/index',
      }),
    );
  }, 180_000);

  afterAll(async () => {
    await backend?.close();
    console.info(`[journey] station forum: ${((Date.now() - started) / 1000).toFixed(1)} s including the back end's start`);
  });

  it('1. the officer publishes a 代表论坛 exactly 7 days ahead from the publish page; the follower is told', async () => {
    const page = await openPage(pages.publish, {}, 'the publish page');
    // The station the demo deputy serves, among the officer's.
    const index = (page.data.stations as { id: string }[]).findIndex((s) => s.id === 'st-ft-hf-01');
    if (index > 0) await page.instance.onStation({ detail: { value: index } });
    await until(() => (page.data.deputies as { id: string }[]).some((d) => d.id === DEPUTY_ID), 'the station’s deputies');
    journey.stationId = page.data.form.stationId;
    journey.date = page.data.form.date;
    expect(journey.date).toBe(addDays(shanghaiToday(), 7));
    // Seeded reception days are twice a month: a taken day is cleared for the forum.
    for (const taken of await backend.find<Reception>('receptions', { stationId: journey.stationId, date: journey.date })) {
      await backend.update('receptions', { _id: taken._id }, { date: addDays(journey.date, 40) });
    }

    await backend.data('reception', 'follow', { stationId: journey.stationId, follow: true }, FOLLOWER);
    await allowNotices(backend, FOLLOWER, { [REMINDER]: 1 });

    page.querySelector('.kind-forum')!.dispatchEvent('tap');
    await until(() => page.data.form.kind === 'forum', 'the kind');
    page.querySelector(`.deputy-${DEPUTY_ID}`)!.querySelector('.van-cell')!.dispatchEvent('tap');
    type(page, '.field-topic', TOPIC);
    type(page, '.field-place', '莲花北社区联络站会议室');
    type(page, '.field-departments', '区住房和建设局\n华富街道办事处');
    await until(() => page.data.draft.departments !== '' && page.data.form.deputyIds.length === 1, 'the form');
    tap(page.querySelector('.submit-publish'));
    await until(() => wx.navigations.length > 0 || !!page.data.errors.submit, 'the publish', 15_000);
    expect(page.data.errors).toEqual({});

    const [stored] = await backend.find<Reception>('receptions', { stationId: journey.stationId, date: journey.date });
    expect(stored).toMatchObject({ kind: 'forum', deputyIds: [DEPUTY_ID], slots: [], event: { topic: TOPIC, departments: ['区住房和建设局', '华富街道办事处'] } });
    journey.forumId = stored._id;

    const sent = await backend.wx.sent({ openid: FOLLOWER });
    expect(sent).toHaveLength(1);
    expect(sent[0].page).toBe(`packages/station/event/index?id=${journey.forumId}`);
    expect(Object.values(sent[0].data).map((v) => v.value)).toContain(`代表论坛：${TOPIC}`);
    expect(ruleBreaches(sent[0])).toEqual([]);
  });

  it('2. a resident opens the event page, says 我会参加 and asks; another resident asks too', async () => {
    config.localOpenid = RESIDENT;
    const page = await openPage(pages.event, { id: journey.forumId }, 'the event page');
    for (const shown of [TOPIC, '莲花北社区联络站会议室', '区住房和建设局、华富街道办事处']) expect(textOf(page)).toContain(shown);
    tap(page.querySelector('.attend-button'));
    await until(() => page.data.event?.attending === true, 'the 我会参加', 15_000);
    type(page, '.field-question', QUESTION_ON_PAGE);
    await until(() => page.data.question === QUESTION_ON_PAGE, 'the question typed');
    tap(page.querySelector('.submit-question'));
    await until(() => page.data.asked === true, 'the question sent', 15_000);

    await backend.data('reception', 'ask', { receptionId: journey.forumId, question: QUESTION_BY_API }, OTHER_RESIDENT);
  });

  it('3. the officer and the deputy read both questions and the count, never who asked', async () => {
    const read = await backend.data('reception', 'questions', { receptionId: journey.forumId }, OFFICER);
    expect(read.attendance).toBe(1);
    expect(read.questions.map((q) => q.question).sort()).toEqual([QUESTION_BY_API, QUESTION_ON_PAGE].sort());
    const byDeputy = await backend.call('reception', 'questions', { receptionId: journey.forumId }, DEPUTY);
    expect(JSON.stringify(byDeputy)).not.toMatch(/odemo-resident|ojourney-forum-asker/);
    const year = Number(shanghaiToday().slice(0, 4));
    journey.dutyBefore = forumsOf((await backend.data('user', 'duty', { year }, DEPUTY)).items);
  });

  it('4. after the forum the officer posts its 活动回顾; the station page shows it and the deputy’s 履职档案 counts it', async () => {
    // The forum's day moved to yesterday: it is over, as if the clock had moved past it.
    const yesterday = addDays(shanghaiToday(), -1);
    await backend.update('receptions', { _id: journey.forumId }, { date: yesterday });

    config.localOpenid = OFFICER;
    const page = await openPage(pages.officerEvent, { id: journey.forumId }, 'the officer’s event page');
    expect(textOf(page)).toContain(QUESTION_ON_PAGE);
    expect(textOf(page)).toContain(QUESTION_BY_API);
    type(page, '.field-summary', SUMMARY);
    await until(() => page.data.summary === SUMMARY, 'the summary typed');
    tap(page.querySelector('.submit-summary'));
    await until(() => page.data.event?.stage === 'posted' || !!page.data.formError, 'the 活动回顾', 15_000);
    expect(page.data.formError).toBe('');

    config.localOpenid = RESIDENT;
    const station = await openPage(pages.station, { id: journey.stationId }, 'the station');
    expect(textOf(station.querySelector('.recaps')!)).toContain(TOPIC);
    expect(textOf(station.querySelector('.recaps')!)).toContain(SUMMARY.slice(0, 20));

    const year = Number(yesterday.slice(0, 4));
    const before = year === Number(shanghaiToday().slice(0, 4)) ? journey.dutyBefore : 0;
    const record = await backend.data('user', 'duty', { year }, DEPUTY);
    expect(forumsOf(record.items)).toBe(before + 1);
  });
});
