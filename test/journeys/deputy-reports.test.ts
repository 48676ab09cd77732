/** @jest-environment jsdom */
/**
 * 述职报告, end to end: two deputies of one station report to their voters — one publishes
 * from the real publish page, the station's officer publishes for the other — residents rate
 * both (one through the real report page, the rest through the API as distinct WeChat
 * accounts), and the station's 述职报告 tab and the deputy's 履职档案 show the rates with their
 * counts: a rate from 10 ratings, only the count below.
 *
 * Expected figures are worked out here by hand from the ratings given, never read back from
 * the code under test. The steps share their reports and run in order.
 */
import type { Deputy, Station } from '../../typings/models';
import type { RatingValue } from '../../typings/case';
import type { ReportDetail } from '../../typings/report';
import { config } from '../../miniprogram/config';
import { loadPages } from '../miniprogram/support/load-page';
import type { WxPlatform } from '../support/wx-platform';
import { lastRoute, openPage, shanghaiToday, tap, textOf, textsOf, type, until } from './support/journey';
import type { RemoteBackend } from './support/remote-backend';
import { startJourney } from './support/start';

const RESIDENT = 'odemo-resident';
const OFFICER = 'odemo-officer';
const DEPUTY = 'odemo-deputy';
const DEPUTY_ID = 'dp-001';
/** 莲花北社区's station: the demo deputy serves it, the demo officer covers it. */
const STATION_CODE = 'FT-HF-01';

const CONTENT_A = '一年来，我在莲花北社区联络站接待群众二十余次，围绕老旧小区加装电梯、楼道照明和社区养老提出意见建议，推动解决了一批群众身边的小事。';
const CONTENT_B = '本年度我参加了区人大常委会组织的执法检查和专题调研，重点关注中小学校周边交通安全，提出的建议已转有关部门办理。';

/** Ratings of deputy A's report by other residents (the journey's resident adds one 满意 on the page). */
const A_RATINGS: RatingValue[] = [
  'satisfied',
  'satisfied',
  'satisfied',
  'satisfied',
  'satisfied',
  'satisfied',
  'basically_satisfied',
  'basically_satisfied',
  'unsatisfied',
  'unsatisfied',
];
/** Deputy B's: three, below the sample a rate needs. */
const B_RATINGS: RatingValue[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

/** Last calendar year in Shanghai, as the publish page proposes by default. */
function lastYear(): { from: string; to: string; year: number } {
  const year = Number(shanghaiToday().slice(0, 4)) - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31`, year };
}

describe('述职报告: two deputies report, residents rate, the station and the duty record show the rates with their counts', () => {
  let backend: RemoteBackend;
  let wx: WxPlatform;
  let station: Station;
  let deputyA: Deputy;
  let deputyB: Deputy;
  const pages = { publish: '', report: '', station: '', duty: '' };
  const journey = { reportA: '', reportB: '' };
  const started = Date.now();

  beforeAll(async () => {
    ({ backend, wx } = await startJourney(['station', 'case', 'subscription', 'user', 'reception', 'report'], DEPUTY));
    Object.assign(
      pages,
      loadPages({
        publish: 'packages/work/report/index',
        report: 'packages/station/report/index',
        station: 'packages/station/detail/index',
        duty: 'packages/work/duty/index',
      }),
    );
    [station] = await backend.find<Station>('stations', { code: STATION_CODE });
    [deputyA] = await backend.find<Deputy>('deputies', { _id: DEPUTY_ID });
    const colleagues = await backend.find<Deputy>('deputies', { stationIds: station._id });
    deputyB = colleagues.find((d) => d._id !== DEPUTY_ID)!;
    expect(deputyB).toBeDefined();
  }, 180_000);

  afterAll(async () => {
    await backend?.close();
    console.info(`[journey] deputy reports: ${((Date.now() - started) / 1000).toFixed(1)} s including the back end's start`);
  });

  it('1. the deputy publishes their own report from 发布述职报告; the server attaches the duty figures', async () => {
    const page = await openPage(pages.publish, {}, 'the publish page');
    expect(textOf(page)).toContain(`${deputyA.name}（本人）`);
    type(page, '.field-content', CONTENT_A);
    await until(() => page.data.form.content === CONTENT_A, 'the form to take the text');
    tap(page.querySelector('.submit-report'));
    await until(() => wx.navigations.some((n) => n.url?.startsWith('/packages/station/report/index')), 'the way to the published report', 15_000);
    journey.reportA = lastRoute(wx).query.id;
    expect(journey.reportA).toBeTruthy();

    const report: ReportDetail = await backend.data('report', 'get', { reportId: journey.reportA }, RESIDENT);
    const { from, to, year } = lastYear();
    expect(report).toMatchObject({ deputy: { id: DEPUTY_ID, name: deputyA.name }, period: { from, to }, publishedBy: 'deputy', content: CONTENT_A, canRate: true });
    expect(report.title).toBe(`${deputyA.name}代表${year}年度履职情况报告`);
    // The duty figures are the 履职档案's for the same year, as the deputy's own record shows them.
    const record = await backend.data('user', 'duty', { year }, DEPUTY);
    const counted = (items: { key: string; count: number }[]) => items.filter((i) => i.key !== 'reports').map((i) => [i.key, i.count]);
    expect(counted(report.duty)).toEqual(counted(record.items));
  });

  it('2. the station’s officer publishes for a second deputy of the station', async () => {
    const { from, to } = lastYear();
    const report = await backend.data('report', 'publish', { requestId: 'journey-report-b', deputyId: deputyB._id, period: { from, to }, content: CONTENT_B }, OFFICER);
    expect(report).toMatchObject({ deputy: { id: deputyB._id, name: deputyB.name }, publishedBy: 'officer' });
    journey.reportB = report.id;
  });

  it('3. residents rate: one on the report page (满意), ten others on A and three on B, each once', async () => {
    config.localOpenid = RESIDENT;
    const page = await openPage(pages.report, { id: journey.reportA }, 'the report');
    expect(textOf(page)).toContain(CONTENT_A.slice(0, 20));
    expect(textOf(page)).toContain('履职情况（系统自动统计）');
    tap(page.querySelector('.rate-satisfied'));
    await until(() => page.data.rating === 'satisfied', 'the choice');
    tap(page.querySelector('.submit-rating'));
    await until(() => textOf(page).includes('您已评价：满意'), 'the rating recorded', 15_000);

    // A second rating by the same account is refused, and changes nothing.
    const again = await backend.call('report', 'rate', { reportId: journey.reportA, rating: 'unsatisfied' }, RESIDENT);
    expect(again.ok).toBe(false);

    let n = 0;
    for (const rating of A_RATINGS) await backend.data('report', 'rate', { reportId: journey.reportA, rating }, `ojourney-rater-${n++}`);
    for (const rating of B_RATINGS) await backend.data('report', 'rate', { reportId: journey.reportB, rating }, `ojourney-rater-${n++}`);
  });

  it('4. the station’s 述职报告 tab: A 满意率 82%（11人评价）, B 已有 3 人评价 without a rate', async () => {
    // By hand: A has 7 满意 + 2 基本满意 of 11 → 9/11 = 81.8 % → 82 %; B has 3 ratings, under 10.
    const page = await openPage(pages.station, { id: station._id, tab: 'reports' }, 'the station on its reports tab');
    await until(() => page.data.reports?.state === 'loaded', 'the reports', 15_000);
    const rows = textsOf(page, '.main--report');
    const rowA = rows.find((r) => r.includes(deputyA.name))!;
    const rowB = rows.find((r) => r.includes(deputyB.name))!;
    expect(rowA).toContain('满意率 82%（11人评价）');
    expect(rowB).toContain('已有 3 人评价');
    expect(rowB).not.toContain('满意率');
    expect(rowA).toContain('评价中');
  });

  it('5. the deputy’s 履职档案 counts the report and shows 述职满意率 with its count', async () => {
    config.localOpenid = DEPUTY;
    const year = Number(shanghaiToday().slice(0, 4));
    const record = await backend.data('user', 'duty', { year }, DEPUTY);
    expect(record.items.find((i) => i.key === 'reports')?.count).toBe(1);
    expect(record.reportRatings).toMatchObject({ satisfied: 7, basicallySatisfied: 2, unsatisfied: 2, total: 11 });
    expect(record.reportRatings.rate).toBeCloseTo(9 / 11, 6);

    const page = await openPage(pages.duty, {}, 'the duty record');
    expect(textsOf(page, '.main--report-ratings')[0]).toBe('82%（11人评价）');
    // Ratings are anonymous: nothing the deputy reads names or identifies a rater.
    const detail = await backend.call('report', 'get', { reportId: journey.reportA }, DEPUTY);
    expect(JSON.stringify(detail)).not.toMatch(/ojourney-rater|odemo-resident/);
  });
});
