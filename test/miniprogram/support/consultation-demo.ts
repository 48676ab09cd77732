/**
 * 立法意见征集 as the `consultation` function answers a resident, for the resident-side pages'
 * tests, the every-page smoke test and the screenshots: a draft of 45 articles in three chapters
 * (three pages of 20), open at two stations; the same draft closed; a station's list with its
 * adoption count; a resident's comments at each status, one adopted. Written out by hand so the
 * tests can say what the pages must show. Dates are fixed around NOW (Saturday 21 November 2026,
 * 14:30 Beijing).
 */
import type { CommentView, ConsultationArticle, ConsultationDetail, ListConsultationsOutput } from '../../../typings/consultation';
import { daysAgo, minutesAgo } from './case-fixtures';

const HUAFU = { id: 'st-ft-hf', name: '福田区华富街道人大代表联络站' };
const LIANHUA = { id: 'st-ft-hf-01', name: '华富街道莲花北社区人大代表联络站' };

/** Long enough to fold: more than the 40 characters a folded article shows. */
export const ARTICLE_1_TEXT = '为了规范社会救助工作，保障公民的基本生活，促进社会公平，维护社会和谐稳定，根据宪法，制定本法。';
export const ARTICLE_21_TEXT =
  '县级以上人民政府应当建立健全社会救助家庭经济状况核对机制，民政部门根据申请或者委托，可以通过户籍管理、税务、社会保险、不动产登记等单位核对申请人及其家庭成员的收入和财产情况。';

const chapterOf = (no: number): string => (no <= 8 ? '第一章 总则' : no <= 22 ? '第二章 救助对象' : '第三章 救助方式');

/** 第N条 in Chinese numerals, 1–99. */
const numeral = (n: number): string => {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  return `${n >= 20 ? d[Math.floor(n / 10)] : ''}十${d[n % 10]}`;
};

const article = (no: number): ConsultationArticle => ({
  no,
  label: `第${numeral(no)}条`,
  chapter: chapterOf(no),
  text: no === 1 ? ARTICLE_1_TEXT : no === 21 ? ARTICLE_21_TEXT : `本条规定第${numeral(no)}项救助事项。`,
  comments: no === 1 ? 4 : no === 21 ? 2 : 0,
});

const page = (n: number): ConsultationArticle[] => Array.from({ length: Math.min(20, 45 - n * 20) }, (_v, i) => article(n * 20 + i + 1));

/** Page 0 as a resident sees it while open at 华富 and 莲花北: commenting allowed, nothing else. */
export const RESIDENT_DETAIL: ConsultationDetail = {
  id: 'cs-1',
  title: '《中华人民共和国社会救助法（草案）》',
  askedBy: '全国人大常委会法制工作委员会',
  status: 'open',
  closesOn: '2026-12-05',
  publishedAt: daysAgo(6),
  articleCount: 45,
  comments: 12,
  participants: 10,
  adopted: 0,
  summary: '草案共三章四十五条，重点规定了救助对象的认定、救助标准的确定和救助程序。',
  attachments: [
    { fileId: 'cloud://env/consultations/cs-1/draft.pdf', kind: 'pdf', url: 'http://127.0.0.1/storage/files/cs-1-draft.pdf?sign=x' },
    { fileId: 'cloud://env/consultations/cs-1/chart.png', kind: 'photo', url: 'http://127.0.0.1/storage/files/cs-1-chart.png?sign=x' },
  ],
  stations: [HUAFU, LIANHUA],
  generalComments: 3,
  articles: page(0),
  articlePage: 0,
  hasMoreArticles: true,
  can: { comment: true, review: false, compile: false, adopt: false },
};

/** The next pages, 加载更多 after 加载更多. */
export const RESIDENT_PAGE_1: ConsultationDetail = { ...RESIDENT_DETAIL, articles: page(1), articlePage: 1 };
export const RESIDENT_PAGE_2: ConsultationDetail = { ...RESIDENT_DETAIL, articles: page(2), articlePage: 2, hasMoreArticles: false };

/** Past its closing date: read only. */
export const CLOSED_FOR_RESIDENT: ConsultationDetail = { ...RESIDENT_DETAIL, status: 'closed', closesOn: '2026-11-15', can: { ...RESIDENT_DETAIL.can, comment: false } };

/** As a station's officer opens it: the review page linked, no comment of their own. */
export const OFFICER_DETAIL: ConsultationDetail = { ...RESIDENT_DETAIL, can: { comment: false, review: true, compile: false, adopt: false } };

/** At 华富 only: the comment goes there without asking. */
export const ONE_STATION_DETAIL: ConsultationDetail = { ...RESIDENT_DETAIL, stations: [HUAFU] };

/** 华富's page: the open one first, then one reported with two of its comments adopted. */
export const STATION_CONSULTATIONS: ListConsultationsOutput = {
  consultations: [
    {
      id: 'cs-1',
      title: '《中华人民共和国社会救助法（草案）》',
      askedBy: '全国人大常委会法制工作委员会',
      status: 'open',
      closesOn: '2026-12-05',
      publishedAt: daysAgo(6),
      articleCount: 45,
      comments: 12,
      participants: 10,
      adopted: 0,
    },
    {
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
    },
  ],
  page: 0,
  hasMore: false,
  stationAdopted: 2,
};

const ref = { id: RESIDENT_DETAIL.id, title: RESIDENT_DETAIL.title, status: RESIDENT_DETAIL.status };

const comment = (over: Partial<CommentView>): CommentView => ({
  id: 'cm-11',
  consultation: ref,
  station: HUAFU,
  articleNo: 1,
  articleLabel: '第一条',
  text: '建议在立法目的中写明“保障困难群众基本生活”，更直白。',
  status: 'submitted',
  recordedBy: 'resident',
  createdAt: minutesAgo(50),
  canWithdraw: true,
  ...over,
});

/** What consultation.comment answers for the form's test. */
export const JUST_COMMENTED = comment({ id: 'cm-20', articleNo: 21, articleLabel: '第二十一条', text: '核对家庭财产时要保护隐私。' });

/** 我的意见: one still open to withdraw, one adopted (from the reported draft), one withdrawn. */
export const MY_COMMENTS: CommentView[] = [
  comment({ printedName: '陈建华', occupation: '退休教师' }),
  comment({
    id: 'cm-12',
    consultation: { id: 'cs-3', title: '《广东省物业管理条例（修订草案）》', status: 'reported' },
    articleNo: 12,
    articleLabel: '第十二条',
    text: '业主大会线上投票应当写进条例。',
    status: 'forwarded',
    createdAt: daysAgo(40),
    adoption: { note: '第十二条增加了“可以采用电子投票方式”。', at: daysAgo(5) },
    canWithdraw: false,
  }),
  comment({ id: 'cm-13', articleNo: 0, articleLabel: '总体意见', text: '希望多听听低保户的意见。', status: 'withdrawn', createdAt: daysAgo(3), canWithdraw: false }),
];

export const WITHDRAWN = { ...MY_COMMENTS[0], status: 'withdrawn' as const, canWithdraw: false };

/** A comment an officer recorded, as consultation.claim answers once confirmed. */
export const CLAIMED_COMMENT = comment({
  id: 'cm-30',
  station: LIANHUA,
  articleNo: 0,
  articleLabel: '总体意见',
  text: '救助申请的材料要尽量少，老人跑不动。',
  recordedBy: 'officer',
  canWithdraw: true,
});
