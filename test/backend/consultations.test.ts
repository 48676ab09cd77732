/**
 * 立法意见征集 through the real stack (consultation, reception, subscription functions on the
 * emulator): the office publishes a 20-article draft to two stations (bad drafts refused, the
 * stations' followers told); residents comment (closed, wrong station, risky text and past the
 * rate limit refused with nothing written; retries and parallel calls counted once); an officer
 * records a comment the resident confirms by code; a resident withdraws. Expected values are
 * written by hand.
 */
import templates from '../../config/subscribe-templates.json';
import type { ConsultationDetail } from '../../typings/consultation';
import { ADMIN, close, OFFICER, publishInput, requestId, stored, STATION_A, STATION_B, inDays } from './consultation-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

const REMINDER = templates.templates.receptionReminder.id;
const OUTSIDE = 'st-ft-lh'; // a 福田区 station not taking part
let backend: Backend;
let published: ConsultationDetail;

const code = (answer: { ok: boolean; error?: { code: string } }) => (answer.ok ? 'ok' : answer.error!.code);
const comments = async (id: string) => stored(backend, 'consultation_comments', { consultationId: id });
const counters = async (id: string) => {
  const [doc] = await stored(backend, 'consultations', { _id: id });
  return { comments: doc.comments, participants: doc.participants, articleCounts: doc.articleCounts };
};
const comment = (over: Record<string, unknown> = {}) => ({
  requestId: requestId(),
  consultationId: published.id,
  stationId: STATION_A,
  articleNo: 14,
  text: `建议明确禁止以停水停电方式催交物业费的罚则。${Math.random()}`,
  ...over,
});

beforeAll(async () => {
  backend = await startBackend({ functions: ['consultation', 'reception', 'subscription'] });
}, 240_000);

afterAll(() => backend?.close());

describe('publishing', () => {
  const follower = newOpenid('cs-follower');

  it.each([
    ['a gap', '第一条　甲\n第二条　乙\n第四条　丁', /第二条之后是第四条，中间缺少第 3 条/],
    ['a repeat', '第一条　甲\n第二条　乙\n第二条　乙又一次', /第二条重复了/],
    ['no article', '总则\n只有说明，没有条文', /没有找到条文/],
    ['a draft not starting at one', '第二条　乙', /应从第一条开始/],
  ])('refuses a draft with %s, naming the article, and stores nothing', async (_what, text, message) => {
    const answer = await backend.call('consultation', 'publish', publishInput({ text }), ADMIN);
    expect(answer).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message), field: 'text' } });
    expect(await stored(backend, 'consultations', {})).toEqual([]);
  });

  it('refuses a closing date less than 7 days ahead and a station outside the district', async () => {
    expect(code(await backend.call('consultation', 'publish', publishInput({ closesOn: inDays(6) }), ADMIN))).toBe('INVALID_INPUT');
    expect(await backend.call('consultation', 'publish', publishInput({ stationIds: [STATION_A, 'st-ns-xx'] }), ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'stationIds.1' },
    });
    expect(code(await backend.call('consultation', 'publish', publishInput(), OFFICER))).toBe('FORBIDDEN');
    expect(await stored(backend, 'consultations', {})).toEqual([]);
  });

  it('publishes the draft as 20 articles in two chapters, once per request, and tells the stations’ followers', async () => {
    await backend.data('reception', 'follow', { stationId: STATION_A, follow: true }, follower);
    await backend.data('subscription', 'record', { results: { [REMINDER]: 'accept' } }, follower);
    await backend.wx.grant(follower, REMINDER, 1);
    const input = publishInput();
    published = await backend.data('consultation', 'publish', input, ADMIN);
    expect(published).toMatchObject({
      title: input.title,
      status: 'open',
      articleCount: 20,
      comments: 0,
      participants: 0,
      adopted: 0,
      articlePage: 0,
      hasMoreArticles: false,
    });
    expect(published.stations.map((s) => s.id)).toEqual([STATION_A, STATION_B]);
    expect(published.articles).toHaveLength(20);
    expect(published.articles[6]).toEqual({
      no: 7,
      label: '第七条',
      chapter: '第二章 业主和业主大会',
      text: '业主享有下列权利：\n（一）按照物业服务合同的约定，接受物业服务；\n（二）提议召开业主大会会议。',
      comments: 0,
    });
    expect(published.articles[19]).toMatchObject({ no: 20, label: '第二十条', chapter: '第二章 业主和业主大会' });
    expect(published.can).toEqual({ comment: false, review: false, compile: false, adopt: false });
    const again = await backend.data('consultation', 'publish', input, ADMIN);
    expect(again.id).toBe(published.id);
    expect(await stored(backend, 'consultations', {})).toHaveLength(1);

    const sent = await backend.wx.sent({ openid: follower, templateId: REMINDER });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.page).toBe(`packages/consultation/detail/index?id=${published.id}`);
    expect(sent[0]!.data.thing4!.value).toMatch(/^立法意见征集：《深圳经济特区物业管理条/);
  });

  it('shows it to anyone, with what the caller may do', async () => {
    const anonymous = await backend.data('consultation', 'get', { consultationId: published.id });
    expect(anonymous.can).toEqual({ comment: false, review: false, compile: false, adopt: false });
    const resident = await backend.data('consultation', 'get', { consultationId: published.id }, newOpenid('cs-reader'));
    expect(resident.can.comment).toBe(true);
    const officer = await backend.data('consultation', 'get', { consultationId: published.id }, OFFICER);
    expect(officer.can).toEqual({ comment: false, review: true, compile: false, adopt: false });
    expect(code(await backend.call('consultation', 'get', { consultationId: published.id, articlePage: 1 }))).toBe('INVALID_INPUT');
    const list = await backend.data('consultation', 'list', { stationId: STATION_B });
    expect(list.consultations.map((c) => c.id)).toEqual([published.id]);
    expect(list.stationAdopted).toBe(0);
    expect((await backend.data('consultation', 'list', { stationId: OUTSIDE })).consultations).toEqual([]);
    expect(code(await backend.call('consultation', 'list', {}, newOpenid('cs-reader')))).toBe('FORBIDDEN');
    expect((await backend.data('consultation', 'list', {}, ADMIN)).consultations.map((c) => c.id)).toEqual([published.id]);
  });
});

describe('comments', () => {
  it('refuses a station not taking part, an article not in the draft and risky text, writing nothing', async () => {
    const resident = newOpenid('cs-refused');
    expect(code(await backend.call('consultation', 'comment', comment({ stationId: OUTSIDE }), resident))).toBe('INVALID_INPUT');
    expect(await backend.call('consultation', 'comment', comment({ articleNo: 21 }), resident)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'articleNo' },
    });
    expect(await backend.call('consultation', 'comment', comment({ text: '加我微信，网上赌场注册送彩金，稳赚不赔，快来！' }), resident)).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_RISKY', message: expect.stringMatching(/不适宜发布/) },
    });
    expect(code(await backend.call('consultation', 'comment', comment({ contact: { phone: '12345' } }), resident))).toBe('INVALID_INPUT');
    expect(code(await backend.call('consultation', 'comment', comment(), OFFICER))).toBe('FORBIDDEN');
    expect(await comments(published.id)).toEqual([]);
    expect(await counters(published.id)).toEqual({ comments: 0, participants: 0, articleCounts: {} });
  });

  it('takes a comment once however often it is retried, and counts it on its article', async () => {
    const resident = newOpenid('cs-retry');
    const input = comment({ printedName: '王建国', occupation: '退休教师', contact: { name: '王先生', phone: '13800138000' } });
    const first = await backend.data('consultation', 'comment', input, resident);
    expect(first).toMatchObject({
      articleNo: 14,
      articleLabel: '第十四条',
      status: 'submitted',
      recordedBy: 'resident',
      canWithdraw: true,
      contact: { name: '王先生', phone: '13800138000' },
    });
    const retries = await Promise.all([1, 2, 3].map(() => backend.data('consultation', 'comment', input, resident)));
    expect(retries.map((r) => r.id)).toEqual([first.id, first.id, first.id]);
    expect(await comments(published.id)).toHaveLength(1);
    expect(await counters(published.id)).toEqual({ comments: 1, participants: 1, articleCounts: { a14: 1 } });
    const detail = await backend.data('consultation', 'get', { consultationId: published.id });
    expect(detail.articles[13]!.comments).toBe(1);
    expect(detail).toMatchObject({ comments: 1, participants: 1, generalComments: 0 });
    const mine = await backend.data('consultation', 'mine', {}, resident);
    expect(mine.comments.map((c) => c.id)).toEqual([first.id]);
  });

  it('counts parallel comments of several residents exactly, and a resident twice as one participant', async () => {
    const before = await counters(published.id);
    const [one, two, three] = [newOpenid('cs-p1'), newOpenid('cs-p2'), newOpenid('cs-p3')];
    await Promise.all([
      backend.data('consultation', 'comment', comment({ articleNo: 0 }), one),
      backend.data('consultation', 'comment', comment({ articleNo: 0, stationId: STATION_B }), two),
      backend.data('consultation', 'comment', comment({ articleNo: 3 }), three),
      backend.data('consultation', 'comment', comment({ articleNo: 3 }), three),
    ]);
    expect(await counters(published.id)).toEqual({
      comments: before.comments + 4,
      participants: before.participants + 3,
      articleCounts: { ...before.articleCounts, a0: 2, a3: 2 },
    });
  });

  it('holds a resident to the case submission limits: a fourth within a minute is refused and not stored', async () => {
    const resident = newOpenid('cs-flood');
    for (let i = 0; i < 3; i += 1) await backend.data('consultation', 'comment', comment({ articleNo: i + 1 }), resident);
    const before = (await comments(published.id)).length;
    expect(await backend.call('consultation', 'comment', comment({ articleNo: 4 }), resident)).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: expect.stringMatching(/一分钟内最多提交 3 件留言或意见/) },
    });
    expect(await comments(published.id)).toHaveLength(before);
  });

  it('lets only its resident withdraw it while open, once', async () => {
    const resident = newOpenid('cs-withdraw');
    const made = await backend.data('consultation', 'comment', comment({ articleNo: 9 }), resident);
    const before = await counters(published.id);
    expect(code(await backend.call('consultation', 'withdraw', { commentId: made.id }, newOpenid('cs-other')))).toBe('NOT_FOUND');
    const withdrawn = await Promise.all([1, 2].map(() => backend.data('consultation', 'withdraw', { commentId: made.id }, resident)));
    expect(withdrawn.map((c) => c.status)).toEqual(['withdrawn', 'withdrawn']);
    expect(await counters(published.id)).toEqual({
      comments: before.comments - 1,
      participants: before.participants - 1,
      articleCounts: { ...before.articleCounts, a9: 0 },
    });
  });
});

describe('a comment recorded at the station', () => {
  it('is nobody’s and uncounted until its resident confirms it with the one-time code', async () => {
    const before = await counters(published.id);
    const recorded = await backend.data('consultation', 'record', comment({ articleNo: 12, stationId: STATION_B, text: '业主委员会的收支应当每月公开。' }), OFFICER);
    expect(recorded.comment).toMatchObject({ status: 'pending', recordedBy: 'officer', articleLabel: '第十二条' });
    expect(recorded.claim.payload).toBe(`LLZ-OPINION:${recorded.claim.code}`);
    expect(await counters(published.id)).toEqual(before);

    const resident = newOpenid('cs-claimer');
    expect(await backend.call('consultation', 'claim', { code: 'AAAAAAAA' }, resident)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'code' } });
    const claimed = await backend.data('consultation', 'claim', { code: recorded.claim.payload.toLowerCase() }, resident);
    expect(claimed).toMatchObject({ id: recorded.comment.id, status: 'submitted', canWithdraw: true });
    expect(code(await backend.call('consultation', 'claim', { code: recorded.claim.code }, newOpenid('cs-late')))).toBe('CONFLICT');
    expect(await counters(published.id)).toEqual({
      comments: before.comments + 1,
      participants: before.participants + 1,
      articleCounts: { ...before.articleCounts, a12: 1 },
    });
    expect((await backend.data('consultation', 'mine', {}, resident)).comments.map((c) => c.id)).toEqual([recorded.comment.id]);
  });

  it('refuses an expired code, and a fresh code comes from the recorder only', async () => {
    const recorded = await backend.data('consultation', 'record', comment({ articleNo: 2 }), OFFICER);
    await backend.db
      .collection('consultation_comments')
      .doc(recorded.comment.id)
      .update({ 'claim.expiresAt': new Date(Date.now() - 1000) });
    expect(await backend.call('consultation', 'claim', { code: recorded.claim.code }, newOpenid('cs-expired'))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/已过期/) },
    });
    const fresh = await backend.data('consultation', 'claimCode', { commentId: recorded.comment.id }, OFFICER);
    expect(fresh.claim.code).not.toBe(recorded.claim.code);
    expect((await backend.data('consultation', 'claim', { code: fresh.claim.code }, newOpenid('cs-fresh'))).status).toBe('submitted');
  });

  it('is refused at a station not the officer’s, and once the consultation closed', async () => {
    expect(code(await backend.call('consultation', 'record', comment({ stationId: OUTSIDE }), OFFICER))).toBe('NOT_FOUND');
    const late = await backend.data('consultation', 'publish', publishInput({ stationIds: [STATION_A] }), ADMIN);
    await close(backend, late.id);
    expect(code(await backend.call('consultation', 'record', comment({ consultationId: late.id }), OFFICER))).toBe('ILLEGAL_TRANSITION');
    expect(await backend.call('consultation', 'comment', comment({ consultationId: late.id }), newOpenid('cs-late'))).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: expect.stringMatching(/截止/) },
    });
    expect(await comments(late.id)).toEqual([]);
  });
});
