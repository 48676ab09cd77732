/**
 * Privacy over every output. Cases carry unique markers — the contact's name and phone, and
 * the owner's openid — some of them anonymous. Then EVERY action of every API function (read
 * from docs/permissions.md, inputs from the authorisation matrix's scope rows, their cases made
 * with markers) is called as every kind of caller, and no answer may carry a marker unless the
 * privacy rule lets that caller see it:
 *   - the owner sees their own contact;
 *   - the station's liaison officer sees the contact of the station's cases;
 *   - the assigned deputy sees it, unless the case is anonymous;
 *   - nobody but the owner ever sees the owner's openid;
 *   - everyone else (other residents, other stations' handlers, the district office, anyone
 *     at all, the addressed-but-not-assigned deputy) sees none of it.
 * Finally no WeChat push to anyone but the owner carries a marker.
 *
 * The cases' free text also carries phone and ID numbers in every shape made to slip past a
 * mask (support/number-shapes.ts: dots, brackets, zero-width characters, mathematical, Arabic-
 * Indic and full-width digits, Chinese numerals …), each a number of its own, and the receiving
 * body of a 代表函 a phone number: only the owner and the station's officer (who call back) may
 * read one whole — not the deputy, not the district office, no push, no 代表函.
 */
import type { PermissionTable } from '../../backend/platform/define-function';
import { grantId } from '../../backend/data/subscriptions';
import templates from '../../config/subscribe-templates.json';
import type { UserRole } from '../../typings/models';
import { submission } from '../backend/case-fixtures';
import { newOpenid, startBackend, type Backend } from '../backend/harness';
import { arrangeOutsiders, CALLERS, OUTSIDERS, type CallerKind } from '../authz/callers';
import { SCOPE_ROWS } from '../authz/scope-rows';
import { DEPUTY_ID, STATION, Subjects, type CaseSubject } from '../authz/subjects';
import { codePermissionTables, permissionTables } from './support/permission-tables';
import { idShapes, phoneShapes, reveals } from './support/number-shapes';
import { readPdf } from '../support/pdf-reader';
import { shanghaiDate } from '../../backend/domain/calendar';
import { suggestionIn } from '../../backend/domain/suggestion/suggestion.fixtures';

const OFFICER = CALLERS.officer!;
const DEPUTY = CALLERS.deputy!;

/** The documented table (docs/permissions.md): which kinds of caller each row is arranged for. */
const TABLES = permissionTables();
const ACTIONS = Object.entries(TABLES).flatMap(([fn, table]) => Object.entries(table).map(([action, allow]) => ({ fn, action, allow })));

/** Everyone who looks, besides the owner: in the station's scope or not, every role. */
const OBSERVERS: Record<string, string | undefined> = {
  anonymous: undefined,
  'another resident': CALLERS.resident === 'odemo-resident' ? 'odemo-resident-2' : OUTSIDERS.resident,
  'the demo resident': 'odemo-resident',
  'the station officer': OFFICER,
  'an officer of another station': OUTSIDERS.officer,
  'the addressed and assigned deputy': DEPUTY,
  'a deputy of another station': OUTSIDERS.deputy,
  'the district office': CALLERS.admin,
  'another district office': OUTSIDERS.admin,
  // Units answer suggestions that link residents' cases, yet see no resident's contact or identity.
  'the handling unit': CALLERS.unit,
  'another handling unit': OUTSIDERS.unit,
};

interface Marker {
  caseId?: string;
  owner: string;
  name: string;
  phone: string;
  anonymous: boolean;
  /** Phone and ID numbers written into the case's free text, each in a shape of its own. */
  numbers: { number: string; shape: string }[];
}

const RUN = String(1000 + (process.pid % 9000)).padStart(4, '0');
const markers: Marker[] = [];

/** A contact nobody else in the data has: a fixed-width number, so one marker is never part of another. */
function newMarker(owner: string, anonymous: boolean): Marker {
  const n = String(markers.length + 1).padStart(4, '0');
  const marker = { owner, name: `${anonymous ? '隐私测试乙' : '隐私测试甲'}${n}`, phone: `166${RUN}${n}`, anonymous, numbers: [] };
  markers.push(marker);
  return marker;
}

/** A mobile no other text holds: 19, the run, the case (3 digits), which one (2 digits). */
const textPhone = (marker: Marker, k: number) => `19${RUN}${String(markers.indexOf(marker) + 1).padStart(3, '0')}${String(k).padStart(2, '0')}`;
/** An 18-digit ID no other text holds: a region made of the run and `k`, a birth date, the case as its sequence. */
const textId = (marker: Marker, k: number) => `4${RUN}${k}19900101${String(markers.indexOf(marker) + 1).padStart(3, '0')}${k}`;

/** Writes `number` in `shape` into the marker's text, and remembers it. */
function written(marker: Marker, number: string, shapes: { shape: string; text: string }[], pick: number): string {
  const { shape, text } = shapes[pick % shapes.length];
  marker.numbers.push({ number, shape });
  return text;
}

/** A title and content carrying numbers: one phone shape in the title, every phone and ID shape in the content. */
function numberedText(marker: Marker): { title: string; content: string } {
  const n = markers.indexOf(marker);
  const title = `路灯不亮请回电${written(marker, textPhone(marker, 0), phoneShapes(textPhone(marker, 0)), n)}`;
  const phones = phoneShapes('00000000000').map((_, k) => written(marker, textPhone(marker, k + 1), phoneShapes(textPhone(marker, k + 1)), k));
  const ids = idShapes('000000000000000000').map((_, k) => written(marker, textId(marker, k), idShapes(textId(marker, k)), k));
  const content = `华富村三号楼旁的路灯坏了两周（第 ${n + 1} 处）。请回电：${phones.join('，或 ')}。身份证：${ids.join('；')}。`;
  return { title, content };
}

/** The matrix's subjects, every case submitted with a marked contact, anonymous or not. */
class MarkedSubjects extends Subjects {
  anonymous = false;

  override async submitted(addressed = true): Promise<CaseSubject> {
    const owner = newOpenid('privacy');
    const marker = newMarker(owner, this.anonymous);
    const input = submission({
      stationId: STATION,
      ...(addressed ? { deputyId: DEPUTY_ID } : {}),
      contact: { name: marker.name, phone: marker.phone },
      anonymous: this.anonymous,
      ...numberedText(marker),
    });
    const { caseId } = await this.backend.data('case', 'submit', input, owner);
    marker.caseId = caseId;
    const detail = await this.backend.data('case', 'get', { caseId }, owner);
    return { caseId, version: detail.version, receiptNo: detail.receiptNo, owner };
  }

  /** The officer's public reply carries a phone number too: the board shows it to anyone, masked. */
  override publicReplyText(s: CaseSubject): string {
    const marker = markers.find((m) => m.caseId === s.caseId)!;
    const phone = textPhone(marker, 91);
    return `已联系物业，路灯已修好；物业电话 ${written(marker, phone, phoneShapes(phone), markers.indexOf(marker) + 5)}`;
  }

  /** As the matrix's, with a phone number in the receiving body the officer types. */
  override async transferredByLetter(): Promise<CaseSubject> {
    const s = await this.accepted();
    const marker = markers.find((m) => m.caseId === s.caseId)!;
    const phone = textPhone(marker, 90);
    const receivingBody = `福田区住房和建设局 王科长 ${written(marker, phone, phoneShapes(phone), markers.indexOf(marker) + 3)}`;
    const deadline = shanghaiDate(new Date(Date.now() + 20 * 86_400_000));
    const detail = await this.backend.data('case', 'transfer', { caseId: s.caseId, version: s.version, route: 'district_committee', receivingBody, deadline }, OFFICER);
    return { caseId: detail.id, version: detail.version, receiptNo: detail.receiptNo, owner: s.owner };
  }
}

let backend: Backend;
let subjects: MarkedSubjects;
const counted = { calls: 0, answers: 0, pairs: new Set<string>(), allowedSightings: 0, numberSightings: 0, letters: 0 };

beforeAll(async () => {
  backend = await startBackend();
  await arrangeOutsiders(backend);
  subjects = new MarkedSubjects(backend);
  // Handlers accept every 待办 notice, so handler pushes are really sent and checked.
  const task = templates.templates.handlerTask.id;
  for (const openid of [OFFICER, DEPUTY]) {
    await backend.db.collection('subscriptions').add({ _id: grantId(openid, task), openid, templateId: task, remaining: 1000, updatedAt: new Date() });
    await backend.wx.grant(openid, task, 1000);
  }
  // Standing cases in everyone's lists: one plain and one anonymous, both assigned to the demo deputy.
  await subjects.assigned();
  subjects.anonymous = true;
  await subjects.assigned();
  subjects.anonymous = false;
}, 240_000);

afterAll(() => backend?.close());

/** Whether the privacy rule lets `caller` see the marker's contact, judged on the case as it is now. */
async function maySeeContact(caller: string | undefined, marker: Marker): Promise<boolean> {
  if (!caller) return false;
  if (caller === marker.owner || caller === OFFICER) return true; // the marked cases are all at the officer's station
  if (caller !== DEPUTY || marker.anonymous || !marker.caseId) return false;
  const { data } = await backend.db.collection('cases').where({ _id: marker.caseId }).get();
  return (data[0] as { assignedDeputyId?: string } | undefined)?.assignedDeputyId === DEPUTY_ID;
}

/**
 * Whether the privacy rule lets `caller` read the numbers in the marker's free text whole: the
 * owner and the station's officer, who call back; `undefined` is a reader outside the app (a
 * push, the body a 代表函 goes to).
 */
const maySeeNumbers = (caller: string | undefined, marker: Marker) => !!caller && (caller === marker.owner || caller === OFFICER);

/** Numbers of the markers' free text that `text` shows whole, though `caller` may not read them. */
function numberLeaks(text: string, caller: string | undefined): string[] {
  const found: string[] = [];
  for (const marker of markers) {
    for (const { number, shape } of marker.numbers) {
      if (!reveals(text, number)) continue;
      if (maySeeNumbers(caller, marker)) counted.numberSightings += 1;
      else found.push(`${number} written as ${shape} (case of ${marker.name})`);
    }
  }
  return found;
}

/** What in `text` the caller should not have seen. */
async function leaks(text: string, caller: string | undefined): Promise<string[]> {
  const found: string[] = numberLeaks(text, caller);
  for (const marker of markers) {
    if (marker.owner !== caller && text.includes(marker.owner)) found.push(`owner openid of ${marker.name}`);
    const shown = [marker.name, marker.phone].filter((s) => text.includes(s));
    if (shown.length === 0) continue;
    if (await maySeeContact(caller, marker)) counted.allowedSightings += 1;
    else found.push(`${shown.join(' and ')} (${marker.anonymous ? 'anonymous' : 'named'} case)`);
  }
  return found;
}

const kindsFor = (allow: PermissionTable[string]): CallerKind[] => (allow === 'anyone' ? ['anonymous', 'resident'] : [...(allow as readonly UserRole[])]);

it('reads every action of every API function', () => {
  expect(Object.keys(TABLES)).toEqual(expect.arrayContaining(['admin', 'case', 'reception', 'station', 'subscription', 'user']));
  expect(ACTIONS.length).toBeGreaterThan(40);
  for (const { fn, action } of ACTIONS) expect(SCOPE_ROWS[`${fn}.${action}`]).toBeDefined();
  // Every action the code serves is documented, so none escapes the check.
  const served = Object.entries(codePermissionTables()).flatMap(([fn, table]) => Object.keys(table).map((action) => `${fn}.${action}`));
  expect(ACTIONS.map(({ fn, action }) => `${fn}.${action}`).sort()).toEqual(served.sort());
});

it('catches a leak when one is there (the check can fail)', async () => {
  const marker = markers[0];
  expect(await leaks(JSON.stringify({ contact: { phone: marker.phone } }), OUTSIDERS.officer)).not.toEqual([]);
  expect(await leaks(JSON.stringify({ x: marker.owner }), OFFICER)).not.toEqual([]);
  expect(await leaks(JSON.stringify({ contact: { phone: marker.phone } }), OFFICER)).toEqual([]);
  // Every shape of a free-text number is found again, by a deputy's answer and in a letter.
  expect(marker.numbers.length).toBe(1 + phoneShapes('0').length + idShapes('0').length);
  for (const { number, shape } of marker.numbers) {
    const text = [...phoneShapes(number), ...idShapes(number)].find((s) => s.shape === shape)!.text;
    expect(numberLeaks(JSON.stringify({ content: `请回电${text}谢谢` }), DEPUTY)).not.toEqual([]);
    expect(numberLeaks(`请回电${text}谢谢`, undefined)).not.toEqual([]);
    expect(numberLeaks(JSON.stringify({ content: text }), OFFICER)).toEqual([]);
  }
});

/** The 代表函 a successful `case.letter` answered, read as a PDF viewer reads it. */
async function letterText(body: { ok?: boolean; data?: { url?: string } }): Promise<string | undefined> {
  if (!body?.ok || !body.data?.url) return undefined;
  const res = await fetch(body.data.url);
  expect(res.status).toBe(200);
  counted.letters += 1;
  return (await readPdf(new Uint8Array(await res.arrayBuffer()))).text;
}

describe.each(ACTIONS.map(({ fn, action, allow }) => [`${fn}.${action}`, fn, action, allow] as const))('%s', (key, fn, action, allow) => {
  it('answers no one a contact or identity the privacy rule keeps from them', async () => {
    const problems: string[] = [];
    // Case-bound rows run twice: their cases named, then anonymous.
    for (const anonymous of [false, true]) {
      for (const kind of kindsFor(allow)) {
        subjects.anonymous = anonymous;
        const before = markers.length;
        const arranged = await SCOPE_ROWS[key](kind, subjects);
        subjects.anonymous = false;
        if (anonymous && markers.length === before) continue; // no case in this row: one pass is enough
        const insider = arranged.caller ?? CALLERS[kind];
        const callers: [string, string | undefined][] = [...Object.entries(OBSERVERS), [`the row's ${kind}`, insider]];
        for (const [label, openid] of callers) {
          const { body } = await backend.callRaw(fn, { ...arranged.input, action }, openid);
          counted.calls += 1;
          if (body?.ok) counted.answers += 1;
          counted.pairs.add(`${key}|${label}`);
          for (const leak of await leaks(JSON.stringify(body), openid)) problems.push(`${label} (${anonymous ? 'anonymous' : 'named'} cases): ${leak}`);
          // The letter goes to the receiving body, whoever issued it: nothing of the resident's, no number whole.
          const letter = key === 'case.letter' ? await letterText(body) : undefined;
          if (letter !== undefined)
            for (const leak of [...(await leaks(letter, undefined)), ...numberLeaks(letter, undefined)]) problems.push(`the 代表函 ${label} issued: ${leak}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('the public board (办理公开)', () => {
  it('shows marked cases that are public — accepted, answered, closed, allowed — with nothing of theirs whole', async () => {
    // Two more, so the check never rests on what the per-action rows happened to leave.
    const shown = [await subjects.closedPublic(), await subjects.closedPublic()].map((s) => s.caseId);
    const answers = [
      await backend.callRaw('station', { action: 'board', stationId: STATION }),
      await backend.callRaw('station', { action: 'board', district: '福田区' }, 'odemo-resident-2'),
      ...(await Promise.all(shown.map((caseId) => backend.callRaw('station', { action: 'publicCase', caseId })))),
    ];
    for (const { body } of answers) expect(body).toMatchObject({ ok: true });
    const listed: { id: string; title: string; reply?: string }[] = answers.flatMap(({ body }) => body.data.cases ?? [body.data]);
    const marked = listed.filter((c) => markers.some((m) => m.caseId === c.id));
    // Both new ones on both boards and on their own pages; titles and replies with their numbers, masked.
    expect(marked.filter((c) => shown.includes(c.id))).toHaveLength(6);
    // Other rows leave marked cases closed without a reply (closed by the officer, merged) or with the subjects' plain reply: never a number whole (below).
    for (const c of marked) expect([c.id, c.title.startsWith('路灯不亮请回电') && (c.reply === undefined || c.reply.startsWith('已联系物业，路灯已'))]).toEqual([c.id, true]);
    for (const id of shown) expect(marked.find((c) => c.id === id)?.reply).toMatch(/^已联系物业，路灯已修好；物业电话/);
    const problems = await Promise.all(answers.map(async ({ body }) => leaks(JSON.stringify(body), undefined)));
    expect(problems.flat()).toEqual([]);
  });
});

describe('代表建议: a linked case’s progress and the published answers', () => {
  /** What a linked case's reader may see of the suggestion (typings/suggestion.ts CaseSuggestionView), written out. */
  const VIEW_FIELDS = ['answer', 'id', 'number', 'statusLabel', 'steps', 'title'];
  const ANSWER_FIELDS = ['at', 'resultLabel', 'text', 'unitName'];

  it('each linked resident sees only the public progress, the board nothing of any resident, and the pushes (run by the scheduler) neither', async () => {
    // Two marked cases, one anonymous, linked into a closed suggestion whose title and answer started from the first case's text.
    const named = await subjects.accepted();
    subjects.anonymous = true;
    const hidden = await subjects.accepted();
    subjects.anonymous = false;
    const first = markers.find((m) => m.caseId === named.caseId)!;
    const { data: cases } = await backend.db.collection('cases').where({ _id: named.caseId }).get();
    const id = `sg-privacy-${RUN}-${markers.length}`;
    const now = new Date();
    const lead = { unitId: 'unit-ft-zjj', unitName: '区住房和建设局' };
    const answer = { round: 1 as const, ...lead, staffId: 'sf-unit-zjj', text: `答复：${cases[0].title}`, result: 'A' as const, publishable: true, at: now, onTime: true };
    const caseIds = [named.caseId, hidden.caseId];
    await backend.db.collection('suggestions').add(
      suggestionIn('closed', {
        _id: id,
        title: String(cases[0].title).slice(0, 40),
        deputyId: DEPUTY_ID,
        stationIds: [STATION],
        caseIds,
        acceptedAt: now,
        firstAssignedAt: now,
        answers: [{ ...answer, rating: { value: 'satisfied', comment: `代表的评语 ${first.name}`, at: now } }],
        answeredAt: now,
        closedAt: now,
        outbox: caseIds.flatMap((caseId) =>
          (['accepted', 'closed'] as const).map((step) => ({ key: `${step}:${caseId}`, caseId, step, status: 'pending' as const, queuedAt: now })),
        ),
      }),
    );
    const statusTemplate = templates.templates.caseStatusChanged.id;
    for (const caseId of caseIds) {
      await backend.db.collection('cases').doc(caseId).update({ suggestionId: id });
      const owner = markers.find((m) => m.caseId === caseId)!.owner;
      await backend.db.collection('subscriptions').add({ _id: grantId(owner, statusTemplate), openid: owner, templateId: statusTemplate, remaining: 10, updatedAt: now });
      await backend.wx.grant(owner, statusTemplate, 10);
    }

    const problems: string[] = [];
    for (const caseId of caseIds) {
      const owner = markers.find((m) => m.caseId === caseId)!.owner;
      const { body } = await backend.callRaw('case', { action: 'get', caseId }, owner);
      const view = body.data.suggestion;
      expect(Object.keys(view).every((key) => VIEW_FIELDS.includes(key))).toBe(true);
      expect(Object.keys(view.answer).every((key) => ANSWER_FIELDS.includes(key))).toBe(true);
      const text = JSON.stringify(view);
      // The block shows nothing of the other linked case, its resident, the deputy's comment or a staff member, and no number whole.
      for (const other of caseIds.filter((c) => c !== caseId)) if (text.includes(other)) problems.push(`${caseId}'s block names ${other}`);
      if (text.includes('代表的评语') || text.includes('sf-unit-zjj')) problems.push(`${caseId}'s block shows the deputy's comment or a staff id`);
      problems.push(...(await leaks(text, undefined)).map((leak) => `${caseId}'s block: ${leak}`));
    }
    const published = [
      await backend.callRaw('suggestion', { action: 'published', stationId: STATION }),
      await backend.callRaw('suggestion', { action: 'published' }, 'odemo-resident-2'),
    ];
    for (const { body } of published) {
      expect(body.data.suggestions.map((one: { id: string }) => one.id)).toContain(id);
      const text = JSON.stringify(body);
      for (const caseId of caseIds) if (text.includes(caseId)) problems.push(`the board names linked case ${caseId}`);
      if (text.includes('代表的评语')) problems.push("the board shows the deputy's comment");
      problems.push(...(await leaks(text, undefined)).map((leak) => `the board: ${leak}`));
    }
    expect(problems).toEqual([]);

    // The scheduler tells both residents (立案, 办结) about their own case; the pushes' checks below read them too.
    const { status } = await backend.fireTimer('scheduler', 'tick', new Date());
    expect(status).toBe(200);
    for (const caseId of caseIds) {
      const owner = markers.find((m) => m.caseId === caseId)!.owner;
      const told = (await backend.wx.sent({ openid: owner, templateId: statusTemplate })).filter((m) => (m.page ?? '').endsWith(`?id=${caseId}`));
      expect(told.map((m) => m.data.phrase3.value).sort()).toEqual(['建议已办结', '建议已立案']);
    }
  });
});

describe('立法意见征集: comments, their contacts and commenters', () => {
  it('show a comment’s contact to its resident, its station’s officer and the district office only, and a commenter to nobody else', async () => {
    const admin = CALLERS.admin!;
    const { id: consultationId } = await backend.data(
      'consultation',
      'publish',
      {
        requestId: `req-privacy-${RUN}-cs`,
        title: '《物业管理条例（草案）》',
        askedBy: '市人大常委会法工委',
        summary: '征求意见。',
        text: '第一条　为了规范物业管理，制定本条例。\n第二条　本条例自公布之日起施行。',
        stationIds: [STATION],
        closesOn: shanghaiDate(new Date(Date.now() + 10 * 86_400_000)),
      },
      admin,
    );
    // Contacts nobody else in the data has (17x: the cases' markers use 166 and 19).
    const resident = newOpenid('privacy-cs');
    const contact = { name: `征集隐私甲${RUN}`, phone: `170${RUN}0001` };
    const given = await backend.data(
      'consultation',
      'comment',
      { requestId: `req-privacy-${RUN}-c1`, consultationId, stationId: STATION, articleNo: 1, text: '建议公示物业费。', contact },
      resident,
    );
    const heard = { name: `征集隐私乙${RUN}`, phone: `170${RUN}0002` };
    const recorded = await backend.data(
      'consultation',
      'record',
      { requestId: `req-privacy-${RUN}-c2`, consultationId, stationId: STATION, articleNo: 2, text: '口述意见。', contact: heard },
      OFFICER,
    );
    const claimer = newOpenid('privacy-cs');
    await backend.data('consultation', 'claim', { code: recorded.claim.code }, claimer);
    await backend.data('consultation', 'review', { commentId: given.id, review: 'forward' }, OFFICER);

    const owners: Record<string, { contact: { name: string; phone: string }; openid: string }> = {
      [given.id]: { contact, openid: resident },
      [recorded.comment.id]: { contact: heard, openid: claimer },
    };
    const seesContact = (caller: string | undefined, owner: string) => caller === owner || caller === OFFICER || caller === admin;
    const problems: string[] = [];
    let sightings = 0;
    const readers: [string, string | undefined][] = [...Object.entries(OBSERVERS), ['the commenter', resident], ['the claimer', claimer]];
    for (const [label, openid] of readers) {
      const calls = [
        { action: 'get', consultationId },
        { action: 'list', stationId: STATION },
        { action: 'mine' },
        { action: 'comments', consultationId, stationId: STATION },
        { action: 'comments', consultationId },
      ];
      for (const call of calls) {
        const { body } = await backend.callRaw('consultation', call, openid);
        const text = JSON.stringify(body);
        for (const { contact: c, openid: owner } of Object.values(owners)) {
          if (text.includes(owner) && openid !== owner) problems.push(`${label} (${call.action}): the commenter's openid`);
          if (!text.includes(c.name) && !text.includes(c.phone)) continue;
          if (seesContact(openid, owner)) sightings += 1;
          else problems.push(`${label} (${call.action}): ${c.name}'s contact`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The commenter, the claimer, the officer (twice: by station) and the office read the contacts.
    expect(sightings).toBeGreaterThanOrEqual(6);
  });
});

describe('WeChat pushes', () => {
  it('to anyone but the owner carry no contact and no identity', async () => {
    const sent = await backend.wx.sent();
    const toOthers = sent.filter((m) => !markers.some((marker) => marker.owner === m.touser));
    expect(toOthers.length).toBeGreaterThan(10); // handlers were told of the marked cases
    const problems: string[] = [];
    for (const message of toOthers) {
      const text = JSON.stringify(message);
      for (const marker of markers) {
        if ([marker.owner, marker.name, marker.phone].some((s) => text.includes(s))) problems.push(`${message.touser} got ${marker.name}'s contact or identity`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('to anyone, the owner included, carry no phone or ID number of the free text whole', async () => {
    // A push passes through WeChat and sits on a lock screen: masked for everyone.
    const sent = await backend.wx.sent();
    const problems = sent.flatMap((message) => numberLeaks(JSON.stringify(message.data), undefined).map((leak) => `${message.touser}: ${leak}`));
    expect(problems).toEqual([]);
    // The pushes did carry the numbers' text (masked): titles with a number reached the owners and the handlers.
    expect(sent.filter((m) => JSON.stringify(m.data).includes('路灯不亮请回电')).length).toBeGreaterThan(10);
  });

  it('report', () => {
    // Figures for the README's "Reliability" section.
    console.log(
      `privacy: ${ACTIONS.length} actions, ${counted.pairs.size} action × caller pairs, ${counted.calls} calls (${counted.answers} ok answers, ${counted.allowedSightings} allowed sightings), ${markers.length} marked cases (${markers.filter((m) => m.anonymous).length} anonymous), ${markers.reduce((n, m) => n + m.numbers.length, 0)} free-text numbers in ${phoneShapes('0').length + idShapes('0').length} shapes (${counted.numberSightings} allowed sightings), ${counted.letters} 代表函 read`,
    );
    expect(counted.calls).toBeGreaterThan(ACTIONS.length * Object.keys(OBSERVERS).length);
    // The markers do reach those allowed to see them: the check is not passing on empty answers.
    expect(counted.allowedSightings).toBeGreaterThan(20);
    expect(counted.numberSightings).toBeGreaterThan(20);
    expect(counted.letters).toBeGreaterThan(0);
  });
});
