/** The handlers' case pages' pure shaping: due texts in Beijing days, tabs by role, rows, buttons, command forms. */
import type { InboxItem } from '../../typings/workspace';
import { CASE_ACTION_INPUTS } from '../../backend/domain/case/case.command-input';
import { beijingDate, dueView } from '../../miniprogram/packages/work/inbox/due';
import * as inbox from '../../miniprogram/packages/work/inbox/view-model';
import * as commands from '../../miniprogram/packages/work/case/commands';
import { actorText, toTimeline } from '../../miniprogram/components/case-timeline/entries';
import { deputyOptions, toButtons, toHandlerCaseView } from '../../miniprogram/packages/work/case/view-model';
import { caseDetail, event } from './support/case-fixtures';

/** The end of a Beijing day, as the server sets a due time (backend/domain/case/deadlines.ts). */
const endOfBeijingDay = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 24 * 3600_000 - 1).toISOString();
const at = (beijing: string) => new Date(`${beijing}+08:00`);

describe('due text, in Beijing calendar days', () => {
  it.each([
    // now (Beijing wall clock)      due day        text            overdue
    ['2026-11-21T14:30:00', '2026-11-23', '还剩 2 天', false],
    ['2026-11-21T23:59:59', '2026-11-22', '还剩 1 天', false],
    ['2026-11-22T00:00:00', '2026-11-22', '今天到期', false], // just past midnight: a new day, not "还剩 1 天"
    ['2026-11-22T07:59:00', '2026-11-22', '今天到期', false], // still 11-21 in UTC, already 11-22 in Beijing
    ['2026-11-22T23:59:59', '2026-11-22', '今天到期', false],
    ['2026-11-23T00:00:00', '2026-11-22', '已超期 1 天', true],
    ['2026-11-25T09:00:00', '2026-11-22', '已超期 3 天', true],
  ])('at %s, due %s: %s', (now, due, text, overdue) => {
    expect(dueView(endOfBeijingDay(due), at(now))).toEqual({ text, overdue });
  });

  it('believes the server when it says overdue, even if the phone’s clock is behind', () => {
    expect(dueView(endOfBeijingDay('2026-11-22'), at('2026-11-22T23:00:00'), true)).toEqual({ text: '已超期', overdue: true });
    expect(dueView(undefined, at('2026-11-22T23:00:00'))).toEqual({ text: '', overdue: false });
  });

  it('names tomorrow as a Beijing date for the transfer deadline', () => {
    expect(beijingDate(at('2026-11-21T23:30:00'), 1)).toBe('2026-11-22');
    expect(beijingDate(at('2026-11-22T00:30:00'), 1)).toBe('2026-11-23'); // 2026-11-21 16:30 UTC
    expect(beijingDate(at('2026-12-31T12:00:00'), 1)).toBe('2027-01-01');
  });
});

const item = (over: Partial<InboxItem> = {}): InboxItem => ({
  id: 'case-1',
  receiptNo: 'FT20261121-0042',
  title: '莲花北村12栋楼道灯坏了',
  category: 'help',
  status: 'accepted',
  stationId: 'st-ft-hf-01',
  stationName: '莲花北社区人大代表联络站',
  submittedAt: '2026-11-18T02:00:00.000Z',
  dueAt: endOfBeijingDay('2026-11-23'),
  overdue: false,
  anonymous: false,
  joinCount: 0,
  ...over,
});

describe('the queue', () => {
  it.each([
    ['officer', ['待受理', '办理中', '已超期', '已办结']],
    ['deputy', ['办理中', '已超期', '已办结']],
    ['admin', ['已超期', '办理中', '已办结']],
  ] as const)('%s sees the tabs %p, badges from the counts', (role, titles) => {
    const tabs = inbox.toTabs(role, { open: 12, triage: 3, overdue: 0 });
    expect(tabs.map((t) => t.title)).toEqual(titles);
    expect(Object.fromEntries(tabs.map((t) => [t.name, t.info]))).toEqual({
      ...(role === 'officer' ? { triage: '3' } : {}),
      open: '12',
      overdue: null, // nothing overdue: no badge, not "0"
      closed: null,
    });
    expect(inbox.toTabs(role, { open: 150, triage: 150, overdue: 150 }).find((t) => t.name === 'open')!.info).toBe('99+');
  });

  it('offers a station picker only to someone who serves several stations', () => {
    expect(inbox.stationOptions({ stations: [{ id: 'st-ft-hf', name: '华富街道' }] })).toEqual([]);
    expect(inbox.stationOptions({})).toEqual([]);
    expect(
      inbox.stationOptions({
        stations: [
          { id: 'st-ft-hf', name: '华富街道' },
          { id: 'st-ft-hf-01', name: '莲花北社区' },
        ],
      }),
    ).toEqual([
      { id: '', name: '全部联络站' },
      { id: 'st-ft-hf', name: '华富街道' },
      { id: 'st-ft-hf-01', name: '莲花北社区' },
    ]);
  });

  it('a row says how long is left, why a deputy sees it, who handles it and what needs care', () => {
    const now = at('2026-11-21T14:30:00');
    const assigned = item({ relation: 'assigned', assignedDeputy: { id: 'dp-001', name: '李明' }, anonymous: true, contentCheckPending: true });
    expect(inbox.toInboxRow(assigned, 'deputy', now)).toEqual({
      id: 'case-1',
      title: '莲花北村12栋楼道灯坏了',
      receiptNo: 'FT20261121-0042',
      stationName: '莲花北社区人大代表联络站',
      status: 'accepted',
      dueText: '还剩 2 天',
      overdue: false,
      anonymous: true,
      categoryPending: false,
      contentCheckPending: true,
      relationText: '交办给我',
      deputyText: '',
      joinText: '',
    });
    expect(inbox.toInboxRow(item({ relation: 'addressed' }), 'deputy', now).relationText).toBe('写给我');
    const forOfficer = inbox.toInboxRow(assigned, 'officer', now);
    expect([forOfficer.relationText, forOfficer.deputyText]).toEqual(['', '承办代表：李明']);
    const late = inbox.toInboxRow(item({ overdue: true, dueAt: endOfBeijingDay('2026-11-18') }), 'admin', now);
    expect([late.dueText, late.overdue]).toEqual(['已超期 3 天', true]);
    expect(inbox.toInboxRow(item({ status: 'closed', dueAt: undefined }), 'officer', now).dueText).toBe('');
  });

  it('marks a case the resident filed under no category (不确定) for the officer to choose', () => {
    const now = at('2026-11-21T14:30:00');
    expect(inbox.toInboxRow(item({ category: 'unsure', status: 'submitted' }), 'officer', now).categoryPending).toBe(true);
    expect(inbox.toInboxRow(item({ category: 'complaint' }), 'officer', now).categoryPending).toBe(false);
  });

  it('appends only new rows of a further page, by path', () => {
    const now = at('2026-11-21T14:30:00');
    const rows = inbox.newRows([{ id: 'a' }], [item({ id: 'a' }), item({ id: 'b' })], 'officer', now);
    expect(rows.map((r) => r.id)).toEqual(['b']);
    expect(Object.keys(inbox.appendRows(20, rows))).toEqual(['cases[20]']);
    expect([inbox.nextPage(20), inbox.nextPage(21), inbox.nextPage(0)]).toEqual([1, 2, 0]);
  });

  it('only deputies, officers and the district office have a queue', () => {
    expect(inbox.workRole({ role: 'resident' })).toBeUndefined();
    expect(inbox.workRole({ role: 'admin' })).toBe('admin');
  });
});

describe('the handler’s case view', () => {
  const now = at('2026-11-21T14:30:00');

  it('offers only the handler commands the server lists, in the page’s order, the first to press', () => {
    expect(toButtons(['reject', 'supplement', 'accept', 'auto_close', 'merge'])).toEqual([
      { kind: 'accept', label: '受理', type: 'primary' },
      { kind: 'merge', label: '合并办理', type: 'default' },
      { kind: 'reject', label: '不予受理', type: 'danger' },
    ]);
    expect(toButtons(['rate', 'withdraw', 'escalate'])).toEqual([]);
  });

  it('shows the contact, the place, the deadline, the transfer and whether a letter can be made', () => {
    const view = toHandlerCaseView(
      caseDetail({
        status: 'transferred',
        dueAt: endOfBeijingDay('2026-12-05'),
        location: { point: { type: 'Point', coordinates: [114.07, 22.55] }, address: '莲花北村12栋' },
        transfer: { route: 'district_committee', receivingBody: '区住建局', deadline: '2026-12-05' },
        contentCheck: 'pending',
        availableCommands: ['record_answer', 'supervise'],
      }),
      now,
    );
    expect(view).toMatchObject({
      contactName: '张先生',
      phone: '13800138000',
      locationText: '莲花北村12栋',
      dueText: '还剩 14 天（12月5日）',
      overdue: false,
      transferText: '以《代表函》报区人大常委会转交承办单位：区住建局，办理期限 12月5日',
      letter: true,
      contentCheckPending: true,
      deputyLine: '承办代表：李明',
    });
    expect(view.buttons.map((b) => b.kind)).toEqual(['record_answer', 'supervise']);
    const street = toHandlerCaseView(caseDetail({ transfer: { route: 'street_office', receivingBody: '华富街道办', deadline: '2026-12-05' } }), now);
    expect(street.letter).toBe(false);
    expect(view.held).toBe(false);
    // Held back from the deputy it was written to: the officer is told why.
    expect(toHandlerCaseView(caseDetail({ held: { reason: 'deputy_flood', at: '2026-11-21T02:00:00.000Z' } }), now).held).toBe(true);
    // A closed case owes nothing: no deadline line even if a stale dueAt came along.
    expect(toHandlerCaseView(caseDetail({ status: 'closed', dueAt: endOfBeijingDay('2026-11-01') }), now).dueText).toBe('');
  });

  it('names the resident on the timeline, never "我", and keeps 匿名 residents unnamed', () => {
    expect(actorText({ actorRole: 'resident', actorName: '张先生' })).toBe('张先生');
    expect(actorText({ actorRole: 'resident', actorName: '' })).toBe('群众');
    expect(actorText({ actorRole: 'officer', actorName: '王芳' })).toBe('联络员 王芳');
    const entries = toTimeline(
      caseDetail({
        timeline: [
          event(1, 'submitted', { actorRole: 'resident', actorName: '张先生' }),
          event(2, 'rejected', { actorRole: 'officer', actorName: '王芳', note: '属于诉讼案件', data: { referral: '区人民法院' } }),
        ],
      }),
      now,
    );
    expect(entries.map((e) => [e.label, e.actor, e.facts, e.note])).toEqual([
      ['不予受理', '联络员 王芳', ['建议向区人民法院反映'], '不予受理原因：属于诉讼案件'],
      ['提交留言', '张先生', [], ''],
    ]);
  });

  it('labels the station’s deputies with their level', () => {
    expect(deputyOptions([{ id: 'dp-001', name: '李明', level: 'district' }])).toEqual([{ id: 'dp-001', label: '李明（区人大代表）' }]);
  });
});

describe('command forms', () => {
  const form = (over: Partial<commands.CommandForm> = {}) => ({ ...commands.EMPTY_FORM, ...over });
  const context = { photoProblem: '', tomorrow: '2026-11-22' };
  const ref = { caseId: 'case-1', version: 3 };

  it.each([
    ['reject', {}, { reason: '请填写不予受理的理由', referral: '请填写建议反映的渠道' }],
    ['reject', { reason: '属于诉讼案件', referral: '   ' }, { referral: '请填写建议反映的渠道' }],
    ['assign', {}, { deputyId: '请选择承办代表' }],
    ['transfer', {}, { route: '请选择转办方式', receivingBody: '请填写承办单位', deadline: '请选择办理期限' }],
    ['transfer', { route: 'street_office', receivingBody: '华富街道办', deadline: '2026-11-21' }, { deadline: '办理期限最早为明天' }],
    ['transfer', { route: 'street_office', receivingBody: '华富街道办', deadline: '2026-11-22' }, {}],
    ['reply', {}, { content: '请填写答复内容' }],
    ['record_answer', {}, { content: '请填写承办单位的答复' }],
    ['supervise', {}, { note: '请填写督办意见' }],
    ['follow_up', {}, { note: '请填写回访情况' }],
    ['merge', {}, { intoReceiptNo: '请填写受理编号' }],
    ['request_transfer', {}, { note: '请填写转办理由' }],
    ['request_transfer', { note: '涉及全区' }, {}],
    ['accept', {}, { category: '请选择留言类别' }],
    ['accept', { category: 'help' }, {}],
    ['close', {}, {}],
    ['start', {}, {}],
    ['mark_suggestion', {}, {}],
  ] as const)('%s with %j is missing %j', (kind, filled, problems) => {
    expect(commands.formProblems(kind, form(filled), context)).toEqual(problems);
  });

  it('holds back a reply while its photos are still uploading', () => {
    expect(commands.formProblems('reply', form({ content: '已修好' }), { ...context, photoProblem: '照片还在上传，请稍候' })).toEqual({ photos: '照片还在上传，请稍候' });
  });

  it.each([
    ['accept', { note: '  ', category: 'help' }, [], { action: 'accept', input: { ...ref, category: 'help' } }],
    ['reject', { reason: ' 诉讼中 ', referral: '区人民法院' }, [], { action: 'reject', input: { ...ref, reason: '诉讼中', referral: '区人民法院' } }],
    ['assign', { deputyId: 'dp-001' }, [], { action: 'assign', input: { ...ref, deputyId: 'dp-001' } }],
    [
      'transfer',
      { route: 'district_committee', receivingBody: '区住建局', deadline: '2026-12-05', note: '请尽快' },
      [],
      { action: 'transfer', input: { ...ref, route: 'district_committee', receivingBody: '区住建局', deadline: '2026-12-05', note: '请尽快' } },
    ],
    ['reply', { content: '已修好' }, ['cloud://env/a.jpg'], { action: 'reply', input: { ...ref, content: '已修好', photoFileIds: ['cloud://env/a.jpg'] } }],
    ['record_answer', { content: '已列入计划', from: '' }, [], { action: 'recordAnswer', input: { ...ref, content: '已列入计划' } }],
    ['follow_up', { note: '已回访' }, [], { action: 'followUp', input: { ...ref, note: '已回访' } }],
    ['merge', { intoReceiptNo: ' ft20261101-0003 ' }, [], { action: 'merge', input: { ...ref, intoReceiptNo: 'FT20261101-0003' } }],
    ['request_transfer', { note: '涉及全区' }, [], { action: 'requestTransfer', input: { ...ref, note: '涉及全区' } }],
    ['mark_suggestion', {}, [], { action: 'markSuggestion', input: ref }],
  ] as const)('%s with %j sends %j', (kind, filled, photos, call) => {
    expect(commands.commandCall(kind, form(filled), ref, [...photos])).toEqual(call);
  });

  it.each([
    ['a 不确定 case', 'unsure', 'suggestion', { category: 'suggestion' }],
    ['a case kept under its category', 'help', 'help', {}],
    ['a case filed under another category', 'help', 'complaint', { category: 'complaint' }],
  ] as const)('accepting %s sends %j', (_what, current, chosen, sent) => {
    expect(commands.initialCategory(current)).toBe(current === 'unsure' ? '' : current);
    expect(commands.commandCall('accept', form({ category: chosen }), ref, [], current)).toEqual({ action: 'accept', input: { ...ref, ...sent } });
  });

  it('maps the server’s field to the sheet’s', () => {
    expect(commands.formFieldOf('referral')).toBe('referral');
    expect(commands.formFieldOf('photoFileIds.0')).toBe('photos');
    expect(commands.formFieldOf('version')).toBeUndefined();
  });

  /** Every field filled as a person would: what the sheets send must pass the server's own checks. */
  const complete = form({
    note: '已电话联系',
    category: 'help',
    reason: '属于诉讼案件',
    referral: '区人民法院',
    deputyId: 'dp-001',
    route: 'street_office',
    receivingBody: '华富街道办',
    deadline: '2026-12-05',
    content: '已修好',
    from: '区住建局',
    intoReceiptNo: 'FT20261121-0042',
  });
  type ServerCheck = (value: unknown, path: string) => { ok: boolean; field?: string; reason?: string };
  const serverCheck = (action: string) => (CASE_ACTION_INPUTS as unknown as Record<string, ServerCheck>)[action];

  it.each(commands.HANDLER_COMMANDS.map((kind) => [kind]))('%s: a complete sheet passes the server’s check; a blank required field reads as the server says it', (kind) => {
    expect(commands.formProblems(kind, complete, context)).toEqual({});
    const call = commands.commandCall(kind, complete, ref, []);
    expect(serverCheck(call.action)(call.input, '')).toMatchObject({ ok: true });
    for (const field of commands.SHEETS[kind].fields.filter((f) => f.required)) {
      const blank = { ...complete, [field.key]: '' };
      const blankCall = commands.commandCall(kind, blank, ref, []);
      const server = serverCheck(blankCall.action)(blankCall.input, '');
      expect({ field: server.field, reason: server.reason }).toEqual({ field: field.key, reason: commands.formProblems(kind, blank, context)[field.key] });
    }
  });
});
