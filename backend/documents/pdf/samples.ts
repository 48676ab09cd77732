/**
 * A sample 代表函, station poster, 代表建议, 交办单 and 征集意见汇总: what the document tests and `npm run check:pdfs` render.
 * Test support only; no function imports it.
 */
import type { AssignmentSheet } from '../assignment-sheet';
import type { ConsultationReportContent } from '../consultation-report-content';
import type { DeputyLetter } from '../deputy-letter';
import type { DeputySuggestion } from '../deputy-suggestion';
import type { StationPoster } from '../station-poster';
import { checkerPng } from './test-png';

export const SAMPLE_LETTER: DeputyLetter = {
  letterNo: '福人代联函〔2026〕12号',
  district: '福田区',
  stationName: '华富街道人大代表联络站',
  deputyName: '李华',
  receivingBody: '福田区住房和建设局',
  receiptNo: 'FT-2026-000123',
  title: '莲花北社区道路反复开挖',
  request: '莲花北社区门前道路自三月起多次开挖回填，至今未恢复，雨天积水严重。\n居民希望尽快修复并公布施工单位和工期。',
  submittedAt: '2026-11-02',
  deadline: '2026-12-02',
  issuedOn: '2026-11-22',
  officerName: '王敏',
  stationPhone: '0755-83212345',
};

export const SAMPLE_POSTER: StationPoster = {
  name: '华富街道莲花北社区人大代表联络站',
  address: '深圳市福田区华富街道莲花北村富莲大厦一楼',
  hours: ['周一至周五 9:00-12:00 14:00-18:00', '每月10日 代表接待日'],
  phone: '0755-83212345',
  code: 'st-ft-hf-01',
  qrPng: checkerPng(430),
  officers: ['王敏', '陈晓'],
};

export const SAMPLE_SUGGESTION: DeputySuggestion = {
  district: '福田区',
  number: '福田〔2026〕第12号',
  title: '关于加快老旧小区加装电梯的建议',
  authorName: '李华',
  cosignerNames: ['王芳', '陈志强'],
  problem: '华富街道多个老旧小区无电梯，老年居民上下楼困难。\n今年以来联络站收到相关留言十余件。',
  proposal: '建议区住房和建设局简化加装电梯审批流程，加大补贴力度。',
  receiptNos: ['FT20260301-0012', 'FT20260315-0047'],
  attachments: [{ kind: 'photo' }, { kind: 'pdf' }],
  date: '2026-04-02',
};

export const SAMPLE_ASSIGNMENT: AssignmentSheet = {
  district: '福田区',
  number: '福田〔2026〕第12号',
  title: '关于加快老旧小区加装电梯的建议',
  authorName: '李华',
  cosigners: 2,
  lead: { name: '区住房和建设局', deadline: '2026-07-10' },
  assists: [{ name: '华富街道办事处', deadline: '2026-05-10' }],
  assignedOn: '2026-04-10',
};

/** Stations and articles out of order on purpose: the writers put 总体意见 first, then by number. */
export const SAMPLE_CONSULTATION_REPORT: ConsultationReportContent = {
  consultationId: 'cs-sample',
  title: '中华人民共和国社会救助法（草案）',
  askedBy: '全国人大常委会法制工作委员会',
  closesOn: '2026-12-15',
  compiledAt: '2026-12-16T01:30:00.000Z',
  stations: [
    { id: 'st-hf', name: '华富街道人大代表联络站', forwarded: 3 },
    { id: 'st-lh', name: '莲花街道人大代表联络站', forwarded: 1 },
  ],
  participants: 5,
  received: 6,
  forwarded: 4,
  articles: [
    {
      articleNo: 12,
      label: '第十二条',
      count: 1,
      comments: [{ id: 'c4', station: '莲花街道人大代表联络站', text: '建议将“低收入家庭”的认定标准写入法律，避免各地标准不一。', byline: '匿名', merged: 0 }],
    },
    {
      articleNo: 0,
      label: '总体意见',
      count: 1,
      comments: [{ id: 'c1', station: '华富街道人大代表联络站', text: '草案总体可行，建议增加对困难群众的主动发现机制。', byline: '李明（社区工作者）', merged: 2 }],
    },
    {
      articleNo: 3,
      label: '第三条',
      count: 2,
      comments: [
        {
          id: 'c2',
          station: '华富街道人大代表联络站',
          text: '建议明确救助申请的办理时限，不超过十五个工作日。',
          originalText: '办理时间太长了，希望快一点，最好半个月内办完。',
          byline: '王芳（退休教师）',
          merged: 0,
        },
        { id: 'c3', station: '华富街道人大代表联络站', text: '临时救助应当简化手续。\n对急难情形可以先救助后审核。', byline: '匿名', merged: 0 },
      ],
    },
  ],
};
