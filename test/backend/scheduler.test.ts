/**
 * The scheduler function through the function host, as CloudBase's timer runs it: no WeChat
 * user, the clock in the timer event's `Time`. Each test moves that clock to where its own
 * cases stand (16 days after a reply, an hour past a deadline …) and judges only its own
 * cases: every run acts on the whole district.
 */
import { randomUUID } from 'node:crypto';
import { addDays, shanghaiDate } from '../../backend/domain/calendar';
import { budgetOf } from '../../backend/domain/scheduler';
import { RETRY_DELAYS_MS } from '../../backend/domain/notifications/retry-policy';
import type { Database } from '../../backend/platform/cloudbase';
import { createWxGateway } from '../../backend/platform/wx-gateway';
import { runScheduler } from '../../backend/use-cases/scheduler/run-scheduler';
import templates from '../../config/subscribe-templates.json';
import { caseDocument, DEPUTY, DEPUTY_ID, eventDocuments, notificationDocuments, OFFICER, ref, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;
const STATUS = templates.templates.caseStatusChanged.id;
const REMINDER = templates.templates.receptionReminder.id;
const TASK = templates.templates.handlerTask.id;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const later = (instant: Date | string, ms: number) => new Date(new Date(instant).getTime() + ms);

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'subscription', 'reception', 'scheduler'] });
}, 120_000);

afterAll(() => backend?.close());

afterEach(() => backend.wx.clearFaults());

/** The timer firing at `at`: the event CloudBase sends, and the function's clock at `at` (the emulator's seam). */
async function tick(at: Date) {
  const { status, body } = await backend.fireTimer('scheduler', 'tick', at);
  expect(status).toBe(200);
  return body;
}

/** The same event, sent as a call from the mini-program (with `openid`) or from outside WeChat. */
async function forgedTick(at: Date, openid?: string) {
  const { status, body } = await backend.callRaw('scheduler', { Type: 'Timer', TriggerName: 'tick', Time: at.toISOString(), Message: '' }, openid);
  expect(status).toBe(200);
  return body;
}

/** The user accepted `count` messages of a template: recorded by us and by WeChat. */
async function allow(openid: string, templateId: string, count = 1): Promise<void> {
  for (let i = 0; i < count; i += 1) await backend.data('subscription', 'record', { results: { [templateId]: 'accept' } }, openid);
  await backend.wx.grant(openid, templateId, count);
}

async function acceptedCase(resident: string, { assign = true } = {}) {
  const { caseId } = await submitted(backend, resident);
  const accepted = await backend.data('case', 'accept', { caseId, version: 1 }, OFFICER);
  return assign ? backend.data('case', 'assign', { ...ref(accepted), deputyId: DEPUTY_ID }, OFFICER) : accepted;
}

async function repliedCase(resident: string) {
  const assigned = await acceptedCase(resident);
  const replied = await backend.data('case', 'reply', { ...ref(assigned), content: '您好，三号楼旁的路灯已于本周三修复，请您留意。' }, DEPUTY);
  const repliedAt = new Date((await caseDocument(backend, replied.id)).repliedAt);
  return { ...replied, repliedAt };
}

/** Messages WeChat delivered to `openid` about one case (by its receipt number in the data). */
async function sentAbout(openid: string, templateId: string, receiptNo: string) {
  return (await backend.wx.sent({ openid, templateId })).filter((m) => Object.values(m.data).some((field) => field.value === receiptNo));
}

async function bookedReception(resident: string, daysAhead: number) {
  const receptionId = `rc-sched-${randomUUID().slice(0, 8)}`;
  const date = addDays(shanghaiDate(new Date()), daysAhead);
  await backend.db.collection('receptions').add({
    _id: receptionId,
    stationId: 'st-ft-hf',
    date,
    start: '09:00',
    end: '10:00',
    deputyIds: [DEPUTY_ID],
    officerId: 'sf-ft-hf',
    slots: [{ start: '09:00', end: '09:30', capacity: 2, booked: 0 }],
    publishedAt: new Date(Date.now() - DAY),
  });
  const { body } = await backend.callRaw('reception', { action: 'book', requestId: `req-${randomUUID()}`, receptionId, slotIndex: 0, topic: '小区加装电梯的事' }, resident);
  expect(body.ok).toBe(true);
  const reminderId = `${body.data.id}:receptionReminder`;
  return { reminderId, remindAt: new Date(`${addDays(date, -1)}T09:00:00+08:00`) };
}

const notification = async (id: string) => (await backend.db.collection('notifications').doc(id).get()).data[0];

describe('closing replies nobody rated', () => {
  it('closes a reply 16 days old without a rating, on the timeline and in a push to the resident', async () => {
    const resident = newOpenid();
    const replied = await repliedCase(resident);
    await allow(resident, STATUS, 1);

    const summary = await tick(later(replied.repliedAt, 16 * DAY));
    expect(summary).toMatchObject({ ok: true, data: { jobs: { autoClose: { complete: true } } } });
    expect(summary.data.jobs.autoClose.counts.closed).toBeGreaterThanOrEqual(1);
    // The retention job runs on every tick too (its rule is tested in test/reliability/retention.test.ts).
    expect(summary.data.jobs.retention).toMatchObject({ counts: { purged: expect.any(Number) } });

    const stored = await caseDocument(backend, replied.id);
    expect(stored).toMatchObject({ status: 'closed', closure: { how: 'auto', withoutRating: true } });
    expect(stored.rating).toBeUndefined();
    const last = (await eventDocuments(backend, replied.id)).at(-1)!;
    expect(last).toMatchObject({ kind: 'closed', actorRole: 'system', fromStatus: 'replied', toStatus: 'closed', data: { how: 'auto', withoutRating: true } });

    const pushes = await sentAbout(resident, STATUS, replied.receiptNo);
    expect(pushes).toHaveLength(1);
    expect(pushes[0].data).toMatchObject({ phrase3: { value: '已办结' }, thing5: { value: '答复后未评价，已自动办结' } });
    // The resident still finds it closed without a rating in their own view: never counted as satisfied.
    expect(await backend.data('case', 'get', { caseId: replied.id }, resident)).toMatchObject({ status: 'closed' });
  });

  it('leaves a reply of 14 days, and a reply rated 不满意 (the officer’s call or a 重办)', async () => {
    const young = await repliedCase(newOpenid());
    const unhappyResident = newOpenid();
    const unhappy = await repliedCase(unhappyResident);
    await backend.data('case', 'rate', { ...ref(unhappy), rating: 'unsatisfied', comment: '路灯又坏了' }, unhappyResident);
    const eventsBefore = (await eventDocuments(backend, unhappy.id)).length;

    await tick(later(young.repliedAt, 14 * DAY));
    expect(await caseDocument(backend, young.id)).toMatchObject({ status: 'replied', version: young.version });

    await tick(later(unhappy.repliedAt, 20 * DAY));
    expect(await caseDocument(backend, unhappy.id)).toMatchObject({ status: 'replied', rating: { value: 'unsatisfied' } });
    expect(await eventDocuments(backend, unhappy.id)).toHaveLength(eventsBefore);
  });

  it('works through more than a page of them, run after run within the time budget, closing each exactly once', async () => {
    const model = await caseDocument(backend, (await repliedCase(newOpenid())).id);
    const repliedAt = new Date(model.repliedAt);
    const stamp = randomUUID().slice(0, 6);
    const ids = Array.from({ length: 60 }, (_, i) => `case-bulk-${stamp}-${i}`);
    await backend.db
      .collection('cases')
      .add(ids.map((id, i) => ({ ...model, _id: id, receiptNo: `BULK-${stamp}-${i}`, requestId: `req-${id}`, ownerOpenid: `obulk-${stamp}-${i}` })));

    let closed = 0;
    for (let run = 0, complete = false; !complete; run += 1) {
      expect(run).toBeLessThan(10);
      const { data } = await tick(later(repliedAt, 16 * DAY + run * 10 * 60_000));
      expect(data.elapsedMs).toBeLessThan(40_000); // the 30 s budget, plus the step under way, inside the 60 s timeout
      closed += data.jobs.autoClose.counts.closed;
      complete = data.jobs.autoClose.complete;
    }
    expect(closed).toBeGreaterThanOrEqual(61); // ours, and any older reply of the other tests
    const { total } = await backend.db
      .collection('cases')
      .where({ _id: backend.db.command.in(ids), status: 'closed' })
      .count();
    expect(total).toBe(60);
    const closings = await Promise.all(ids.map(async (id) => (await eventDocuments(backend, id)).filter((e) => e.kind === 'closed').length));
    expect(closings.reduce((sum, n) => sum + n, 0)).toBe(60);
  }, 120_000);
});

describe('escalating overdue cases (督办)', () => {
  it('escalates once, not again an hour later, and again after 3 days — each time telling the officer and the deputy once', async () => {
    const assigned = await acceptedCase(newOpenid());
    const dueAt = new Date((await caseDocument(backend, assigned.id)).dueAt);
    const supervisions = async () => (await eventDocuments(backend, assigned.id)).filter((e) => e.kind === 'supervised');

    await tick(later(dueAt, HOUR));
    const [first] = await supervisions();
    expect(await supervisions()).toHaveLength(1);
    expect(first).toMatchObject({ actorRole: 'system', data: { escalated: true } });
    expect(await caseDocument(backend, assigned.id)).toMatchObject({ status: 'accepted', lastEscalatedAt: later(dueAt, HOUR) });

    await tick(later(dueAt, 2 * HOUR));
    expect(await supervisions()).toHaveLength(1);

    await tick(later(dueAt, HOUR + 3 * DAY));
    const both = await supervisions();
    expect(both).toHaveLength(2);

    // The case use case queues the handlers' 督办 notice with the event; the scheduler adds none.
    const tasks = (await notificationDocuments(backend, assigned.id)).filter((n) => n.kind === 'handlerTask' && n.eventSeq !== undefined);
    for (const { seq } of both) {
      expect(
        tasks
          .filter((n) => n.eventSeq === seq)
          .map((n) => n.openid)
          .sort(),
      ).toEqual([DEPUTY, OFFICER].sort());
    }
  });
});

describe('reminding handlers of a deadline', () => {
  it('tells the officer and the assigned deputy once per deadline, a day ahead; only a granted handler receives it', async () => {
    const assigned = await acceptedCase(newOpenid());
    const dueAt = new Date((await caseDocument(backend, assigned.id)).dueAt);
    await allow(OFFICER, TASK, 5);
    const reminders = async () => (await notificationDocuments(backend, assigned.id)).filter((n) => n.dueKey);

    await tick(later(dueAt, -25 * HOUR));
    expect(await reminders()).toEqual([]);

    await tick(later(dueAt, -23 * HOUR));
    const queued = await reminders();
    expect(queued.map((n) => n._id).sort()).toEqual([`${assigned.id}:due:${dueAt.getTime()}:${DEPUTY}`, `${assigned.id}:due:${dueAt.getTime()}:${OFFICER}`].sort());
    expect(Object.fromEntries(queued.map((n) => [n.openid, n.state]))).toEqual({ [OFFICER]: 'sent', [DEPUTY]: 'skipped_no_grant' });

    const toOfficer = await sentAbout(OFFICER, TASK, assigned.receiptNo);
    expect(toOfficer).toHaveLength(1);
    expect(toOfficer[0]).toMatchObject({
      page: `packages/work/case/index?id=${assigned.id}`,
      data: {
        thing1: { value: '留言待答复，即将到期' },
        character_string3: { value: assigned.receiptNo },
        time4: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 23:59$/) },
      },
    });
    expect(await sentAbout(DEPUTY, TASK, assigned.receiptNo)).toEqual([]);

    // A rerun within the same day queues nothing more, and sends nothing more.
    await tick(later(dueAt, -22 * HOUR));
    await tick(later(dueAt, -1 * HOUR));
    expect(await reminders()).toHaveLength(2);
    expect(await sentAbout(OFFICER, TASK, assigned.receiptNo)).toHaveLength(1);
  });

  it('tells only the officers while no deputy is assigned (a case waiting for acceptance)', async () => {
    const { caseId } = await submitted(backend, newOpenid());
    const dueAt = new Date((await caseDocument(backend, caseId)).dueAt);
    await tick(later(dueAt, -2 * HOUR));
    const queued = (await notificationDocuments(backend, caseId)).filter((n) => n.dueKey);
    expect(queued.map((n) => n.openid)).toEqual([OFFICER]);
    expect(queued[0].data.thing1.value).toBe('留言待受理，即将到期');
  });
});

describe('delivering the outbox', () => {
  it('sends a booking’s reminder at 09:00 the day before, not at 08:59', async () => {
    const resident = newOpenid();
    await allow(resident, REMINDER, 1);
    const { reminderId, remindAt } = await bookedReception(resident, 9);

    await tick(later(remindAt, -60_000));
    expect(await backend.wx.sent({ openid: resident, templateId: REMINDER })).toEqual([]);
    expect(await notification(reminderId)).toMatchObject({ state: 'pending', attempts: 0 });

    await tick(remindAt);
    expect(await backend.wx.sent({ openid: resident, templateId: REMINDER })).toHaveLength(1);
    expect(await notification(reminderId)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('retries a transient WeChat failure on a later tick, after its back-off, and sends it exactly once', async () => {
    const resident = newOpenid();
    await allow(resident, REMINDER, 1);
    const { reminderId, remindAt } = await bookedReception(resident, 10);
    await backend.wx.fault({ apiName: 'subscribeMessage.send', errcode: -1, times: 1 });

    const first = await tick(remindAt);
    expect(first.data.jobs.delivery.counts.retry).toBe(1);
    expect(await notification(reminderId)).toMatchObject({ state: 'pending', attempts: 1, lastError: { errcode: -1 } });
    expect(await backend.wx.sent({ openid: resident })).toEqual([]);

    await tick(later(remindAt, RETRY_DELAYS_MS[0] / 2)); // not yet due again
    expect(await backend.wx.sent({ openid: resident })).toEqual([]);

    await tick(later(remindAt, RETRY_DELAYS_MS[0] + 1000));
    await tick(later(remindAt, 10 * 60_000));
    expect(await backend.wx.sent({ openid: resident })).toHaveLength(1);
    expect(await notification(reminderId)).toMatchObject({ state: 'sent', attempts: 2 });
  });
});

describe('who may run it', () => {
  const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: '您没有权限进行这个操作' } };

  it('refuses the timer event sent by anyone but the timer, and changes nothing', async () => {
    const replied = await repliedCase(newOpenid());
    const before = await caseDocument(backend, replied.id);
    const events = (await eventDocuments(backend, replied.id)).length;
    const sent = (await backend.wx.sent()).length;
    // A user of the mini-program, and a call from outside WeChat with no user at all — the
    // attack: a tick dated a year ahead would close, escalate and purge everything early.
    for (const openid of ['odemo-resident', 'odemo-admin', undefined]) {
      expect(await forgedTick(later(replied.repliedAt, 16 * DAY), openid)).toEqual(FORBIDDEN);
      expect(await forgedTick(later(replied.repliedAt, 400 * DAY), openid)).toEqual(FORBIDDEN);
    }
    expect(await caseDocument(backend, replied.id)).toEqual(before);
    expect(await eventDocuments(backend, replied.id)).toHaveLength(events);
    expect(await backend.wx.sent()).toHaveLength(sent);
  });

  it('refuses its own trigger when its Time is far from the clock, and takes one a little late', async () => {
    const replied = await repliedCase(newOpenid());
    const now = new Date();
    const far = await backend.fireTimer('scheduler', 'tick', later(now, 400 * DAY), now);
    expect(far.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'Time', message: '触发时间与当前时间相差过大' } });
    const late = await backend.fireTimer('scheduler', 'tick', later(now, -2 * 60 * 1000), now);
    expect(late.body).toMatchObject({ ok: true });
    expect(await caseDocument(backend, replied.id)).toMatchObject({ status: 'replied', version: replied.version });
  });

  it('answers the emulator’s seam only for a trigger the function declares', async () => {
    expect(await backend.fireTimer('scheduler', 'nightly')).toMatchObject({ status: 404, body: { code: 'TRIGGER_NOT_FOUND' } });
    expect(await backend.fireTimer('case', 'tick')).toMatchObject({ status: 404 });
  });
});

describe('a run whose case jobs fail', () => {
  it('still delivers the outbox, and reports which jobs failed', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const resident = newOpenid();
    await allow(resident, REMINDER, 1);
    const { reminderId, remindAt } = await bookedReception(resident, 11);
    // The cases collection is unreachable; everything else works.
    const db = new Proxy(backend.db, {
      get(target, key) {
        if (key === 'collection') {
          return (name: string) => {
            if (name === 'cases') throw new Error('cases unavailable');
            return target.collection(name);
          };
        }
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as unknown as Database;

    const summary = await runScheduler({ db, wx: createWxGateway(backend.app), now: remindAt, ids: () => randomUUID(), budget: budgetOf(30_000) });
    for (const job of ['autoClose', 'escalate', 'dueReminders'] as const) expect(summary.jobs[job]).toMatchObject({ complete: false, error: 'cases unavailable' });
    expect(summary.jobs.delivery).toMatchObject({ complete: true, counts: { sent: 1 } });
    expect(await notification(reminderId)).toMatchObject({ state: 'sent' });
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/autoClose failed/), expect.any(Error));
    error.mockRestore();
  });
});
