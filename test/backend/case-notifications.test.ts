/**
 * Subscription messages through the outbox: written with every change, sent after the commit
 * through the WeChat gateway (the emulator records what WeChat would deliver), never beyond
 * the user's grants, retried with back-off, never sent twice.
 */
import { dispatchDueNotifications } from '../../backend/notifications/dispatch';
import { RETRY_DELAYS_MS } from '../../backend/domain/notifications/retry-policy';
import { findDataProblem } from '../../backend/platform/subscribe-fields';
import { createWxGateway } from '../../backend/platform/wx-gateway';
import templates from '../../config/subscribe-templates.json';
import { caseDocument, DEPUTY, DEPUTY_ID, notificationDocuments, OFFICER, ref, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;
const STATUS = templates.templates.caseStatusChanged.id;
const REPLY = templates.templates.caseReplied.id;
const REMINDER = templates.templates.receptionReminder.id;
const TASK = 'LOCAL-PLACEHOLDER-handlerTask';

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'subscription'] });
}, 120_000);

afterAll(() => backend?.close());

afterEach(() => backend.wx.clearFaults());

/** The user accepted `count` messages of a template: recorded by us (subscription.record) and by WeChat. */
async function allow(openid: string, templateId: string, count = 1, { wechat = true, ours = true } = {}): Promise<void> {
  for (let i = 0; i < count && ours; i += 1) await backend.data('subscription', 'record', { results: { [templateId]: 'accept' } }, openid);
  if (wechat) await backend.wx.grant(openid, templateId, count);
}

const remaining = async (openid: string) => (await backend.data('subscription', 'record', { results: {} }, openid)).remaining;

/** The scheduler's run at `now`, reaching WeChat as a function does. */
const schedulerAt = (now: Date) => dispatchDueNotifications({ db: backend.db, wx: createWxGateway(backend.app) }, now);

async function acceptedCaseOf(resident: string) {
  const { caseId } = await submitted(backend, resident);
  return backend.data('case', 'accept', { caseId, version: 1 }, OFFICER);
}

describe('the subscription function', () => {
  it('tells the mini-program which templates to request, from the one config file', async () => {
    expect(await backend.data('subscription', 'templates', {})).toEqual({ caseStatusChanged: STATUS, caseReplied: REPLY, receptionReminder: REMINDER, handlerTask: TASK });
  });

  it('records one grant per accept, ignores other answers and unknown templates, and answers what remains', async () => {
    const user = newOpenid();
    const answer = await backend.data('subscription', 'record', { results: { [STATUS]: 'accept', [REPLY]: 'reject', 'some-other-template': 'accept' } }, user);
    expect(answer.remaining).toEqual({ [STATUS]: 1, [REPLY]: 0, [REMINDER]: 0, [TASK]: 0 });
    await backend.data('subscription', 'record', { results: { [STATUS]: 'accept', [REPLY]: 'accept' } }, user);
    expect(await remaining(user)).toEqual({ [STATUS]: 2, [REPLY]: 1, [REMINDER]: 0, [TASK]: 0 });
  });

  it('needs a WeChat identity', async () => {
    expect(await backend.call('subscription', 'record', { results: { [STATUS]: 'accept' } })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('takes wx.requestSubscribeMessage’s answer as it came: errMsg and unknown answers ignored, an accept with a reminder counted', async () => {
    const user = newOpenid();
    const results = { errMsg: 'requestSubscribeMessage:ok', [STATUS]: 'acceptWithAudio', [REPLY]: 'somethingNew', [REMINDER]: 'filter', [TASK]: 'acceptWithAlert' };
    const answer = await backend.call('subscription', 'record', { results }, user);
    expect(answer).toEqual({ ok: true, data: { remaining: { [STATUS]: 1, [REPLY]: 0, [REMINDER]: 0, [TASK]: 1 } } });
    // Still refused: something WeChat never answers.
    const operator = await backend.callRaw('subscription', { action: 'record', results: { [STATUS]: { $ne: null } } }, user);
    expect(operator.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: `results.${STATUS}` } });
  });
});

describe('notices of a case', () => {
  it('sends every change of status and the reply, within the grants, with data WeChat accepts', async () => {
    const resident = newOpenid();
    await allow(resident, STATUS, 2);
    await allow(resident, REPLY, 1);
    const { caseId, receiptNo } = await submitted(backend, resident, { title: '华富村三号楼旁路灯不亮已经两周了请尽快维修' });
    expect(await backend.wx.sent({ openid: resident })).toEqual([]); // the receipt is on screen: the grant is kept

    const accepted = await backend.data('case', 'accept', { caseId, version: 1 }, OFFICER);
    const assigned = await backend.data('case', 'assign', { ...ref(accepted), deputyId: DEPUTY_ID }, OFFICER);
    const replied = await backend.data('case', 'reply', { ...ref(assigned), content: '您好，已联系华富村物业公司，三号楼旁的路灯已于本周三修复，请您留意。' }, DEPUTY);
    await backend.data('case', 'rate', { ...ref(replied), rating: 'satisfied' }, resident);

    const sent = await backend.wx.sent({ openid: resident });
    expect(sent.map((m) => [m.template_id, m.data.phrase3?.value ?? 'reply'])).toEqual([
      [STATUS, '已受理'],
      [REPLY, 'reply'],
      [STATUS, '已办结'],
    ]);
    for (const message of sent) {
      expect(findDataProblem(message.data)).toBeNull();
      expect(message.page).toBe(`packages/case/detail/index?id=${caseId}`);
    }
    const [acceptedNotice, reply] = sent;
    expect(acceptedNotice.data).toEqual({
      character_string1: { value: receiptNo },
      thing2: { value: '华富村三号楼旁路灯不亮已经两周了请尽快…' }, // 20 characters: WeChat's limit for thing
      phrase3: { value: '已受理' },
      time4: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) },
      thing5: { value: expect.stringMatching(/^预计\d{1,2}月\d{1,2}日前答复$/) },
    });
    expect(reply.data).toMatchObject({
      thing1: { value: expect.stringMatching(/^华富村/) },
      thing2: { value: expect.stringMatching(/^人大代表 /) },
      thing3: { value: expect.stringMatching(/^您好，已联系华富村物业公司.{0,8}…$/) },
    });

    expect((await notificationDocuments(backend, caseId)).map((n) => [n.eventSeq, n.kind, n.state])).toEqual([
      [2, 'caseStatusChanged', 'sent'],
      // The assignment tells the deputy (handlerTask), who granted nothing here.
      [3, 'handlerTask', 'skipped_no_grant'],
      [4, 'caseReplied', 'sent'],
      [5, 'caseStatusChanged', 'sent'],
    ]);
    expect(await remaining(resident)).toMatchObject({ [STATUS]: 0, [REPLY]: 0 });
    // Every message settled: the case has left the dispatcher's index, so no scheduler run reads it again.
    expect(await caseDocument(backend, caseId)).not.toHaveProperty('outboxDueAt');
  });

  it('a change with a message the resident allows costs 5 round trips: role, case, grant, the write with its message, the record of the send', async () => {
    const resident = newOpenid();
    await allow(resident, STATUS, 2);
    const { caseId } = await submitted(backend, resident);
    await acceptedCaseOf(newOpenid()); // a warm instance
    const counted = await backend.roundTrips(() => backend.data('case', 'accept', { caseId, version: 1 }, OFFICER));
    const database = Object.entries(counted.byAction).filter(([action]) => !action.startsWith('wx.'));
    expect(database.reduce((sum, [, n]) => sum + n, 0)).toBeLessThanOrEqual(5);
    expect(await backend.wx.sent({ openid: resident })).toHaveLength(1);
    expect((await notificationDocuments(backend, caseId)).map((n) => n.state)).toEqual(['sent']);
  });

  it('never sends beyond the grants: a change without one is skipped, not sent', async () => {
    const resident = newOpenid();
    await allow(resident, STATUS, 1);
    const accepted = await acceptedCaseOf(resident);
    await backend.data('case', 'start', ref(accepted), OFFICER);
    expect(await backend.wx.sent({ openid: resident })).toHaveLength(1);
    expect((await notificationDocuments(backend, accepted.id)).map((n) => n.state)).toEqual(['sent', 'skipped_no_grant']);
  });

  it('believes WeChat over our count: 43101 skips the message and zeroes the grant', async () => {
    const resident = newOpenid();
    await allow(resident, STATUS, 2, { wechat: false });
    const accepted = await acceptedCaseOf(resident);
    expect(await backend.wx.sent({ openid: resident })).toEqual([]);
    const [notice] = await notificationDocuments(backend, accepted.id);
    expect(notice).toMatchObject({ state: 'skipped_no_grant', lastError: { errcode: 43101 } });
    expect((await remaining(resident))[STATUS]).toBe(0);
  });

  it('keeps the change when WeChat is over quota (45009), and retries the message after a back-off', async () => {
    const resident = newOpenid();
    await allow(resident, STATUS, 1);
    await backend.wx.fault({ apiName: 'subscribeMessage.send', errcode: 45009, times: 1 });
    const before = Date.now();
    const accepted = await acceptedCaseOf(resident);
    expect(accepted.status).toBe('accepted');
    expect(await caseDocument(backend, accepted.id)).toMatchObject({ status: 'accepted', version: 2 });

    const [notice] = await notificationDocuments(backend, accepted.id);
    expect(notice).toMatchObject({ state: 'pending', attempts: 1, lastError: { errcode: 45009 } });
    const wait = new Date(notice.nextAttemptAt).getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0]);
    expect(wait).toBeLessThan(RETRY_DELAYS_MS[0] + 30_000);
    expect((await remaining(resident))[STATUS]).toBe(1); // the grant was given back
    expect(await backend.wx.sent({ openid: resident })).toEqual([]);
    // The case is in the dispatcher's index exactly until the retry is due.
    expect((await caseDocument(backend, accepted.id)).outboxDueAt).toEqual(new Date(notice.nextAttemptAt));

    // Not due yet: the scheduler leaves it; once due, it goes out once.
    await schedulerAt(new Date(before + 30_000));
    expect(await backend.wx.sent({ openid: resident })).toEqual([]);
    await schedulerAt(new Date(before + RETRY_DELAYS_MS[0] + 30_000));
    await schedulerAt(new Date(before + RETRY_DELAYS_MS[0] + 60_000));
    expect(await backend.wx.sent({ openid: resident })).toHaveLength(1);
    expect((await notificationDocuments(backend, accepted.id))[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(await caseDocument(backend, accepted.id)).not.toHaveProperty('outboxDueAt');
  });

  it('gives up after six transient failures, with the grant returned', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const resident = newOpenid();
    await allow(resident, STATUS, 1);
    await backend.wx.fault({ apiName: 'subscribeMessage.send', errcode: -1, times: 6 });
    const accepted = await acceptedCaseOf(resident);
    let at = Date.now();
    for (const delay of RETRY_DELAYS_MS) {
      at += delay + 1000;
      await schedulerAt(new Date(at));
    }
    const [notice] = await notificationDocuments(backend, accepted.id);
    expect(notice).toMatchObject({ state: 'failed', attempts: 6 });
    await schedulerAt(new Date(at + 24 * 3_600_000));
    expect(await backend.wx.sent({ openid: resident })).toEqual([]);
    expect((await remaining(resident))[STATUS]).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/failed after 6 attempt/));
    warn.mockRestore();
  });

  it('fails a message WeChat refuses as invalid (47003) at once: retrying cannot help', async () => {
    const resident = newOpenid();
    await allow(resident, STATUS, 1);
    await backend.wx.fault({ apiName: 'subscribeMessage.send', errcode: 47003, errmsg: 'argument invalid! data.thing2.value invalid', times: 1 });
    const accepted = await acceptedCaseOf(resident);
    expect((await notificationDocuments(backend, accepted.id))[0]).toMatchObject({ state: 'failed', attempts: 1, lastError: { errcode: 47003 } });
    expect(await backend.wx.sent({ openid: resident })).toEqual([]);
  });

  it('never sends a message twice, even with two dispatchers at once', async () => {
    const resident = newOpenid();
    await allow(resident, STATUS, 3);
    await backend.wx.fault({ apiName: 'subscribeMessage.send', errcode: 45011, times: 1 });
    const accepted = await acceptedCaseOf(resident);
    const later = new Date(Date.now() + 2 * RETRY_DELAYS_MS[0]);
    const outcomes = (await Promise.all([schedulerAt(later), schedulerAt(later), schedulerAt(later)])).flat();
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(await backend.wx.sent({ openid: resident })).toHaveLength(1);
    expect((await notificationDocuments(backend, accepted.id))[0].state).toBe('sent');
  });

  it('gives up a message whose dispatcher died mid-send rather than risk sending it twice', async () => {
    const resident = newOpenid();
    await allow(resident, STATUS, 1, { ours: false });
    const accepted = await acceptedCaseOf(resident); // no grant of ours: skipped
    const [notice] = await notificationDocuments(backend, accepted.id);
    expect(notice._id).toBe(`${accepted.id}:2:caseStatusChanged`);
    // As a dispatcher leaves it when it dies between claiming and recording: claimed an hour ago, the case's hint due.
    const longAgo = new Date(Date.now() - 60 * 60_000);
    await backend.db.collection('cases').doc(accepted.id).update({ 'outbox.0.state': 'sending', 'outbox.0.updatedAt': longAgo, outboxDueAt: longAgo });
    await schedulerAt(new Date());
    expect((await notificationDocuments(backend, accepted.id))[0]).toMatchObject({ state: 'failed', lastError: { errmsg: expect.stringMatching(/never sent twice/) } });
    expect(await backend.wx.sent({ openid: resident })).toEqual([]);
  });

  it('tells the resident why a case was not accepted and where to go', async () => {
    const resident = newOpenid();
    await allow(resident, STATUS, 1);
    const { caseId } = await submitted(backend, resident);
    await backend.data('case', 'reject', { caseId, version: 1, reason: '属于正在审理的诉讼事项', referral: '请向区人民法院诉讼服务中心咨询' }, OFFICER);
    const [message] = await backend.wx.sent({ openid: resident });
    expect(message.data).toMatchObject({ phrase3: { value: '不予受理' }, thing5: { value: '建议向区人民法院诉讼服务中心咨询' } });
  });
});
