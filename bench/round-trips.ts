/**
 * Item 9 — round trips to CloudBase per action, against the hand-written goals of
 * test/backend/round-trip-goals.ts (the same table the round-trip suite checks). Each request a
 * function's SDK makes is a network hop and usually a billed database operation in the cloud,
 * and unlike a timing it is the same on every machine. Counted by the emulator where the
 * requests arrive (`/_emulator/requests`, by action), WeChat's APIs (`wx.*`) apart; each
 * action is called once unmeasured first, so the instance is warm. A goal with no scenario
 * here is a failed row: a new goal needs a way to measure it.
 */
import { addDays, shanghaiDate } from '../backend/domain/calendar';
import { seedDatabase } from '../scripts/seed/seed-database';
import { answeredWithCase } from '../backend/domain/suggestion/suggestion.fixtures';
import { GOALS } from '../test/backend/round-trip-goals';
import { startBenchBackend, type BenchBackend } from './backend';
import type { BenchRow } from './types';

const STATION = 'st-ft-hf';
const OFFICER = 'odemo-officer';
const DEPUTY = 'odemo-deputy';
const ADMIN = 'odemo-admin';
const IDLE_TICK = 'scheduler tick, nothing due';

export interface Counted {
  total: number;
  byAction: Record<string, number>;
}

/** The emulator's request counter: reset, run `work`, read what reached `/admin`. */
export async function countRoundTrips(backend: BenchBackend, work: () => Promise<unknown>): Promise<Counted> {
  const requests = async (method: 'GET' | 'DELETE') => (await fetch(`${backend.emulator.url}/_emulator/requests`, { method })).json() as Promise<Counted>;
  await requests('DELETE');
  await work();
  const counted = await requests('GET');
  const database = Object.entries(counted.byAction).filter(([action]) => !action.startsWith('wx.'));
  return { total: database.reduce((sum, [, n]) => sum + n, 0), byAction: Object.fromEntries(database) };
}

type Scenario = (backend: BenchBackend) => Promise<Counted>;

let residents = 0;
const newResident = () => `obench-rt-${process.pid}-${(residents += 1)}`;

async function ok(answer: Promise<any>): Promise<any> {
  const result = await answer;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

/** One unmeasured call (a warm instance), then the measured one; `prepare` makes what each call acts on, outside the count. */
async function measured<T>(backend: BenchBackend, prepare: () => Promise<T>, call: (subject: T) => Promise<unknown>): Promise<Counted> {
  await call(await prepare());
  const subject = await prepare();
  return countRoundTrips(backend, () => call(subject));
}

const submit = (backend: BenchBackend, openid: string) =>
  ok(
    backend.call(
      'case',
      {
        action: 'submit',
        requestId: `bench-rt-${openid}-${Date.now()}`,
        stationId: STATION,
        category: 'help',
        title: `路灯不亮 ${openid}`,
        content: `华富村三号楼旁的路灯已经坏了两个星期，晚上很不安全（${openid}）。`,
      },
      openid,
    ),
  ) as Promise<{ caseId: string }>;

const detail = (backend: BenchBackend, caseId: string, openid: string) => ok(backend.call('case', { action: 'get', caseId }, openid));
const command = (backend: BenchBackend, action: string, caseDetail: { id: string; version: number }, openid: string, extra: object = {}) =>
  ok(backend.call('case', { action, caseId: caseDetail.id, version: caseDetail.version, ...extra }, openid));

async function submitted(backend: BenchBackend): Promise<{ owner: string; caseId: string }> {
  const owner = newResident();
  return { owner, caseId: (await submit(backend, owner)).caseId };
}

async function accepted(backend: BenchBackend) {
  const { owner, caseId } = await submitted(backend);
  return { owner, detail: await command(backend, 'accept', await detail(backend, caseId, OFFICER), OFFICER) };
}

async function replied(backend: BenchBackend) {
  const { owner, detail: open } = await accepted(backend);
  await command(backend, 'reply', open, OFFICER, { content: '已联系物业，路灯已于本周三修复。' });
  return { owner, detail: await detail(backend, open.id, owner) };
}

/** A resident's case linked into an answered 代表建议, stored as the lifecycle leaves them (the suggestion's public progress shows on the case). */
async function linkedToSuggestion(backend: BenchBackend): Promise<{ owner: string; caseId: string }> {
  const linked = await submitted(backend);
  const suggestionId = `sg-bench-${linked.caseId}`.slice(0, 60);
  await backend.db.collection('suggestions').add(answeredWithCase(suggestionId, linked.caseId, STATION, new Date()));
  await backend.db.collection('cases').doc(linked.caseId).update({ suggestionId });
  return linked;
}

/** How each goal is measured: the same calls as test/backend/round-trips.test.ts makes. */
const SCENARIOS: Record<string, Scenario> = {
  [IDLE_TICK]: (b) =>
    measured(
      b,
      async () => undefined,
      async () => {
        const res = await fetch(`${b.emulator.url}/_emulator/timers/scheduler`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ trigger: 'tick' }),
        });
        if (res.status !== 200) throw new Error(`scheduler tick: HTTP ${res.status}`);
      },
    ),
  'user.whoami': (b) =>
    measured(
      b,
      async () => newResident(),
      (openid) => ok(b.call('user', { action: 'whoami' }, openid)),
    ),
  'station.nearby': (b) =>
    measured(
      b,
      async () => newResident(),
      (openid) => ok(b.call('station', { action: 'nearby', latitude: 22.5515, longitude: 114.0775 }, openid)),
    ),
  'station.get': (b) =>
    measured(
      b,
      async () => newResident(),
      (openid) => ok(b.call('station', { action: 'get', id: STATION }, openid)),
    ),
  'reception.list': (b) =>
    measured(
      b,
      async () => newResident(),
      (openid) => ok(b.call('reception', { action: 'list', stationId: STATION }, openid)),
    ),
  // 我的's 关注的联络站: a resident following three stations.
  'reception.followed': (b) =>
    measured(
      b,
      async () => {
        const openid = newResident();
        for (const stationId of [STATION, 'st-ft-hf-01', 'st-ft-lh']) await ok(b.call('reception', { action: 'follow', stationId, follow: true }, openid));
        return openid;
      },
      (openid) => ok(b.call('reception', { action: 'followed' }, openid)),
    ),
  'user.duty': (b) =>
    measured(
      b,
      async () => undefined,
      () => ok(b.call('user', { action: 'duty' }, DEPUTY)),
    ),
  'case.submit': (b) =>
    measured(
      b,
      async () => newResident(),
      (openid) => submit(b, openid),
    ),
  'case.mine (resident)': (b) =>
    measured(
      b,
      () => submitted(b),
      ({ owner }) => ok(b.call('case', { action: 'mine' }, owner)),
    ),
  'case.get (resident)': (b) =>
    measured(
      b,
      () => submitted(b),
      ({ owner, caseId }) => detail(b, caseId, owner),
    ),
  'case.get (resident, linked to a suggestion)': (b) =>
    measured(
      b,
      () => linkedToSuggestion(b),
      ({ owner, caseId }) => detail(b, caseId, owner),
    ),
  'case.get (officer)': (b) =>
    measured(
      b,
      () => submitted(b),
      ({ caseId }) => detail(b, caseId, OFFICER),
    ),
  'case.inbox (officer)': (b) =>
    measured(
      b,
      async () => undefined,
      () => ok(b.call('case', { action: 'inbox' }, OFFICER)),
    ),
  'case.accept': (b) =>
    measured(
      b,
      async () => detail(b, (await submitted(b)).caseId, OFFICER),
      (open) => command(b, 'accept', open, OFFICER),
    ),
  'case.reply': (b) =>
    measured(
      b,
      async () => (await accepted(b)).detail,
      (open) => command(b, 'reply', open, OFFICER, { content: '已联系物业，路灯已于本周三修复。' }),
    ),
  'case.rate': (b) =>
    measured(
      b,
      () => replied(b),
      ({ owner, detail: answered }) => command(b, 'rate', answered, owner, { rating: 'satisfied' }),
    ),
  // 我也遇到: a resident composing a message like the accepted ones of the station, then joining one, then listing the joins.
  'case.similar': (b) =>
    measured(
      b,
      async () => {
        await accepted(b);
        return newResident();
      },
      (openid) => ok(b.call('case', { action: 'similar', stationId: STATION, title: '路灯不亮', content: '三号楼旁的路灯坏了' }, openid)),
    ),
  'case.join': (b) =>
    measured(
      b,
      async () => ({ caseId: (await accepted(b)).detail.id as string, joiner: newResident() }),
      ({ caseId, joiner }) => ok(b.call('case', { action: 'join', caseId }, joiner)),
    ),
  'case.joined': (b) =>
    measured(
      b,
      async () => {
        const joiner = newResident();
        await ok(b.call('case', { action: 'join', caseId: (await accepted(b)).detail.id }, joiner));
        return joiner;
      },
      (joiner) => ok(b.call('case', { action: 'joined' }, joiner)),
    ),
  // Last calendar year, per station and per deputy: the larger of the two counts against the goal.
  'admin.figures (year)': async (b) => {
    const year = new Date().getUTCFullYear() - 1;
    const figures = (by: 'station' | 'deputy') =>
      measured(
        b,
        async () => undefined,
        () => ok(b.call('admin', { action: 'figures', by, from: `${year}-01-01`, to: `${year}-12-31` }, ADMIN)),
      );
    const [station, deputy] = [await figures('station'), await figures('deputy')];
    return station.total >= deputy.total ? station : deputy;
  },
  // The demo officer publishing for the demo deputy: the deputy's record, the allowance, the stations, the duty record over last year.
  'report.publish': (b) =>
    measured(
      b,
      async () => publishInput(),
      (input) => ok(b.call('report', { action: 'publish', ...input }, OFFICER)),
    ),
  'report.list': (b) =>
    measured(
      b,
      async () => undefined,
      () => ok(b.call('report', { action: 'list', stationId: STATION })),
    ),
  // The deputy reads the comments beside the report and who is asking.
  'report.get': (b) =>
    measured(
      b,
      async () => (await ok(b.call('report', { action: 'publish', ...publishInput() }, OFFICER))).id as string,
      (reportId) => ok(b.call('report', { action: 'get', reportId }, DEPUTY)),
    ),
  'report.rate': (b) =>
    measured(
      b,
      async () => ({ reportId: (await ok(b.call('report', { action: 'publish', ...publishInput() }, OFFICER))).id as string, rater: newResident() }),
      ({ reportId, rater }) => ok(b.call('report', { action: 'rate', reportId, rating: 'satisfied', comment: '讲得实在' }, rater)),
    ),
  // 代表论坛 / 约见: a resident opens the event from a notice, says 我会参加, asks in advance.
  'reception.event': (b) =>
    measured(
      b,
      async () => ({ receptionId: await forumAhead(b), openid: newResident() }),
      ({ receptionId, openid }) => ok(b.call('reception', { action: 'event', receptionId }, openid)),
    ),
  'reception.attend': (b) =>
    measured(
      b,
      async () => ({ receptionId: await forumAhead(b), openid: newResident() }),
      ({ receptionId, openid }) => ok(b.call('reception', { action: 'attend', receptionId, attending: true }, openid)),
    ),
  'reception.ask': (b) =>
    measured(
      b,
      async () => ({ receptionId: await forumAhead(b), openid: newResident() }),
      ({ receptionId, openid }) => ok(b.call('reception', { action: 'ask', receptionId, question: '补贴怎么申请？' }, openid)),
    ),
  // 代表建议: the demo deputy's drafts, the office's steps, the demo unit (区住房和建设局) answering.
  'suggestion.save': (b) =>
    measured(
      b,
      async () => undefined,
      () => ok(b.call('suggestion', { action: 'save', ...suggestionDraft() }, DEPUTY)),
    ),
  'suggestion.get': (b) =>
    measured(
      b,
      async () => (await ok(b.call('suggestion', { action: 'save', ...suggestionDraft() }, DEPUTY))).id as string,
      (suggestionId) => ok(b.call('suggestion', { action: 'get', suggestionId }, DEPUTY)),
    ),
  'suggestion.list': (b) =>
    measured(
      b,
      () => assignedSuggestion(b),
      () => ok(b.call('suggestion', { action: 'list' }, UNIT)),
    ),
  'suggestion.answer': (b) =>
    measured(
      b,
      () => assignedSuggestion(b),
      (suggestionId) => ok(b.call('suggestion', { action: 'answer', suggestionId, text: '已列入明年计划。', result: 'B', publishable: true }, UNIT)),
    ),
  'suggestion.published': (b) =>
    measured(
      b,
      async () => undefined,
      () => ok(b.call('suggestion', { action: 'published', stationId: STATION })),
    ),
  'suggestion.rate': (b) =>
    measured(
      b,
      async () => {
        const suggestionId = await assignedSuggestion(b);
        await ok(b.call('suggestion', { action: 'answer', suggestionId, text: '已列入明年计划。', result: 'B', publishable: true }, UNIT));
        return suggestionId;
      },
      (suggestionId) => ok(b.call('suggestion', { action: 'rate', suggestionId, rating: 'satisfied' }, DEPUTY)),
    ),
  // 立法意见征集: a consultation of the demo office at the demo officer's station, a fresh resident each comment.
  'consultation.get': (b) =>
    measured(
      b,
      () => openConsultation(b),
      (consultationId) => ok(b.call('consultation', { action: 'get', consultationId }, newResident())),
    ),
  'consultation.list': (b) =>
    measured(
      b,
      async () => undefined,
      () => ok(b.call('consultation', { action: 'list', stationId: STATION }, newResident())),
    ),
  'consultation.comment': (b) =>
    measured(
      b,
      () => openConsultation(b),
      (consultationId) => ok(b.call('consultation', consultationComment(consultationId), newResident())),
    ),
  'consultation.review': (b) =>
    measured(
      b,
      async () => (await ok(b.call('consultation', consultationComment(await openConsultation(b)), newResident()))).id as string,
      (commentId) => ok(b.call('consultation', { action: 'review', commentId, review: 'forward' }, OFFICER)),
    ),
  'consultation.adopt': (b) =>
    measured(
      b,
      async () => {
        const consultationId = await openConsultation(b);
        const { id: commentId } = await ok(b.call('consultation', consultationComment(consultationId), newResident()));
        await ok(b.call('consultation', { action: 'review', commentId, review: 'forward' }, OFFICER));
        await b.db
          .collection('consultations')
          .doc(consultationId)
          .update({ closesOn: addDays(shanghaiDate(new Date()), -1) });
        await ok(b.call('consultation', { action: 'compile', consultationId }, ADMIN));
        return commentId as string;
      },
      (commentId) => ok(b.call('consultation', { action: 'adopt', commentId, note: '第二条采纳了这条意见。' }, ADMIN)),
    ),
};

let consultations = 0;
/** A consultation open for 10 days at the demo station; a new request id each time. */
async function openConsultation(b: BenchBackend): Promise<string> {
  consultations += 1;
  const published = await ok(
    b.call(
      'consultation',
      {
        action: 'publish',
        requestId: `bench-rt-consultation-${process.pid}-${consultations}`,
        title: '《物业管理条例（草案）》',
        askedBy: '市人大常委会法工委',
        summary: '征求意见。',
        text: '第一条　为了规范物业管理，制定本条例。\n第二条　本条例自公布之日起施行。',
        stationIds: [STATION],
        closesOn: addDays(shanghaiDate(new Date()), 10),
      },
      ADMIN,
    ),
  );
  return published.id as string;
}

const consultationComment = (consultationId: string) => ({
  action: 'comment',
  requestId: `bench-rt-comment-${process.pid}-${(consultations += 1)}`,
  consultationId,
  stationId: STATION,
  articleNo: 2,
  text: '建议写明施行日期。',
});

const UNIT = 'odemo-unit';
let suggestions = 0;
function suggestionDraft() {
  suggestions += 1;
  return {
    requestId: `bench-rt-sg-${process.pid}-${suggestions}`,
    title: '加快老旧小区加装电梯',
    problem: '老人上下楼难。',
    proposal: `简化审批，加大补贴（第 ${suggestions} 件）。`,
  };
}

/** A draft of the demo deputy's, submitted, accepted and assigned to 区住房和建设局 as the lead. */
async function assignedSuggestion(b: BenchBackend): Promise<string> {
  const suggestionId = (await ok(b.call('suggestion', { action: 'save', ...suggestionDraft() }, DEPUTY))).id as string;
  await ok(b.call('suggestion', { action: 'submit', suggestionId }, DEPUTY));
  await ok(b.call('suggestion', { action: 'review', suggestionId, decision: 'accept' }, ADMIN));
  await ok(b.call('suggestion', { action: 'assign', suggestionId, leadUnitId: 'unit-ft-zjj' }, ADMIN));
  return suggestionId;
}

let forums = 0;
/** A 代表论坛 of the demo station 30 days ahead, stored directly (its publish has its own goal). */
async function forumAhead(b: BenchBackend): Promise<string> {
  forums += 1;
  const receptionId = `rc-bench-forum-${process.pid}-${forums}`;
  await b.db.collection('receptions').add({
    _id: receptionId,
    kind: 'forum',
    stationId: STATION,
    date: shanghaiDate(new Date(Date.now() + 30 * 86_400_000)),
    start: '14:30',
    end: '16:30',
    deputyIds: ['dp-001'],
    officerId: 'sf-ft-hf',
    slots: [],
    publishedAt: new Date(),
    event: { topic: '老旧小区加装电梯', departments: ['区住房和建设局'], place: '联络站会议室' },
  });
  return receptionId;
}

let reports = 0;
/** A report of last year about the demo deputy; a new request id each time. */
function publishInput() {
  const year = Number(shanghaiDate(new Date()).slice(0, 4)) - 1;
  reports += 1;
  return {
    requestId: `bench-rt-report-${process.pid}-${reports}`,
    deputyId: 'dp-001',
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    content: `一年来走访选民，推动小区加装电梯（第 ${reports} 份）。`,
  };
}

const breakdown = (byAction: Record<string, number>) =>
  Object.entries(byAction)
    .map(([action, n]) => `${action.replace(/^database\./, '')} ${n}`)
    .join(', ');

export async function roundTripRows(): Promise<BenchRow[]> {
  const backend = await startBenchBackend();
  try {
    await seedDatabase(backend.db, { today: shanghaiDate(new Date()) });
    const rows: BenchRow[] = [];
    // The idle tick first, while nothing is due; then the rest in the table's order.
    const goals = Object.entries(GOALS).sort(([a], [b]) => Number(b === IDLE_TICK) - Number(a === IDLE_TICK));
    for (const [label, goal] of goals) {
      const item = `9. round trips: ${label}`;
      const budget = `≤ ${goal}`;
      const scenario = SCENARIOS[label];
      if (!scenario) {
        rows.push({ item, measured: 'not measured: bench/round-trips.ts has no scenario for this goal', budget, ok: false });
        continue;
      }
      try {
        const counted = await scenario(backend);
        rows.push({ item, measured: `${counted.total} (${breakdown(counted.byAction)})`, budget, ok: counted.total <= goal });
      } catch (error) {
        rows.push({ item, measured: `failed: ${(error as Error).message.split('\n')[0].slice(0, 160)}`, budget, ok: false });
      }
    }
    return rows;
  } finally {
    await backend.close();
  }
}
