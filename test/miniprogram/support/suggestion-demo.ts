/**
 * 代表建议 as the `suggestion` function answers them, for the suggestion pages' tests, the
 * every-page smoke test and the screenshots: one suggestion at each step of its life, as each
 * party sees it (the `can` each would get), the office's figures and the public board's answers.
 * Dates are fixed around NOW (Saturday 21 November 2026, 14:30 Beijing).
 */
import type { Profile } from '../../../typings/workspace';
import type { ListUnitsOutput } from '../../../typings/unit';
import type {
  CaseSuggestionView,
  CosignableOutput,
  PublishedSuggestion,
  SuggestionActions,
  SuggestionDetail,
  SuggestionFigures,
  SuggestionSummary,
} from '../../../typings/suggestion';
import { daysAgo, minutesAgo } from './case-fixtures';

export const UNIT_PROFILE: Profile = { openid: 'odemo-unit', role: 'unit', name: '周敏', unit: { id: 'unit-ft-zjj', name: '区住房和建设局' } };

export const ZJJ = { id: 'unit-ft-zjj', name: '区住房和建设局' };
export const CGJ = { id: 'unit-ft-cgj', name: '区城市管理和综合执法局' };
export const HFJD = { id: 'unit-ft-hfjd', name: '华富街道办事处' };
const LIMING = { id: 'dp-001', name: '李明' };

export const NOTHING: SuggestionActions = {
  edit: false,
  submit: false,
  withdraw: false,
  cosign: false,
  review: false,
  assign: false,
  requestReroute: false,
  requestExtension: false,
  decide: false,
  assist: false,
  answer: false,
  rate: false,
};
const can = (...allowed: (keyof SuggestionActions)[]): SuggestionActions => ({ ...NOTHING, ...Object.fromEntries(allowed.map((a) => [a, true])) });

const PROBLEM =
  '莲花北村是上世纪八十年代建成的老旧小区，12栋、15栋、21栋共有住户380户，其中60岁以上老人占四成。楼道照明线路老化，去年以来群众多次反映楼道灯损坏、维修无人负责。';
const PROPOSAL = '一、建议区住建局将莲花北村楼道照明纳入老旧小区改造计划，统一更换线路和感应灯；\n二、明确物业与社区的维修责任，建立报修48小时响应机制。';

export function summary(over: Partial<SuggestionSummary> = {}): SuggestionSummary {
  return {
    id: 'sg-1',
    number: '福田〔2026〕第12号',
    title: '关于加快莲花北村老旧楼道照明改造的建议',
    status: 'assigned',
    statusLabel: '办理中',
    deputy: LIMING,
    leadUnit: ZJJ,
    deadline: '2027-02-21',
    overdue: false,
    updatedAt: daysAgo(2),
    ...over,
  };
}

export function detail(over: Partial<SuggestionDetail> = {}): SuggestionDetail {
  return {
    ...summary(),
    problem: PROBLEM,
    proposal: PROPOSAL,
    attachments: [
      { fileId: 'cloud://env/suggestions/2026/11/a1.jpg', kind: 'photo', url: 'https://tmp.example/a1.jpg' },
      { fileId: 'cloud://env/suggestions/2026/11/a2.pdf', kind: 'pdf', url: 'https://tmp.example/a2.pdf' },
    ],
    cosigners: [{ id: 'dp-002', name: '张丽华', status: 'confirmed' }],
    cases: [
      { id: 'case-1', receiptNo: 'FT20261111-0042', title: '莲花北村12栋楼道灯坏了' },
      { id: 'case-9', receiptNo: 'FT20261103-0011', title: '15栋楼道灯晚上不亮' },
    ],
    assignments: [
      { unit: ZJJ, role: 'lead', deadline: '2027-02-21' },
      { unit: HFJD, role: 'assist', deadline: '2026-12-21' },
    ],
    round: 1,
    answers: [],
    timeline: [
      { kind: 'created', label: '起草建议', actorName: '代表 李明', at: daysAgo(20) },
      { kind: 'submitted', label: '提交审查', actorName: '代表 李明', at: daysAgo(15) },
      { kind: 'accepted', label: '立案', actorName: '区人大常委会办公室', at: daysAgo(10), note: '福田〔2026〕第12号' },
      { kind: 'assigned', label: '交办', actorName: '区人大常委会办公室', at: daysAgo(9), note: '主办：区住房和建设局；协办：华富街道办事处' },
    ],
    can: NOTHING,
    ...over,
  };
}

const ANSWER_B = {
  round: 1 as const,
  unit: ZJJ,
  text: '经研究，莲花北村楼道照明改造已列入2027年老旧小区改造计划，预计第二季度完工；改造前由华富街道每周巡查并及时维修。',
  attachment: { fileId: 'cloud://env/suggestions/2026/11/r1.pdf', kind: 'pdf' as const, url: 'https://tmp.example/r1.pdf' },
  result: 'B' as const,
  resultLabel: '正在解决或列入计划',
  publishable: true,
  at: daysAgo(1),
};

/** The deputy's draft, not yet submitted, a co-signer still to confirm. */
export const DRAFT = detail({
  id: 'sg-3',
  number: undefined,
  status: 'draft',
  statusLabel: '草稿',
  leadUnit: undefined,
  deadline: undefined,
  assignments: [],
  cosigners: [
    { id: 'dp-002', name: '张丽华', status: 'confirmed' },
    { id: 'dp-003', name: '周建国', status: 'pending' },
  ],
  timeline: [{ kind: 'created', label: '起草建议', actorName: '代表 李明', at: daysAgo(1) }],
  can: can('edit', 'submit', 'withdraw'),
});

/** Submitted, as the district office sees it: 审查. */
export const SUBMITTED_FOR_OFFICE = detail({
  id: 'sg-2',
  number: undefined,
  status: 'submitted',
  statusLabel: '待审查',
  leadUnit: undefined,
  deadline: undefined,
  assignments: [],
  timeline: detail().timeline.slice(0, 2),
  can: can('review'),
});

/** Accepted and numbered, as the office sees it: 交办. */
export const ACCEPTED_FOR_OFFICE = detail({
  status: 'accepted',
  statusLabel: '已立案',
  leadUnit: undefined,
  deadline: undefined,
  assignments: [],
  timeline: detail().timeline.slice(0, 3),
  can: can('assign'),
});

/** With the lead unit: 答复, 申请延期, 申请改办. */
export const ASSIGNED_FOR_UNIT = detail({ can: can('answer', 'requestExtension', 'requestReroute') });

/** With the lead unit, past its deadline (督办): still to answer. */
export const OVERDUE_FOR_UNIT = detail({
  id: 'sg-4',
  number: '福田〔2026〕第5号',
  title: '关于整治华富路占道经营的建议',
  deadline: '2026-11-18',
  overdue: true,
  assignments: [{ unit: ZJJ, role: 'lead', deadline: '2026-11-18' }],
  timeline: [...detail().timeline, { kind: 'overdue', label: '逾期督办', actorName: '', at: daysAgo(2) }],
  can: can('answer'),
});

/** The lead asked for an extension; the office decides. */
export const EXTENSION_FOR_OFFICE = detail({
  pendingRequest: 'extension',
  request: { kind: 'extension', reason: '改造需纳入明年预算，须待区财政批复', until: '2027-05-21', at: daysAgo(1) },
  timeline: [
    ...detail().timeline,
    { kind: 'extension_requested', label: '申请延期', actorName: '区住房和建设局', at: daysAgo(1), note: '改造需纳入明年预算，须待区财政批复' },
  ],
  can: can('decide'),
});

/** Answered B, as its author sees it: 评价答复. */
export const ANSWERED_FOR_DEPUTY = detail({
  status: 'answered',
  statusLabel: '已答复',
  result: 'B',
  answers: [ANSWER_B],
  assignments: [
    { unit: ZJJ, role: 'lead', deadline: '2027-02-21', answeredAt: daysAgo(1) },
    { unit: HFJD, role: 'assist', deadline: '2026-12-21', opinion: '街道已安排每周巡查楼道照明。', answeredAt: daysAgo(3) },
  ],
  timeline: [...detail().timeline, { kind: 'answered', label: '答复', actorName: '区住房和建设局', at: daysAgo(1) }],
  can: can('rate'),
});

/** Closed: the second answer rated 满意. */
export const CLOSED = detail({
  status: 'closed',
  statusLabel: '已办结',
  result: 'A',
  round: 2,
  answers: [
    { ...ANSWER_B, rating: { value: 'unsatisfied', comment: '改造前的临时维修没有落实', at: daysAgo(1) } },
    {
      ...ANSWER_B,
      round: 2,
      result: 'A',
      resultLabel: '已解决或采纳',
      text: '已完成12栋、15栋、21栋楼道灯更换，并明确物业48小时内维修。',
      at: minutesAgo(120),
      rating: { value: 'satisfied', at: minutesAgo(30) },
    },
  ],
});

export const DEPUTY_LIST: SuggestionSummary[] = [
  summary({ id: 'sg-3', number: undefined, status: 'draft', statusLabel: '草稿', leadUnit: undefined, deadline: undefined, updatedAt: daysAgo(1) }),
  summary({ id: 'sg-1', status: 'answered', statusLabel: '已答复', result: 'B', updatedAt: daysAgo(1) }),
  summary({ id: 'sg-2', number: undefined, status: 'submitted', statusLabel: '待审查', leadUnit: undefined, deadline: undefined, updatedAt: daysAgo(5) }),
];

/** A unit's inbox as the server orders it: overdue first, then the nearest deadline. */
export const UNIT_LIST: SuggestionSummary[] = [
  summary({ id: 'sg-4', number: '福田〔2026〕第5号', title: '关于整治华富路占道经营的建议', deadline: '2026-11-18', overdue: true }),
  summary({ id: 'sg-5', number: '福田〔2026〕第9号', title: '关于增设莲花一村无障碍坡道的建议', deadline: '2026-12-01', pendingRequest: 'extension' }),
  summary({ id: 'sg-1' }),
];

export const ADMIN_LIST: SuggestionSummary[] = [
  summary({ id: 'sg-2', number: undefined, status: 'submitted', statusLabel: '待审查', leadUnit: undefined, deadline: undefined, deputy: { id: 'dp-002', name: '张丽华' } }),
  summary({ id: 'sg-4', number: '福田〔2026〕第5号', title: '关于整治华富路占道经营的建议', deadline: '2026-11-18', overdue: true }),
  summary({ id: 'sg-1', status: 'closed', statusLabel: '已办结', result: 'A' }),
];

export const FIGURES: SuggestionFigures = {
  year: 2026,
  accepted: 24,
  answered: 18,
  answeredOnTime: { numerator: 17, denominator: 19, value: 17 / 19 },
  results: { A: 7, B: 8, C: 2, D: 1 },
  satisfaction: { numerator: 11, denominator: 12, value: 11 / 12 },
  overdue: 1,
  units: [
    { unit: ZJJ, assigned: 9, answered: 7, onTime: 6, overdue: 1 },
    { unit: CGJ, assigned: 8, answered: 6, onTime: 6, overdue: 0 },
    { unit: HFJD, assigned: 4, answered: 4, onTime: 4, overdue: 0 },
  ],
};

export const NO_FIGURES: SuggestionFigures = {
  year: 2026,
  accepted: 0,
  answered: 0,
  answeredOnTime: { numerator: 0, denominator: 0, value: null },
  results: { A: 0, B: 0, C: 0, D: 0 },
  satisfaction: { numerator: 0, denominator: 0, value: null },
  overdue: 0,
  units: [],
};

export const PUBLISHED: PublishedSuggestion[] = [
  {
    id: 'sg-1',
    number: '福田〔2026〕第12号',
    title: '关于加快莲花北村老旧楼道照明改造的建议',
    deputy: LIMING,
    unitName: ZJJ.name,
    result: 'A',
    resultLabel: '已解决或采纳',
    answer: '已完成12栋、15栋、21栋楼道灯更换，并明确物业48小时内维修。',
    answeredAt: minutesAgo(120),
    statusLabel: '已办结',
  },
];

/** What the resident of case-1 sees of the suggestion their case is in. */
export const CASE_SUGGESTION: CaseSuggestionView = {
  id: 'sg-1',
  number: '福田〔2026〕第12号',
  title: '关于加快莲花北村老旧楼道照明改造的建议',
  statusLabel: '已答复',
  steps: [
    { label: '提出', at: daysAgo(15) },
    { label: '立案', at: daysAgo(10) },
    { label: '交办', at: daysAgo(9) },
    { label: '答复', at: daysAgo(1) },
  ],
  answer: { unitName: ZJJ.name, resultLabel: '正在解决或列入计划', text: ANSWER_B.text, at: daysAgo(1) },
};

export const COSIGNABLE: CosignableOutput = {
  deputies: [
    { id: 'dp-002', name: '张丽华', delegation: '深圳市代表团 福田区' },
    { id: 'dp-003', name: '周建国', delegation: '广东省代表团 深圳' },
    { id: 'dp-004', name: '黄晓燕', delegation: '福田区代表团 莲花选区' },
  ],
};

export const UNITS: ListUnitsOutput = {
  units: [
    { id: ZJJ.id, name: ZJJ.name, kind: 'bureau', district: '福田区', staff: [] },
    { id: CGJ.id, name: CGJ.name, kind: 'bureau', district: '福田区', staff: [] },
    { id: HFJD.id, name: HFJD.name, kind: 'street', district: '福田区', staff: [] },
  ],
};
