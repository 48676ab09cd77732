/**
 * 述职报告 through the real stack (report, case, user, admin functions on the emulator): a deputy
 * and an officer publish, residents rate once each while the window is open, the ratings stay
 * anonymous to everyone (the deputy's view included: the answers are searched for the raters'
 * openids), an account deletion keeps its rating counted, and the duty record and the district
 * office's figures per deputy carry the ratings. Expected values are counted by hand.
 */
import { randomUUID } from 'node:crypto';
import { shanghaiDate } from '../../backend/domain/calendar';
import type { PublishReportInput, ReportDetail } from '../../typings/report';
import { ADMIN, DEPUTY, DEPUTY_ID, OFFICER, STATION } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';
import { uploadedPhotos } from './photos';

let backend: Backend;
const bj = (local: string) => new Date(`${local}+08:00`);
const today = () => shanghaiDate(new Date());
const LAST_YEAR = Number(today().slice(0, 4)) - 1;
const THIS_YEAR = LAST_YEAR + 1;
const lastYear = { from: `${LAST_YEAR}-01-01`, to: `${LAST_YEAR}-12-31` };
const requestId = () => `req-${randomUUID()}`;

let texts = 0;
function publishInput(over: Partial<PublishReportInput> = {}): PublishReportInput {
  texts += 1;
  return { requestId: requestId(), period: lastYear, content: `一年来，我走访选民、接待群众，办理了小区加装电梯等实事（第 ${texts} 份）。`, ...over };
}

/** A deputy of the demo officer's street station other than the demo deputy, and one the officer does not serve. */
let stationDeputy = '';
let outsideDeputy = '';

beforeAll(async () => {
  backend = await startBackend({ functions: ['report', 'case', 'user', 'admin'] });
  const { data: staff } = await backend.db.collection('staff').doc('sf-ft-hf').get();
  const officerStations: string[] = staff[0].stationIds;
  const { data: deputies } = await backend.db.collection('deputies').limit(1000).get();
  stationDeputy = deputies.find((d: any) => d._id !== DEPUTY_ID && d.stationIds.includes(STATION))._id;
  outsideDeputy = deputies.find((d: any) => !d.stationIds.some((id: string) => officerStations.includes(id)))._id;

  // Last year's activity of the demo deputy, written in place (the API cannot travel in time): two replies on one day, a check-in.
  const event = (seq: number, at: string) => ({ seq, kind: 'replied', actorRole: 'deputy', actorId: DEPUTY_ID, at: bj(at), fromStatus: 'in_progress', toStatus: 'replied' });
  await backend.db.collection('cases').add([
    {
      _id: 'rpt-case-1',
      receiptNo: 'RPT1',
      stationId: STATION,
      title: '往年留言一',
      ownerOpenid: 'o-rpt-1',
      status: 'replied',
      submittedAt: bj(`${LAST_YEAR}-03-01T09:00:00`),
      timeline: [event(3, `${LAST_YEAR}-03-02T10:00:00`)],
    },
    {
      _id: 'rpt-case-2',
      receiptNo: 'RPT2',
      stationId: STATION,
      title: '往年留言二',
      ownerOpenid: 'o-rpt-2',
      status: 'replied',
      submittedAt: bj(`${LAST_YEAR}-03-01T09:00:00`),
      timeline: [event(3, `${LAST_YEAR}-03-02T15:00:00`)],
    },
  ]);
  await backend.db.collection('checkins').add({
    _id: `rc-rpt:${DEPUTY_ID}`,
    receptionId: 'rc-rpt',
    stationId: STATION,
    deputyId: DEPUTY_ID,
    date: `${LAST_YEAR}-06-10`,
    at: bj(`${LAST_YEAR}-06-10T09:00:00`),
    distance: 10,
  });
}, 180_000);

afterAll(() => backend?.close());

describe('publishing a report', () => {
  let byDeputy: ReportDetail;

  it('a deputy publishes their own, with photos; the title is made and the duty figures taken from the record', async () => {
    const photoFileIds = await uploadedPhotos(backend, DEPUTY, 2);
    byDeputy = await backend.data('report', 'publish', publishInput({ photoFileIds }), DEPUTY);
    expect(byDeputy).toMatchObject({
      deputy: { id: DEPUTY_ID },
      title: expect.stringMatching(new RegExp(`代表${LAST_YEAR}年度履职情况报告$`)),
      period: lastYear,
      publishedBy: 'deputy',
      ratingOpen: true,
      canRate: false,
      ratings: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, total: 0, rate: null, minimum: 10 },
    });
    expect(byDeputy.photos.map((p) => p.fileId)).toEqual(photoFileIds);
    expect(byDeputy.coverUrl).toBe(byDeputy.photos[0].url);
    expect(byDeputy.stations.map((s) => s.id)).toContain(STATION);
    // The window: 30 days (config/reports.json) after publication.
    expect(Date.parse(byDeputy.ratingClosesAt) - Date.parse(byDeputy.publishedAt)).toBe(30 * 86_400_000);
    const counts = Object.fromEntries(byDeputy.duty.map((item) => [item.key, item.count]));
    // Hand count of last year: two replies (one day), one check-in; two residents contacted.
    expect(counts).toMatchObject({ replies: 2, receptions: 1, activeDays: 2, votersContacted: 2, reports: 0 });
  });

  it('the duty figures are exactly what user.duty shows for the same period', async () => {
    const record = await backend.data('user', 'duty', { year: LAST_YEAR }, DEPUTY);
    expect(byDeputy.duty).toEqual(record.items);
  });

  it('a retried publish (same request id) answers the same report and writes nothing more', async () => {
    const input = publishInput();
    const first = await backend.data('report', 'publish', input, DEPUTY);
    const again = await backend.data('report', 'publish', input, DEPUTY);
    expect(again.id).toBe(first.id);
    const { total } = await backend.db.collection('reports').where({ _id: first.id }).count();
    expect(total).toBe(1);
    // Twins at once: one report.
    const twin = publishInput();
    const answers = await Promise.all([1, 2, 3].map(() => backend.data('report', 'publish', twin, DEPUTY)));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
  });

  it('an officer publishes for a deputy of their station; the photos must be their own uploads', async () => {
    const report = await backend.data('report', 'publish', publishInput({ deputyId: stationDeputy, title: '上半年履职情况' }), OFFICER);
    expect(report).toMatchObject({ deputy: { id: stationDeputy }, title: '上半年履职情况', publishedBy: 'officer' });
    const [someoneElses] = await uploadedPhotos(backend, DEPUTY, 1);
    const refused = await backend.call('report', 'publish', publishInput({ deputyId: stationDeputy, photoFileIds: [someoneElses] }), OFFICER);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'photoFileIds.0', message: expect.stringMatching(/不是您本人上传/) } });
  });

  it.each<[string, () => Partial<PublishReportInput>, string, string, string | undefined]>([
    ['an officer, for a deputy of no station of theirs', () => ({ deputyId: outsideDeputy }), OFFICER, 'FORBIDDEN', undefined],
    ['an officer, for a deputy that does not exist', () => ({ deputyId: 'dp-nobody' }), OFFICER, 'NOT_FOUND', undefined],
    ['an officer, naming no deputy', () => ({}), OFFICER, 'INVALID_INPUT', 'deputyId'],
    ['a deputy, for another deputy', () => ({ deputyId: stationDeputy }), DEPUTY, 'FORBIDDEN', undefined],
    ['a period ending after today', () => ({ period: { from: today(), to: '2999-12-31' } }), DEPUTY, 'INVALID_INPUT', 'period.to'],
    ['a period ending before it starts', () => ({ period: { from: `${LAST_YEAR}-06-01`, to: `${LAST_YEAR}-05-31` } }), DEPUTY, 'INVALID_INPUT', 'period.to'],
    ['a period of 367 days', () => ({ period: { from: `${LAST_YEAR - 1}-12-30`, to: `${LAST_YEAR}-12-31` } }), DEPUTY, 'INVALID_INPUT', 'period.from'],
    ['a day that does not exist', () => ({ period: { from: `${LAST_YEAR}-02-30`, to: `${LAST_YEAR}-12-31` } }), DEPUTY, 'INVALID_INPUT', 'period.from'],
    ['no text', () => ({ content: ' \u200b ' }), DEPUTY, 'INVALID_INPUT', 'content'],
    ['5,001 characters', () => ({ content: '述'.repeat(5001) }), DEPUTY, 'INVALID_INPUT', 'content'],
    [
      'ten photos',
      () => ({ photoFileIds: Array.from({ length: 10 }, (_, i) => `cloud://env.b/cases/2026/01/${String(i).padStart(32, '0')}.png`) }),
      DEPUTY,
      'INVALID_INPUT',
      'photoFileIds',
    ],
    ['risky text', () => ({ content: '加我微信，网上赌场注册送彩金，稳赚不赔，快来！' }), DEPUTY, 'CONTENT_RISKY', undefined],
  ])('refuses %s, writing nothing', async (_label, over, caller, code, field) => {
    const before = (await backend.db.collection('reports').count()).total;
    const answer = await backend.call('report', 'publish', publishInput(over()), caller);
    expect(answer).toMatchObject({ ok: false, error: { code, ...(field ? { field } : {}), message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    expect((await backend.db.collection('reports').count()).total).toBe(before);
  });

  it('at most 10 reports a day for one deputy', async () => {
    // A deputy nobody else in this suite publishes for.
    const { data } = await backend.db.collection('deputies').where({ stationIds: STATION }).limit(100).get();
    const quiet = data.find((d: any) => d._id !== DEPUTY_ID && d._id !== stationDeputy)._id;
    for (let i = 0; i < 10; i += 1) await backend.data('report', 'publish', publishInput({ deputyId: quiet }), OFFICER);
    const eleventh = await backend.call('report', 'publish', publishInput({ deputyId: quiet }), OFFICER);
    expect(eleventh).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('10 份') } });
  });
});

describe('listing', () => {
  it("a station's list holds its deputies' reports, newest first; a deputy's holds only theirs", async () => {
    // More than a page of 20 at the station, counted in the database.
    for (let i = 0; i < 7; i += 1) await backend.data('report', 'publish', publishInput({ deputyId: stationDeputy }), OFFICER);
    const { total } = await backend.db.collection('reports').where({ stationIds: STATION }).count();
    expect(total).toBeGreaterThan(20);
    const station = await backend.data('report', 'list', { stationId: STATION }, undefined);
    const times = station.reports.map((r) => Date.parse(r.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(station.reports.length).toBe(20);
    expect(station.hasMore).toBe(true);
    const next = await backend.data('report', 'list', { stationId: STATION, page: 1 });
    expect(next).toMatchObject({ hasMore: false, reports: { length: total - 20 } });
    expect(next.reports.every((r) => !station.reports.some((s) => s.id === r.id))).toBe(true);
    const mine = await backend.data('report', 'list', { deputyId: DEPUTY_ID });
    expect(mine.reports.length).toBeGreaterThan(0);
    expect(mine.reports.every((r) => r.deputy.id === DEPUTY_ID)).toBe(true);
  });

  it('needs exactly one of a station and a deputy', async () => {
    for (const input of [{}, { stationId: STATION, deputyId: DEPUTY_ID }]) {
      expect(await backend.call('report', 'list', input as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });
});

describe('rating', () => {
  let report: ReportDetail;
  const raters: string[] = [];

  beforeAll(async () => {
    report = await backend.data('report', 'publish', publishInput({ period: { from: `${THIS_YEAR}-01-01`, to: today() } }), DEPUTY);
  });

  it('a resident rates once; the same rating again is answered as before, another is refused', async () => {
    const resident = newOpenid('rater');
    raters.push(resident);
    const before = await backend.data('report', 'get', { reportId: report.id }, resident);
    expect(before).toMatchObject({ canRate: true });
    expect(before.myRating).toBeUndefined();
    const rated = await backend.data('report', 'rate', { reportId: report.id, rating: 'satisfied', comment: '讲得实在，电话13812345678可以联系到我' }, resident);
    expect(rated).toMatchObject({ myRating: 'satisfied', canRate: false, ratings: { satisfied: 1, total: 1, rate: null } });
    expect(rated.comments).toBeUndefined();
    const again = await backend.data('report', 'rate', { reportId: report.id, rating: 'satisfied', comment: '讲得实在，电话13812345678可以联系到我' }, resident);
    expect(again.ratings.total).toBe(1);
    const changed = await backend.call('report', 'rate', { reportId: report.id, rating: 'unsatisfied' }, resident);
    expect(changed).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('只能评价一次') } });
    expect((await backend.data('report', 'get', { reportId: report.id }, resident)).myRating).toBe('satisfied');
  });

  it('two ratings by one account at the same moment count once', async () => {
    const resident = newOpenid('twin-rater');
    raters.push(resident);
    const answers = await Promise.all(
      (['basically_satisfied', 'unsatisfied'] as const).map((rating) => backend.call('report', 'rate', { reportId: report.id, rating }, resident)),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toMatchObject([{ error: { code: 'CONFLICT' } }]);
    const { data } = await backend.db.collection('report_ratings').where({ reportId: report.id }).get();
    expect(data).toHaveLength(2);
    const stored = (await backend.db.collection('reports').doc(report.id).get()).data[0];
    expect(stored.ratings.satisfied + stored.ratings.basicallySatisfied + stored.ratings.unsatisfied).toBe(2);
  });

  it('shows a rate only from 10 ratings: (满意 + 基本满意) ÷ ratings', async () => {
    // So far: 1 satisfied, 1 of the twins. Eight more: 5 satisfied, 1 basically, 2 unsatisfied.
    const more = ['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied', 'unsatisfied'] as const;
    let last: ReportDetail | undefined;
    for (const [i, rating] of more.entries()) {
      const resident = newOpenid('many');
      raters.push(resident);
      last = await backend.data('report', 'rate', { reportId: report.id, rating }, resident);
      if (i === more.length - 2) expect(last.ratings).toMatchObject({ total: 9, rate: null });
    }
    const read = await backend.data('report', 'get', { reportId: report.id });
    const { satisfied, basicallySatisfied, unsatisfied, total, rate } = read.ratings;
    expect(total).toBe(10);
    expect(satisfied + basicallySatisfied + unsatisfied).toBe(10);
    expect(rate).toBeCloseTo((satisfied + basicallySatisfied) / 10, 10);
    expect(satisfied).toBe(6);
  });

  it('only residents rate, and only reports that exist', async () => {
    for (const openid of [DEPUTY, OFFICER, ADMIN]) {
      expect(await backend.call('report', 'rate', { reportId: report.id, rating: 'satisfied' }, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await backend.call('report', 'rate', { reportId: 'rp-nothing', rating: 'satisfied' }, newOpenid())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.call('report', 'rate', { reportId: report.id, rating: 'satisfied', comment: '加我微信，网上赌场注册送彩金，稳赚不赔' }, newOpenid())).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_RISKY' },
    });
    expect(await backend.call('report', 'rate', { reportId: report.id, rating: 'satisfied', comment: '好'.repeat(201) }, newOpenid())).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'comment' },
    });
  });

  it('anonymity: the deputy, officer and office read counts and masked comments, and nobody reads who rated', async () => {
    const answers: Record<string, ReportDetail> = {};
    for (const [who, openid] of Object.entries({ deputy: DEPUTY, officer: OFFICER, admin: ADMIN, resident: newOpenid(), anonymous: undefined })) {
      answers[who] = await backend.data('report', 'get', { reportId: report.id }, openid);
    }
    for (const who of ['deputy', 'officer', 'admin']) {
      expect(answers[who].comments).toEqual([{ rating: 'satisfied', comment: '讲得实在，电话138****5678可以联系到我', at: expect.any(String) }]);
    }
    expect(answers.resident.comments).toBeUndefined();
    expect(answers.anonymous.comments).toBeUndefined();
    expect(answers.anonymous.canRate).toBe(false);
    const lists = [await backend.data('report', 'list', { deputyId: DEPUTY_ID }), await backend.data('report', 'list', { stationId: STATION })];
    const everything = JSON.stringify([answers, lists]);
    for (const rater of raters) expect(everything).not.toContain(rater);
    expect(everything).not.toContain('rr-');
    expect(everything).not.toContain('13812345678');
  });

  it('an officer of another street does not read the comments', async () => {
    const officer = newOpenid('officer-elsewhere');
    const createdAt = new Date();
    await backend.db
      .collection('staff')
      .add({ _id: 'sf-rpt-lh', name: '陈立', role: 'officer', phone: '0755-00000001', stationIds: ['st-ft-lh'], district: '福田区', openid: officer, createdAt });
    await backend.db.collection('users').add({ _id: 'us-rpt-lh', openid: officer, role: 'officer', staffId: 'sf-rpt-lh', createdAt });
    const answer = await backend.data('report', 'get', { reportId: report.id }, officer);
    expect(answer.comments).toBeUndefined();
  });

  it('the window closed (moved back 31 days): refused, and the page says so', async () => {
    const older = await backend.data('report', 'publish', publishInput(), DEPUTY);
    const moved = (iso: string) => new Date(Date.parse(iso) - 31 * 86_400_000);
    await backend.db
      .collection('reports')
      .doc(older.id)
      .update({ publishedAt: moved(older.publishedAt), ratingClosesAt: moved(older.ratingClosesAt) });
    const resident = newOpenid();
    const read = await backend.data('report', 'get', { reportId: older.id }, resident);
    expect(read).toMatchObject({ ratingOpen: false, canRate: false });
    expect(await backend.call('report', 'rate', { reportId: older.id, rating: 'satisfied' }, resident)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('评价已于') },
    });
    expect((await backend.db.collection('report_ratings').where({ reportId: older.id }).count()).total).toBe(0);
  });

  it("the rater's own export holds their rating; after deleting the account it stays counted, nobody's", async () => {
    const resident = newOpenid('leaving');
    await backend.data('report', 'rate', { reportId: report.id, rating: 'unsatisfied', comment: '希望多来小区看看' }, resident);
    const exported = await backend.data('user', 'export', {}, resident);
    expect(exported.reportRatings).toEqual([{ reportId: report.id, rating: 'unsatisfied', comment: '希望多来小区看看', at: expect.any(String) }]);
    // Someone else's export does not hold it.
    expect((await backend.data('user', 'export', {}, newOpenid())).reportRatings).toEqual([]);

    expect(await backend.data('user', 'deleteAccount', { confirm: '注销' }, resident)).toMatchObject({ done: true });
    const after = await backend.data('report', 'get', { reportId: report.id }, DEPUTY);
    expect(after.ratings.total).toBe(11);
    expect(after.comments?.map((c) => c.comment)).toContain('希望多来小区看看');
    const { data } = await backend.db.collection('report_ratings').where({ reportId: report.id }).limit(100).get();
    expect(JSON.stringify(data)).not.toContain(resident);
    expect(data).toHaveLength(11);
    expect((await backend.data('user', 'export', {}, resident)).reportRatings).toEqual([]);
  });

  it("the duty record sums this year's reports' ratings and lists each publication", async () => {
    const record = await backend.data('user', 'duty', {}, DEPUTY);
    const { data } = await backend.db
      .collection('reports')
      .where({ deputyId: DEPUTY_ID, publishedAt: backend.db.command.gte(bj(`${THIS_YEAR}-01-01T00:00:00`)) })
      .limit(1000)
      .get();
    const total = data.reduce((sum: number, r: any) => sum + r.ratings.satisfied + r.ratings.basicallySatisfied + r.ratings.unsatisfied, 0);
    // Only the rated report has ratings: 11 (the 11th after the window closed on the other one does not exist).
    expect(total).toBe(11);
    expect(record.reportRatings).toMatchObject({ total: 11, minimum: 10 });
    expect(record.items.find((i) => i.key === 'reports')).toMatchObject({ count: data.length });
    expect(record.recent.filter((e) => e.kind === 'reports').map((e) => e.reportId)).toContain(report.id);
  });

  it("the district office's figures per deputy carry the ratings of the period's reports; per station none", async () => {
    const period = { from: `${THIS_YEAR}-01-01`, to: today() };
    const byDeputy = await backend.data('admin', 'figures', { by: 'deputy', ...period }, ADMIN);
    expect(byDeputy.rows.find((r) => r.id === DEPUTY_ID)?.reportRatings).toMatchObject({ total: 11 });
    const lastYearOnly = await backend.data('admin', 'figures', { by: 'deputy', from: `${LAST_YEAR}-01-01`, to: `${LAST_YEAR}-12-31` }, ADMIN);
    expect(lastYearOnly.rows.find((r) => r.id === DEPUTY_ID)?.reportRatings).toMatchObject({ total: 0, rate: null });
    const byStation = await backend.data('admin', 'figures', { by: 'station', ...period }, ADMIN);
    expect(byStation.rows.every((r) => r.reportRatings === undefined)).toBe(true);
  });
});
