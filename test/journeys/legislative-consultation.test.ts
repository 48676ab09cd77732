/** @jest-environment jsdom */
/**
 * 立法意见征集, end to end: the district office publishes a 20-article draft to two stations of
 * 华富街道 on the real page, and their followers are told; a resident who scanned 莲花北社区's
 * door code comments on 第五条 from the station's page; at the street station the officer records
 * a resident's comment on 第十二条 on the real page and the resident confirms it with the code;
 * more residents comment; the officer forwards, merges a duplicate and declines one on the real
 * review page; after closing the office compiles the report on the real page and the PDF it opens
 * is read back by pdf.js (test/journeys/support/read-consultation-report.ts, which knows nothing
 * of the renderer); two comments are marked adopted and exactly those two residents are told;
 * 我的意见 and the station's page show it.
 *
 * Expected counts are worked out here by hand from what the steps do. The steps run in order.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { CommentView, ConsultationDetail } from '../../typings/consultation';
import { config } from '../../miniprogram/config';
import { loadPages } from '../miniprogram/support/load-page';
import { lastRoute, openPage, shanghaiToday, tap, textOf, textsOf, type, until } from './support/journey';
import { allowNotices, ruleBreaches } from './support/notices';
import { consultationReportOf } from './support/read-consultation-report';
import { readPdf } from '../support/pdf-reader';
import type { WxPlatform } from '../support/wx-platform';
import type { RemoteBackend } from './support/remote-backend';
import { startJourney } from './support/start';
import { DRAFT_20 } from '../backend/consultation-fixtures';

const ADMIN = 'odemo-admin';
const OFFICER = 'odemo-officer';
/** Scans 莲花北社区's door code and comments on the page. */
const R1 = 'odemo-resident';
/** Heard at the street station; confirms the officer's record with the code. */
const R2 = 'odemo-resident-2';
/** More residents, through the API: R3 repeats R1, R4 is off the subject, R5 and R6 at the street station. */
const [R3, R4, R5, R6] = ['r3', 'r4', 'r5', 'r6'].map((n) => `ojourney-cs-${n}`);
/** Followers of each station, told of the new consultation. */
const FOLLOWER_A = 'ojourney-cs-follower-a';
const FOLLOWER_B = 'ojourney-cs-follower-b';

/** 莲花北社区's station (door code FT-HF-01) and 华富街道's street station: the demo officer covers both. */
const STATION_A = 'st-ft-hf-01';
const SCENE_A = 'FT-HF-01';
const STATION_B = 'st-ft-hf';

const TITLE = '《深圳经济特区物业管理条例（修订草案征求意见稿）》';
const ASKED_BY = '深圳市人大常委会法制工作委员会';
const R1_TEXT = '第五条应当写明街道办事处每年至少检查一次业主委员会的账目，并向业主公开检查结果。';
const R2_TEXT = '物业服务收支应当每月公开，季度公开间隔太长，业主发现问题时钱已经花了。';

/** 'YYYY-MM-DD' plus n days (by hand, not the code's calendar). */
function plusDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

describe('立法意见征集: published to two stations → commented (QR, recorded and confirmed) → reviewed → compiled → two adopted and told', () => {
  let backend: RemoteBackend;
  let wx: WxPlatform;
  let templates: { caseStatusChanged: string; receptionReminder: string };
  const pages = { publish: '', station: '', detail: '', comment: '', record: '', claim: '', review: '', report: '', mine: '' };
  const journey = { id: '', comments: {} as Record<string, CommentView>, pdf: Buffer.alloc(0) };
  const started = Date.now();

  beforeAll(async () => {
    ({ backend, wx } = await startJourney(['station', 'consultation', 'subscription', 'reception', 'user', 'scheduler', 'admin'], ADMIN));
    Object.assign(
      pages,
      loadPages({
        publish: 'packages/consultation/publish/index',
        station: 'packages/station/detail/index',
        detail: 'packages/consultation/detail/index',
        comment: 'packages/consultation/comment/index',
        record: 'packages/consultation/record/index',
        claim: 'packages/consultation/claim/index',
        review: 'packages/consultation/review/index',
        report: 'packages/consultation/report/index',
        mine: 'packages/consultation/mine/index',
      }),
    );
    templates = await backend.data('subscription', 'templates', {});
    // Two residents follow one station each and allow one 接待提醒 (what a new consultation is told with).
    for (const [follower, stationId] of [
      [FOLLOWER_A, STATION_A],
      [FOLLOWER_B, STATION_B],
    ]) {
      await backend.data('reception', 'follow', { stationId, follow: true }, follower);
      await allowNotices(backend, follower, { [templates.receptionReminder]: 1 });
    }
  }, 180_000);

  afterAll(async () => {
    await backend?.close();
    console.info(`[journey] legislative consultation: ${((Date.now() - started) / 1000).toFixed(1)} s including the back end's start`);
  });

  const comment = (openid: string, stationId: string, articleNo: number, text: string): Promise<CommentView> =>
    backend.data('consultation', 'comment', { requestId: `journey-${randomUUID()}`, consultationId: journey.id, stationId, articleNo, text }, openid);
  async function tick(): Promise<void> {
    expect(await backend.fireTimer('scheduler', 'tick')).toMatchObject({ status: 200, body: { ok: true } });
  }
  /** The status field of each caseStatusChanged message WeChat delivered to `openid`. */
  async function statusNotices(openid: string): Promise<string[]> {
    const sent = await backend.wx.sent({ openid, templateId: templates.caseStatusChanged });
    for (const message of sent) expect(ruleBreaches(message)).toEqual([]);
    return sent.map((m) => Object.entries(m.data).find(([key]) => key.startsWith('phrase'))![1].value);
  }

  it('1. the office publishes a 20-article draft to two stations on the real page; both stations’ followers are told', async () => {
    config.localOpenid = ADMIN;
    const page = await openPage(pages.publish, {}, 'the publish form');
    type(page, '.field-title', TITLE);
    type(page, '.field-asked-by', ASKED_BY);
    type(page, '.field-summary', '为完善物业管理制度，现就修订草案公开征求意见，欢迎到联络站或在线提出。');
    type(page, '.field-text', DRAFT_20);
    await until(() => page.data.form.text === DRAFT_20, 'the draft typed');
    expect(textOf(page)).toContain('20 条');
    page.querySelector('.choice-some')!.dispatchEvent('tap');
    await until(() => page.data.form.allStations === false, 'choosing stations');
    for (const id of [STATION_A, STATION_B]) page.querySelector(`.station-${id}`)!.dispatchEvent('tap');
    const closesOn = plusDays(shanghaiToday(), 14);
    page.querySelector('.closes-picker')!.dispatchEvent('change', { detail: { value: closesOn } });
    await until(() => page.data.form.closesOn === closesOn, 'the closing date');
    tap(page.querySelector('.submit'));
    await until(() => wx.navigations.some((n) => n.method === 'redirectTo'), 'the published consultation', 15_000);
    const next = lastRoute(wx, 'redirectTo');
    expect(next.page).toBe('packages/consultation/detail/index');
    journey.id = next.query.id!;

    const detail: ConsultationDetail = await backend.data('consultation', 'get', { consultationId: journey.id });
    expect(detail).toMatchObject({ title: TITLE, askedBy: ASKED_BY, status: 'open', closesOn, articleCount: 20, comments: 0, participants: 0, adopted: 0 });
    expect(detail.stations.map((s) => s.id).sort()).toEqual([STATION_A, STATION_B].sort());
    expect(detail.articles.map((a) => a.label)).toEqual('一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十'.split(' ').map((n) => `第${n}条`));

    // Each follower is told once, by its station, through the scheduler's tick at the latest.
    await tick();
    for (const follower of [FOLLOWER_A, FOLLOWER_B]) {
      const sent = await backend.wx.sent({ openid: follower, templateId: templates.receptionReminder });
      expect(sent).toHaveLength(1);
      expect(ruleBreaches(sent[0]!)).toEqual([]);
      expect(
        Object.values(sent[0]!.data)
          .map((f) => f.value)
          .join(' '),
      ).toContain('立法意见征集');
      expect(sent[0]!.page).toBe(`packages/consultation/detail/index?id=${journey.id}`);
    }
  });

  it('2. a resident scans 莲花北社区’s door code, opens the draft from the station’s page and comments on 第五条', async () => {
    config.localOpenid = R1;
    const station = await openPage(pages.station, { scene: encodeURIComponent(SCENE_A) }, 'the station');
    await until(() => (station.data.consultations?.rows ?? []).length > 0, 'the station’s consultations');
    expect(textOf(station)).toContain('立法意见征集');
    const navigationsBefore = wx.navigations.length;
    station.querySelector(`.consultation-${journey.id}`)!.dispatchEvent('tap');
    await until(() => wx.navigations.length > navigationsBefore, 'the consultation');
    const toDetail = lastRoute(wx, 'navigateTo');
    expect(toDetail).toEqual({ page: 'packages/consultation/detail/index', query: { id: journey.id, stationId: STATION_A } });

    const detail = await openPage(pages.detail, toDetail.query, 'the consultation');
    expect(textOf(detail)).toContain(TITLE);
    expect(textOf(detail)).toContain('草案条文（共 20 条）');
    detail.querySelectorAll('.article__head')[4]!.dispatchEvent('tap');
    await until(() => detail.data.articles[4].open, '第五条 unfolded');
    expect(textOf(detail)).toContain('街道办事处指导和监督业主大会、业主委员会的日常活动。');
    const beforeComment = wx.navigations.length;
    tap(detail.querySelector('.comment-article'));
    await until(() => wx.navigations.length > beforeComment, 'the comment form');
    const toForm = lastRoute(wx, 'navigateTo');
    expect(toForm.page).toBe('packages/consultation/comment/index');
    expect(toForm.query).toMatchObject({ id: journey.id, articleNo: '5', stationId: STATION_A });

    const form = await openPage(pages.comment, toForm.query, 'the comment form');
    expect(textOf(form)).toContain('第五条');
    type(form, '.field-text', R1_TEXT);
    type(form, '.field-printed-name', '陈女士');
    type(form, '.field-occupation', '退休会计');
    await until(() => form.data.form.text === R1_TEXT && form.data.form.occupation === '退休会计', 'the typing');
    tap(form.querySelector('.submit'));
    await until(() => form.data.sent, 'the comment sent', 15_000);
    expect(textOf(form)).toContain('意见已提交');
    // The tap asked for the adoption notice (诉求状态变更) and WeChat's answer was recorded.
    expect(wx.subscriptionPrompts.at(-1)!.tmplIds).toEqual([templates.caseStatusChanged]);

    const { comments } = await backend.data('consultation', 'mine', {}, R1);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ articleNo: 5, text: R1_TEXT, printedName: '陈女士', occupation: '退休会计', status: 'submitted', station: { id: STATION_A } });
    journey.comments.r1 = comments[0]!;
  });

  it('3. at the street station the officer records a resident’s comment on 第十二条; the resident confirms it with the code', async () => {
    config.localOpenid = OFFICER;
    const record = await openPage(pages.record, { id: journey.id, stationId: STATION_B }, 'the record form');
    record.querySelector('.article-picker')!.dispatchEvent('change', { detail: { value: 12 } });
    await until(() => record.data.articleIndex === 12, '第十二条 picked');
    expect(record.data.articles[12].label).toMatch(/^第十二条 /);
    type(record, '.field-text', R2_TEXT);
    await until(() => record.data.form.text === R2_TEXT, 'the typing');
    tap(record.querySelector('.submit'));
    await until(() => record.data.claim, 'the claim code', 15_000);
    const code: string = record.data.claim.code;
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(textOf(record)).toContain('请群众用微信扫码确认');

    // The resident scans the officer's phone: WeChat answers the QR code's payload.
    config.localOpenid = R2;
    wx.scan = { result: `LLZ-OPINION:${code}` };
    const claim = await openPage(pages.claim, {}, 'the claim page');
    tap(claim.querySelector('.scan'));
    await until(() => claim.data.claimed, 'the confirmation', 15_000);
    expect(textOf(claim)).toContain('已确认，这条意见是您的了');
    expect(textOf(claim)).toContain(R2_TEXT);
    expect(wx.subscriptionPrompts.at(-1)!.tmplIds).toEqual([templates.caseStatusChanged]);
    const { comments } = await backend.data('consultation', 'mine', {}, R2);
    expect(comments.map((c) => [c.articleNo, c.status, c.recordedBy, c.station.id])).toEqual([[12, 'submitted', 'officer', STATION_B]]);
    journey.comments.r2 = comments[0]!;
    // The code is used up.
    expect(await backend.call('consultation', 'claim', { code }, R3)).toMatchObject({ ok: false });
  });

  it('4. more residents comment at both stations; each sees only their own', async () => {
    journey.comments.r3 = await comment(R3, STATION_A, 5, '街道办应当定期检查业主委员会的账目。');
    journey.comments.r4 = await comment(R4, STATION_A, 9, '小区门口的快递柜收费太贵了。');
    journey.comments.r5 = await comment(R5, STATION_B, 0, '建议草案增加物业服务质量评价和退出机制。');
    journey.comments.r6 = await comment(R6, STATION_B, 14, '以停水停电催费的，应当明确罚款数额。');
    const detail: ConsultationDetail = await backend.data('consultation', 'get', { consultationId: journey.id });
    // 6 comments from 6 residents: 第五条 2, 第九条 1, 第十二条 1, 第十四条 1, 总体意见 1.
    expect(detail).toMatchObject({ comments: 6, participants: 6, generalComments: 1 });
    expect(Object.fromEntries(detail.articles.filter((a) => a.comments > 0).map((a) => [a.no, a.comments]))).toEqual({ 5: 2, 9: 1, 12: 1, 14: 1 });
    const mine = await backend.data('consultation', 'mine', {}, R3);
    expect(mine.comments.map((c) => c.text)).toEqual(['街道办应当定期检查业主委员会的账目。']);
    expect(await backend.call('consultation', 'comments', { consultationId: journey.id }, R3)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('5. the officer forwards, merges a duplicate and declines on the real review page', async () => {
    config.localOpenid = OFFICER;
    const review = await openPage(pages.review, { id: journey.id, stationId: STATION_A }, 'the review page');
    await until(() => review.data.items.length === 3, 'the station’s three comments');
    const index = (id: string) => review.data.items.findIndex((item: { id: string }) => item.id === id);
    expect(textOf(review)).toContain('陈女士');

    tap(review.querySelectorAll('.forward')[index(journey.comments.r1!.id)]);
    await until(() => review.data.items.length === 2 && !review.data.busy, 'R1 forwarded');

    tap(review.querySelectorAll('.duplicate')[index(journey.comments.r3!.id)]);
    await until(() => review.data.popup === 'duplicate', 'the duplicate sheet');
    await until(() => (review.data.choices ?? []).some((c: { id: string }) => c.id === journey.comments.r1!.id), 'R1 offered');
    review.querySelector(`.choice-${journey.comments.r1!.id}`)!.dispatchEvent('tap');
    tap(review.querySelector('.send-sheet'));
    await until(() => !review.data.popup && review.data.items.length === 1, 'R3 merged into R1');

    tap(review.querySelectorAll('.decline')[index(journey.comments.r4!.id)]);
    await until(() => review.data.popup === 'decline', 'the decline sheet');
    type(review, '.sheet-text', '与本草案内容无关，已转社区按群众诉求处理');
    tap(review.querySelector('.send-sheet'));
    await until(() => !review.data.popup && review.data.items.length === 0, 'R4 declined');

    // The street station's three, through the API: all forwarded.
    for (const key of ['r2', 'r5', 'r6']) await backend.data('consultation', 'review', { commentId: journey.comments[key]!.id, review: 'forward' }, OFFICER);

    const { counts } = await backend.data('consultation', 'comments', { consultationId: journey.id }, ADMIN);
    expect(counts).toMatchObject({ submitted: 0, forwarded: 4, duplicate: 1, declined: 1, pending: 0, withdrawn: 0 });
    const r4 = await backend.data('consultation', 'mine', {}, R4);
    expect(r4.comments[0]).toMatchObject({ status: 'declined', declineReason: '与本草案内容无关，已转社区按群众诉求处理' });
  });

  it('6. after closing the office compiles the report on the real page; the PDF it opens reads back with the right counts per article', async () => {
    // The closing day passes.
    expect(await backend.update('consultations', { _id: journey.id }, { closesOn: plusDays(shanghaiToday(), -1) })).toBe(1);
    expect(
      await backend.call('consultation', 'comment', { requestId: `journey-${randomUUID()}`, consultationId: journey.id, stationId: STATION_A, text: '还来得及吗？' }, R3),
    ).toMatchObject({
      ok: false,
    });

    config.localOpenid = ADMIN;
    const report = await openPage(pages.report, { id: journey.id }, 'the report page');
    tap(report.querySelector('.compile'));
    await until(() => report.data.report, 'the compiled report', 30_000);
    const downloadsBefore = wx.downloads.length;
    tap(report.querySelector('.open-pdf'));
    await until(() => wx.documents.length > 0 && wx.downloads.length > downloadsBefore, 'the PDF opened', 15_000);
    const download = wx.downloads.at(-1)!;
    expect(download.statusCode).toBe(200);
    journey.pdf = fs.readFileSync(wx.documents.at(-1)!.filePath);
    expect(journey.pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const reading = await readPdf(new Uint8Array(journey.pdf));
    const read = consultationReportOf(reading);
    // 总体意见 R5; 第五条 R1 with R3 merged into it (2 residents); 第十二条 R2; 第十四条 R6. R4 declined: nowhere.
    expect(read.articles).toEqual([
      { label: '总体意见', count: 1 },
      { label: '第五条', count: 2 },
      { label: '第十二条', count: 1 },
      { label: '第十四条', count: 1 },
    ]);
    const all = read.texts.join('\n');
    for (const text of [R1_TEXT, R2_TEXT, '建议草案增加物业服务质量评价和退出机制。', '以停水停电催费的，应当明确罚款数额。']) expect(all).toContain(text);
    expect(all).not.toContain('快递柜');
    // R1 signed; the others are 匿名; the merge is said under R1's comment.
    const page = reading.text.replace(/\s+/g, '');
    expect(page).toContain('——陈女士，退休会计，华富街道莲花北社区人大代表联络站');
    expect(page).toContain('参与联络站2个，参与群众6人，收到意见6条，报送4条');
    expect(page).toContain('合并相同意见1条');

    const compiled = await backend.data('consultation', 'report', { consultationId: journey.id }, ADMIN);
    expect(compiled).toMatchObject({ participants: 6, received: 6, forwarded: 4 });
    expect(Object.fromEntries(compiled.stations.map((s) => [s.id, s.forwarded]))).toEqual({ [STATION_A]: 1, [STATION_B]: 3 });
  });

  it('7. two comments are marked adopted — one on the real review page — and exactly those two residents are told', async () => {
    config.localOpenid = ADMIN;
    const review = await openPage(pages.review, { id: journey.id, status: 'forwarded' }, 'the review page');
    await until(() => review.data.items.length === 4, 'the four forwarded');
    const at = review.data.items.findIndex((item: { id: string }) => item.id === journey.comments.r1!.id);
    const adoptButtons = review.querySelectorAll('.adopt');
    expect(adoptButtons).toHaveLength(4);
    tap(adoptButtons[at]);
    await until(() => review.data.popup === 'adopt', 'the adopt sheet');
    type(review, '.sheet-text', '第五条增加了街道办事处每年检查业主委员会账目的规定');
    tap(review.querySelector('.send-sheet'));
    await until(() => !review.data.popup && !review.data.busy, 'R1 adopted');
    await backend.data('consultation', 'adopt', { commentId: journey.comments.r2!.id, note: '第十二条改为按月公开物业服务收支情况' }, ADMIN);

    await tick();
    expect(await statusNotices(R1)).toEqual(['已采纳']);
    expect(await statusNotices(R2)).toEqual(['已采纳']);
    for (const other of [R3, R4, R5, R6]) expect(await statusNotices(other)).toEqual([]);

    // 我的意见 shows it, with how.
    config.localOpenid = R1;
    const mine = await openPage(pages.mine, {}, '我的意见');
    expect(textOf(mine)).toContain('已采纳');
    expect(textOf(mine)).toContain('第五条增加了街道办事处每年检查业主委员会账目的规定');

    // The station's page counts its residents' adopted comments: one at 莲花北, one at the street station.
    const stationA = await openPage(pages.station, { id: STATION_A }, 'the station');
    await until(() => (stationA.data.consultations?.rows ?? []).length > 0, 'the station’s consultations');
    expect(textsOf(stationA, '.main--consultations__adopted')).toEqual(['本站群众意见已被立法机关采纳 1 条']);
    const listB = await backend.data('consultation', 'list', { stationId: STATION_B });
    expect(listB.stationAdopted).toBe(1);
    const detail: ConsultationDetail = await backend.data('consultation', 'get', { consultationId: journey.id });
    expect(detail.adopted).toBe(2);
  });
});
