/**
 * 立法意见征集 as the `consultation` function answers the officers and the district office, for
 * the office-side pages' tests, the every-page smoke test and the screenshots: the district's
 * consultations (one open, one closed, one reported), a station's comments at every status, a
 * comment recorded with its claim code, and the compiled report.
 * Dates are fixed around NOW (Saturday 21 November 2026, 14:30 Beijing).
 */
import type {
  CommentStatus,
  CommentView,
  ConsultationArticle,
  ConsultationDetail,
  ConsultationReport,
  ConsultationSummary,
  ListCommentsOutput,
  RecordCommentOutput,
} from '../../../typings/consultation';
import { daysAgo, minutesAgo } from './case-fixtures';

const HUAFU = { id: 'st-ft-hf', name: '福田区华富街道人大代表联络站' };
const LIANHUA = { id: 'st-ft-hf-01', name: '华富街道莲花北社区人大代表联络站' };

/** A 1×1 PNG: the page only shows what the server drew. */
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const summary = (over: Partial<ConsultationSummary>): ConsultationSummary => ({
  id: 'cs-1',
  title: '《中华人民共和国社会救助法（草案）》',
  askedBy: '全国人大常委会法制工作委员会',
  status: 'open',
  closesOn: '2026-12-05',
  publishedAt: daysAgo(6),
  articleCount: 20,
  comments: 12,
  participants: 10,
  adopted: 0,
  ...over,
});

/** Open at 华富 and 莲花北, closing in two weeks. */
export const OPEN_CONSULTATION = summary({});
/** Closed last week, not yet compiled. */
export const CLOSED_CONSULTATION = summary({
  id: 'cs-2',
  title: '《深圳经济特区养老服务条例（修订草案）》',
  askedBy: '深圳市人大常委会法制工作委员会',
  status: 'closed',
  closesOn: '2026-11-15',
  publishedAt: daysAgo(40),
  articleCount: 48,
  comments: 31,
  participants: 24,
});
/** Compiled, two comments adopted. */
export const REPORTED_CONSULTATION = summary({
  id: 'cs-3',
  title: '《广东省物业管理条例（修订草案）》',
  askedBy: '广东省人大常委会法制工作委员会',
  status: 'reported',
  closesOn: '2026-10-31',
  publishedAt: daysAgo(60),
  articleCount: 86,
  comments: 9,
  participants: 8,
  adopted: 2,
});

/** What 华富 lists and what 莲花北 lists: the open one is at both, so the officer's merge shows it once. */
export const HUAFU_LIST = { consultations: [OPEN_CONSULTATION, CLOSED_CONSULTATION], page: 0, hasMore: false, stationAdopted: 2 };
export const LIANHUA_LIST = { consultations: [OPEN_CONSULTATION, REPORTED_CONSULTATION], page: 0, hasMore: false, stationAdopted: 0 };
export const DISTRICT_LIST = { consultations: [OPEN_CONSULTATION, CLOSED_CONSULTATION, REPORTED_CONSULTATION], page: 0, hasMore: false };

const CHINESE = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const article = (no: number, comments = 0): ConsultationArticle => ({
  no,
  label: `第${CHINESE[no - 1]}条`,
  chapter: no <= 5 ? '第一章 总则' : '第二章 救助对象',
  text: no === 1 ? '为了规范社会救助工作，保障公民的基本生活，促进社会公平，维护社会和谐稳定，根据宪法，制定本法。' : `第${CHINESE[no - 1]}条的条文。`,
  comments,
});

const NO_CAN = { comment: false, review: false, compile: false, adopt: false };

/** The open one as its officers see it: the first 20 articles, reviewing allowed. */
export const OPEN_DETAIL: ConsultationDetail = {
  ...OPEN_CONSULTATION,
  summary: '草案共二十条，重点规定了救助对象的认定、救助标准的确定和救助程序。',
  attachments: [],
  stations: [HUAFU, LIANHUA],
  generalComments: 3,
  articles: Array.from({ length: 20 }, (_v, i) => article(i + 1, i === 0 ? 4 : i === 4 ? 2 : 0)),
  articlePage: 0,
  hasMoreArticles: false,
  can: { ...NO_CAN, review: true },
};

/** The closed one as the office sees it: 生成汇总 allowed. */
export const CLOSED_DETAIL: ConsultationDetail = { ...OPEN_DETAIL, ...CLOSED_CONSULTATION, can: { ...NO_CAN, compile: true } };
/** The reported one as the office sees it: compile again and adopt. */
export const REPORTED_DETAIL: ConsultationDetail = { ...OPEN_DETAIL, ...REPORTED_CONSULTATION, can: { ...NO_CAN, compile: true, adopt: true } };

const ref = { id: OPEN_CONSULTATION.id, title: OPEN_CONSULTATION.title, status: OPEN_CONSULTATION.status };

const comment = (over: Partial<CommentView>): CommentView => ({
  id: 'cm-1',
  consultation: ref,
  station: HUAFU,
  articleNo: 1,
  articleLabel: '第一条',
  text: '建议在立法目的中写明“保障困难群众基本生活”，更直白，老百姓看得懂。',
  status: 'submitted',
  recordedBy: 'resident',
  createdAt: minutesAgo(50),
  canWithdraw: false,
  ...over,
});

/** 华富's comments on the open one: two to review, one forwarded, one duplicate, one declined. */
export const SUBMITTED = comment({ printedName: '陈建华', occupation: '退休教师', contact: { name: '陈建华', phone: '13800138000' } });
export const SUBMITTED_2 = comment({
  id: 'cm-2',
  articleNo: 0,
  articleLabel: '总体意见',
  text: '救助申请的材料太多，建议能在网上办的都放到网上，老人不会的由社区代办。',
  createdAt: minutesAgo(120),
});
export const FORWARDED = comment({
  id: 'cm-3',
  articleNo: 5,
  articleLabel: '第五条',
  text: '第五条的“共同生活的家庭成员”范围要写清楚。',
  status: 'forwarded',
  createdAt: daysAgo(2),
});
export const DUPLICATE = comment({
  id: 'cm-4',
  articleNo: 1,
  articleLabel: '第一条',
  text: '立法目的要写上保障困难群众的基本生活。',
  status: 'duplicate',
  duplicateOf: 'cm-1',
  recordedBy: 'officer',
  createdAt: daysAgo(3),
});
export const DECLINED = comment({
  id: 'cm-5',
  articleNo: 0,
  articleLabel: '总体意见',
  text: '小区停车位太少。',
  status: 'declined',
  declineReason: '与本草案无关，已转为留言办理',
  createdAt: daysAgo(4),
});

const counts = (over: Partial<Record<CommentStatus, number>>): Record<CommentStatus, number> => ({
  pending: 0,
  submitted: 0,
  withdrawn: 0,
  forwarded: 0,
  duplicate: 0,
  declined: 0,
  ...over,
});

export const REVIEW_COUNTS = counts({ submitted: 2, forwarded: 1, duplicate: 1, declined: 1, pending: 1, withdrawn: 0 });
/** 待处理: what the page opens on. */
export const SUBMITTED_PAGE: ListCommentsOutput = { comments: [SUBMITTED, SUBMITTED_2], page: 0, hasMore: false, counts: REVIEW_COUNTS };
export const NO_COMMENTS: ListCommentsOutput = { comments: [], page: 0, hasMore: false, counts: counts({}) };

/** The reported one's forwarded comments, the office's to mark adopted; one already is. */
const REPORTED_REF = { id: REPORTED_CONSULTATION.id, title: REPORTED_CONSULTATION.title, status: REPORTED_CONSULTATION.status };
export const REPORTED_FORWARDED: ListCommentsOutput = {
  comments: [
    comment({ id: 'cm-31', consultation: REPORTED_REF, articleNo: 12, articleLabel: '第十二条', text: '业主大会的表决门槛太高，老旧小区很难凑够人数。', status: 'forwarded' }),
    comment({
      id: 'cm-32',
      consultation: REPORTED_REF,
      articleNo: 30,
      articleLabel: '第三十条',
      text: '物业费调价应当公示三十日以上。',
      editedText: '建议物业服务收费调整前公示不少于三十日。',
      status: 'forwarded',
      adoption: { note: '第三十条增加了公示期限的规定', at: daysAgo(1) },
    }),
  ],
  page: 0,
  hasMore: false,
  counts: counts({ forwarded: 2, declined: 1 }),
};

/** An officer records 总体意见 heard at 华富; the resident confirms it with this code. */
export const RECORDED: RecordCommentOutput = {
  comment: comment({ id: 'cm-9', articleNo: 3, articleLabel: '第三条', text: '救助标准要随物价调整。', status: 'pending', recordedBy: 'officer', createdAt: minutesAgo(0) }),
  claim: { code: 'H4N7R2WX', payload: 'LLZ-OPINION:H4N7R2WX', qrImage: PIXEL, expiresAt: '2026-11-21T07:00:00.000Z' },
};

/** The reported one's 征集意见汇总. */
export const REPORT: ConsultationReport = {
  consultationId: REPORTED_CONSULTATION.id,
  title: REPORTED_CONSULTATION.title,
  askedBy: REPORTED_CONSULTATION.askedBy,
  closesOn: REPORTED_CONSULTATION.closesOn,
  compiledAt: daysAgo(15),
  stations: [
    { ...HUAFU, forwarded: 2 },
    { ...LIANHUA, forwarded: 1 },
  ],
  participants: 8,
  received: 9,
  forwarded: 3,
  articles: [
    {
      articleNo: 0,
      label: '总体意见',
      count: 1,
      comments: [{ id: 'cm-30', station: HUAFU.name, text: '建议条例多用通俗的话，方便业主看懂。', byline: '匿名', merged: 1 }],
    },
    {
      articleNo: 12,
      label: '第十二条',
      count: 1,
      comments: [{ id: 'cm-31', station: HUAFU.name, text: '业主大会的表决门槛太高，老旧小区很难凑够人数。', byline: '王磊 · 社区网格员', merged: 0 }],
    },
    {
      articleNo: 30,
      label: '第三十条',
      count: 1,
      comments: [
        {
          id: 'cm-32',
          station: LIANHUA.name,
          text: '建议物业服务收费调整前公示不少于三十日。',
          originalText: '物业费调价应当公示三十日以上。',
          byline: '匿名',
          merged: 0,
        },
      ],
    },
  ],
  pdf: { fileId: 'cloud://env/consultations/cs-3/report.pdf', url: 'https://tmp.example/cs-3/report.pdf' },
  csv: { fileId: 'cloud://env/consultations/cs-3/report.csv', url: 'https://tmp.example/cs-3/report.csv' },
};
