/**
 * After `user.deleteAccount`, nothing stored may link the tombstoned cases back to the person.
 * The attacker holds the openid, what the person's client or the function logs knew (its request
 * ids), and a dump of every document of every collection. They try the openid and every hash the
 * back end is known to derive from it; any identifier that appeared only in the person's own
 * documents before deletion; timestamps equal to the cases' submission and the bookings'
 * creation times; and the booking claims.
 *
 * The derivations below are written down by hand from docs/api.md and the data modules' stated
 * keys, never imported: if the back end grows a new one, the generic footprint check (b) is what
 * catches it.
 */
import { createHash } from 'node:crypto';
import collectionsJson from '../../database/collections.json';
import templates from '../../config/subscribe-templates.json';
import { ADMIN, OFFICER, ref, STATION, submission } from '../backend/case-fixtures';
import { publishInput, requestId } from '../backend/consultation-fixtures';
import { newOpenid, startBackend, type Backend } from '../backend/harness';
import { pngBytesOfSize } from '../backend/png';
import { databaseDigest } from './support/watch';

type Doc = Record<string, unknown> & { _id: string };
/** collection → _id → document */
type Dump = Map<string, Map<string, Doc>>;

const COLLECTIONS = Object.keys(collectionsJson.collections);
const TEMPLATE_IDS = Object.values(templates.templates).map((t) => t.id);
const PAGE = 1000;
/** Identifiers, hashes, openids, tombstones: what could key a document to a person. Free text is not an identifier. */
const IDENTIFIER = /^[\w\-:.]{16,}$/;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ functions: ['admin', 'case', 'user', 'reception', 'subscription', 'consultation'] });
}, 180_000);

afterAll(() => backend?.close());

// ───── the dump and what is in it ─────

/** Every document of every collection, checked against the emulator's own row count. */
async function dumpAll(): Promise<Dump> {
  const dump: Dump = new Map();
  let rows = 0;
  for (const name of COLLECTIONS) {
    const docs = new Map<string, Doc>();
    for (let skip = 0; ; skip += PAGE) {
      const { data } = await backend.db.collection(name).orderBy('_id', 'asc').skip(skip).limit(PAGE).get();
      for (const doc of data as Doc[]) docs.set(String(doc._id), doc);
      if (data.length < PAGE) break;
    }
    dump.set(name, docs);
    rows += docs.size;
  }
  const digest = await databaseDigest(backend);
  // Nothing was missed: every collection the store holds, every row.
  expect({ collections: digest.collections, rows: digest.rows }).toEqual({ collections: COLLECTIONS.length, rows });
  return dump;
}

interface Leaf {
  path: string;
  value: unknown;
}

/** Every leaf of a document (dates are leaves), with its path. */
function leaves(value: unknown, path = ''): Leaf[] {
  if (value instanceof Date) return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((child, i) => leaves(child, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$date === 'number' || typeof record.$date === 'string') return [{ path, value: new Date(record.$date as number) }];
    return Object.entries(record).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  return [{ path, value }];
}

const strings = (doc: Doc): string[] => leaves(doc).flatMap((l) => (typeof l.value === 'string' ? [l.value] : []));
const identifiers = (doc: Doc): string[] => strings(doc).filter((s) => IDENTIFIER.test(s));

/** Instants a document holds: dates, ISO strings, and millisecond counts (alone or inside an id). */
function instants(doc: Doc): { path: string; ms: number }[] {
  const found: { path: string; ms: number }[] = [];
  for (const { path, value } of leaves(doc)) {
    if (value instanceof Date) found.push({ path, ms: value.getTime() });
    else if (typeof value === 'number' && value > 1e12) found.push({ path, ms: value });
    else if (typeof value === 'string') {
      if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) found.push({ path, ms: Date.parse(value) });
      for (const digits of value.match(/\d{13}/g) ?? []) found.push({ path, ms: Number(digits) });
    }
  }
  return found;
}

function* documents(dump: Dump): Generator<[string, Doc]> {
  for (const [collection, docs] of dump) for (const doc of docs.values()) yield [collection, doc];
}

const where = (collection: string, doc: Doc, path: string) => `${collection}/${doc._id}${path ? ` ${path}` : ''}`;

/** Places in the dump where any of `needles` appears inside a string (ids included). */
function mentions(dump: Dump, needles: readonly string[], skip: (collection: string, doc: Doc) => boolean = () => false): string[] {
  const hits: string[] = [];
  for (const [collection, doc] of documents(dump)) {
    if (skip(collection, doc)) continue;
    for (const { path, value } of leaves(doc)) {
      if (typeof value !== 'string') continue;
      const needle = needles.find((n) => value.includes(n));
      if (needle) hits.push(`${where(collection, doc, path)} ∋ ${needle.slice(0, 24)}…`);
    }
  }
  return hits;
}

const same = (a: Doc, b: Doc): boolean => JSON.stringify(a) === JSON.stringify(b);

// ───── the person and their history ─────

/** A second account: to make one, another user's history has to be there too. */
async function residentActivity(openid: string, receptionIds: string[], consultationId: string) {
  await backend.data('subscription', 'record', { results: Object.fromEntries(TEMPLATE_IDS.map((id) => [id, 'accept'])) }, openid);
  await backend.data('reception', 'follow', { stationId: STATION, follow: true }, openid);
  const requestIds: string[] = [];
  const cases = [];
  // A photo on the first case, uploaded to a path issued to the person: the path's record names them.
  const { paths } = await backend.data('case', 'uploadPaths', { extensions: ['png'] }, openid);
  const { fileID } = await backend.app.uploadFile({ cloudPath: paths[0].cloudPath, fileContent: pngBytesOfSize(4) });
  for (let i = 0; i < 3; i += 1) {
    const photos = i === 0 ? { photoFileIds: [fileID] } : {};
    const input = submission({ contact: { name: '链接测试', phone: `137${String(Date.now()).slice(-8)}` }, ...photos });
    requestIds.push(input.requestId);
    cases.push(await backend.data('case', 'submit', input, openid));
  }
  // One left waiting (withdrawn at deletion), one accepted with the resident's own supplement, one replied to.
  const accepted = await backend.data('case', 'accept', { caseId: cases[1].caseId, version: 1 }, OFFICER);
  await backend.data('case', 'supplement', { ...ref(accepted), note: '补充：三号楼旁边的那一盏' }, openid);
  const third = await backend.data('case', 'accept', { caseId: cases[2].caseId, version: 1 }, OFFICER);
  const started = await backend.data('case', 'start', { ...ref(third) }, OFFICER);
  await backend.data('case', 'reply', { ...ref(started), content: '已通知物业更换路灯。' }, OFFICER);
  // A 立法意见 heard by the officer, confirmed by the person with its code (a comment of their own would pass the rate limit).
  const recorded = await backend.data(
    'consultation',
    'record',
    {
      requestId: requestId(),
      consultationId,
      stationId: STATION,
      articleNo: 6,
      text: '建议业主身份以不动产登记为准。',
      printedName: '链接测试',
      contact: { phone: '13712345678' },
    },
    OFFICER,
  );
  await backend.data('consultation', 'claim', { code: recorded.claim.code }, openid);
  const bookings = [];
  for (const receptionId of receptionIds) {
    const { receptions } = await backend.data('reception', 'list', { stationId: STATION });
    const slot = receptions.find((r) => r.id === receptionId)!.slots.find((s) => s.remaining > 0)!;
    const requestId = `req-book-${sha256(openid + receptionId).slice(0, 20)}`;
    requestIds.push(requestId);
    bookings.push(
      await backend.data('reception', 'book', { requestId, receptionId, slotIndex: slot.index, topic: '想反映小区停车难的问题', contact: { name: '链接测试' } }, openid),
    );
  }
  return { caseIds: cases.map((c) => c.caseId), requestIds, bookings };
}

/** Two receptions at the station with a free place that can still be booked. */
async function bookableReceptions(): Promise<string[]> {
  const { receptions } = await backend.data('reception', 'list', { stationId: STATION });
  const open = receptions.filter((r) => r.slots.some((s) => s.remaining >= 2)).map((r) => r.id);
  if (open.length < 2) throw new Error(`need two bookable receptions at ${STATION}, found ${open.length}`);
  return open.slice(0, 2);
}

/** A free officer record of the district, for an invite the person redeems and is then unbound from. */
async function freeOfficerRecord(): Promise<string> {
  const _ = backend.db.command;
  const { data } = await backend.db
    .collection('staff')
    .where({ role: 'officer', district: '福田区', openid: _.exists(false) })
    .limit(1)
    .get();
  return (data[0] as Doc)._id;
}

/**
 * The known derivations of a person's keys, by hand: the openid itself (follows `<station>:<openid>`,
 * published-notice ids), sha256(openid) (the submission window, the booking cap's open bookings;
 * its first 24 hex are the users document's id, its first 32 the 立法意见 participant markers' suffix), sha256(openid \0 requestId) (submission records), sha256("booking" \0 openid \0
 * requestId) (booking ids, and the reminders named after them), sha256("claim" \0 openid \0
 * receptionId) (booking claims), sha256(openid \0 templateId) (subscription grants).
 */
function derivedKeys(openid: string, requestIds: readonly string[], receptionIds: readonly string[]): string[] {
  return [
    openid,
    sha256(openid).slice(0, 24),
    ...requestIds.flatMap((id) => [sha256(`${openid}\u0000${id}`), sha256(`booking\u0000${openid}\u0000${id}`)]),
    ...receptionIds.map((id) => sha256(`claim\u0000${openid}\u0000${id}`)),
    ...TEMPLATE_IDS.map((id) => sha256(`${openid}\u0000${id}`)),
  ];
}

// ───── the run ─────

interface Scenario {
  openid: string;
  caseIds: string[];
  requestIds: string[];
  bookingIds: string[];
  receptionIds: string[];
  baseline: Dump;
  before: Dump;
  after: Dump;
}

let run: Scenario;

beforeAll(async () => {
  const receptionIds = await bookableReceptions();
  const consultation = await backend.data('consultation', 'publish', publishInput(), ADMIN);
  // Someone else's history first: what the two share (template ids, stations, receptions, the consultation) is nobody's key.
  await residentActivity(newOpenid('unlink-other'), receptionIds.slice(0, 1), consultation.id);
  const code = (await backend.data('admin', 'createInvite', { role: 'officer', personId: await freeOfficerRecord() }, ADMIN)).code;
  const baseline = await dumpAll();

  const openid = newOpenid('unlink');
  // Once an officer by invite, unbound, back to resident: the invite and a users document remember it.
  await backend.data('user', 'redeem', { code }, openid);
  const invite = (await backend.db.collection('invites').doc(code).get()).data[0] as Doc;
  await backend.data('admin', 'unbind', { personId: String(invite.personId) }, ADMIN);
  const history = await residentActivity(openid, receptionIds, consultation.id);
  // The second slot has started (a deputy is meeting the person): it cannot be cancelled, only anonymised.
  await backend.db
    .collection('bookings')
    .doc(history.bookings[1].id)
    .update({ startsAt: new Date(Date.now() - 60 * 60 * 1000) });
  const before = await dumpAll();

  let answer = await backend.data('user', 'deleteAccount', { confirm: '注销' }, openid);
  for (let calls = 1; !answer.done && calls < 5; calls += 1) answer = await backend.data('user', 'deleteAccount', { confirm: '注销' }, openid);
  expect(answer).toMatchObject({ done: true });
  const allReceptions = [...(before.get('receptions')?.keys() ?? [])];
  run = { openid, ...history, bookingIds: history.bookings.map((b) => b.id), receptionIds: allReceptions, baseline, before, after: await dumpAll() };
}, 180_000);

/** What the cases are: the case documents (their timelines and outboxes inside), and the handlers' notices about them. */
function caseFamily(caseIds: readonly string[], personOpenid: string) {
  const ids = new Set(caseIds);
  return (collection: string, doc: Doc): boolean =>
    (collection === 'cases' && ids.has(doc._id)) || (collection === 'notifications' && ids.has(String(doc.caseId)) && doc.openid !== personOpenid);
}

/** The day's receipt counter is every submitter's of that district and day: its time names the last number drawn, no person. */
const sharedCounter = (collection: string, doc: Doc): boolean => collection === 'counters' && doc._id.startsWith('receipt-');

describe('after user.deleteAccount, the tombstoned cases cannot be linked back to the person', () => {
  it('(a) no document holds the openid or any key derived from it', () => {
    const keys = derivedKeys(run.openid, run.requestIds, run.receptionIds);
    // The derivations are right: before deletion they found the person's documents.
    expect(mentions(run.before, keys).length).toBeGreaterThan(10);
    expect(mentions(run.after, keys)).toEqual([]);
  });

  it('(a) no identifier that only the person’s own documents held survives anywhere, and none of those documents survives unchanged', () => {
    const family = caseFamily(run.caseIds, run.openid);
    const known = new Set([...documents(run.baseline)].flatMap(([, doc]) => [doc._id, ...identifiers(doc)]));
    // The cases are kept: their own names (ids, receipt numbers, events, photos, and what is part of them, as a photo's random name) may stay.
    const caseNames: string[] = [];
    for (const [collection, doc] of documents(run.before)) {
      if (!family(collection, doc)) continue;
      for (const name of [doc._id, doc.id, doc.receiptNo, doc.contentHash, ...((doc.photoFileIds as string[]) ?? [])]) if (typeof name === 'string') caseNames.push(name);
    }
    // The person's footprint: documents written or changed since the baseline, outside the cases.
    const footprint = [...documents(run.before)].filter(([collection, doc]) => {
      if (family(collection, doc) || sharedCounter(collection, doc)) return false;
      const earlier = run.baseline.get(collection)?.get(doc._id);
      return !earlier || !same(earlier, doc);
    });
    const tokens = [...new Set(footprint.flatMap(([, doc]) => [doc._id, ...identifiers(doc)]))].filter(
      (t) => IDENTIFIER.test(t) && !known.has(t) && !caseNames.some((name) => name.includes(t)),
    );
    expect(tokens).toContain(run.openid);
    expect(mentions(run.after, tokens)).toEqual([]);

    const unchanged = footprint
      .filter(([, doc]) => tokens.some((t) => strings(doc).some((s) => s.includes(t))))
      .filter(([collection, doc]) => {
        const later = run.after.get(collection)?.get(doc._id);
        return later && same(later, doc);
      })
      .map(([collection, doc]) => `${collection}/${doc._id}`);
    expect(unchanged).toEqual([]);
  });

  it('(b) no document outside the cases holds a time equal to a case’s submission or a booking’s creation', () => {
    const cases = run.caseIds.map((id) => run.before.get('cases')!.get(id)!);
    const times = new Map<number, string>([
      ...cases.map((c): [number, string] => [new Date(c.submittedAt as Date).getTime(), `submittedAt of ${c._id}`]),
      ...run.bookingIds.map((id): [number, string] => [new Date(run.before.get('bookings')!.get(id)!.createdAt as Date).getTime(), `createdAt of booking ${id.slice(0, 8)}…`]),
    ]);
    const tombstone = String(run.after.get('cases')!.get(run.caseIds[0])!.ownerOpenid);
    const family = caseFamily(run.caseIds, run.openid);
    const hits: string[] = [];
    for (const [collection, doc] of documents(run.after)) {
      // The bookings themselves keep their own times, as the cases do.
      if (family(collection, doc) || sharedCounter(collection, doc) || (collection === 'bookings' && doc.openid === tombstone)) continue;
      for (const { path, ms } of instants(doc)) if (times.has(ms)) hits.push(`${where(collection, doc, path)} = ${times.get(ms)}`);
    }
    expect(hits).toEqual([]);
  });

  it('(b) the attack: the rate-limit window, the submission records or a claim re-link none of the cases', () => {
    // What an attacker with the openid does: find every document keyed by it, and follow what it holds.
    const keys = derivedKeys(run.openid, run.requestIds, run.receptionIds);
    const keyed = [...documents(run.after)].filter(([, doc]) => strings(doc).some((s) => keys.some((k) => s.includes(k))));
    const heldTimes = new Set(keyed.flatMap(([, doc]) => instants(doc).map((i) => i.ms)));
    const heldIds = new Set(keyed.flatMap(([, doc]) => strings(doc)));
    const linkedBookings = [...run.after.get('bookings')!.values()].filter((b) => heldIds.has(b._id));
    const linkedOwners = new Set(linkedBookings.map((b) => String(b.openid)));
    const relinked = run.caseIds.filter((id) => {
      const c = run.after.get('cases')!.get(id)!;
      return heldTimes.has(new Date(c.submittedAt as Date).getTime()) || heldIds.has(id) || heldIds.has(String(c.receiptNo)) || linkedOwners.has(String(c.ownerOpenid));
    });
    expect(`${relinked.length} of ${run.caseIds.length}`).toBe(`0 of ${run.caseIds.length}`);
  });

  it('(c) no booking or booking claim links back: bookings kept under a new key, claims gone', () => {
    const tombstone = String(run.after.get('cases')!.get(run.caseIds[0])!.ownerOpenid);
    expect(tombstone).toMatch(/^deleted:[0-9a-f]+$/);
    const kept = [...run.after.get('bookings')!.values()].filter((b) => b.openid === tombstone);
    expect(kept.map((b) => b.status).sort()).toEqual(['booked', 'cancelled']);
    for (const booking of kept) {
      expect(run.bookingIds).not.toContain(booking._id);
      expect(booking._id).toMatch(/^[0-9a-f]{64}$/);
      expect(booking).not.toHaveProperty('requestId');
      expect(booking).not.toHaveProperty('contact');
    }
    // The started booking is still there for the deputy, at its reception and slot.
    const started = run.before.get('bookings')!.get(run.bookingIds[1])!;
    expect(kept.find((b) => b.status === 'booked')).toMatchObject({ receptionId: started.receptionId, slotIndex: started.slotIndex, topic: started.topic });
    const everyBookingId = new Set([...run.bookingIds, ...kept.map((b) => b._id)]);
    const claims = [...run.after.get('booking_claims')!.values()];
    const claimKeys = new Set(run.receptionIds.map((id) => sha256(`claim\u0000${run.openid}\u0000${id}`)));
    expect(claims.filter((c) => claimKeys.has(c._id) || everyBookingId.has(String(c.bookingId))).map((c) => c._id)).toEqual([]);
  });

  it('the cases and their handling stay: withdrawn, accepted, replied; anonymous, without contact or request id', () => {
    const after = run.caseIds.map((id) => run.after.get('cases')!.get(id)!);
    expect(after.map((c) => c.status)).toEqual(['withdrawn', 'accepted', 'replied']);
    for (const c of after) {
      expect(c).toMatchObject({ anonymous: true, ownerOpenid: String(after[0].ownerOpenid) });
      expect(c).not.toHaveProperty('contact');
      expect(run.requestIds).not.toContain(c.requestId);
    }
  });

  it('the 立法意见 comment, withdrawn while open, keeps its text and printed name under a new id, without owner, contact or claim code', () => {
    const before = [...run.before.get('consultation_comments')!.values()].filter((c) => c.ownerOpenid === run.openid);
    expect(before.map((c) => c.text)).toEqual(['建议业主身份以不动产登记为准。']);
    const after = [...run.after.get('consultation_comments')!.values()].filter((c) => c.text === '建议业主身份以不动产登记为准。');
    // The other resident's comment of the same words is still theirs; the person's, withdrawn (still open), has a tombstone.
    const kept = after.filter((c) => String(c.ownerOpenid).startsWith('deleted:'));
    expect(kept).toEqual([expect.objectContaining({ status: 'withdrawn', printedName: '链接测试', recordedBy: 'officer' })]);
    expect(kept[0]._id).not.toBe(before[0]._id);
    expect(kept[0]).not.toHaveProperty('contact');
    expect(kept[0]).not.toHaveProperty('claim');
  });

  it('a retry changes nothing', async () => {
    const digest = await databaseDigest(backend);
    expect(await backend.data('user', 'deleteAccount', { confirm: '注销' }, run.openid)).toEqual({ done: true, casesWithdrawn: 0, casesAnonymised: 0, bookingsCancelled: 0 });
    expect((await databaseDigest(backend)).sha256).toBe(digest.sha256);
  });
});
