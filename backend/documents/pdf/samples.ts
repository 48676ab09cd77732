/**
 * A sample 代表函 and station poster: what the document tests and `npm run check:pdfs` render.
 * Test support only; no function imports it.
 */
import type { DeputyLetter } from '../deputy-letter';
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
