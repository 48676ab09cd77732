/**
 * The 代表建议 pages' pure parts, against hand-written expectations: deadlines in Beijing days,
 * the rows of each role's list, the office's figures with their samples, the buttons `can`
 * allows, each sheet's checks and call, the editor's checks and input, the resident's block and
 * the board's cards.
 */
import { addMonths, deadlineView } from '../../miniprogram/packages/suggestion/common/deadline';
import { rateText } from '../../miniprogram/packages/suggestion/common/labels';
import { filtersActive, listInput, NO_FILTERS, toFiguresView, toSuggestionRow } from '../../miniprogram/packages/suggestion/list/view-model';
import { editProblems, fieldOf, formFromCase, saveInput, submitBlocked, toggled } from '../../miniprogram/packages/suggestion/edit/view-model';
import { EMPTY_SHEET, sheetCall, sheetFieldOf, sheetProblems, textFieldOf } from '../../miniprogram/packages/suggestion/detail/forms';
import { toButtons, toDetailView } from '../../miniprogram/packages/suggestion/detail/view-model';
import { toSuggestionBlock } from '../../miniprogram/packages/case/detail/suggestion';
import { toPublishedCard } from '../../miniprogram/packages/station/board/suggestions';
import { NOW } from './support/case-fixtures';
import {
  ANSWERED_FOR_DEPUTY,
  CASE_SUGGESTION,
  CLOSED,
  EXTENSION_FOR_OFFICE,
  FIGURES,
  NO_FIGURES,
  NOTHING,
  OVERDUE_FOR_UNIT,
  PUBLISHED,
  summary,
} from './support/suggestion-demo';

const CONTEXT = { pdfProblem: '', tomorrow: '2026-11-22' };

describe('a deadline in Beijing days (NOW: 21 Nov 2026, 14:30 Beijing)', () => {
  it.each([
    ['2026-11-21', false, { text: '今天到期', overdue: false, dateText: '2026年11月21日' }],
    ['2026-12-01', false, { text: '还剩 10 天', overdue: false, dateText: '2026年12月1日' }],
    ['2026-11-18', false, { text: '已超期 3 天', overdue: true, dateText: '2026年11月18日' }],
    // The server's flag wins over a phone whose clock is behind.
    ['2026-11-21', true, { text: '已超期', overdue: true, dateText: '2026年11月21日' }],
    [undefined, false, { text: '', overdue: false, dateText: '' }],
  ] as const)('%s (overdue flag %s) reads %j', (deadline, overdue, expected) => {
    expect(deadlineView(deadline, NOW, overdue)).toEqual(expected);
  });

  it('adds months on the calendar, ending a short month on its last day', () => {
    expect(addMonths('2026-11-21', 3)).toBe('2027-02-21');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});

describe('the lists', () => {
  it('shows a unit the overdue one in red words, with its number and who proposed it', () => {
    const row = toSuggestionRow(summary({ id: 'sg-4', deadline: '2026-11-18', overdue: true, pendingRequest: 'extension' }), 'unit', NOW);
    expect(row).toMatchObject({
      number: '福田〔2026〕第12号',
      byline: '李明代表 · 主办：区住房和建设局',
      deadlineText: '已超期 3 天（2026年11月18日）',
      overdue: true,
      tone: 'warning',
      pendingText: '延期申请待审批',
      updatedText: '11月19日更新',
    });
  });

  it('shows the deputy who answers it, and a result once answered; no deadline once answered', () => {
    const row = toSuggestionRow(summary({ status: 'answered', statusLabel: '已答复', result: 'B' }), 'deputy', NOW);
    expect(row).toMatchObject({ byline: '主办：区住房和建设局', deadlineText: '', resultText: 'B 正在解决或列入计划', tone: 'success' });
  });

  it('sends the office its filters and nobody else any', () => {
    const filters = { status: 'assigned' as const, unitId: 'unit-ft-zjj', deputyId: '', overdue: true };
    expect(listInput('admin', filters, 1)).toEqual({ page: 1, status: 'assigned', unitId: 'unit-ft-zjj', overdue: true });
    expect(listInput('unit', filters, 0)).toEqual({ page: 0 });
    expect(filtersActive(NO_FILTERS)).toBe(false);
    expect(filtersActive(filters)).toBe(true);
  });

  it('gives every rate with its sample, and no rate without one', () => {
    const view = toFiguresView(FIGURES);
    expect(view.rates.map((r) => [r.label, r.value])).toEqual([
      ['按时答复率', '89%（17/19）'],
      ['代表满意率', '92%（11/12）'],
    ]);
    expect(view.results.map((r) => `${r.label} ${r.count}`)).toEqual(['A 已解决或采纳 7', 'B 正在解决或列入计划 8', 'C 因条件限制暂不能解决 2', 'D 留作参考 1']);
    expect(view.units[0]).toEqual({ id: 'unit-ft-zjj', name: '区住房和建设局', line: '交办 9 · 答复 7 · 按期 6', overdue: 1 });
    expect(toFiguresView(NO_FIGURES).rates.map((r) => r.value)).toEqual(['暂无（0）', '暂无（0）']);
    expect(rateText({ numerator: 3, denominator: 4, value: null })).toBe('样本不足（3/4）');
    expect(rateText({ numerator: 199, denominator: 200, value: 0.995 })).toBe('99%（199/200）');
  });
});

describe('the suggestion page', () => {
  it('offers exactly what `can` allows, the first step first and 撤回 last', () => {
    expect(toButtons({ ...NOTHING, withdraw: true, submit: true, edit: true }, 1).map((b) => [b.label, b.type])).toEqual([
      ['提交', 'primary'],
      ['修改', 'default'],
      ['撤回', 'danger'],
    ]);
    expect(toButtons({ ...NOTHING, answer: true, requestExtension: true, requestReroute: true }, 2).map((b) => b.label)).toEqual(['重新答复', '申请延期', '申请改办']);
    expect(toButtons(NOTHING, 1)).toEqual([]);
  });

  it('reads an answered one: the answer, its class, its PDF, the units and their deadlines', () => {
    const view = toDetailView(ANSWERED_FOR_DEPUTY, NOW);
    expect(view.answers).toEqual([
      {
        key: `1-${ANSWERED_FOR_DEPUTY.answers[0].at}`,
        heading: '第1次答复 · 区住房和建设局',
        resultText: 'B 正在解决或列入计划',
        text: ANSWERED_FOR_DEPUTY.answers[0].text,
        pdfUrl: 'https://tmp.example/r1.pdf',
        publishText: '同意公开',
        ratingText: '',
      },
    ]);
    expect(view.assignments.map((a) => [a.roleLabel, a.unitName, a.deadlineText, a.opinion])).toEqual([
      ['主办', '区住房和建设局', '2027年2月21日前', ''],
      ['协办', '华富街道办事处', '2026年12月21日前', '街道已安排每周巡查楼道照明。'],
    ]);
    expect(view.deadlineText).toBe('');
    expect(view.buttons.map((b) => b.label)).toEqual(['评价答复']);
    expect(view.timeline[0]).toMatchObject({ label: '答复', actor: '区住房和建设局' });
  });

  it('counts down an assigned one, and says when it is overdue', () => {
    expect(toDetailView(OVERDUE_FOR_UNIT, NOW)).toMatchObject({ deadlineText: '答复期限 2026年11月18日（已超期 3 天）', overdue: true, tone: 'warning' });
    expect(toDetailView(EXTENSION_FOR_OFFICE, NOW).request).toEqual({
      label: '申请延期',
      reason: '改造需纳入明年预算，须待区财政批复',
      untilText: '2027年5月21日',
      atText: '11月20日 14:30',
    });
  });

  it('shows both rounds with their ratings once closed', () => {
    const view = toDetailView(CLOSED, NOW);
    expect(view.roundText).toBe('代表对第一次答复不满意，承办单位重新办理');
    expect(view.answers.map((a) => a.ratingText)).toEqual(['代表评价：不满意（改造前的临时维修没有落实） · 11月20日', '代表评价：满意 · 11月21日']);
  });
});

describe('the action sheets', () => {
  const sheet = (over: Partial<typeof EMPTY_SHEET>) => ({ ...EMPTY_SHEET, ...over });

  it.each([
    ['rate', sheet({}), { rating: '请选择满意、基本满意或不满意' }],
    ['rate', sheet({ rating: 'unsatisfied' }), { text: '请填写不满意的原因' }],
    ['rate', sheet({ rating: 'unsatisfied', text: '差' }), { text: '不满意的原因至少 2 个字' }],
    ['rate', sheet({ rating: 'satisfied' }), {}],
    ['review', sheet({}), { choice: '请选择立案、退回修改或转为留言转办' }],
    ['review', sheet({ choice: 'return', text: ' ' }), { text: '请填写退回理由' }],
    ['review', sheet({ choice: 'accept' }), {}],
    ['assign', sheet({ date: '2026-11-21' }), { leadUnitId: '请选择主办单位', date: '日期最早为明天' }],
    ['assign', sheet({ leadUnitId: 'u1', assistUnitIds: ['u1'] }), { assistUnitIds: '主办单位不能同时是协办单位' }],
    ['extension', sheet({ text: '需要预算' }), { date: '请选择延期到哪一天' }],
    ['answer', sheet({ text: '已列入计划' }), { result: '请选择结果分类' }],
    ['assist', sheet({}), { text: '请填写协办意见' }],
    ['cosign', sheet({}), { choice: '请选择同意或谢绝联名' }],
  ] as const)('%s with %j is refused with %j', (kind, form, errors) => {
    expect(sheetProblems(kind, form, CONTEXT)).toEqual(errors);
  });

  it('asks for the new lead only when a re-routing is granted', () => {
    expect(sheetProblems('decide', sheet({ choice: 'grant' }), { ...CONTEXT, requestKind: 'reroute' })).toEqual({ leadUnitId: '请选择主办单位' });
    expect(sheetProblems('decide', sheet({ choice: 'grant' }), { ...CONTEXT, requestKind: 'extension' })).toEqual({});
    expect(sheetProblems('answer', sheet({ text: '答复', result: 'A' }), { ...CONTEXT, pdfProblem: 'PDF 还在上传，请稍候' })).toEqual({ pdf: 'PDF 还在上传，请稍候' });
  });

  it('names the text field by the decision', () => {
    expect(textFieldOf('review', { choice: 'accept', rating: '' })).toBeNull();
    expect(textFieldOf('review', { choice: 'convert', rating: '' })?.label).toBe('转办说明');
    expect(textFieldOf('rate', { choice: '', rating: 'satisfied' })).toMatchObject({ label: '评价意见', required: false });
  });

  it.each([
    [
      'answer',
      sheet({ text: ' 已列入计划 ', result: 'B', publishable: false }),
      'cloud://r.pdf',
      { action: 'answer', input: { suggestionId: 'sg-1', text: '已列入计划', result: 'B', publishable: false, attachmentFileId: 'cloud://r.pdf' } },
    ],
    ['rate', sheet({ rating: 'satisfied' }), undefined, { action: 'rate', input: { suggestionId: 'sg-1', rating: 'satisfied' } }],
    ['review', sheet({ choice: 'accept', text: '忽略' }), undefined, { action: 'review', input: { suggestionId: 'sg-1', decision: 'accept' } }],
    ['review', sheet({ choice: 'return', text: '请补充数据' }), undefined, { action: 'review', input: { suggestionId: 'sg-1', decision: 'return', reason: '请补充数据' } }],
    [
      'assign',
      sheet({ leadUnitId: 'u1', assistUnitIds: ['u2', 'u1'], date: '2027-01-31' }),
      undefined,
      { action: 'assign', input: { suggestionId: 'sg-1', leadUnitId: 'u1', assistUnitIds: ['u2'], deadline: '2027-01-31' } },
    ],
    [
      'extension',
      sheet({ text: '待预算', date: '2027-05-21' }),
      undefined,
      { action: 'request', input: { suggestionId: 'sg-1', kind: 'extension', reason: '待预算', until: '2027-05-21' } },
    ],
    ['reroute', sheet({ text: '不属本局职责' }), undefined, { action: 'request', input: { suggestionId: 'sg-1', kind: 'reroute', reason: '不属本局职责' } }],
    [
      'decide',
      sheet({ choice: 'grant', leadUnitId: 'u3' }),
      undefined,
      { action: 'decide', input: { suggestionId: 'sg-1', grant: true, leadUnitId: 'u3', assistUnitIds: [] } },
    ],
    ['decide', sheet({ choice: 'deny', text: '理由不足' }), undefined, { action: 'decide', input: { suggestionId: 'sg-1', grant: false, note: '理由不足' } }],
    ['cosign', sheet({ choice: 'decline' }), undefined, { action: 'cosign', input: { suggestionId: 'sg-1', confirm: false } }],
  ] as const)('%s sends %j', (kind, form, pdf, call) => {
    expect(sheetCall(kind, form, 'sg-1', pdf)).toEqual(call);
  });

  it('puts a server refusal under its field', () => {
    expect(sheetFieldOf('reason')).toBe('text');
    expect(sheetFieldOf('assistUnitIds.1')).toBe('assistUnitIds');
    expect(sheetFieldOf('until')).toBe('date');
    expect(sheetFieldOf(undefined)).toBeUndefined();
  });
});

describe('the editor', () => {
  const NO_UPLOADS = { photoProblem: '', pdfProblem: '', attachments: 0 };

  it('says what is missing before anything is sent', () => {
    expect(editProblems({ title: ' ', problem: '', proposal: '' }, NO_UPLOADS)).toEqual({ title: '请填写建议标题', problem: '请写明问题和情况', proposal: '请写明具体建议' });
    expect(editProblems({ title: '题', problem: '问题', proposal: '建议' }, { ...NO_UPLOADS, photoProblem: '照片还在上传，请稍候' })).toEqual({
      attachments: '照片还在上传，请稍候',
    });
    expect(editProblems({ title: '题', problem: '问题', proposal: '建议' }, { ...NO_UPLOADS, attachments: 10 })).toEqual({ attachments: '附件最多 9 个' });
  });

  it('starts from a case: its title (cut to 40) and what the resident wrote as the 问题', () => {
    const form = formFromCase({ title: '长'.repeat(45), content: '楼道灯坏了两个星期' });
    expect(form).toEqual({ title: '长'.repeat(40), problem: '楼道灯坏了两个星期', proposal: '' });
  });

  it('creates with a requestId, edits by the suggestion id, trimmed', () => {
    const state = { attachmentFileIds: ['cloud://a.jpg'], cosignerIds: ['dp-002'], caseIds: ['case-1'] };
    const form = { title: ' 标题 ', problem: '问题 ', proposal: ' 建议' };
    expect(saveInput(form, { ...state, requestId: 'req-00000001' })).toEqual({
      requestId: 'req-00000001',
      title: '标题',
      problem: '问题',
      proposal: '建议',
      attachmentFileIds: ['cloud://a.jpg'],
      cosignerIds: ['dp-002'],
      caseIds: ['case-1'],
    });
    expect(saveInput(form, { ...state, suggestionId: 'sg-3', requestId: 'req-00000001' })).not.toHaveProperty('requestId');
  });

  it('holds a submission while a co-signer has not answered', () => {
    expect(
      submitBlocked({
        cosigners: [
          { id: 'a', name: '甲', status: 'pending' },
          { id: 'b', name: '乙', status: 'declined' },
        ],
      }),
    ).toBe('草稿已保存。还有 1 位联名代表未确认，全部确认后才能提交');
    expect(submitBlocked({ cosigners: [{ id: 'b', name: '乙', status: 'confirmed' }] })).toBe('');
  });

  it('toggles a choice, refusing one past the limit', () => {
    expect(toggled(['a'], 'a', 2, '联名代表')).toEqual({ ids: [], problem: '' });
    expect(toggled(['a', 'b'], 'c', 2, '联名代表')).toEqual({ ids: ['a', 'b'], problem: '联名代表最多 2 个' });
    expect(fieldOf('attachmentFileIds.3')).toBe('attachments');
    expect(fieldOf('title')).toBe('title');
  });
});

describe('what residents and the public see', () => {
  it('gives a resident the steps with dates and the published answer', () => {
    expect(toSuggestionBlock(CASE_SUGGESTION, NOW)).toEqual({
      title: '关于加快莲花北村老旧楼道照明改造的建议',
      statusLine: '福田〔2026〕第12号 · 已答复',
      steps: [
        { key: '0-提出', label: '提出', date: '11月6日' },
        { key: '1-立案', label: '立案', date: '11月11日' },
        { key: '2-交办', label: '交办', date: '11月12日' },
        { key: '3-答复', label: '答复', date: '11月20日' },
      ],
      answer: { heading: '区住房和建设局 11月20日答复', result: '办理结果：正在解决或列入计划', text: CASE_SUGGESTION.answer!.text },
    });
    expect(toSuggestionBlock({ ...CASE_SUGGESTION, answer: undefined }, NOW)?.answer).toBeNull();
    expect(toSuggestionBlock(undefined, NOW)).toBeNull();
  });

  it('puts a published answer on the board with its class and unit', () => {
    expect(toPublishedCard(PUBLISHED[0], NOW)).toEqual({
      id: 'sg-1',
      title: '关于加快莲花北村老旧楼道照明改造的建议',
      byline: '福田〔2026〕第12号 · 李明代表',
      unitLine: '区住房和建设局 · 11月21日答复',
      resultText: 'A 已解决或采纳',
      answer: PUBLISHED[0].answer,
      statusLabel: '已办结',
    });
  });
});
