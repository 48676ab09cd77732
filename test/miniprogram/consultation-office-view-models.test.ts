/**
 * 立法意见征集's officer and office pages, their pure parts against hand-written expectations: the
 * merged list and where a row leads, the publish form's article count hint, checks and input, the
 * review tabs, each comment's actions and sheets, the record page's claim card, the report.
 */
import { listRole, mergeStationLists, toConsultationRow } from '../../miniprogram/packages/consultation/list/view-model';
import { articleHint, beijingDateAfter, countArticles, EMPTY_FORM, publishInput, publishProblems } from '../../miniprogram/packages/consultation/publish/view-model';
import { actionsFor, articleChoices, bylineOf, commentsInput, duplicateChoices, tabsOf, toCommentItem } from '../../miniprogram/packages/consultation/review/view-model';
import { EMPTY_SHEET, forwardCall, sheetCall, sheetProblem } from '../../miniprogram/packages/consultation/review/sheets';
import { articleOptions, toClaimCard } from '../../miniprogram/packages/consultation/record/view-model';
import { beforeReport, toReportView } from '../../miniprogram/packages/consultation/report/view-model';
import { NOW } from './support/case-fixtures';
import {
  CLOSED_CONSULTATION,
  CLOSED_DETAIL,
  DECLINED,
  DUPLICATE,
  FORWARDED,
  OPEN_CONSULTATION,
  OPEN_DETAIL,
  RECORDED,
  REPORT,
  REPORTED_CONSULTATION,
  REPORTED_DETAIL,
  REVIEW_COUNTS,
  SUBMITTED,
  SUBMITTED_2,
} from './support/consultation-office-demo';

describe('the list', () => {
  it('is for officers and the office only', () => {
    expect([listRole('officer'), listRole('admin'), listRole('resident'), listRole('deputy')]).toEqual(['officer', 'admin', null, null]);
  });

  it("merges an officer's stations: each consultation once, from the first station listing it; open first by nearest closing, then latest closing first", () => {
    const soon = { ...OPEN_CONSULTATION, id: 'cs-9', closesOn: '2026-11-28' };
    const merged = mergeStationLists([
      { stationId: 'st-a', consultations: [OPEN_CONSULTATION, REPORTED_CONSULTATION] },
      { stationId: 'st-b', consultations: [soon, OPEN_CONSULTATION, CLOSED_CONSULTATION] },
    ]);
    expect(merged.map((m) => [m.summary.id, m.stationId])).toEqual([
      ['cs-9', 'st-b'],
      ['cs-1', 'st-a'],
      ['cs-2', 'st-b'],
      ['cs-3', 'st-a'],
    ]);
  });

  it('shows a row with status, closing date and counts; an officer opens the review of their station', () => {
    expect(toConsultationRow(OPEN_CONSULTATION, 'officer', 'st-ft-hf')).toEqual({
      id: 'cs-1',
      title: '《中华人民共和国社会救助法（草案）》',
      askedBy: '全国人大常委会法制工作委员会',
      statusLabel: '征集中',
      tone: 'brand',
      closesText: '2026年12月5日截止',
      countsText: '意见 12 条 · 10 人参与',
      openUrl: '/packages/consultation/review/index?id=cs-1&stationId=st-ft-hf',
      openText: '处理意见',
      publicUrl: '/packages/consultation/detail/index?id=cs-1&stationId=st-ft-hf',
    });
  });

  it('sends the office to the report once closed, and says whether it is compiled', () => {
    expect(toConsultationRow(CLOSED_CONSULTATION, 'admin')).toMatchObject({
      openUrl: '/packages/consultation/report/index?id=cs-2',
      openText: '生成汇总',
      statusLabel: '已截止',
    });
    expect(toConsultationRow(REPORTED_CONSULTATION, 'admin')).toMatchObject({
      openUrl: '/packages/consultation/report/index?id=cs-3',
      openText: '查看汇总',
      countsText: '意见 9 条 · 8 人参与 · 已采纳 2 条',
      publicUrl: '/packages/consultation/detail/index?id=cs-3',
    });
    expect(toConsultationRow(OPEN_CONSULTATION, 'admin').openUrl).toBe('/packages/consultation/review/index?id=cs-1');
  });
});

describe('the publish form', () => {
  const TEXT = '第一章 总则\n第一条 为了规范社会救助……\n  第二条 本法所称社会救助……\n第二章 救助对象\n第3条 ……\n本条所称“第四条”不是条首';

  it('counts the lines starting 第…条 and 第…章, in Chinese numerals or digits, leading spaces allowed', () => {
    expect(countArticles(TEXT)).toEqual({ articles: 3, chapters: 2 });
    expect(articleHint(TEXT)).toBe('识别到 3 条（分 2 章），以发布后的条文为准');
    expect(articleHint('第一条 只有一条')).toBe('识别到 1 条，以发布后的条文为准');
    expect(articleHint('没有条款标记的文字')).toBe('还没有识别到条款：请让每一条另起一行，以“第X条”开头');
    expect(articleHint('')).toBe('');
  });

  it('offers closing dates from 7 Beijing days ahead', () => {
    expect(beijingDateAfter(NOW, 7)).toBe('2026-11-28');
    // 23:30 Beijing on 30 November is already 1 December's eve there: 7 days from the 30th.
    expect(beijingDateAfter(new Date('2026-11-30T15:30:00.000Z'), 7)).toBe('2026-12-07');
  });

  const context = { earliest: '2026-11-28', stationIds: [] as string[], uploadProblem: '', attachments: 0 };

  it('says what is missing before any call', () => {
    expect(publishProblems(EMPTY_FORM, context)).toEqual({ title: '请填写草案名称', askedBy: '请填写征求意见机关', text: '请粘贴草案全文', closesOn: '请选择截止日期' });
    const form = { ...EMPTY_FORM, title: '题'.repeat(61), askedBy: '机关', text: '没有条款', closesOn: '2026-11-27', allStations: false };
    expect(publishProblems(form, { ...context, uploadProblem: 'PDF 还在上传，请稍候' })).toEqual({
      title: '草案名称最多 60 字',
      text: '没有识别到条款：请让每一条另起一行，以“第X条”开头',
      closesOn: '截止日期至少在 7 天以后',
      stationIds: '请至少选择一个联络站，或选择全部联络站',
      attachments: 'PDF 还在上传，请稍候',
    });
  });

  it('sends the stations only when picked, and the attachments only when there are some', () => {
    const form = { title: ' 《社会救助法（草案）》 ', askedBy: '全国人大常委会法工委', summary: '', text: TEXT, closesOn: '2026-12-05', allStations: true };
    expect(publishProblems(form, context)).toEqual({});
    expect(publishInput(form, { requestId: 'req-00000001', attachmentFileIds: [], stationIds: ['st-x'] })).toEqual({
      requestId: 'req-00000001',
      title: '《社会救助法（草案）》',
      askedBy: '全国人大常委会法工委',
      summary: '',
      text: TEXT,
      closesOn: '2026-12-05',
    });
    expect(publishInput({ ...form, allStations: false }, { requestId: 'req-00000001', attachmentFileIds: ['cloud://a.pdf'], stationIds: ['st-x'] })).toMatchObject({
      attachmentFileIds: ['cloud://a.pdf'],
      stationIds: ['st-x'],
    });
  });
});

describe('the review page', () => {
  it('has its tabs in the order work is done, with counts', () => {
    expect(tabsOf(REVIEW_COUNTS).map((t) => `${t.label} ${t.count}`)).toEqual(['待处理 2', '已报送 1', '重复 1', '未报送 1', '待确认 1', '已撤回 0']);
  });

  it('filters by article: 全部条款 sends none, 总体意见 sends 0', () => {
    expect(articleChoices(OPEN_DETAIL.articles.slice(0, 2))).toEqual([
      { no: -1, label: '全部条款' },
      { no: 0, label: '总体意见' },
      { no: 1, label: '第一条' },
      { no: 2, label: '第二条' },
    ]);
    expect(commentsInput('cs-1', { stationId: 'st-ft-hf', status: 'submitted', articleNo: -1 }, 0)).toEqual({
      consultationId: 'cs-1',
      stationId: 'st-ft-hf',
      status: 'submitted',
      page: 0,
    });
    expect(commentsInput('cs-1', { status: 'forwarded', articleNo: 0 }, 2)).toEqual({ consultationId: 'cs-1', status: 'forwarded', articleNo: 0, page: 2 });
  });

  it('lets officers decide until compiled, the office edit once closed and adopt once reported', () => {
    expect(actionsFor(SUBMITTED, 'officer', OPEN_DETAIL)).toEqual({ review: true, edit: false, adopt: false });
    expect(actionsFor({ status: 'pending' }, 'officer', OPEN_DETAIL)).toEqual({ review: false, edit: false, adopt: false });
    expect(actionsFor(FORWARDED, 'admin', OPEN_DETAIL)).toEqual({ review: false, edit: false, adopt: false });
    expect(actionsFor(FORWARDED, 'admin', CLOSED_DETAIL)).toEqual({ review: false, edit: true, adopt: false });
    expect(actionsFor(FORWARDED, 'admin', REPORTED_DETAIL)).toEqual({ review: false, edit: false, adopt: true });
    expect(actionsFor({ ...FORWARDED, adoption: { note: '已写入', at: NOW.toISOString() } }, 'admin', REPORTED_DETAIL).adopt).toBe(false);
  });

  it('shows who gave a comment, their contact and why it was not forwarded', () => {
    const known = new Map([SUBMITTED, DUPLICATE].map((c) => [c.id, c]));
    expect(toCommentItem(SUBMITTED, 'officer', OPEN_DETAIL, known)).toMatchObject({
      articleLabel: '第一条',
      byline: '陈建华 · 退休教师',
      contactText: '联系方式：陈建华 13800138000',
      stationName: '福田区华富街道人大代表联络站',
      statusLabel: '已提交',
      recordedText: '',
      noteText: '',
    });
    expect(toCommentItem(DECLINED, 'officer', OPEN_DETAIL, known)).toMatchObject({
      byline: '匿名',
      noteText: '不报送理由：与本草案无关，已转为留言办理',
      statusLabel: '未报送',
    });
    expect(toCommentItem(DUPLICATE, 'officer', OPEN_DETAIL, known)).toMatchObject({
      noteText: '与另一条意见重复：建议在立法目的中写明“保障困难群众基本生活”，更…',
      recordedText: '联络员代为记录',
    });
    expect(bylineOf({ occupation: '医生' })).toBe('医生');
  });

  it('offers as what a duplicate repeats the other loaded comments, not duplicates themselves', () => {
    expect(duplicateChoices([SUBMITTED, SUBMITTED_2, FORWARDED, DUPLICATE], 'cm-1')).toEqual([
      { id: 'cm-2', label: '总体意见 · 救助申请的材料太多，建议能在网上办的都放到网上，…' },
      { id: 'cm-3', label: '第五条 · 第五条的“共同生活的家庭成员”范围要写清楚。' },
    ]);
  });

  it('checks each sheet before sending: a reason and a note of 2–200, a duplicate picked', () => {
    expect(sheetProblem('decline', { ...EMPTY_SHEET, text: ' 无 ' })).toBe('请写明不报送的理由（至少 2 个字）');
    expect(sheetProblem('decline', { ...EMPTY_SHEET, text: '理'.repeat(201) })).toBe('不报送的理由最多 200 字');
    expect(sheetProblem('adopt', EMPTY_SHEET)).toBe('请写明采纳情况（至少 2 个字）');
    expect(sheetProblem('duplicate', EMPTY_SHEET)).toBe('请选择它重复的那条意见');
    expect(sheetProblem('edit', EMPTY_SHEET)).toBe('');
    expect(sheetProblem('decline', { ...EMPTY_SHEET, text: '与草案无关' })).toBe('');
  });

  it('sends exactly the review, edit or adoption asked for', () => {
    expect(forwardCall('cm-1')).toEqual({ action: 'review', input: { commentId: 'cm-1', review: 'forward' } });
    expect(sheetCall('duplicate', 'cm-4', { duplicateOf: 'cm-1', text: '' })).toEqual({
      action: 'review',
      input: { commentId: 'cm-4', review: 'duplicate', duplicateOf: 'cm-1' },
    });
    expect(sheetCall('decline', 'cm-5', { duplicateOf: '', text: ' 与草案无关 ' })).toEqual({
      action: 'review',
      input: { commentId: 'cm-5', review: 'decline', reason: '与草案无关' },
    });
    expect(sheetCall('adopt', 'cm-3', { duplicateOf: '', text: '第五条已修改' })).toEqual({ action: 'adopt', input: { commentId: 'cm-3', note: '第五条已修改' } });
    expect(sheetCall('edit', 'cm-3', { duplicateOf: '', text: '改后的文字' }, '原文')).toEqual({ action: 'edit', input: { commentId: 'cm-3', editedText: '改后的文字' } });
    // Back to the original: the edit is cleared.
    expect(sheetCall('edit', 'cm-3', { duplicateOf: '', text: '原文' }, '原文')).toEqual({ action: 'edit', input: { commentId: 'cm-3', editedText: '' } });
  });
});

describe('the record page', () => {
  it('picks 总体意见 or an article by its label and first words', () => {
    expect(articleOptions(OPEN_DETAIL.articles.slice(0, 2))).toEqual([
      { no: 0, label: '总体意见' },
      { no: 1, label: '第一条 为了规范社会救助工作，保…' },
      { no: 2, label: '第二条 第二条的条文。' },
    ]);
  });

  it('shows the code in two halves with its expiry in Beijing time', () => {
    expect(toClaimCard('cm-9', RECORDED.claim)).toEqual({
      commentId: 'cm-9',
      code: 'H4N7R2WX',
      codeText: 'H4N7 R2WX',
      qrImage: RECORDED.claim.qrImage,
      expiresText: '确认码 15:00 前有效',
    });
  });
});

describe('the report page', () => {
  it('says what can be done before there is a report', () => {
    expect(beforeReport(OPEN_DETAIL)).toEqual({ text: '征集还没有截止（2026年12月5日截止），截止后才能生成汇总', canCompile: false });
    expect(beforeReport(CLOSED_DETAIL).canCompile).toBe(true);
    expect(beforeReport({ ...CLOSED_DETAIL, can: { ...CLOSED_DETAIL.can, compile: false } })).toEqual({
      text: '征集已截止，区人大常委会汇总后可以在这里查看',
      canCompile: false,
    });
  });

  it('shows the figures, the stations and per article its comments folded, edited ones with their original', () => {
    const view = toReportView(REPORT, NOW);
    expect(view.compiledText).toBe('2026年10月31日截止 · 11月6日 14:30汇总');
    expect(view.figures.map((f) => `${f.label} ${f.value}`)).toEqual(['参与群众 8 人', '收到意见 9 条', '报送意见 3 条']);
    expect(view.stations.map((s) => s.line)).toEqual(['报送 2 条', '报送 1 条']);
    expect(view.articles.map((a) => [a.label, a.countText, a.open])).toEqual([
      ['总体意见', '1 条', false],
      ['第十二条', '1 条', false],
      ['第三十条', '1 条', false],
    ]);
    expect(view.articles[0].comments[0].mergedText).toBe('另有 1 条相同意见已合并');
    expect(view.articles[2].comments[0]).toMatchObject({ text: '建议物业服务收费调整前公示不少于三十日。', originalText: '物业费调价应当公示三十日以上。', byline: '匿名' });
  });
});
