/**
 * WeChat failing under a case change, through the whole stack: the change
 * commits regardless, retriable sends wait out their back-off and go out on a later scheduler
 * tick (the timer event's Time moves the clock), and nothing reaches the resident twice.
 */
import { RETRY_DELAYS_MS } from '../../backend/domain/notifications/retry-policy';
import templates from '../../config/subscribe-templates.json';
import { caseDocument, eventDocuments, notificationDocuments, OFFICER, submission, submitted } from '../backend/case-fixtures';
import { newOpenid, startBackend, type Backend, type WxFault } from '../backend/harness';

let backend: Backend;
const STATUS = templates.templates.caseStatusChanged.id;
const SEND = 'subscribeMessage.send';
/** Past the functions' 3 s WeChat timeout (backend/functions/*\/index.ts). */
const LATE_MS = 4_000;
const later = (instant: number, ms: number) => new Date(instant + ms);

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'subscription', 'scheduler'] });
}, 120_000);

afterAll(() => backend?.close());

afterEach(() => backend.wx.clearFaults());

/** The resident accepted `count` status messages: recorded by us and by WeChat. */
async function allow(openid: string, count = 1): Promise<void> {
  for (let i = 0; i < count; i += 1) await backend.data('subscription', 'record', { results: { [STATUS]: 'accept' } }, openid);
  await backend.wx.grant(openid, STATUS, count);
}

/** One timer tick at `at`, as CloudBase's timer sends it to the scheduler function. */
async function tick(at: Date): Promise<void> {
  const { status, body } = await backend.fireTimer('scheduler', 'tick', at);
  expect(status).toBe(200);
  expect(body).toMatchObject({ ok: true });
}

/** A resident's case, accepted by the officer while WeChat fails as `fault` says. */
async function acceptedUnder(fault: WxFault, grants = 1) {
  const resident = newOpenid('faults');
  await allow(resident, grants);
  const { caseId } = await submitted(backend, resident);
  await backend.wx.fault(fault);
  const before = Date.now();
  const answer = await backend.call('case', 'accept', { caseId, version: 1 }, OFFICER);
  return { resident, caseId, answer, before };
}

/** The officer's change is there, whole, whatever WeChat did. */
async function expectCommitted(resident: string, caseId: string): Promise<void> {
  expect(await caseDocument(backend, caseId)).toMatchObject({ status: 'accepted', version: 2, lastSeq: 2 });
  expect((await eventDocuments(backend, caseId)).map((e) => e.kind)).toEqual(['submitted', 'accepted']);
  expect(await backend.data('case', 'get', { caseId }, resident)).toMatchObject({ status: 'accepted', version: 2 });
}

const notice = async (caseId: string) => (await notificationDocuments(backend, caseId)).find((n) => n.kind === 'caseStatusChanged')!;
const sentTo = async (resident: string) => (await backend.wx.sent({ openid: resident, templateId: STATUS })).length;

/** What WeChat delivered once its late answer is done (it finishes after the function stopped waiting). */
async function deliveredLate(resident: string): Promise<number> {
  const deadline = Date.now() + 15_000;
  while ((await sentTo(resident)) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  return sentTo(resident);
}

/** Ticks well past every back-off: a message already settled must not go out again. */
async function tickThroughEveryBackOff(from: number): Promise<void> {
  let at = from;
  for (const delay of RETRY_DELAYS_MS) {
    at += delay + 1_000;
    await tick(new Date(at));
  }
}

describe('a send WeChat refuses for good is not retried', () => {
  it.each([
    ['43101 (the resident withdrew consent): skipped', { errcode: 43101 }, 'skipped_no_grant'],
    ['47003 (data WeChat will not take): failed', { errcode: 47003, errmsg: 'argument invalid! data.thing2.value invalid' }, 'failed'],
  ] as const)(
    '%s; the change stands',
    async (_label, failure, state) => {
      const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const { resident, caseId, answer, before } = await acceptedUnder({ apiName: SEND, ...failure });
      expect(answer).toMatchObject({ ok: true, data: { status: 'accepted' } });
      await expectCommitted(resident, caseId);
      expect(await notice(caseId)).toMatchObject({ state, attempts: 1, lastError: { errcode: failure.errcode } });

      await tickThroughEveryBackOff(before);
      expect(await sentTo(resident)).toBe(0);
      expect(await notice(caseId)).toMatchObject({ state, attempts: 1 });
      quiet.mockRestore();
    },
    60_000,
  );
});

describe('a send that may succeed later is retried with back-off and delivered once', () => {
  it.each([
    // The third column is the errcode recorded: failures before WeChat answered are our -1.
    ['45009 (daily quota reached)', { errcode: 45009 }, 45009],
    ['-1 (system busy)', { errcode: -1 }, -1],
    ['a 5xx from WeChat', { httpStatus: 502 }, -1],
  ] as const)(
    '%s',
    async (_label, failure, errcode) => {
      const { resident, caseId, answer, before } = await acceptedUnder({ apiName: SEND, ...failure });
      expect(answer).toMatchObject({ ok: true, data: { status: 'accepted' } });
      await expectCommitted(resident, caseId);

      const waiting = await notice(caseId);
      expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: { errcode } });
      const retryAt = new Date(waiting.nextAttemptAt).getTime();
      expect(retryAt - before).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0]);
      expect(await sentTo(resident)).toBe(0);

      // Before the back-off is over the scheduler leaves it; after, one send; later ticks, none.
      await tick(later(before, RETRY_DELAYS_MS[0] / 2));
      expect(await sentTo(resident)).toBe(0);
      await tick(later(retryAt, 1_000));
      expect(await sentTo(resident)).toBe(1);
      await tickThroughEveryBackOff(retryAt);
      expect(await sentTo(resident)).toBe(1);
      expect(await notice(caseId)).toMatchObject({ state: 'sent', attempts: 2 });
      await expectCommitted(resident, caseId);
    },
    60_000,
  );

  // A read timeout leaves the outcome unknown: WeChat may have delivered. It is recorded
  // failed and never retried, whatever grants are left — a message is never sent twice.
  it.each([
    ['WeChat answers late but delivers', { delayMs: LATE_MS }, 1],
    ['WeChat answers late and does not deliver', { delayMs: LATE_MS, errcode: -1 }, 0],
  ] as const)(
    'a timeout (%s) is not retried, even with a second grant left',
    async (_label, failure, delivered) => {
      const quiet = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      const { resident, caseId, before } = await acceptedUnder({ apiName: SEND, ...failure }, 2);
      await expectCommitted(resident, caseId);
      if (delivered) expect(await deliveredLate(resident)).toBe(1);
      expect(await notice(caseId)).toMatchObject({ state: 'failed', attempts: 1, lastError: { errcode: -1, errmsg: expect.stringContaining('ESOCKETTIMEDOUT') } });
      await tickThroughEveryBackOff(before);
      expect(await sentTo(resident)).toBe(delivered);
      expect(await notice(caseId)).toMatchObject({ state: 'failed', attempts: 1 });
      quiet.mockRestore();
    },
    60_000,
  );
});

describe('the content check unavailable at submission', () => {
  it.each([
    ['-1 (system busy)', { errcode: -1 }],
    ['a 5xx', { httpStatus: 503 }],
    ['a timeout', { delayMs: LATE_MS }],
  ] as const)(
    '%s: the case is accepted and flagged for a person, not the resident',
    async (_label, failure) => {
      const resident = newOpenid('seccheck');
      await backend.wx.fault({ apiName: 'security.msgSecCheck', ...failure });
      const answer = await backend.call('case', 'submit', submission(), resident);
      expect(answer.ok).toBe(true);
      const caseId = answer.ok ? answer.data.caseId : '';
      expect(await caseDocument(backend, caseId)).toMatchObject({ status: 'submitted', version: 1, contentCheck: 'pending' });
      expect((await eventDocuments(backend, caseId)).map((e) => e.kind)).toEqual(['submitted']);
      expect((await backend.data('case', 'get', { caseId }, OFFICER)).contentCheck).toBe('pending');
      expect((await backend.data('case', 'get', { caseId }, resident)).contentCheck).toBeUndefined();
    },
    60_000,
  );
});
