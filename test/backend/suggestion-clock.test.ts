/**
 * The scheduler's 代表建议 rules through the function host, as CloudBase's timer runs them: each
 * test stores its own suggestion (the stored shape of domain/suggestion/suggestion.document.ts, as
 * the lifecycle writes it) and its own unit staff, moves the timer's clock to where that
 * suggestion stands (30 days before its deadline, an hour past it, 15 days after an answer …) and
 * judges only its own messages: every run acts on the whole district.
 *
 * Oracles, written by hand: config/suggestions.json's clock (reminders 30 and 7 days before a
 * deadline, a rating reminder 15 days after an answer), WeChat's template of each message
 * (config/subscribe-templates.json: the handlerTask and caseStatusChanged keys), and the brief's
 * phrases (建议已立案 / 建议已答复 / 建议已办结).
 */
import { randomUUID } from 'node:crypto';
import type { SuggestionDocument, SuggestionResidentNotice } from '../../backend/domain/suggestion/suggestion.document';
import { suggestionIn } from '../../backend/domain/suggestion/suggestion.fixtures';
import templates from '../../config/subscribe-templates.json';
import { ADMIN, DEPUTY, DEPUTY_ID, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;
const STATUS = templates.templates.caseStatusChanged.id;
const TASK = templates.templates.handlerTask.id;
const DAY = 24 * 60 * 60 * 1000;
const later = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'subscription', 'scheduler', 'suggestion'] });
}, 180_000);

afterAll(() => backend?.close());

async function tick(at: Date) {
  const { status, body } = await backend.fireTimer('scheduler', 'tick', at);
  expect(status).toBe(200);
  expect(body.ok).toBe(true);
  expect(body.data.jobs.suggestions.error).toBeUndefined();
  return body.data.jobs.suggestions as { counts: Record<string, number>; complete: boolean };
}

/** The user accepted `count` messages of a template: recorded by us and by WeChat. */
async function allow(openid: string, templateId: string, count = 1): Promise<void> {
  for (let i = 0; i < count; i += 1) await backend.data('subscription', 'record', { results: { [templateId]: 'accept' } }, openid);
  await backend.wx.grant(openid, templateId, count);
}

let units = 0;
/** A handling unit of its own with one bound staff member (the record, and the account acting as it). */
async function unitWithStaff(): Promise<{ unitId: string; unitName: string; openid: string }> {
  units += 1;
  const stamp = `${process.pid}-${units}-${randomUUID().slice(0, 6)}`;
  const unitId = `unit-clock-${stamp}`;
  const unitName = `区测试局${units}`;
  const staffId = `sf-clock-${stamp}`;
  const openid = newOpenid('unit');
  const now = new Date();
  await backend.db
    .collection('staff')
    .add({ _id: staffId, name: '钱七', role: 'unit', unitId, phone: '13800000000', stationIds: [], district: '福田区', openid, userId: `u-${stamp}`, createdAt: now });
  await backend.db.collection('users').add({
    _id: `u-${stamp}`,
    openid,
    role: 'unit',
    staffId,
    actingAs: { name: '钱七', stationIds: [], district: '福田区', unitId },
    createdAt: now,
    updatedAt: now,
  });
  await allow(openid, TASK, 3);
  return { unitId, unitName, openid };
}

/** A suggestion stored as the lifecycle leaves it (the domain's fixture, in this district, with its own id). */
async function stored(over: Partial<SuggestionDocument>): Promise<SuggestionDocument> {
  const doc = suggestionIn(over.status ?? 'assigned', {
    deputyId: DEPUTY_ID,
    deputyName: '李明',
    stationIds: ['st-ft-hf'],
    caseIds: [],
    ...over,
    _id: `sg-clock-${randomUUID().slice(0, 12)}`,
  });
  await backend.db.collection('suggestions').add(doc);
  return doc;
}

async function suggestion(id: string): Promise<Record<string, any>> {
  return (await backend.db.collection('suggestions').doc(id).get()).data[0];
}

async function tasksTo(openid: string, suggestionId: string) {
  return (await backend.wx.sent({ openid, templateId: TASK })).filter((m) => (m.page ?? '').endsWith(`?id=${suggestionId}`));
}

/** A lead and an assisting unit, the lead's deadline `deadline`, the assisting one's a month after assignment. */
async function assignedTo(
  lead: { unitId: string; unitName: string },
  assist: { unitId: string; unitName: string },
  deadline: Date,
  assistDeadline: Date,
  over: Partial<SuggestionDocument> = {},
) {
  return stored({
    status: 'assigned',
    number: `福田〔2026〕第${Math.floor(Math.random() * 900) + 100}号`,
    assignments: [
      { unitId: lead.unitId, unitName: lead.unitName, role: 'lead', deadline },
      { unitId: assist.unitId, unitName: assist.unitName, role: 'assist', deadline: assistDeadline },
    ],
    deadline,
    leadUnitId: lead.unitId,
    unitIds: [lead.unitId, assist.unitId],
    ...over,
  });
}

// Deadlines are the end of a Beijing day, three months and one month after an assignment in the near future.
const DEADLINE = new Date('2027-06-30T15:59:59.999Z');
const ASSIST_DEADLINE = new Date('2027-04-30T15:59:59.999Z');

describe('reminding units before their deadlines (30 and 7 days, each once per deadline)', () => {
  it('the lead’s staff 30 days before, once; again 7 days before; not the assisting unit, whose own deadline is long past', async () => {
    const lead = await unitWithStaff();
    const assist = await unitWithStaff();
    const doc = await assignedTo(lead, assist, DEADLINE, ASSIST_DEADLINE);

    // 31 days before the lead's deadline: the assisting unit's own deadline passed long ago, so only the lead's window matters.
    await tick(later(DEADLINE, -31 * DAY));
    expect(await tasksTo(lead.openid, doc._id)).toHaveLength(0);

    await tick(later(DEADLINE, -30 * DAY));
    await tick(later(DEADLINE, -29 * DAY));
    const first = await tasksTo(lead.openid, doc._id);
    expect(first).toHaveLength(1);
    expect(first[0].data).toMatchObject({ thing1: { value: '代表建议答复即将到期' }, thing5: { value: '请于6月30日前答复代表' } });
    expect((await suggestion(doc._id)).remindersSent).toEqual([`deadline-30:${DEADLINE.toISOString()}`]);

    await tick(later(DEADLINE, -7 * DAY));
    await tick(later(DEADLINE, -6 * DAY));
    expect(await tasksTo(lead.openid, doc._id)).toHaveLength(2);
    expect(await tasksTo(assist.openid, doc._id)).toHaveLength(0);
  });

  it('an assisting unit that still owes its opinion hears before its own deadline; once it answered, never', async () => {
    const lead = await unitWithStaff();
    const owing = await unitWithStaff();
    const answered = await unitWithStaff();
    const doc = await assignedTo(lead, owing, DEADLINE, ASSIST_DEADLINE);
    const other = await assignedTo(lead, answered, DEADLINE, ASSIST_DEADLINE, {
      assignments: [
        { unitId: lead.unitId, unitName: lead.unitName, role: 'lead', deadline: DEADLINE },
        {
          unitId: answered.unitId,
          unitName: answered.unitName,
          role: 'assist',
          deadline: ASSIST_DEADLINE,
          opinion: '同意主办意见',
          answeredAt: new Date('2027-04-01T02:00:00Z'),
        },
      ],
    });
    await tick(later(ASSIST_DEADLINE, -10 * DAY));
    const told = await tasksTo(owing.openid, doc._id);
    expect(told).toHaveLength(1);
    expect(told[0].data).toMatchObject({ thing1: { value: '协办意见即将到期' } });
    expect(await tasksTo(answered.openid, other._id)).toHaveLength(0);
  });

  it('a new deadline (an extension granted) is reminded of again', async () => {
    const lead = await unitWithStaff();
    const assist = await unitWithStaff();
    const extended = new Date('2027-08-31T15:59:59.999Z');
    const doc = await assignedTo(lead, assist, extended, ASSIST_DEADLINE, {
      remindersSent: [`deadline-30:${DEADLINE.toISOString()}`, `deadline-7:${DEADLINE.toISOString()}`],
      extensionUsed: true,
    });
    await tick(later(extended, -30 * DAY));
    expect(await tasksTo(lead.openid, doc._id)).toHaveLength(1);
    expect((await suggestion(doc._id)).remindersSent).toContain(`deadline-30:${extended.toISOString()}`);
  });
});

describe('marking overdue suggestions (督办)', () => {
  it('past the deadline without an answer: overdueAt, an event by the system, the district office told — once', async () => {
    const lead = await unitWithStaff();
    const assist = await unitWithStaff();
    const doc = await assignedTo(lead, assist, DEADLINE, ASSIST_DEADLINE);
    // Every suggestion of the district past its deadline is marked in the same run: enough grants for all of them.
    await allow(ADMIN, TASK, 50);

    await tick(DEADLINE);
    expect((await suggestion(doc._id)).overdueAt).toBeUndefined();

    const run = later(DEADLINE, 60 * 60 * 1000);
    await tick(run);
    const marked = await suggestion(doc._id);
    expect(new Date(marked.overdueAt)).toEqual(run);
    expect(marked.version).toBe(doc.version + 1);
    const { data: events } = await backend.db.collection('suggestion_events').where({ suggestionId: doc._id }).get();
    expect(events).toEqual([expect.objectContaining({ _id: `${doc._id}:${doc.version + 1}`, seq: doc.version + 1, kind: 'overdue', actorRole: 'system', actorName: '' })]);
    const told = await tasksTo(ADMIN, doc._id);
    expect(told).toHaveLength(1);
    expect(told[0].data).toMatchObject({ thing1: { value: '代表建议逾期未答复' }, thing5: { value: `${lead.unitName}逾期未答复，请督办` } });

    await tick(later(run, DAY));
    expect((await suggestion(doc._id)).version).toBe(doc.version + 1);
    expect(await tasksTo(ADMIN, doc._id)).toHaveLength(1);
  });
});

describe('reminding the author to rate an answer (15 days after, once per round)', () => {
  it('15 days after the answer, once; a second round’s answer is reminded of again', async () => {
    const lead = await unitWithStaff();
    await allow(DEPUTY, TASK, 2);
    const answeredAt = new Date('2027-03-01T02:00:00Z');
    const answer = {
      round: 1 as const,
      unitId: lead.unitId,
      unitName: lead.unitName,
      staffId: 'sf-x',
      text: '正在推进。',
      result: 'B' as const,
      publishable: true,
      at: answeredAt,
      onTime: true,
    };
    const doc = await stored({ status: 'answered', answers: [answer], answeredAt, leadUnitId: lead.unitId });

    await tick(later(answeredAt, 14 * DAY));
    expect(await tasksTo(DEPUTY, doc._id)).toHaveLength(0);
    await tick(later(answeredAt, 15 * DAY));
    await tick(later(answeredAt, 16 * DAY));
    const told = await tasksTo(DEPUTY, doc._id);
    expect(told).toHaveLength(1);
    expect(told[0].data).toMatchObject({ thing1: { value: '请评价代表建议的答复' }, thing5: { value: `${lead.unitName}已于3月1日答复` } });
    expect((await suggestion(doc._id)).remindersSent).toEqual(['rating:1']);

    // Rated 不满意, answered again: round 2 (the lifecycle's write, done here by hand).
    const second = { ...answer, round: 2 as const, at: new Date('2027-04-01T02:00:00Z') };
    const rated = { ...answer, rating: { value: 'unsatisfied' as const, comment: '仍未解决', at: new Date('2027-03-10T02:00:00Z') } };
    await backend.db
      .collection('suggestions')
      .doc(doc._id)
      .update({ round: 2, answers: [rated, second], answeredAt: second.at, version: doc.version + 3 });
    await tick(later(second.at, 15 * DAY));
    expect(await tasksTo(DEPUTY, doc._id)).toHaveLength(2);
    expect((await suggestion(doc._id)).remindersSent).toEqual(['rating:1', 'rating:2']);
  });
});

describe('telling linked cases’ residents (accepted, answered, closed), each notice once, on their own grant', () => {
  const notice = (step: SuggestionResidentNotice['step'], caseId: string, queuedAt: Date): SuggestionResidentNotice => ({
    key: `${step}:${caseId}`,
    caseId,
    step,
    status: 'pending',
    queuedAt,
  });

  async function linkedCase(resident: string, suggestionId: string) {
    const { caseId } = await submitted(backend, resident);
    await backend.db.collection('cases').doc(caseId).update({ suggestionId });
    const { data } = await backend.db.collection('cases').where({ _id: caseId }).get();
    return { caseId, receiptNo: String(data[0].receiptNo) };
  }

  it('the resident with a grant gets 建议已立案 about their own case; one without is skipped; neither twice', async () => {
    const id = `sg-clock-${randomUUID().slice(0, 12)}`;
    const withGrant = newOpenid();
    const withoutGrant = newOpenid();
    const a = await linkedCase(withGrant, id);
    const b = await linkedCase(withoutGrant, id);
    await allow(withGrant, STATUS, 1);
    const acceptedAt = new Date();
    await backend.db.collection('suggestions').add(
      suggestionIn('accepted', {
        _id: id,
        number: '福田〔2026〕第7号',
        title: '华富村三号楼旁路灯长期不亮的问题应当尽快统一解决',
        deputyId: DEPUTY_ID,
        caseIds: [a.caseId, b.caseId],
        acceptedAt,
        outbox: [notice('accepted', a.caseId, acceptedAt), notice('accepted', b.caseId, acceptedAt)],
      }),
    );

    await tick(later(acceptedAt, 60_000));
    const sent = await backend.wx.sent({ openid: withGrant, templateId: STATUS });
    expect(sent).toHaveLength(1);
    expect(sent[0].page).toBe(`packages/case/detail/index?id=${a.caseId}`);
    expect(sent[0].data).toMatchObject({
      character_string1: { value: a.receiptNo },
      // WeChat's thing: 20 characters at most, so 19 and an ellipsis.
      thing2: { value: '华富村三号楼旁路灯长期不亮的问题应当尽…' },
      phrase3: { value: '建议已立案' },
      thing5: { value: '您反映的问题已纳入代表建议' },
    });
    expect(await backend.wx.sent({ openid: withoutGrant, templateId: STATUS })).toHaveLength(0);
    const { data: queued } = await backend.db
      .collection('notifications')
      .where({ _id: `suggestion:${id}:accepted:${b.caseId}` })
      .get();
    expect(queued[0]).toMatchObject({ state: 'skipped_no_grant' });
    expect((await suggestion(id)).outbox.map((n: SuggestionResidentNotice) => n.status)).toEqual(['sent', 'sent']);

    // A settle lost to a racing step (the outbox written back as it was read) never sends twice.
    await backend.db
      .collection('suggestions')
      .doc(id)
      .update({ outbox: [notice('accepted', a.caseId, acceptedAt), notice('accepted', b.caseId, acceptedAt)] });
    await allow(withGrant, STATUS, 1);
    await tick(later(acceptedAt, 20 * 60_000));
    expect(await backend.wx.sent({ openid: withGrant, templateId: STATUS })).toHaveLength(1);
    expect((await suggestion(id)).outbox.map((n: SuggestionResidentNotice) => n.status)).toEqual(['sent', 'sent']);
  });

  it('an answer: 建议已答复 with the class when it may be published; a case unlinked since, or nobody’s, is skipped', async () => {
    const id = `sg-clock-${randomUUID().slice(0, 12)}`;
    const resident = newOpenid();
    const leftResident = newOpenid();
    const a = await linkedCase(resident, id);
    const left = await linkedCase(leftResident, id);
    await backend.db.collection('cases').doc(left.caseId).update({ suggestionId: 'sg-another' });
    await allow(resident, STATUS, 1);
    await allow(leftResident, STATUS, 1);
    const answeredAt = new Date();
    const answer = {
      round: 1 as const,
      unitId: 'unit-ft-zjj',
      unitName: '区住房和建设局',
      staffId: 'sf-x',
      text: '已列入计划。',
      result: 'B' as const,
      publishable: true,
      at: answeredAt,
      onTime: true,
    };
    await backend.db.collection('suggestions').add(
      suggestionIn('answered', {
        _id: id,
        deputyId: DEPUTY_ID,
        caseIds: [a.caseId, left.caseId],
        answers: [answer],
        answeredAt,
        outbox: [
          { ...notice('answered', a.caseId, answeredAt), key: `answered:1:${a.caseId}` },
          { ...notice('answered', left.caseId, answeredAt), key: `answered:1:${left.caseId}` },
        ],
      }),
    );
    await tick(later(answeredAt, 60_000));
    const sent = await backend.wx.sent({ openid: resident, templateId: STATUS });
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ phrase3: { value: '建议已答复' }, thing5: { value: '区住房和建设局答复：正在解决或列入计划' } });
    expect(await backend.wx.sent({ openid: leftResident, templateId: STATUS })).toHaveLength(0);
    expect((await suggestion(id)).outbox.map((n: SuggestionResidentNotice) => n.status)).toEqual(['sent', 'skipped']);
  });
});
