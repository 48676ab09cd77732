/**
 * 代表论坛 / 约见 through the function host: published like a reception day with its topic,
 * departments and place; residents say they come (idempotent, undoable) and ask in advance
 * (content-checked, limited); officers and the event's deputies read the count and the
 * questions without who asked; after the end the officer posts the 活动回顾, the station page
 * shows it and the deputy's 履职档案 counts it. "After the end" is reached by moving the stored
 * day back past it, as a clock moved forward would. Expectations are written from docs/api.md.
 */
import { addDays, shanghaiDate } from '../../backend/domain/calendar';
import { DEMO_DEPUTY_ID, DEMO_OPENIDS } from '../../scripts/seed/demo-accounts';
import type { PublishReceptionInput } from '../../typings/workspace';
import { newOpenid, startBackend, type Backend } from './harness';
import { uploadedPhotos } from './photos';

const { officer: OFFICER, deputy: DEPUTY } = DEMO_OPENIDS;
const STATION = 'st-ft-hf';

let backend: Backend;
let today: string;

beforeAll(async () => {
  backend = await startBackend({ functions: ['reception', 'station', 'subscription', 'user', 'case'] });
  today = shanghaiDate(new Date());
}, 180_000);
afterAll(() => backend?.close());

async function freeDate(from: number): Promise<string> {
  for (let days = from; days < 90; days += 1) {
    const date = addDays(today, days);
    const { total } = await backend.db.collection('receptions').where({ stationId: STATION, date }).count();
    if (total === 0) return date;
  }
  throw new Error('no free date');
}

const forum = (date: string, over: Partial<PublishReceptionInput> = {}): PublishReceptionInput => ({
  stationId: STATION,
  kind: 'forum',
  date,
  start: '14:30',
  end: '16:30',
  deputyIds: [DEMO_DEPUTY_ID],
  slots: [],
  event: { topic: '老旧小区加装电梯', departments: ['区住房和建设局'], place: '华富街道联络站二楼会议室' },
  ...over,
});

/** The stored day moved to yesterday: the event is over, as if the clock had moved past it. */
async function moveIntoThePast(id: string): Promise<string> {
  const date = addDays(today, -1);
  await backend.db.collection('receptions').doc(id).update({ date });
  return date;
}

it('refuses an event without its details or with slots, writing nothing', async () => {
  const date = await freeDate(10);
  expect(await backend.call('reception', 'publish', forum(date, { event: undefined }), OFFICER)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', field: 'event' },
  });
  expect(await backend.call('reception', 'publish', forum(date, { kind: 'meeting', slots: [{ start: '14:30', end: '15:00', capacity: 2 }] }), OFFICER)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', field: 'slots', message: '约见一府两院不设预约时段，请删除时段后再发布' },
  });
  expect(await backend.call('reception', 'publish', forum(addDays(today, 6)), OFFICER)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'date' } });
  expect((await backend.db.collection('receptions').where({ stationId: STATION, date }).count()).total).toBe(0);
});

it('counts 我会参加 once per resident, undoes it, and shows the count only to those who run the event', async () => {
  const published = await backend.data('reception', 'publish', forum(await freeDate(10)), OFFICER);
  expect(published.event).toEqual({ topic: '老旧小区加装电梯', attendance: 0, questions: 0, summarised: false });
  const [a, b] = [newOpenid('attend-a'), newOpenid('attend-b')];

  expect(await backend.data('reception', 'attend', { receptionId: published.id, attending: true }, a)).toMatchObject({ attending: true, open: true });
  await backend.data('reception', 'attend', { receptionId: published.id, attending: true }, a);
  await backend.data('reception', 'attend', { receptionId: published.id, attending: true }, b);
  expect(await backend.data('reception', 'attend', { receptionId: published.id, attending: false }, b)).toMatchObject({ attending: false });
  await backend.data('reception', 'attend', { receptionId: published.id, attending: false }, b);

  const asResident = await backend.data('reception', 'event', { receptionId: published.id }, a);
  expect(asResident).toMatchObject({ kind: 'forum', kindLabel: '代表论坛', topic: '老旧小区加装电梯', departments: ['区住房和建设局'], attending: true });
  expect(asResident).not.toHaveProperty('attendance');
  expect(await backend.data('reception', 'event', { receptionId: published.id })).not.toHaveProperty('attendance');
  expect(await backend.data('reception', 'event', { receptionId: published.id }, OFFICER)).toMatchObject({ attendance: 1 });
  expect(await backend.data('reception', 'event', { receptionId: published.id }, DEPUTY)).toMatchObject({ attendance: 1 });
  const { receptions } = await backend.data('reception', 'schedule', { stationId: STATION }, OFFICER);
  expect(receptions.find((r) => r.id === published.id)?.event).toEqual({ topic: '老旧小区加装电梯', attendance: 1, questions: 0, summarised: false });

  expect(await backend.call('reception', 'attend', { receptionId: published.id, attending: true }, OFFICER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  // A reception day is not an event: the same answer as an id that does not exist.
  const { data } = await backend.db.collection('receptions').where({ stationId: STATION, kind: undefined }).limit(1).get();
  const day = (data as { _id: string }[])[0]?._id ?? 'rc-none';
  expect(await backend.call('reception', 'event', { receptionId: day })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这场代表论坛或约见活动' } });
});

it('takes questions in advance, checked and limited, and shows them without who asked', async () => {
  const published = await backend.data('reception', 'publish', forum(await freeDate(10), { kind: 'meeting' }), OFFICER);
  const asker = newOpenid('asker');
  expect(await backend.data('reception', 'ask', { receptionId: published.id, question: '加装电梯的补贴怎么申请？' }, asker)).toEqual({ asked: true });
  expect(await backend.call('reception', 'ask', { receptionId: published.id, question: '加我微信，网上赌场注册送彩金，稳赚不赔，快来！' }, asker)).toMatchObject({
    ok: false,
    error: { code: 'CONTENT_RISKY' },
  });
  await backend.data('reception', 'ask', { receptionId: published.id, question: '低楼层住户的意见怎么协调？' }, asker);
  await backend.data('reception', 'ask', { receptionId: published.id, question: '施工期间出行怎么保障？' }, asker);
  // questionsPerEvent: 3 (config/events.json).
  expect(await backend.call('reception', 'ask', { receptionId: published.id, question: '第四个问题' }, asker)).toMatchObject({
    ok: false,
    error: { code: 'RATE_LIMITED', message: '每场活动最多提交 3 个问题' },
  });

  const read = await backend.data('reception', 'questions', { receptionId: published.id }, DEPUTY);
  expect(read.questions.map((q) => q.question)).toEqual(['施工期间出行怎么保障？', '低楼层住户的意见怎么协调？', '加装电梯的补贴怎么申请？']);
  expect(JSON.stringify(read)).not.toContain(asker);
  expect(JSON.stringify(await backend.data('reception', 'questions', { receptionId: published.id }, OFFICER))).not.toContain(asker);
  expect(await backend.call('reception', 'questions', { receptionId: published.id }, newOpenid('not-an-officer'))).toMatchObject({ ok: false });
});

it('takes no 我会参加 or question once it started, and the 活动回顾 only after its end; then the station page and the 履职档案 show it', async () => {
  const published = await backend.data('reception', 'publish', forum(await freeDate(10)), OFFICER);
  expect(await backend.call('reception', 'summarise', { receptionId: published.id, summary: '还没开', photoFileIds: [] }, OFFICER)).toMatchObject({
    ok: false,
    error: { code: 'NOT_YET_DUE' },
  });
  const year = Number(today.slice(0, 4));
  const before = await backend.data('user', 'duty', { year }, DEPUTY);
  const counted = (record: typeof before) => record.items.find((item) => item.key === 'forums')?.count;

  const date = await moveIntoThePast(published.id);
  expect(await backend.call('reception', 'attend', { receptionId: published.id, attending: true }, newOpenid('late'))).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  expect(await backend.call('reception', 'ask', { receptionId: published.id, question: '还能问吗？' }, newOpenid('late'))).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  // Held but not summarised: it does not count yet.
  expect(counted(await backend.data('user', 'duty', { year }, DEPUTY))).toBe(counted(before));

  const photos = await uploadedPhotos(backend, OFFICER, 2);
  const summarised = await backend.data(
    'reception',
    'summarise',
    { receptionId: published.id, summary: '区住建局到会答复了补贴政策，三个小区表示将启动加装。', photoFileIds: photos },
    OFFICER,
  );
  expect(summarised.summary).toMatchObject({
    text: '区住建局到会答复了补贴政策，三个小区表示将启动加装。',
    photos: photos.map((fileId) => expect.objectContaining({ fileId })),
  });

  const station = await backend.data('station', 'get', { id: STATION });
  expect(station.recaps?.[0]).toEqual({
    id: published.id,
    kind: 'forum',
    kindLabel: '代表论坛',
    topic: '老旧小区加装电梯',
    date,
    summary: '区住建局到会答复了补贴政策，三个小区表示将启动加装。',
    photoCount: 2,
  });
  // Yesterday may be last year on 1 January: the year of the event is the one that counts it.
  const after = await backend.data('user', 'duty', { year: Number(date.slice(0, 4)) }, DEPUTY);
  const was = date.slice(0, 4) === today.slice(0, 4) ? (counted(before) ?? 0) : 0;
  expect(counted(after)).toBe(was + 1);
  expect(after.recent.some((entry) => entry.kind === 'forums' && entry.text.includes('老旧小区加装电梯'))).toBe(true);
});
