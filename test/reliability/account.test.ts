/**
 * A resident's own data through the function host: `user.export` gives back everything
 * stored about them; `user.deleteAccount` withdraws what nobody has accepted, anonymises the
 * rest (kept for handling and the figures), cancels bookings, forgets follows, grants and the
 * account — and afterwards the same openid is a new resident with nothing.
 */
import templates from '../../config/subscribe-templates.json';
import collections from '../../database/collections.json';
import { caseDocument, eventDocuments, OFFICER, ref, STATION, submission } from '../backend/case-fixtures';
import { newOpenid, startBackend, type Backend } from '../backend/harness';
import { pngBytesOfSize } from '../backend/png';
import { Subjects } from '../authz/subjects';

const STATUS = templates.templates.caseStatusChanged.id;
let backend: Backend;
let subjects: Subjects;

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'user', 'reception', 'subscription'] });
  subjects = new Subjects(backend);
}, 180_000);

afterAll(() => backend?.close());

/** A resident with one of everything: two cases (one accepted), a photo, a booking, a follow, a grant. */
async function residentWithHistory() {
  const openid = newOpenid('account');
  const phone = `139${String(Date.now()).slice(-8)}`;
  const { paths } = await backend.data('case', 'uploadPaths', { extensions: ['png'] }, openid);
  const { fileID } = await backend.app.uploadFile({ cloudPath: paths[0].cloudPath, fileContent: pngBytesOfSize(4) });
  const waiting = await backend.data('case', 'submit', submission({ contact: { name: '注销测试乙', phone }, photoFileIds: [fileID] }), openid);
  const inHand = await backend.data('case', 'submit', submission({ contact: { name: '注销测试乙', phone } }), openid);
  await backend.data('case', 'accept', { caseId: inHand.caseId, version: 1 }, OFFICER);
  await backend.data('subscription', 'record', { results: { [STATUS]: 'accept' } }, openid);
  await backend.data('reception', 'follow', { stationId: STATION, follow: true }, openid);
  const booking = await backend.data('reception', 'book', { ...(await subjects.bookingInput(openid)), contact: { name: '注销测试乙', phone } }, openid);
  return { openid, phone, fileID, waiting, inHand, booking };
}

describe('user.export', () => {
  it('answers everything stored about the caller as JSON: cases with timelines and photo ids, bookings, follows, grants', async () => {
    const r = await residentWithHistory();
    const exported = await backend.data('user', 'export', {}, r.openid);
    expect(exported.openid).toBe(r.openid);
    expect(exported.cases.map((c) => c.id).sort()).toEqual([r.waiting.caseId, r.inHand.caseId].sort());
    const waiting = exported.cases.find((c) => c.id === r.waiting.caseId)!;
    expect(waiting).toMatchObject({ contact: { name: '注销测试乙', phone: r.phone }, photoFileIds: [r.fileID], status: 'submitted' });
    expect(waiting.timeline).toEqual([expect.objectContaining({ kind: 'submitted', mine: true })]);
    expect(exported.cases.find((c) => c.id === r.inHand.caseId)!.timeline.map((e) => [e.kind, e.mine])).toEqual([
      ['submitted', true],
      ['accepted', false],
    ]);
    expect(exported.bookings).toEqual([expect.objectContaining({ id: r.booking.id, status: 'booked', contact: { name: '注销测试乙', phone: r.phone } })]);
    expect(exported.follows).toEqual([expect.objectContaining({ stationId: STATION })]);
    expect(exported.subscriptions).toEqual([{ templateId: STATUS, remaining: 1 }]);
    expect(exported).toMatchObject({ page: 0, hasMoreCases: false });
  });

  it('gives another caller none of it', async () => {
    const r = await residentWithHistory();
    const other = await backend.data('user', 'export', {}, newOpenid('account-other'));
    expect(JSON.stringify(other)).not.toContain(r.phone);
    expect(other).toMatchObject({ cases: [], bookings: [], follows: [], subscriptions: [] });
  });

  it('pages the cases 20 at a time', async () => {
    const openid = newOpenid('account-many');
    // Stored directly: the submission rate limit would take hours to let 21 through.
    const docs = Array.from({ length: 21 }, (_, i) => ({
      _id: `case-export-${openid}-${i}`,
      receiptNo: `EX${process.pid}${i}-${openid.slice(-6)}`,
      stationId: STATION,
      stationName: '华富街道人大代表联络站',
      category: 'help',
      title: `第 ${i} 件`,
      content: '内容',
      photoFileIds: [],
      anonymous: false,
      ownerOpenid: openid,
      requestId: `req-export-${i}`,
      status: 'submitted',
      reopenCount: 0,
      submittedAt: new Date(Date.now() - i * 60_000),
      updatedAt: new Date(),
      version: 1,
      lastSeq: 0,
      contentHash: `h${i}`,
      unreadCount: 0,
      readSeq: 0,
    }));
    for (const doc of docs) await backend.db.collection('cases').add(doc);
    const first = await backend.data('user', 'export', {}, openid);
    const second = await backend.data('user', 'export', { page: 1 }, openid);
    expect([first.cases.length, first.hasMoreCases, second.cases.length, second.hasMoreCases]).toEqual([20, true, 1, false]);
  });

  it('needs a WeChat identity', async () => {
    expect(await backend.call('user', 'export', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('user.deleteAccount', () => {
  it('needs the typed confirmation, and residents only', async () => {
    const openid = newOpenid('account-confirm');
    expect(await backend.callRaw('user', { action: 'deleteAccount' }, openid)).toMatchObject({ body: { ok: false, error: { code: 'INVALID_INPUT', field: 'confirm' } } });
    expect(await backend.callRaw('user', { action: 'deleteAccount', confirm: '确定' }, openid)).toMatchObject({ body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expect(await backend.call('user', 'deleteAccount', { confirm: '注销' }, OFFICER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('withdraws the waiting case, anonymises the one in hand, cancels the booking, forgets the rest; the openid starts afresh', async () => {
    const r = await residentWithHistory();
    const before = await backend.data('reception', 'list', { stationId: STATION });
    const slotBefore = before.receptions.find((x) => x.id === r.booking.receptionId)!.slots;

    const answer = await backend.data('user', 'deleteAccount', { confirm: '注销' }, r.openid);
    expect(answer).toEqual({ done: true, casesWithdrawn: 1, casesAnonymised: 2, bookingsCancelled: 1 });

    const waiting = await caseDocument(backend, r.waiting.caseId);
    const inHand = await caseDocument(backend, r.inHand.caseId);
    expect(waiting).toMatchObject({ status: 'withdrawn', anonymous: true, ownerOpenid: expect.stringMatching(/^deleted:[0-9a-f]+$/) });
    expect(inHand).toMatchObject({ status: 'accepted', anonymous: true, ownerOpenid: expect.stringMatching(/^deleted:/) });
    for (const doc of [waiting, inHand]) expect(doc.contact).toBeUndefined();
    const events = [...(await eventDocuments(backend, r.waiting.caseId)), ...(await eventDocuments(backend, r.inHand.caseId))];
    expect(events.map((e) => e.kind)).toEqual(['submitted', 'withdrawn', 'submitted', 'accepted']);
    // Nothing stored anywhere carries the openid or the phone any more (account-unlinkable.test.ts looks for what is derived from them).
    for (const collection of Object.keys(collections.collections)) {
      const { data } = await backend.db.collection(collection).limit(1000).get();
      const text = JSON.stringify(data);
      expect([collection, text.includes(r.openid), text.includes(r.phone)]).toEqual([collection, false, false]);
    }
    // Kept, cancelled, under a new id: the old one was derived from the openid.
    expect((await backend.db.collection('bookings').where({ _id: r.booking.id }).get()).data).toEqual([]);
    const { data: bookings } = await backend.db.collection('bookings').where({ openid: waiting.ownerOpenid }).get();
    expect(bookings).toEqual([expect.objectContaining({ status: 'cancelled', receptionId: r.booking.receptionId })]);
    const after = await backend.data('reception', 'list', { stationId: STATION });
    const slotAfter = after.receptions.find((x) => x.id === r.booking.receptionId)!.slots;
    expect(slotAfter.reduce((n, s) => n + s.remaining, 0)).toBe(slotBefore.reduce((n, s) => n + s.remaining, 0) + 1);

    // The case in hand is still handled by its officer.
    const officerView = await backend.data('case', 'get', { caseId: r.inHand.caseId }, OFFICER);
    expect(officerView).toMatchObject({ status: 'accepted', anonymous: true });
    expect(officerView.contact).toBeUndefined();
    await backend.data('case', 'start', { ...ref(officerView) }, OFFICER);

    // The same openid is a new resident with nothing.
    expect(await backend.data('case', 'mine', {}, r.openid)).toMatchObject({ cases: [], unreadTotal: 0 });
    expect(await backend.data('reception', 'mine', {}, r.openid)).toEqual({ bookings: [] });
    expect(await backend.data('reception', 'following', { stationId: STATION }, r.openid)).toMatchObject({ following: false });
    expect((await backend.data('subscription', 'record', { results: {} }, r.openid)).remaining[STATUS]).toBe(0);
    expect(await backend.call('case', 'get', { caseId: r.inHand.caseId }, r.openid)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.data('user', 'export', {}, r.openid)).toMatchObject({ cases: [], bookings: [], follows: [], subscriptions: [] });
  });

  it('is idempotent: a retry, or two calls at once, end in the same state', async () => {
    const r = await residentWithHistory();
    const anonymousBookings = async () => {
      const { data } = await backend.db
        .collection('bookings')
        .where({ receptionId: r.booking.receptionId, openid: backend.db.RegExp({ regexp: '^deleted:' }) })
        .get();
      return data.length;
    };
    const anonymousBefore = await anonymousBookings();
    const [a, b] = await Promise.all([
      backend.data('user', 'deleteAccount', { confirm: '注销' }, r.openid),
      backend.data('user', 'deleteAccount', { confirm: '注销' }, r.openid),
    ]);
    expect(a.casesAnonymised + b.casesAnonymised).toBe(2);
    expect(a.casesWithdrawn + b.casesWithdrawn).toBe(1);
    expect(a.bookingsCancelled + b.bookingsCancelled).toBe(1);
    const again = await backend.data('user', 'deleteAccount', { confirm: '注销' }, r.openid);
    expect(again).toEqual({ done: true, casesWithdrawn: 0, casesAnonymised: 0, bookingsCancelled: 0 });
    expect((await eventDocuments(backend, r.waiting.caseId)).map((e) => e.kind)).toEqual(['submitted', 'withdrawn']);
    // The booking moved to a new id once, not once per call.
    expect(await anonymousBookings()).toBe(anonymousBefore + 1);
  });
});
