/**
 * A resident's own data through the function host: `user.export` gives back everything
 * stored about them; `user.deleteAccount` withdraws what nobody has accepted, anonymises the
 * rest (kept for handling and the figures), cancels bookings, forgets follows, grants and the
 * account — and afterwards the same openid is a new resident with nothing.
 */
import { createHash } from 'node:crypto';
import templates from '../../config/subscribe-templates.json';
import collections from '../../database/collections.json';
import { caseDocument, eventDocuments, OFFICER, ref, STATION, submission } from '../backend/case-fixtures';
import { newOpenid, startBackend, type Backend } from '../backend/harness';
import { pngBytesOfSize } from '../backend/png';
import { Subjects } from '../authz/subjects';
import { ADMIN as OFFICE, close, OFFICER as CS_OFFICER, publishInput, requestId, STATION_A, stored } from '../backend/consultation-fixtures';

const STATUS = templates.templates.caseStatusChanged.id;
let backend: Backend;
let subjects: Subjects;

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'user', 'reception', 'subscription', 'consultation'] });
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

// ───── 立法意见 comments ─────

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The published figures of a consultation, as stored. */
async function figures(consultationId: string) {
  const [doc] = await stored(backend, 'consultations', { _id: consultationId });
  return { comments: doc.comments, participants: doc.participants, articleCounts: doc.articleCounts };
}

/** A comment at 华富街道 with a printed name and a contact. */
const opinion = (consultationId: string, articleNo: number, text: string, phone: string) => ({
  requestId: requestId(),
  consultationId,
  stationId: STATION_A,
  articleNo,
  text,
  printedName: '王五',
  occupation: '退休教师',
  contact: { name: '注销测试丙', phone },
});

describe('user.export and 立法意见', () => {
  it('gives the caller their comments as 我的意见 shows them, with their contact, 20 a page', async () => {
    const openid = newOpenid('account-opinion-export');
    const phone = `136${String(Date.now()).slice(-8)}`;
    const consultation = await backend.data('consultation', 'publish', publishInput(), OFFICE);
    const given = await backend.data('consultation', 'comment', opinion(consultation.id, 7, '建议写明业主查阅物业服务合同的权利。', phone), openid);
    const exported = await backend.data('user', 'export', {}, openid);
    expect(exported.consultationComments).toEqual([
      expect.objectContaining({
        id: given.id,
        consultation: { id: consultation.id, title: '《深圳经济特区物业管理条例（修订草案征求意见稿）》', status: 'open' },
        articleNo: 7,
        articleLabel: '第七条',
        text: '建议写明业主查阅物业服务合同的权利。',
        printedName: '王五',
        occupation: '退休教师',
        contact: { name: '注销测试丙', phone },
        status: 'submitted',
        canWithdraw: true,
      }),
    ]);
    expect(exported.hasMoreConsultationComments).toBe(false);
    expect((await backend.data('user', 'export', {}, newOpenid('account-opinion-nobody'))).consultationComments).toEqual([]);

    // Twenty more, stored directly (the rate limit lets three a minute through): the first page holds 20, the second 1.
    const base = (await stored(backend, 'consultation_comments', { _id: given.id }))[0];
    for (let i = 0; i < 20; i += 1) {
      await backend.db
        .collection('consultation_comments')
        .add({ ...base, _id: `export-${openid}-${i}`, requestId: `req-export-${i}`, createdAt: new Date(Date.now() + (i + 1) * 1000) });
    }
    const first = await backend.data('user', 'export', {}, openid);
    const second = await backend.data('user', 'export', { page: 1 }, openid);
    expect([first.consultationComments!.length, first.hasMoreConsultationComments, second.consultationComments!.length, second.hasMoreConsultationComments]).toEqual([
      20,
      true,
      1,
      false,
    ]);
    // Latest first: the one given through the function is the oldest, alone on the second page.
    expect(second.consultationComments!.map((c) => c.id)).toEqual([given.id]);
  });
});

describe('user.deleteAccount and 立法意见', () => {
  it('withdraws what may still be withdrawn, keeps the rest for the legislature with nobody’s openid or contact on it, and moves only the withdrawn out of the counts', async () => {
    const openid = newOpenid('account-opinion');
    const other = newOpenid('account-opinion-other');
    const phone = `135${String(Date.now()).slice(-8)}`;
    const open = await backend.data('consultation', 'publish', publishInput(), OFFICE);
    const closing = await backend.data('consultation', 'publish', publishInput(), OFFICE);
    await backend.data('subscription', 'record', { results: Object.fromEntries(Object.values(templates.templates).map((t) => [t.id, 'accept'])) }, openid);

    const waiting = await backend.data('consultation', 'comment', opinion(open.id, 14, '建议明确以停水停电催费的罚款数额。', phone), openid);
    const forwarded = await backend.data('consultation', 'comment', opinion(open.id, 3, '建议写明业主自治的议事程序。', phone), openid);
    const late = await backend.data('consultation', 'comment', opinion(closing.id, 5, '建议街道每年公布指导业主大会的情况。', phone), openid);
    const repeat = await backend.data('consultation', 'comment', { ...opinion(open.id, 3, '同意写明业主自治的议事程序。', '13500000000'), printedName: undefined }, other);
    await backend.data('consultation', 'review', { commentId: forwarded.id, review: 'forward' }, CS_OFFICER);
    await backend.data('consultation', 'review', { commentId: repeat.id, review: 'duplicate', duplicateOf: forwarded.id }, CS_OFFICER);
    await close(backend, closing.id);
    // The closed one is forwarded and compiled: the report names the comment by its id.
    await backend.data('consultation', 'review', { commentId: late.id, review: 'forward' }, CS_OFFICER);
    await backend.data('consultation', 'compile', { consultationId: closing.id }, OFFICE);
    expect(await figures(open.id)).toEqual({ comments: 3, participants: 2, articleCounts: { a14: 1, a3: 2 } });
    expect(await figures(closing.id)).toEqual({ comments: 1, participants: 1, articleCounts: { a5: 1 } });
    const marker = (consultationId: string) => `${consultationId}:${sha256(openid).slice(0, 32)}`;
    expect((await stored(backend, 'consultation_participants', { _id: marker(open.id) }))[0]).toMatchObject({ counted: 2 });

    expect(await backend.data('user', 'deleteAccount', { confirm: '注销' }, openid)).toEqual({ done: true, casesWithdrawn: 0, casesAnonymised: 0, bookingsCancelled: 0 });

    // The open consultation loses the withdrawn comment only; the person still counts there by the forwarded one.
    expect(await figures(open.id)).toEqual({ comments: 2, participants: 2, articleCounts: { a14: 0, a3: 2 } });
    expect(await figures(closing.id)).toEqual({ comments: 1, participants: 1, articleCounts: { a5: 1 } });
    const markers = async (consultationId: string) => (await stored(backend, 'consultation_participants', { consultationId })).map((m) => m.counted).sort();
    expect(await markers(open.id)).toEqual([1, 1]);
    expect(await markers(closing.id)).toEqual([1]);

    const kept = [
      ...(await stored(backend, 'consultation_comments', { consultationId: open.id })),
      ...(await stored(backend, 'consultation_comments', { consultationId: closing.id })),
    ];
    const byText = new Map(kept.map((c) => [c.text, c]));
    const mine = ['建议明确以停水停电催费的罚款数额。', '建议写明业主自治的议事程序。', '建议街道每年公布指导业主大会的情况。'].map((text) => byText.get(text)!);
    expect(mine.map((c) => c.status)).toEqual(['withdrawn', 'forwarded', 'forwarded']);
    const tombstone = mine[0].ownerOpenid;
    expect(tombstone).toMatch(/^deleted:[0-9a-f]+$/);
    for (const c of mine) {
      expect(c).toMatchObject({ ownerOpenid: tombstone, printedName: '王五', occupation: '退休教师', stationId: STATION_A });
      expect(c).not.toHaveProperty('contact');
      expect([waiting.id, forwarded.id, late.id]).not.toContain(c._id);
    }
    // The officers' merge follows the forwarded comment to its new id, and so does the compiled report.
    expect(byText.get('同意写明业主自治的议事程序。')).toMatchObject({ status: 'duplicate', duplicateOf: mine[1]._id });
    const report = (await stored(backend, 'consultation_reports', { _id: closing.id }))[0];
    expect(report.articles.map((a: { articleNo: number; comments: { id: string }[] }) => [a.articleNo, a.comments.map((c) => c.id)])).toEqual([[5, [mine[2]._id]]]);
    // Compiled again, it still counts one participant and one forwarded comment.
    expect(await backend.data('consultation', 'compile', { consultationId: closing.id }, OFFICE)).toMatchObject({ participants: 1, received: 1, forwarded: 1 });

    // No consultation document, and no notice, holds the openid, the phone, the old ids or the marker's key.
    const needles = [openid, phone, waiting.id, forwarded.id, late.id, sha256(openid).slice(0, 32)];
    for (const collection of ['consultations', 'consultation_comments', 'consultation_participants', 'consultation_reports', 'notifications']) {
      const text = JSON.stringify((await backend.db.collection(collection).limit(1000).get()).data);
      expect([collection, ...needles.map((n) => text.includes(n))]).toEqual([collection, false, false, false, false, false, false]);
    }
    // The same openid is a new commenter with nothing; the officers still have the comment to forward.
    expect(await backend.data('consultation', 'mine', {}, openid)).toEqual({ comments: [] });
    expect((await backend.data('user', 'export', {}, openid)).consultationComments).toEqual([]);
    const listed = await backend.data('consultation', 'comments', { consultationId: open.id, stationId: STATION_A, status: 'forwarded' }, CS_OFFICER);
    expect(listed.comments.map((c) => [c.text, c.printedName, c.contact])).toEqual([['建议写明业主自治的议事程序。', '王五', undefined]]);

    // A retry finds nothing of theirs and changes no count.
    expect(await backend.data('user', 'deleteAccount', { confirm: '注销' }, openid)).toEqual({ done: true, casesWithdrawn: 0, casesAnonymised: 0, bookingsCancelled: 0 });
    expect(await figures(open.id)).toEqual({ comments: 2, participants: 2, articleCounts: { a14: 0, a3: 2 } });
  });

  it('two deletions at once withdraw once and move each comment and the marker once', async () => {
    const openid = newOpenid('account-opinion-twice');
    const phone = `134${String(Date.now()).slice(-8)}`;
    const open = await backend.data('consultation', 'publish', publishInput(), OFFICE);
    const first = await backend.data('consultation', 'comment', opinion(open.id, 1, '建议在立法目的中写明保障业主的知情权。', phone), openid);
    await backend.data('consultation', 'comment', opinion(open.id, 2, '建议写明本条例也适用于城中村的物业管理。', phone), openid);
    await backend.data('consultation', 'review', { commentId: first.id, review: 'forward' }, CS_OFFICER);
    expect(await figures(open.id)).toEqual({ comments: 2, participants: 1, articleCounts: { a1: 1, a2: 1 } });

    const calls = await Promise.all([0, 1].map(() => backend.data('user', 'deleteAccount', { confirm: '注销' }, openid)));
    expect(calls.map((c) => c.done)).toEqual([true, true]);
    expect(await figures(open.id)).toEqual({ comments: 1, participants: 1, articleCounts: { a1: 1, a2: 0 } });
    expect((await stored(backend, 'consultation_participants', { consultationId: open.id })).map((m) => m.counted)).toEqual([1]);
    const comments = await stored(backend, 'consultation_comments', { consultationId: open.id });
    expect(comments.map((c) => c.status).sort()).toEqual(['forwarded', 'withdrawn']);
    const text = JSON.stringify([comments, await stored(backend, 'consultation_participants', { consultationId: open.id })]);
    expect([text.includes(openid), text.includes(phone), text.includes(sha256(openid).slice(0, 32))]).toEqual([false, false, false]);
  });
});
