/**
 * The resident side of 立法意见征集, its pure parts against hand-written expectations: the
 * heading and counts, articles under chapter headings folded to their first words and paged,
 * which station a comment goes to, the form's checks and the exact input it sends, a comment
 * card with 已采纳, the opinion code scanned or typed, and the station page's block.
 */
import { toCommentCard } from '../../miniprogram/packages/consultation/common/comment-card';
import { COMMENT_STATUS_LABELS, CONSULTATION_STATUS_LABELS } from '../../miniprogram/packages/consultation/common/labels';
import { opinionCodeOfScan } from '../../miniprogram/packages/consultation/claim/view-model';
import { articlePageOf, commentInput, commentProblems, commentTarget, EMPTY_FORM, fieldOf } from '../../miniprogram/packages/consultation/comment/view-model';
import { commentUrl, previewOf, stationFor, toArticleRows, toDetailView } from '../../miniprogram/packages/consultation/detail/view-model';
import { toConsultationsBlock } from '../../miniprogram/packages/station/detail/consultations';
import { claimCodeProblem } from '../../miniprogram/utils/claim-code';
import { countsText } from '../../miniprogram/utils/consultation-view';
import { NOW } from './support/case-fixtures';
import {
  ARTICLE_1_TEXT,
  CLOSED_FOR_RESIDENT,
  MY_COMMENTS,
  ONE_STATION_DETAIL,
  OFFICER_DETAIL,
  RESIDENT_DETAIL,
  RESIDENT_PAGE_1,
  STATION_CONSULTATIONS,
} from './support/consultation-demo';

const CTX = { requestId: 'req-0000000001', consultationId: 'cs-1', stationId: 'st-ft-hf', articleNo: 21 };

describe('the labels', () => {
  it('names every status in Chinese', () => {
    expect(CONSULTATION_STATUS_LABELS).toEqual({ open: '征集中', closed: '已截止', reported: '已汇总' });
    expect(COMMENT_STATUS_LABELS).toEqual({ pending: '待确认', submitted: '已提交', withdrawn: '已撤回', forwarded: '已报送', duplicate: '重复意见', declined: '未报送' });
  });

  it('counts comments and people, and adoptions only once there are some', () => {
    expect(countsText({ comments: 12, participants: 10, adopted: 0 })).toBe('意见 12 条 · 10 人参与');
    expect(countsText({ comments: 9, participants: 8, adopted: 2 })).toBe('意见 9 条 · 8 人参与 · 已采纳 2 条');
  });
});

describe('the consultation page', () => {
  it('heads with the status, the closing date, the asking body and the counts', () => {
    expect(toDetailView(RESIDENT_DETAIL)).toEqual({
      id: 'cs-1',
      title: '《中华人民共和国社会救助法（草案）》',
      askedBy: '全国人大常委会法制工作委员会',
      statusLabel: '征集中',
      tone: 'brand',
      closesText: '2026年12月5日截止',
      countsText: '意见 12 条 · 10 人参与',
      summary: '草案共三章四十五条，重点规定了救助对象的认定、救助标准的确定和救助程序。',
      photos: ['http://127.0.0.1/storage/files/cs-1-chart.png?sign=x'],
      pdfs: [{ url: 'http://127.0.0.1/storage/files/cs-1-draft.pdf?sign=x', label: 'PDF 附件 1' }],
      generalText: '总体意见 3 条',
      articleCount: 45,
      canComment: true,
      canReview: false,
      canReport: false,
    });
    expect(toDetailView(CLOSED_FOR_RESIDENT)).toMatchObject({ statusLabel: '已截止', closesText: '2026年11月15日截止', canComment: false });
    expect(toDetailView(OFFICER_DETAIL)).toMatchObject({ canComment: false, canReview: true, canReport: false });
  });

  it('folds an article to its first 40 characters, and a short one not at all', () => {
    expect(previewOf(ARTICLE_1_TEXT)).toEqual({ preview: '为了规范社会救助工作，保障公民的基本生活，促进社会公平，维护社会和谐稳定，根据宪…', long: true });
    expect(previewOf('本条规定第二项救助事项。')).toEqual({ preview: '本条规定第二项救助事项。', long: false });
  });

  it('heads each chapter once, on its first article, also across a page', () => {
    const first = toArticleRows(RESIDENT_DETAIL.articles);
    expect(first.filter((r) => r.chapterHeading).map((r) => [r.label, r.chapterHeading])).toEqual([
      ['第一条', '第一章 总则'],
      ['第九条', '第二章 救助对象'],
    ]);
    expect(first[0]).toMatchObject({ no: 1, open: false, commentsText: '意见 4 条' });
    const next = toArticleRows(RESIDENT_PAGE_1.articles, '第二章 救助对象');
    expect(next.filter((r) => r.chapterHeading).map((r) => [r.label, r.chapterHeading])).toEqual([['第二十三条', '第三章 救助方式']]);
    expect(next[0]).toMatchObject({ no: 21, label: '第二十一条', commentsText: '意见 2 条' });
  });

  it('gives the comment to the station it was opened from, the only one, or asks', () => {
    expect(stationFor(RESIDENT_DETAIL, 'st-ft-hf-01')).toBe('st-ft-hf-01');
    expect(stationFor(RESIDENT_DETAIL)).toBe('');
    expect(stationFor(RESIDENT_DETAIL, 'st-elsewhere')).toBe('');
    expect(stationFor(ONE_STATION_DETAIL)).toBe('st-ft-hf');
    expect(commentUrl('cs-1', 21, 'st-ft-hf')).toBe('/packages/consultation/comment/index?id=cs-1&articleNo=21&stationId=st-ft-hf');
    expect(commentUrl('cs-1', 0, '')).toBe('/packages/consultation/comment/index?id=cs-1&articleNo=0');
  });
});

describe('the comment form', () => {
  it('shows the article, or 总体意见 on the draft', () => {
    expect(commentTarget(RESIDENT_DETAIL, 1)).toEqual({ label: '第一条', text: ARTICLE_1_TEXT });
    expect(commentTarget(RESIDENT_DETAIL, 0)).toEqual({ label: '总体意见', text: '对《中华人民共和国社会救助法（草案）》的总体意见' });
    expect([0, 1, 20, 21, 41].map(articlePageOf)).toEqual([0, 0, 0, 1, 2]);
  });

  it('says what is missing or wrong before any call', () => {
    expect(commentProblems(EMPTY_FORM, '')).toEqual({ stationId: '请选择您在哪个联络站提意见', text: '请写下您的意见' });
    expect(commentProblems({ ...EMPTY_FORM, text: '好'.repeat(1001) }, 'st-ft-hf')).toEqual({ text: '意见最多 1000 字' });
    expect(commentProblems({ ...EMPTY_FORM, text: '好', contactName: '陈先生' }, 'st-ft-hf')).toEqual({ contactPhone: '留了联系人，请再填联系电话' });
    expect(commentProblems({ ...EMPTY_FORM, text: '好', contactPhone: '138-0013-8000x' }, 'st-ft-hf')).toEqual({ contactPhone: '请填写正确的手机号或固定电话' });
    expect(commentProblems({ ...EMPTY_FORM, text: '好', printedName: '名'.repeat(21) }, 'st-ft-hf')).toEqual({ printedName: '署名最多 20 字' });
    expect(commentProblems({ ...EMPTY_FORM, text: '好', contactPhone: '0755-83280000' }, 'st-ft-hf')).toEqual({});
  });

  it('sends only what was typed: anonymous and without a contact by default', () => {
    expect(commentInput({ ...EMPTY_FORM, text: '  核对家庭财产时要保护隐私。 ' }, CTX)).toEqual({
      requestId: 'req-0000000001',
      consultationId: 'cs-1',
      stationId: 'st-ft-hf',
      articleNo: 21,
      text: '核对家庭财产时要保护隐私。',
    });
    expect(commentInput({ text: '意见', printedName: '陈建华', occupation: '退休教师', contactName: '', contactPhone: '13800138000' }, { ...CTX, articleNo: 0 })).toEqual({
      requestId: 'req-0000000001',
      consultationId: 'cs-1',
      stationId: 'st-ft-hf',
      text: '意见',
      printedName: '陈建华',
      occupation: '退休教师',
      contact: { phone: '13800138000' },
    });
  });

  it('shows a server complaint under the field it names', () => {
    expect([fieldOf('contact.phone'), fieldOf('text'), fieldOf('printedName'), fieldOf('requestId')]).toEqual(['contactPhone', 'text', 'printedName', undefined]);
  });
});

describe('我的意见 and the confirmed comment', () => {
  it('shows each comment with its draft, article, status, signature and station', () => {
    expect(toCommentCard(MY_COMMENTS[0], NOW)).toEqual({
      id: 'cm-11',
      consultationId: 'cs-1',
      title: '《中华人民共和国社会救助法（草案）》',
      articleLabel: '第一条',
      text: '建议在立法目的中写明“保障困难群众基本生活”，更直白。',
      statusLabel: '已提交',
      tone: 'info',
      adoptedLabel: '',
      adoptionNote: '',
      meta: '福田区华富街道人大代表联络站 · 11月21日',
      byline: '署名：陈建华（退休教师）',
      canWithdraw: true,
    });
  });

  it('marks an adopted one 已采纳 with how; an unsigned one reads 匿名', () => {
    expect(toCommentCard(MY_COMMENTS[1], NOW)).toMatchObject({
      statusLabel: '已报送',
      adoptedLabel: '已采纳',
      adoptionNote: '第十二条增加了“可以采用电子投票方式”。',
      byline: '匿名',
      meta: '福田区华富街道人大代表联络站 · 10月12日',
    });
    expect(toCommentCard(MY_COMMENTS[2], NOW)).toMatchObject({ articleLabel: '总体意见', statusLabel: '已撤回', tone: 'muted', canWithdraw: false });
  });

  it.each([
    ['LLZ-OPINION:K7M2Q9XB', 'K7M2Q9XB'],
    ['llz-opinion:k7m2 q9xb', 'K7M2Q9XB'],
    ['LLZ-CLAIM:K7M2Q9XB', ''],
    ['LLZ-OPINION:K7M2', ''],
    ['K7M2Q9XB', ''],
  ])('reads the scanned %s as %j', (scanned, code) => expect(opinionCodeOfScan(scanned)).toBe(code));

  it('names the typed code as the page does', () => {
    expect(claimCodeProblem('', '确认码')).toBe('请输入确认码');
    expect(claimCodeProblem('K7M2', '确认码')).toBe('确认码是 8 位');
  });
});

describe('the station page’s 立法意见征集', () => {
  it('lists the station’s drafts, open first, with the station’s adoptions', () => {
    expect(toConsultationsBlock(STATION_CONSULTATIONS)).toEqual({
      rows: [
        {
          id: 'cs-1',
          title: '《中华人民共和国社会救助法（草案）》',
          askedBy: '全国人大常委会法制工作委员会',
          statusLabel: '征集中',
          tone: 'brand',
          closesText: '2026年12月5日截止',
          countsText: '意见 12 条 · 10 人参与',
        },
        {
          id: 'cs-3',
          title: '《广东省物业管理条例（修订草案）》',
          askedBy: '广东省人大常委会法制工作委员会',
          statusLabel: '已汇总',
          tone: 'info',
          closesText: '2026年10月31日截止',
          countsText: '意见 9 条 · 8 人参与 · 已采纳 2 条',
        },
      ],
      adoptedText: '本站群众意见已被立法机关采纳 2 条',
    });
    expect(toConsultationsBlock({ consultations: [], page: 0, hasMore: false, stationAdopted: 0 })).toEqual({ rows: [], adoptedText: '' });
  });
});
