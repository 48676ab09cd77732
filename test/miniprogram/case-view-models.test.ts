/** The case pages' pure shaping: lists, form rules, timeline, buttons, times. Table-driven. */
import type { CaseDetail, CaseTimelineEntry } from '../../typings/case';
import { caseSubmissionSchema } from '../../backend/domain/case/case.input';
import { photoProblem, summarise, toPickerFiles } from '../../miniprogram/components/case-photo-picker/photos';
import type { PickerFile } from '../../miniprogram/components/case-photo-picker/photos';
import { statusTag } from '../../miniprogram/components/case-status-tag/tag';
import * as compose from '../../miniprogram/packages/case/compose/view-model';
import type { ComposeForm } from '../../miniprogram/packages/case/compose/view-model';
import * as detail from '../../miniprogram/packages/case/detail/view-model';
import * as timeline from '../../miniprogram/components/case-timeline/entries';
import * as list from '../../miniprogram/pages/cases/view-model';
import { dateText, dateTimeText, relativeTime, timeAgo } from '../../miniprogram/utils/time';
import { caseDetail, caseSummary, daysAgo, event, minutesAgo, NOW } from './support/case-fixtures';

describe('times', () => {
  it.each([
    [minutesAgo(0.5), '刚刚'],
    [minutesAgo(-2), '刚刚'], // the phone's clock a little behind the server's
    [minutesAgo(1), '1分钟前'],
    [minutesAgo(3), '3分钟前'],
    [minutesAgo(59), '59分钟前'],
    [minutesAgo(60), '1小时前'],
    [minutesAgo(23 * 60 + 59), '23小时前'],
    [daysAgo(1), '1天前'],
    [daysAgo(6.9), '6天前'],
  ])('%s is %p', (at, text) => {
    expect(relativeTime(at, NOW)).toBe(text);
  });

  it.each([
    ['2026-11-21T01:00:00Z', '11月21日'],
    ['2026-01-05T01:00:00Z', '1月5日'],
    ['2025-11-21T01:00:00Z', '2025年11月21日'],
    ['2026-11-20T17:00:00Z', '11月21日'], // after midnight in Beijing, still the 20th in UTC
    ['not a time', ''],
    [undefined, ''],
  ])('the date of %p is %p', (at, text) => {
    expect(dateText(at, NOW)).toBe(text);
  });

  it.each([
    [minutesAgo(3), { withinDays: 1 }, '3分钟前'],
    [daysAgo(2), { withinDays: 1 }, '11月19日'],
    [daysAgo(6), { withinDays: 7, withTime: true }, '6天前'],
    [daysAgo(8), { withinDays: 7, withTime: true }, '11月13日 14:30'],
    [daysAgo(400), { withinDays: 7, withTime: true }, '2025年10月17日 14:30'],
  ])('%s within %p reads %p', (at, options, text) => {
    expect(timeAgo(at, NOW, options)).toBe(text);
  });

  it('writes date and time in Beijing time, whatever the zone the phone (or this test) is in', () => {
    expect(dateTimeText('2026-11-21T06:30:00Z', NOW)).toBe('11月21日 14:30');
    expect(dateTimeText('2026-12-31T16:05:00Z', NOW)).toBe('2027年1月1日 00:05');
  });
});

describe('status tag', () => {
  // Each tone is a token pair of app.wxss (--color-info on --color-info-soft …), all above 4.5:1.
  it.each([
    ['submitted', '已提交', 'info'],
    ['transferred', '已转办', 'info'],
    ['in_progress', '办理中', 'warning'],
    ['replied', '已答复', 'success'],
    ['closed', '已办结', 'neutral'],
    ['withdrawn', '已撤回', 'neutral'],
    ['rejected', '不予受理', 'danger'],
    ['unheard-of', '', ''],
  ])('%s shows %p in the %s tone', (status, label, tone) => {
    expect(statusTag(status)).toEqual({ label, tone });
  });
});

describe('我的留言 view-model', () => {
  it('keeps only what a row renders', () => {
    expect(list.toCaseRow(caseSummary({ unread: 2, status: 'replied', awaitingRating: true, updatedAt: minutesAgo(3) }), NOW)).toEqual({
      id: 'case-1',
      title: '莲花北村12栋楼道灯坏了',
      status: 'replied',
      receiptNo: 'FT20261121-0042',
      stationName: '华富街道人大代表联络站',
      timeText: '3分钟前',
      unreadText: '2',
      toRate: true,
    });
    expect(list.toCaseRow(caseSummary({ status: 'in_progress' }), NOW).toRate).toBe(false);
    expect(list.toCaseRow(caseSummary({ updatedAt: daysAgo(3) }), NOW).timeText).toBe('11月18日');
  });

  it('takes 待评价 from the server, not from the status: a reply already rated 不满意 is still 已答复', () => {
    expect(list.toCaseRow(caseSummary({ status: 'replied', awaitingRating: false }), NOW).toRate).toBe(false);
    expect(list.toCaseRow(caseSummary({ status: 'replied', awaitingRating: true }), NOW).toRate).toBe(true);
  });

  it('counts the rows waiting for a rating', () => {
    const rows = [
      caseSummary({ status: 'replied', awaitingRating: true }),
      caseSummary({ status: 'closed' }),
      caseSummary({ status: 'replied', awaitingRating: false }),
      caseSummary({ status: 'replied', awaitingRating: true }),
    ].map((c) => list.toCaseRow(c, NOW));
    expect(list.toRateCount(rows)).toBe(2);
    expect(list.toRateCount([])).toBe(0);
  });

  it.each([
    [0, ''],
    [-1, ''],
    [Number.NaN, ''],
    [1, '1'],
    [99, '99'],
    [100, '99+'],
  ])('an unread count of %p reads %p (row and tab badge)', (count, text) => {
    expect(list.countText(count)).toBe(text);
    expect(list.badgeText(count)).toBe(text);
  });

  it.each([
    [0, 0],
    [20, 1],
    [35, 2],
    [40, 2],
  ])('with %p rows shown the next page is %p', (shown, page) => {
    expect(list.nextPage(shown)).toBe(page);
  });

  it('skips rows already shown (a new case shifts the pages) and appends by path', () => {
    const rows = list.newRows([{ id: 'a' }, { id: 'b' }], [caseSummary({ id: 'b' }), caseSummary({ id: 'c' })], NOW);
    expect(rows.map((r) => r.id)).toEqual(['c']);
    expect(Object.keys(list.appendRows(20, [...rows, ...rows]))).toEqual(['cases[20]', 'cases[21]']);
  });
});

describe('留言 form', () => {
  const form = (over: Partial<ComposeForm> = {}): ComposeForm => ({
    ...compose.EMPTY_FORM,
    category: 'help',
    title: '楼道灯坏了',
    content: '12栋三单元楼道灯坏了两个星期，晚上很危险。',
    ...over,
  });
  const noPhotos = { uploading: 0, failed: 0 };
  const ctx = { stationId: 'st-1', requestId: 'k3x9c1q8m2z7p4v6b0n5t1ra', photos: [] };

  it.each([
    ['a too-short title', { title: 'abc' }, 'title', '标题至少 4 个字'],
    ['a too-long title', { title: '长'.repeat(41) }, 'title', '标题不能超过 40 个字'],
    ['too little content', { content: '灯坏了' }, 'content', '内容至少 10 个字'],
    ['no content (and no voice)', { content: '   ' }, 'content', '请写下或录下您遇到的问题'],
    ['too much content', { content: '长'.repeat(1001) }, 'content', '内容不能超过 1000 个字'],
    ['ten digits', { contactPhone: '1380013800' }, 'contactPhone', '请填写 11 位手机号'],
    ['a number starting 12', { contactPhone: '12800138000' }, 'contactPhone', '请填写 11 位手机号'],
    ['a landline', { contactPhone: '0755-83001234' }, 'contactPhone', '请填写 11 位手机号'],
    ['a long name', { contactName: '名'.repeat(21) }, 'contactName', '联系人不能超过 20 个字'],
  ])('refuses %s', (_what, over, field, message) => {
    expect(compose.validateCase(form(over), noPhotos)).toEqual({ [field]: message });
  });

  it.each([
    ['a plain mobile', { contactPhone: '13800138000' }],
    ['spaces and dashes', { contactPhone: '138 0013-8000' }],
    ['+86', { contactPhone: '+86 138 0013 8000' }],
    ['no contact at all', { contactName: '', contactPhone: '' }],
    ['a title of exactly 4 characters', { title: '灯坏了吧' }],
    ['a title of exactly 40 characters', { title: '长'.repeat(40) }],
    ['no title: the server makes one from the first sentence', { title: '  ' }],
    ['不确定 as the category: the officer chooses', { category: 'unsure' as const }],
  ])('accepts %s', (_what, over) => {
    expect(compose.validateCase(form(over), noPhotos)).toEqual({});
  });

  it.each([
    [{ uploading: 1, failed: 0 }, '照片还在上传，请稍候'],
    [{ uploading: 0, failed: 2 }, '有照片上传失败，请点击重试或删除'],
  ])('holds the form while photos are %p', (photos, message) => {
    expect(compose.validateCase(form(), photos)).toEqual({ photos: message });
  });

  // The server checks again (case.input.ts); the person should hear the same sentence from both.
  it.each([
    [{ title: 'abc' }, 'title', '标题至少 4 个字'],
    [{ title: '长'.repeat(41) }, 'title', '标题不能超过 40 个字'],
    [{ content: '灯坏了' }, 'content', '内容至少 10 个字'],
    [{ content: '' }, 'content', '请写下或录下您遇到的问题'],
    [{ content: '长'.repeat(1001) }, 'content', '内容不能超过 1000 个字'],
    [{ contactPhone: '1380013800' }, 'contact.phone', '请填写 11 位手机号'],
    [{ contactName: '名'.repeat(21) }, 'contact.name', '联系人不能超过 20 个字'],
  ])('agrees with the server on %p', (over, serverField, message) => {
    const client = compose.validateCase(form(over), noPhotos);
    const server = caseSubmissionSchema(compose.toSubmitInput(form(over), ctx), '');
    expect(server).toEqual({ ok: false, field: serverField, reason: message });
    expect(Object.values(client)).toEqual([message]);
    expect(compose.fieldOf(serverField)).toBe(Object.keys(client)[0]);
  });

  it('sends what the server accepts, trimmed and normalised, leaving out what is empty', () => {
    const input = compose.toSubmitInput(form({ title: ' 楼道灯坏了 ', contactName: ' 张先生 ', contactPhone: '+86 138-0013-8000', anonymous: true }), {
      ...ctx,
      deputyId: 'dp-001',
      photos: [{ fileId: 'cloud://env/cases/a.jpg', url: 'wxfile://tmp/a.jpg' }],
    });
    expect(input).toEqual({
      requestId: 'k3x9c1q8m2z7p4v6b0n5t1ra',
      stationId: 'st-1',
      deputyId: 'dp-001',
      category: 'help',
      title: '楼道灯坏了',
      content: '12栋三单元楼道灯坏了两个星期，晚上很危险。',
      photoFileIds: ['cloud://env/cases/a.jpg'],
      contact: { name: '张先生', phone: '13800138000' },
      anonymous: true,
      public: false,
    });
    expect(caseSubmissionSchema(input, '')).toMatchObject({ ok: true });
    expect(compose.toSubmitInput(form(), ctx)).toEqual({
      requestId: ctx.requestId,
      stationId: 'st-1',
      category: 'help',
      title: '楼道灯坏了',
      content: '12栋三单元楼道灯坏了两个星期，晚上很危险。',
      anonymous: false,
      public: true,
    });
    // Left as they come: no title (the server makes one), 不确定 not sent (the server's default).
    expect(compose.toSubmitInput(form({ title: ' ', category: 'unsure' }), ctx)).toEqual({
      requestId: ctx.requestId,
      stationId: 'st-1',
      content: '12栋三单元楼道灯坏了两个星期，晚上很危险。',
      anonymous: false,
      public: true,
    });
  });

  it.each([
    ['title', 'title'],
    ['contact.phone', 'contactPhone'],
    ['contact.name', 'contactName'],
    ['photoFileIds.2', 'photos'],
    ['location.address', 'location'],
    ['deputyId', 'target'],
    ['requestId', undefined],
    [undefined, undefined],
  ])('a server error on %p highlights %p', (serverField, field) => {
    expect(compose.fieldOf(serverField)).toBe(field);
  });

  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['0086 138-0013-8000', '13800138000'],
    ['86123', '86123'],
  ])('normalises %p to %p', (raw, phone) => {
    expect(compose.normalisePhone(raw)).toBe(phone);
  });

  it('offers the station first, then each deputy with their level', () => {
    const targets = compose.targetOptions([
      { id: 'dp-001', name: '李明', level: 'district', delegation: '', occupation: '' },
      { id: 'dp-002', name: '陈红', level: 'municipal', delegation: '', occupation: '' },
    ]);
    expect(targets).toEqual([
      { id: '', label: '联络站（由联络员分派）' },
      { id: 'dp-001', label: '李明（区人大代表）' },
      { id: 'dp-002', label: '陈红（市人大代表）' },
    ]);
    expect([compose.targetIndex(targets, 'dp-002'), compose.targetIndex(targets, 'nobody'), compose.targetIndex(targets, undefined)]).toEqual([2, 0, 0]);
  });

  it('restores a draft, addressed as the link asks', () => {
    const draft = compose.toDraft(form({ location: { latitude: 22.5, longitude: 114.1, address: '莲花北村' } }), {
      requestId: ctx.requestId,
      deputyId: 'dp-001',
      photos: [{ fileId: 'cloud://env/a.jpg', url: 'wxfile://a.jpg' }],
    });
    const station = { name: '华富街道人大代表联络站', deputies: [{ id: 'dp-001', name: '李明', level: 'district' as const, delegation: '', occupation: '' }] };
    const opened = compose.openedView(station, draft, undefined);
    expect(opened).toMatchObject({ stationName: '华富街道人大代表联络站', targetIndex: 1, initialPhotos: draft.photos });
    expect(opened.form).toEqual(form({ location: { latitude: 22.5, longitude: 114.1, address: '莲花北村' } }));
    expect(compose.openedView(station, undefined, 'dp-001').form).toEqual(compose.EMPTY_FORM);
    expect(compose.isBlank(draft)).toBe(false);
    expect(compose.isBlank(compose.toDraft(compose.EMPTY_FORM, { requestId: ctx.requestId, photos: [] }))).toBe(true);
  });

  it('keeps the place picked on the map, as short as the server allows', () => {
    expect(compose.toLocation({ latitude: 22.55, longitude: 114.07, name: '莲花北村12栋', address: '福田区莲花路' })).toEqual({
      latitude: 22.55,
      longitude: 114.07,
      address: '福田区莲花路 莲花北村12栋',
    });
    expect(compose.toLocation({ latitude: 1, longitude: 2, name: '', address: '' })).toEqual({ latitude: 1, longitude: 2 });
    expect([...(compose.toLocation({ latitude: 1, longitude: 2, address: '路'.repeat(150) }).address ?? '')]).toHaveLength(100);
  });
});

describe('photo picker', () => {
  const file = (status: PickerFile['status'], fileId?: string): PickerFile => ({ key: 1, url: `wxfile://${status}.jpg`, status, message: '', fileId });

  it('sends only stored photos and counts the rest', () => {
    expect(summarise([file('done', 'cloud://env/a.jpg'), file('uploading'), file('failed'), file('failed')])).toEqual({
      photos: [{ fileId: 'cloud://env/a.jpg', url: 'wxfile://done.jpg' }],
      uploading: 1,
      failed: 2,
    });
    expect(photoProblem({ uploading: 0, failed: 0 })).toBe('');
  });

  it('shows restored photos as done', () => {
    let key = 0;
    expect(toPickerFiles([{ fileId: 'cloud://env/a.jpg', url: 'wxfile://a.jpg' }], () => ++key)).toEqual([
      { key: 1, url: 'wxfile://a.jpg', fileId: 'cloud://env/a.jpg', status: 'done', message: '' },
    ]);
    expect(toPickerFiles(null, () => ++key)).toEqual([]);
  });
});

describe('case detail view-model', () => {
  it.each([
    [{ actorRole: 'resident', actorName: '我' }, '我'],
    [{ actorRole: 'resident', actorName: '' }, '群众'],
    [{ actorRole: 'officer', actorName: '王芳' }, '联络员 王芳'],
    [{ actorRole: 'officer', actorName: '联络员 王芳' }, '联络员 王芳'],
    [{ actorRole: 'deputy', actorName: '李明' }, '人大代表 李明'],
    [{ actorRole: 'deputy', actorName: '' }, '人大代表'],
    [{ actorRole: 'admin', actorName: '赵强' }, '区人大常委会 赵强'],
    [{ actorRole: 'system', actorName: 'scheduler' }, '系统'],
  ] as const)('names %p as %p', (actor, text) => {
    expect(timeline.actorText(actor)).toBe(text);
  });

  const base = caseDetail();
  it.each<[string, CaseTimelineEntry, Partial<timeline.TimelineEntryView>]>([
    [
      'a transfer',
      event(3, 'transferred', { data: { route: 'district_committee', receivingBody: '区住建局', deadline: '2026-12-05T02:00:00Z', viaDeputyLetter: true } }),
      { label: '转办', facts: ['转交：区住建局，办理期限 12月5日', '以《代表函》报区人大常委会转交承办单位'] },
    ],
    [
      'a refusal',
      event(2, 'rejected', { note: '属于司法程序中的案件', data: { referral: '区人民法院' } }),
      { label: '不予受理', note: '不予受理原因：属于司法程序中的案件', facts: ['建议向区人民法院反映'] },
    ],
    ['an acceptance', event(2, 'accepted', { data: { dueAt: '2026-12-05T02:00:00Z' } }), { label: '受理', facts: ['答复期限 12月5日'] }],
    [
      'an acceptance choosing the category of a 不确定 case',
      event(2, 'accepted', { data: { dueAt: '2026-12-05T02:00:00Z', category: 'help', previousCategory: 'unsure' } }),
      { facts: ['答复期限 12月5日', '类别：求助（原为 不确定）'] },
    ],
    ['an acceptance changing the category', event(2, 'accepted', { data: { category: 'complaint', previousCategory: 'opinion' } }), { facts: ['类别：投诉（原为 意见）'] }],
    ['an acceptance with a category code this app does not know', event(2, 'accepted', { data: { category: 'petition', previousCategory: 'unsure' } }), { facts: [] }],
    ['an assignment', event(3, 'assigned', { data: { deputyId: 'dp-001' } }), { label: '指派代表', facts: ['承办代表：人大代表 李明'] }],
    ['an assignment to a deputy since replaced', event(3, 'assigned', { data: { deputyId: 'dp-009' } }), { facts: [] }],
    ['an assignment the server named', event(3, 'assigned', { data: { deputyId: 'dp-009', deputyName: '陈红' } }), { facts: ['承办代表：人大代表 陈红'] }],
    ['a rating', event(5, 'rated', { note: '灯修好了但很慢', data: { rating: 'unsatisfied' } }), { label: '评价', note: '评价说明：灯修好了但很慢', facts: ['评价：不满意'] }],
    [
      'a reopening',
      event(6, 'reopened', { note: '又坏了', data: { reopenCount: 1, previousRating: 'unsatisfied' } }),
      { label: '重办', note: '重办原因：又坏了', facts: ['第 1 次重办', '此前评价：不满意'] },
    ],
    ['an automatic closing', event(7, 'closed', { data: { how: 'auto', withoutRating: true } }), { label: '办结', actor: '系统', facts: ['答复后未评价，按期自动办结'] }],
    ['a merge', event(2, 'merged', { data: { intoCaseId: 'c0', intoReceiptNo: 'FT20261101-0001' } }), { facts: ['与留言 FT20261101-0001 合并办理'] }],
    ['a supervision', event(4, 'supervised', { data: { escalated: true } }), { label: '督办', facts: ['逾期督办'] }],
    ['data of the wrong type', event(4, 'transferred', { data: { receivingBody: 7, deadline: false } }), { facts: ['转交：'] }],
    [
      'a reply with photos, 3 minutes ago',
      event(4, 'replied', { actorRole: 'deputy', actorName: '李明', at: minutesAgo(3), note: '已修好', photos: [{ fileId: 'f', url: 'https://x/b.jpg' }] }),
      { label: '答复', actor: '人大代表 李明', time: '3分钟前', note: '已修好', photos: ['https://x/b.jpg'], facts: [] },
    ],
    [
      'a step 10 days ago',
      event(1, 'submitted', { at: daysAgo(10), data: { category: 'help', anonymous: true } }),
      { time: '11月11日 14:30', facts: ['类别：求助', '匿名留言'] },
    ],
  ])('writes %s in words', (_what, entry, expected) => {
    expect(timeline.toEntryView(entry, base, NOW)).toMatchObject(expected);
  });

  const actions = (over: Partial<CaseDetail>) => detail.toActions(caseDetail(over));
  it.each<[string, Partial<CaseDetail>, Partial<detail.CaseActions>]>([
    ['just submitted', { status: 'submitted', availableCommands: ['withdraw', 'supplement'] }, { withdraw: true, supplement: true, rate: false, reopen: false }],
    ['accepted (withdraw listed by mistake)', { status: 'accepted', availableCommands: ['withdraw', 'supplement'] }, { withdraw: false }],
    ['replied, not rated', { status: 'replied', availableCommands: ['supplement', 'rate', 'request_reopen'] }, { rate: true, reopen: false }],
    [
      'replied and rated 不满意',
      { status: 'replied', rating: { value: 'unsatisfied', at: minutesAgo(1) }, availableCommands: ['supplement', 'rate', 'request_reopen'] },
      { rate: false, reopen: true, reopenLeftText: '还可申请重办 2 次' },
    ],
    [
      'reopened once already',
      { status: 'replied', reopenCount: 1, rating: { value: 'unsatisfied', at: minutesAgo(1) }, availableCommands: ['request_reopen'] },
      { reopen: true, reopenLeftText: '还可申请重办 1 次' },
    ],
    [
      'reopened twice',
      { status: 'replied', reopenCount: 2, rating: { value: 'unsatisfied', at: minutesAgo(1) }, availableCommands: ['request_reopen'] },
      { reopen: false, reopenLeftText: '' },
    ],
    ['closed as 满意', { status: 'closed', rating: { value: 'satisfied', at: minutesAgo(1) }, availableCommands: ['request_reopen'] }, { reopen: false, rate: false }],
    ['closed without a rating', { status: 'closed', availableCommands: ['request_reopen'] }, { reopen: true }],
    ['withdrawn', { status: 'withdrawn', availableCommands: [] }, { withdraw: false, supplement: false, rate: false, reopen: false, any: false }],
    ['closed as 满意, nothing left to do', { status: 'closed', rating: { value: 'satisfied', at: minutesAgo(1) }, availableCommands: [] }, { any: false }],
    ['replied (the bar shows)', { status: 'replied', availableCommands: ['supplement', 'rate'] }, { any: true }],
  ])('offers what fits when %s', (_what, over, expected) => {
    expect(actions(over)).toMatchObject(expected);
  });

  it('shows the newest step first, and the case’s own facts', () => {
    const view = detail.toCaseView(caseDetail(), NOW);
    expect(view.timeline.map((e) => [e.label, e.actor, e.time])).toEqual([
      ['答复', '人大代表 李明', '3分钟前'],
      ['转办', '联络员 王芳', '2天前'],
      ['受理', '联络员 王芳', '11月12日 14:30'],
      ['提交留言', '我', '11月11日 14:30'],
    ]);
    expect(view).toMatchObject({ status: 'replied', deputyLine: '承办代表：人大代表 李明', photos: ['https://tmp.example/a.jpg'], ratingText: '' });
    expect(view.facts).toEqual([
      { label: '留言类别', value: '求助' },
      { label: '提交时间', value: '11月11日 14:30' },
      { label: '联系方式', value: '张先生 13800138000' },
    ]);
    const rated = detail.toCaseView(caseDetail({ rating: { value: 'basically_satisfied', comment: '还行', at: minutesAgo(1) } }), NOW);
    expect(rated.ratingText).toBe('我的评价：基本满意（还行）');
    expect(detail.toCaseView(caseDetail({ assignedDeputy: undefined, targetDeputy: { id: 'dp-2', name: '陈红' } }), NOW).deputyLine).toBe('留言给：人大代表 陈红');
  });

  it.each([
    ['supplement', { note: ' ' }, '', '请填写补充说明'],
    ['supplement', { note: '补充' }, '照片还在上传，请稍候', '照片还在上传，请稍候'],
    ['supplement', { note: '补充' }, '', ''],
    ['rate', {}, '', '请选择您对答复的评价'],
    ['rate', { rating: 'satisfied' }, '', ''],
    ['reopen', { reason: '' }, '', '请说明需要重办的原因'],
  ] as const)('%s with %p (photos: %p) is missing %p', (popup, form, photos, problem) => {
    expect(detail.commandProblem(popup, { ...detail.EMPTY_COMMAND_FORM, ...form }, photos)).toBe(problem);
  });
});
