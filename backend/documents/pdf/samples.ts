/**
 * A sample 代表函, station poster, 代表建议 and 交办单: what the document tests and `npm run check:pdfs` render.
 * Test support only; no function imports it.
 */
import type { AssignmentSheet } from '../assignment-sheet';
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
