/**
 * 立法意见征集 after the comments: officers of each station review theirs (forward, merge as a
 * duplicate, decline — the duplicate rules, other stations' officers and residents kept out);
 * after closing the office edits one lightly and compiles the report (hand-counted articles,
 * stations and participants; a PDF and a CSV stored); once reported it marks two comments
 * adopted and exactly those two residents are told. Round trips of get, list, comment, review
 * and adopt against their goals. Expected values are written by hand.
 */
import templates from '../../config/subscribe-templates.json';
import type { CommentView, ConsultationDetail } from '../../typings/consultation';
import { ADMIN, close, OFFICER, publishInput, requestId, STATION_A, STATION_B } from './consultation-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';
import { GOALS } from './round-trip-goals';
import { dispatchDueNotifications } from '../../backend/notifications/dispatch';
import { createWxGateway } from '../../backend/platform/wx-gateway';

const STATUS = templates.templates.caseStatusChanged.id;
const OTHER_OFFICER = 'otest-cs-officer-lh';
let backend: Backend;
let consultation: ConsultationDetail;
const r = Array.from({ length: 9 }, (_, i) => newOpenid(`cs-r${i}`));
const c: CommentView[] = [];
let pending: CommentView;

const code = (answer: { ok: boolean; error?: { code: string } }) => (answer.ok ? 'ok' : answer.error!.code);
const say = (openid: string, stationId: string, articleNo: number, text: string, over: Record<string, unknown> = {}) =>
  backend.data('consultation', 'comment', { requestId: requestId(), consultationId: consultation.id, stationId, articleNo, text, ...over }, openid);
const review = (commentId: string, input: Record<string, unknown>, openid = OFFICER) => backend.call('consultation', 'review', { commentId, ...input } as never, openid);
const trips = async (work: () => Promise<unknown>) => {
  const counted = await backend.roundTrips(work);
  return Object.entries(counted.byAction).reduce((sum, [action, n]) => (action.startsWith('wx.') ? sum : sum + n), 0);
};

beforeAll(async () => {
  backend = await startBackend({ functions: ['consultation', 'subscription'] });
  const { data: stations } = await backend.db.collection('stations').where({ district: '福田区' }).limit(100).get();
  const outside = stations.find((s: any) => ![STATION_A, STATION_B].includes(s._id));
  await backend.db.collection('staff').add({
    _id: 'sf-t-cs',
    name: '赵敏',
    role: 'officer',
    phone: '0755-00000000',
    stationIds: [outside._id],
    district: '福田区',
    openid: OTHER_OFFICER,
    createdAt: new Date(),
  });
  await backend.db.collection('users').add({
    _id: `us-${OTHER_OFFICER}`,
    openid: OTHER_OFFICER,
    role: 'officer',
    staffId: 'sf-t-cs',
    actingAs: { name: '赵敏', stationIds: [outside._id], district: '福田区' },
    createdAt: new Date(),
  });

  consultation = await backend.data('consultation', 'publish', publishInput(), ADMIN);
  c.push(await say(r[1]!, STATION_A, 14, '建议明确以停水停电催费的罚款数额。', { printedName: '王建国', occupation: '退休教师', contact: { phone: '13800138000' } }));
  c.push(await say(r[2]!, STATION_B, 14, '停水停电催费应当明确罚则。'));
  c.push(await say(r[3]!, STATION_A, 14, '催交物业费不得停水停电，要有处罚。'));
  c.push(await say(r[4]!, STATION_B, 0, '建议增加物业服务评价制度。', { printedName: '李娜' }));
  c.push(await say(r[5]!, STATION_A, 5, '与本条无关的广告式内容请删除。'));
  c.push(await say(r[6]!, STATION_B, 12, '建议每月公开收支情况，不要等到每季度。'));
  const recorded = await backend.data(
    'consultation',
    'record',
    { requestId: requestId(), consultationId: consultation.id, stationId: STATION_B, articleNo: 5, text: '街道办应当每年检查业主委员会的工作。' },
    OFFICER,
  );
  c.push(await backend.data('consultation', 'claim', { code: recorded.claim.code }, r[7]!));
  c.push(await say(r[1]!, STATION_A, 5, '街道应当为业主大会提供场地。', { occupation: '社区志愿者' }));
  const withdrawn = await say(r[8]!, STATION_A, 3, '我想再想想。');
  await backend.data('consultation', 'withdraw', { commentId: withdrawn.id }, r[8]!);
  pending = (
    await backend.data(
      'consultation',
      'record',
      { requestId: requestId(), consultationId: consultation.id, stationId: STATION_A, articleNo: 1, text: '没有确认的意见。' },
      OFFICER,
    )
  ).comment;
}, 240_000);

afterAll(() => backend?.close());

describe('reviewing', () => {
  it('keeps the comments from residents, other stations’ officers and another station of the officer’s own', async () => {
    expect(code(await backend.call('consultation', 'comments', { consultationId: consultation.id }, r[1]!))).toBe('FORBIDDEN');
    expect(code(await backend.call('consultation', 'comments', { consultationId: consultation.id }, OTHER_OFFICER))).toBe('NOT_FOUND');
    expect(code(await review(c[0]!.id, { review: 'forward' }, OTHER_OFFICER))).toBe('NOT_FOUND');
    expect(code(await review(c[0]!.id, { review: 'forward' }, ADMIN))).toBe('FORBIDDEN');
    // odemo-officer staffs both stations: which one is theirs to say.
    expect(await backend.call('consultation', 'comments', { consultationId: consultation.id }, OFFICER)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'stationId' },
    });
    const a = await backend.data('consultation', 'comments', { consultationId: consultation.id, stationId: STATION_A }, OFFICER);
    expect(a.comments.map((x) => x.id)).toEqual([c[0]!.id, c[2]!.id, c[4]!.id, c[7]!.id, expect.any(String), pending.id]);
    expect(a.comments[0]!.contact).toEqual({ phone: '13800138000' });
    expect(a.counts).toEqual({ pending: 1, submitted: 4, withdrawn: 1, forwarded: 0, duplicate: 0, declined: 0 });
  });

  it('forwards, merges duplicates by the rules and declines with a reason', async () => {
    expect((await backend.data('consultation', 'review', { commentId: c[0]!.id, review: 'forward' }, OFFICER)).status).toBe('forwarded');
    expect((await backend.data('consultation', 'review', { commentId: c[1]!.id, review: 'duplicate', duplicateOf: c[0]!.id }, OFFICER)).duplicateOf).toBe(c[0]!.id);
    expect(await review(c[2]!.id, { review: 'duplicate', duplicateOf: c[2]!.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'duplicateOf' } });
    expect(await review(c[2]!.id, { review: 'duplicate', duplicateOf: c[1]!.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/本身已标记为重复/) },
    });
    expect(await review(c[2]!.id, { review: 'duplicate', duplicateOf: pending.id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await backend.data('consultation', 'review', { commentId: c[2]!.id, review: 'duplicate', duplicateOf: c[0]!.id }, OFFICER);
    expect(await review(c[4]!.id, { review: 'decline' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'reason' } });
    expect(await backend.data('consultation', 'review', { commentId: c[4]!.id, review: 'decline', reason: '与本条内容无关' }, OFFICER)).toMatchObject({
      status: 'declined',
      declineReason: '与本条内容无关',
    });
    for (const i of [3, 5, 6, 7]) await backend.data('consultation', 'review', { commentId: c[i]!.id, review: 'forward' }, OFFICER);
    expect(code(await review(pending.id, { review: 'forward' }))).toBe('ILLEGAL_TRANSITION');
  });
});

describe('compiling', () => {
  it('waits for the closing date', async () => {
    expect(code(await backend.call('consultation', 'compile', { consultationId: consultation.id }, ADMIN))).toBe('ILLEGAL_TRANSITION');
    expect(code(await backend.call('consultation', 'edit', { commentId: c[5]!.id, editedText: '建议每月公开收支。' }, ADMIN))).toBe('ILLEGAL_TRANSITION');
    expect(code(await backend.call('consultation', 'adopt', { commentId: c[0]!.id, note: '第十四条增加了罚则。' }, ADMIN))).toBe('ILLEGAL_TRANSITION');
  });

  it('groups the forwarded comments per article with duplicates merged, and stores the PDF and the CSV', async () => {
    await close(backend, consultation.id);
    expect(code(await backend.call('consultation', 'withdraw', { commentId: c[4]!.id }, r[5]!))).toBe('ILLEGAL_TRANSITION');
    const edited = await backend.data('consultation', 'edit', { commentId: c[5]!.id, editedText: '建议物业服务收支每月公开一次。' }, ADMIN);
    expect(edited).toMatchObject({ text: '建议每月公开收支情况，不要等到每季度。', editedText: '建议物业服务收支每月公开一次。' });
    const report = await backend.data('consultation', 'compile', { consultationId: consultation.id }, ADMIN);
    expect({ ...report, compiledAt: 'x', pdf: 'x', csv: 'x' }).toEqual({
      consultationId: consultation.id,
      title: consultation.title,
      askedBy: consultation.askedBy,
      closesOn: expect.any(String),
      compiledAt: 'x',
      pdf: 'x',
      csv: 'x',
      stations: [
        { id: STATION_A, name: consultation.stations[0]!.name, forwarded: 2 },
        { id: STATION_B, name: consultation.stations[1]!.name, forwarded: 3 },
      ],
      participants: 7,
      received: 8,
      forwarded: 5,
      articles: [
        {
          articleNo: 0,
          label: '总体意见',
          count: 1,
          comments: [{ id: c[3]!.id, station: consultation.stations[1]!.name, text: '建议增加物业服务评价制度。', byline: '李娜', merged: 0 }],
        },
        {
          articleNo: 5,
          label: '第五条',
          count: 2,
          comments: [
            { id: c[6]!.id, station: consultation.stations[1]!.name, text: '街道办应当每年检查业主委员会的工作。', byline: '匿名', merged: 0 },
            { id: c[7]!.id, station: consultation.stations[0]!.name, text: '街道应当为业主大会提供场地。', byline: '社区志愿者', merged: 0 },
          ],
        },
        {
          articleNo: 12,
          label: '第十二条',
          count: 1,
          comments: [
            {
              id: c[5]!.id,
              station: consultation.stations[1]!.name,
              text: '建议物业服务收支每月公开一次。',
              originalText: '建议每月公开收支情况，不要等到每季度。',
              byline: '匿名',
              merged: 0,
            },
          ],
        },
        {
          articleNo: 14,
          label: '第十四条',
          count: 3,
          comments: [{ id: c[0]!.id, station: consultation.stations[0]!.name, text: '建议明确以停水停电催费的罚款数额。', byline: '王建国，退休教师', merged: 2 }],
        },
      ],
    });
    const pdf = Buffer.from(await (await fetch(report.pdf.url)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(report.pdf.fileId).toContain(`consultation-reports/${consultation.id}/report.pdf`);
    const csv = await (await fetch(report.csv.url)).text();
    expect(csv).toContain('第十四条');
    expect(code(await review(c[0]!.id, { review: 'decline', reason: '已经汇总' }))).toBe('ILLEGAL_TRANSITION');
  });

  it('hands the report to the office and the stations’ officers only', async () => {
    const officer = await backend.data('consultation', 'report', { consultationId: consultation.id }, OFFICER);
    expect(officer.forwarded).toBe(5);
    expect(officer.pdf.url).toMatch(/^http/);
    expect(code(await backend.call('consultation', 'report', { consultationId: consultation.id }, OTHER_OFFICER))).toBe('NOT_FOUND');
    expect(code(await backend.call('consultation', 'report', { consultationId: consultation.id }, r[1]!))).toBe('FORBIDDEN');
  });
});

describe('adopting', () => {
  it('tells exactly the two adopted residents, once, and counts the adoptions per station', async () => {
    for (const who of [r[1]!, r[4]!, r[7]!]) {
      await backend.data('subscription', 'record', { results: { [STATUS]: 'accept' } }, who);
      await backend.wx.grant(who, STATUS, 1);
    }
    expect(code(await backend.call('consultation', 'adopt', { commentId: c[4]!.id, note: '不予采纳的也不能标。' }, ADMIN))).toBe('ILLEGAL_TRANSITION');
    expect(code(await backend.call('consultation', 'adopt', { commentId: c[1]!.id, note: '重复的意见不单独采纳。' }, ADMIN))).toBe('ILLEGAL_TRANSITION');
    const note = '第十四条增加了不得停水停电催费的罚则。';
    const adopted = await Promise.all([1, 2].map(() => backend.data('consultation', 'adopt', { commentId: c[0]!.id, note }, ADMIN)));
    expect(adopted.map((x) => x.adoption?.note)).toEqual([note, note]);
    await backend.data('consultation', 'adopt', { commentId: c[6]!.id, note: '第五条增加了街道办的检查职责。' }, ADMIN);
    expect(code(await backend.call('consultation', 'adopt', { commentId: c[0]!.id, note: '另一种说法。' }, ADMIN))).toBe('CONFLICT');

    // The scheduler's run delivers the outbox, as every minute of the day.
    await dispatchDueNotifications({ db: backend.db, wx: createWxGateway(backend.app) }, new Date());
    const sent = await backend.wx.sent({ templateId: STATUS });
    expect(sent.map((m) => m.touser).sort()).toEqual([r[1]!, r[7]!].sort());
    const toFirst = sent.find((m) => m.touser === r[1])!;
    expect(toFirst.page).toBe('packages/consultation/mine/index');
    expect(toFirst.data.phrase3!.value).toBe('已采纳');
    expect(toFirst.data.thing5!.value).toBe('第十四条增加了不得停水停电催费的罚则。');

    const mine = await backend.data('consultation', 'mine', {}, r[1]!);
    expect(mine.comments.find((x) => x.id === c[0]!.id)!.adoption!.note).toBe(note);
    expect((await backend.data('consultation', 'list', { stationId: STATION_A })).stationAdopted).toBe(1);
    expect((await backend.data('consultation', 'list', { stationId: STATION_B })).stationAdopted).toBe(1);
    expect((await backend.data('consultation', 'get', { consultationId: consultation.id })).adopted).toBe(2);
  });
});

describe('round trips (the budget in round-trip-goals.ts)', () => {
  it('get, list, comment, review and adopt stay within their goals', async () => {
    const open = await backend.data('consultation', 'publish', publishInput(), ADMIN);
    const reader = newOpenid('cs-rt');
    expect(await trips(() => backend.data('consultation', 'get', { consultationId: open.id }, reader))).toBeLessThanOrEqual(GOALS['consultation.get']!);
    expect(await trips(() => backend.data('consultation', 'list', { stationId: STATION_A }, reader))).toBeLessThanOrEqual(GOALS['consultation.list']!);
    let made: CommentView | undefined;
    const say2 = async () =>
      (made = await backend.data(
        'consultation',
        'comment',
        { requestId: requestId(), consultationId: open.id, stationId: STATION_A, articleNo: 2, text: '往返次数的意见。' },
        reader,
      ));
    expect(await trips(say2)).toBeLessThanOrEqual(GOALS['consultation.comment']!);
    expect(await trips(() => backend.data('consultation', 'review', { commentId: made!.id, review: 'forward' }, OFFICER))).toBeLessThanOrEqual(GOALS['consultation.review']!);
    // 总体意见, forwarded above and in the compiled report.
    const other = c[3]!;
    expect(await trips(() => backend.data('consultation', 'adopt', { commentId: other.id, note: '总体意见已采纳。' }, ADMIN))).toBeLessThanOrEqual(
      GOALS['consultation.adopt']!,
    );
  });
});
