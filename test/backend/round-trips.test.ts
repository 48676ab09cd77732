/**
 * Round trips to CloudBase per action: each is a network hop from the function and usually a
 * billed database operation, and unlike a timing it is the same on every machine. Counted by
 * the emulator where the SDK's requests arrive (`/_emulator/requests`), never by the functions'
 * own bookkeeping; WeChat calls (the content check, pushes) are counted apart from the database.
 *
 * The goals are written down by hand (the product's budget for each action), not taken from
 * what the code does today; every call is measured on a warm instance.
 */
import type { CaseDetail } from '../../typings/case';
import { shanghaiDate } from '../../backend/domain/calendar';
import { newRequestId, OFFICER, ref, STATION, submission } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';
import { GOALS } from './round-trip-goals';
import { answeredWithCase } from '../../backend/domain/suggestion/suggestion.fixtures';
import { uploadedPhoto } from './photos';
import { uploadedVoice } from './voice';

let backend: Backend;
const measured: Record<string, { total: number; byAction: Record<string, number> }> = {};

beforeAll(async () => {
  backend = await startBackend();
}, 180_000);

afterAll(async () => {
  console.info(`[round trips] ${JSON.stringify(Object.fromEntries(Object.entries(measured).map(([k, v]) => [k, v.total])))}`);
  await backend?.close();
});

/** The database round trips of `work`, after one unmeasured call that warms the instance. */
async function roundTrips(label: string, work: () => Promise<unknown>, warm: () => Promise<unknown> = work): Promise<number> {
  await warm();
  const counted = await backend.roundTrips(work);
  const database = Object.entries(counted.byAction).filter(([action]) => !action.startsWith('wx.'));
  measured[label] = { total: database.reduce((sum, [, n]) => sum + n, 0), byAction: Object.fromEntries(database) };
  return measured[label].total;
}

const ok = async <T>(answer: Promise<{ ok: boolean; data?: T; error?: unknown }>): Promise<T> => {
  const result = await answer;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data as T;
};

async function submittedBy(resident: string): Promise<CaseDetail> {
  const { caseId } = await ok(backend.call('case', 'submit', submission({ requestId: newRequestId() }), resident));
  return ok(backend.call('case', 'get', { caseId }, resident));
}

async function accepted(resident: string): Promise<CaseDetail> {
  return ok(backend.call('case', 'accept', ref(await submittedBy(resident)), OFFICER));
}

async function replied(resident: string): Promise<CaseDetail> {
  return ok(backend.call('case', 'reply', { ...ref(await accepted(resident)), content: '已联系物业，路灯已于本周三修复。' }, OFFICER));
}

describe('round trips per action, within their budget', () => {
  // First, while nothing is due: a tick that finds no work.
  it('scheduler tick, nothing due', async () => {
    const tick = () => backend.fireTimer('scheduler', 'tick');
    expect(await roundTrips('scheduler tick, nothing due', tick)).toBeLessThanOrEqual(GOALS['scheduler tick, nothing due']);
  });

  it('user.whoami', async () => {
    const resident = newOpenid();
    expect(await roundTrips('user.whoami', () => backend.call('user', 'whoami', {}, resident))).toBeLessThanOrEqual(GOALS['user.whoami']);
  });

  it('station.nearby and station.get (the station page)', async () => {
    const resident = newOpenid();
    const nearby = () => backend.call('station', 'nearby', { latitude: 22.5515, longitude: 114.0775 }, resident);
    expect(await roundTrips('station.nearby', nearby)).toBeLessThanOrEqual(GOALS['station.nearby']);
    expect(await roundTrips('station.get', () => backend.call('station', 'get', { id: STATION }, resident))).toBeLessThanOrEqual(GOALS['station.get']);
  });

  it('station.board and station.publicCase (办理公开, a share card)', async () => {
    // One public case closed on a 满意, so the board has a case to show.
    const resident = newOpenid();
    const answered = await replied(resident);
    await ok(backend.call('case', 'rate', { ...ref(await ok(backend.call('case', 'get', { caseId: answered.id }, resident))), rating: 'satisfied' }, resident));
    const reader = newOpenid();
    const board = (input: { stationId: string } | { district: string }) => () => ok(backend.call('station', 'board', input, reader));
    expect((await board({ stationId: STATION })()).cases.map((c) => c.id)).toContain(answered.id);
    expect(await roundTrips('station.board (page 0)', board({ stationId: STATION }))).toBeLessThanOrEqual(GOALS['station.board (page 0)']);
    expect(await roundTrips('station.board (district, page 0)', board({ district: '福田区' }))).toBeLessThanOrEqual(GOALS['station.board (page 0)']);
    const shown = () => ok(backend.call('station', 'publicCase', { caseId: answered.id }, reader));
    expect(await roundTrips('station.publicCase', shown)).toBeLessThanOrEqual(GOALS['station.publicCase']);
  });

  it('reception.list and user.duty', async () => {
    const list = () => backend.call('reception', 'list', { stationId: STATION }, newOpenid());
    expect(await roundTrips('reception.list', list)).toBeLessThanOrEqual(GOALS['reception.list']);
    expect(await roundTrips('user.duty', () => backend.call('user', 'duty', {}, 'odemo-deputy'))).toBeLessThanOrEqual(GOALS['user.duty']);
  });

  it('reception.followed (我的: the followed stations, named, with their next reception days)', async () => {
    // The caller's role, then the same two reads however many stations: three followed here, as a resident might.
    const resident = newOpenid();
    for (const stationId of [STATION, 'st-ft-hf-01', 'st-ft-lh']) await ok(backend.call('reception', 'follow', { stationId, follow: true }, resident));
    const followed = () => ok(backend.call('reception', 'followed', {}, resident));
    expect((await followed()).stations).toHaveLength(3);
    expect(await roundTrips('reception.followed', followed)).toBeLessThanOrEqual(GOALS['reception.followed']);
  });

  it('admin.figures (year), by station and by deputy', async () => {
    // One aggregate over the running totals whatever the number of cases: bench item 8 counts the same at 100,000.
    const year = String(new Date().getUTCFullYear() - 1);
    const figures = (by: 'station' | 'deputy') => () => ok(backend.call('admin', 'figures', { by, from: `${year}-01-01`, to: `${year}-12-31` }, 'odemo-admin'));
    for (const by of ['station', 'deputy'] as const) {
      expect(await roundTrips(`admin.figures (year, by ${by})`, figures(by))).toBeLessThanOrEqual(GOALS['admin.figures (year)']);
    }
  });

  it('suggestion.figures (year)', async () => {
    const year = new Date().getUTCFullYear();
    const figures = () => ok(backend.call('suggestion', 'figures', { year }, 'odemo-admin'));
    expect(await roundTrips('suggestion.figures', figures)).toBeLessThanOrEqual(GOALS['suggestion.figures']);
  });

  it('user.confirmActivity and user.activities (履职登记)', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const record = async () =>
      (await ok(
        backend.call('user', 'recordActivity', { requestId: newRequestId(), deputyId: 'dp-001', kind: 'lawEnforcement', date: today, place: '莲花北社区' }, OFFICER),
      )) as { id: string };
    let activityId = (await record()).id;
    const confirm = () => ok(backend.call('user', 'confirmActivity', { activityId, confirm: true }, 'odemo-deputy'));
    expect(
      await roundTrips('user.confirmActivity', confirm, async () => {
        await confirm();
        activityId = (await record()).id;
      }),
    ).toBeLessThanOrEqual(GOALS['user.confirmActivity']);
    const list = () => ok(backend.call('user', 'activities', {}, 'odemo-deputy'));
    expect(await roundTrips('user.activities (deputy)', list)).toBeLessThanOrEqual(GOALS['user.activities']);
  });

  it('report.publish, report.list, report.get and report.rate', async () => {
    const year = new Date().getUTCFullYear() - 1;
    let n = 0;
    // The demo officer for a deputy of the station: the deputy's record read as well. Two photos, the duty record over a year.
    const input = async () => ({
      requestId: newRequestId(),
      deputyId: 'dp-001',
      period: { from: `${year}-01-01`, to: `${year}-12-31` },
      content: `一年来走访选民，推动小区加装电梯（第 ${(n += 1)} 份）。`,
      photoFileIds: [await uploadedPhoto(backend, OFFICER), await uploadedPhoto(backend, OFFICER)],
    });
    let next = await input();
    let reportId = '';
    const publish = async () => (reportId = (await ok(backend.call('report', 'publish', next, OFFICER))).id);
    expect(await roundTrips('report.publish', publish, async () => (await publish()) && (next = await input()))).toBeLessThanOrEqual(GOALS['report.publish']);

    expect(await roundTrips('report.list', () => ok(backend.call('report', 'list', { stationId: STATION })))).toBeLessThanOrEqual(GOALS['report.list']);
    // The deputy reads the comments; a resident reads their own rating: each one read beside the report and the caller.
    for (const [label, caller] of [
      ['deputy', 'odemo-deputy'],
      ['resident', newOpenid()],
    ]) {
      const get = () => ok(backend.call('report', 'get', { reportId }, caller));
      expect(await roundTrips(`report.get (${label})`, get)).toBeLessThanOrEqual(GOALS['report.get']);
    }
    let rater = newOpenid();
    const rate = () => ok(backend.call('report', 'rate', { reportId, rating: 'satisfied', comment: '讲得实在' }, rater));
    expect(
      await roundTrips('report.rate', rate, async () => {
        await rate();
        rater = newOpenid();
      }),
    ).toBeLessThanOrEqual(GOALS['report.rate']);
  });

  it('reception.event, reception.attend, reception.ask (代表论坛 / 约见)', async () => {
    const receptionId = `rc-rt-forum-${newOpenid().slice(-8)}`;
    const date = shanghaiDate(new Date(Date.now() + 30 * 86_400_000));
    await backend.db.collection('receptions').add({
      _id: receptionId,
      kind: 'forum',
      stationId: STATION,
      date,
      start: '14:30',
      end: '16:30',
      deputyIds: ['dp-001'],
      officerId: 'sf-ft-hf',
      slots: [],
      publishedAt: new Date(),
      event: { topic: '老旧小区加装电梯', departments: ['区住房和建设局'], place: '联络站会议室' },
    });
    const resident = newOpenid();
    expect(await roundTrips('reception.event', () => ok(backend.call('reception', 'event', { receptionId }, resident)))).toBeLessThanOrEqual(GOALS['reception.event']);
    let attending = true;
    const attend = () => ok(backend.call('reception', 'attend', { receptionId, attending: (attending = !attending) }, resident));
    expect(await roundTrips('reception.attend', attend)).toBeLessThanOrEqual(GOALS['reception.attend']);
    let asker = newOpenid();
    const ask = () => ok(backend.call('reception', 'ask', { receptionId, question: '补贴怎么申请？' }, asker));
    expect(
      await roundTrips('reception.ask', ask, async () => {
        await ask();
        asker = newOpenid();
      }),
    ).toBeLessThanOrEqual(GOALS['reception.ask']);
  });

  it('reception.recordVisit, case.claim (接待日登记)', async () => {
    const receptionId = `rc-rt-visit-${newOpenid().slice(-8)}`;
    await backend.db.collection('receptions').add({
      _id: receptionId,
      stationId: STATION,
      date: shanghaiDate(new Date()),
      start: '00:00',
      end: '23:59',
      deputyIds: ['dp-001'],
      officerId: 'sf-ft-hf',
      slots: [],
      publishedAt: new Date(),
    });
    const record = () => ok(backend.call('reception', 'recordVisit', { requestId: newRequestId(), receptionId, issue: '小区门口的路灯坏了一个月' }, OFFICER));
    expect(await roundTrips('reception.recordVisit', record)).toBeLessThanOrEqual(GOALS['reception.recordVisit']);
    let code = '';
    const arrange = async () => {
      const visit: any = await record();
      code = ((await ok(backend.call('reception', 'visitToCase', { visitId: visit.id, requestId: newRequestId() }, OFFICER))) as any).claim.code;
    };
    const claim = () => ok(backend.call('case', 'claim', { code }, newOpenid()));
    expect(await roundTrips('case.claim', claim, arrange)).toBeLessThanOrEqual(GOALS['case.claim']);
  });

  it('case.submit', async () => {
    const submit = () => ok(backend.call('case', 'submit', submission({ requestId: newRequestId() }), newOpenid()));
    expect(await roundTrips('case.submit', submit)).toBeLessThanOrEqual(GOALS['case.submit']);
  });

  it('case.submit and case.get with a voice message cost no more than with one photo', async () => {
    // Uploaded before the measured call: only the submission itself is counted.
    const prepared = async (kind: 'photo' | 'voice') => {
      const resident = newOpenid();
      const base = submission({ requestId: newRequestId() });
      const input =
        kind === 'photo'
          ? { ...base, photoFileIds: [await uploadedPhoto(backend, resident)] }
          : { ...base, voice: { fileId: await uploadedVoice(backend, resident), durationSec: 30 } };
      return { resident, input };
    };
    const trips: Record<string, number> = {};
    for (const kind of ['photo', 'voice'] as const) {
      let next = await prepared(kind);
      let caseId = '';
      const submit = async () => (caseId = (await ok(backend.call('case', 'submit', next.input, next.resident))).caseId);
      trips[`submit ${kind}`] = await roundTrips(`case.submit (one ${kind})`, submit, async () => {
        await submit();
        next = await prepared(kind);
      });
      trips[`get ${kind}`] = await roundTrips(`case.get (officer, one ${kind})`, () => ok(backend.call('case', 'get', { caseId }, OFFICER)));
    }
    expect(trips['submit voice']).toBeLessThanOrEqual(trips['submit photo']);
    expect(trips['get voice']).toBeLessThanOrEqual(trips['get photo']);
  });

  it('case.mine, case.get and case.inbox', async () => {
    const resident = newOpenid();
    const detail = await submittedBy(resident);
    expect(await roundTrips('case.mine (resident)', () => ok(backend.call('case', 'mine', {}, resident)))).toBeLessThanOrEqual(GOALS['case.mine (resident)']);
    const get = (openid: string) => () => ok(backend.call('case', 'get', { caseId: detail.id }, openid));
    expect(await roundTrips('case.get (resident)', get(resident))).toBeLessThanOrEqual(GOALS['case.get (resident)']);
    expect(await roundTrips('case.get (officer)', get(OFFICER))).toBeLessThanOrEqual(GOALS['case.get (officer)']);
    expect(await roundTrips('case.inbox (officer)', () => ok(backend.call('case', 'inbox', {}, OFFICER)))).toBeLessThanOrEqual(GOALS['case.inbox (officer)']);
  });

  it('case.get of a case linked into a 代表建议, and suggestion.published', async () => {
    const resident = newOpenid();
    const detail = await submittedBy(resident);
    const suggestionId = `sg-rt-${detail.id}`.slice(0, 60);
    await backend.db.collection('suggestions').add(answeredWithCase(suggestionId, detail.id, STATION, new Date()));
    await backend.db.collection('cases').doc(detail.id).update({ suggestionId });
    const get = () => ok(backend.call('case', 'get', { caseId: detail.id }, resident));
    expect((await get()).suggestion).toMatchObject({ id: suggestionId, statusLabel: '已答复' });
    expect(await roundTrips('case.get (resident, linked to a suggestion)', get)).toBeLessThanOrEqual(GOALS['case.get (resident, linked to a suggestion)']);
    const published = () => ok(backend.call('suggestion', 'published', { stationId: STATION }));
    expect((await published()).suggestions.map((one) => one.id)).toContain(suggestionId);
    expect(await roundTrips('suggestion.published', published)).toBeLessThanOrEqual(GOALS['suggestion.published']);
  });

  it('case.accept, case.reply and case.rate', async () => {
    const accept = async () => ok(backend.call('case', 'accept', ref(await submittedBy(newOpenid())), OFFICER));
    // The case is made outside the measured call: only the command itself is counted.
    const fresh = async () => submittedBy(newOpenid());
    const acceptOne = async (detail: CaseDetail) => ok(backend.call('case', 'accept', ref(detail), OFFICER));
    await accept();
    let next = await fresh();
    expect(
      await roundTrips(
        'case.accept',
        () => acceptOne(next),
        async () => (next = await fresh()).id,
      ),
    ).toBeLessThanOrEqual(GOALS['case.accept']);

    let open = await accepted(newOpenid());
    const reply = () => ok(backend.call('case', 'reply', { ...ref(open), content: '已联系物业，路灯已于本周三修复。' }, OFFICER));
    await reply();
    open = await accepted(newOpenid());
    expect(await roundTrips('case.reply', reply, async () => undefined)).toBeLessThanOrEqual(GOALS['case.reply']);

    const resident = newOpenid();
    let answered = await replied(resident);
    const rate = (by: string) => () => ok(backend.call('case', 'rate', { ...ref(answered), rating: 'satisfied' }, by));
    const warmResident = newOpenid();
    const warmCase = await replied(warmResident);
    await ok(backend.call('case', 'rate', { ...ref(warmCase), rating: 'satisfied' }, warmResident));
    answered = await ok(backend.call('case', 'get', { caseId: answered.id }, resident));
    expect(await roundTrips('case.rate', rate(resident), async () => undefined)).toBeLessThanOrEqual(GOALS['case.rate']);
  });

  it('case.similar, case.join and case.joined (我也遇到)', async () => {
    const composer = newOpenid();
    await accepted(newOpenid());
    const similar = () => ok(backend.call('case', 'similar', { stationId: STATION, title: '小区路灯不亮', content: '三号楼旁的路灯坏了' }, composer));
    expect((await similar()).cases.length).toBeGreaterThan(0);
    expect(await roundTrips('case.similar', similar)).toBeLessThanOrEqual(GOALS['case.similar']);

    // A first join each time (a repeat is cheaper): the case is made outside the measured call.
    let target = await accepted(newOpenid());
    const join = () => ok(backend.call('case', 'join', { caseId: target.id }, composer));
    await join();
    target = await accepted(newOpenid());
    expect(await roundTrips('case.join', join, async () => undefined)).toBeLessThanOrEqual(GOALS['case.join']);
    expect(await roundTrips('case.joined', () => ok(backend.call('case', 'joined', {}, composer)))).toBeLessThanOrEqual(GOALS['case.joined']);
  });

  it("a command on a case with joiners costs two reads more (its joiners; the notes in the handler's answer); the notices ride in the same write", async () => {
    const joined = await accepted(newOpenid());
    await ok(backend.call('case', 'join', { caseId: joined.id }, newOpenid()));
    const alone = await accepted(newOpenid());
    const reply = (detail: CaseDetail) => () => ok(backend.call('case', 'reply', { ...ref(detail), content: '已联系物业，路灯已于本周三修复。' }, OFFICER));
    const without = await roundTrips('case.reply (nobody joined)', reply(alone), async () => undefined);
    const withJoiners = await roundTrips('case.reply (one joiner)', reply(joined), async () => undefined);
    expect(without).toBeLessThanOrEqual(GOALS['case.reply']);
    expect(withJoiners).toBe(without + 2);
  });
});
