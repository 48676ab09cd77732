/**
 * A consultation (立法意见征集) as every page lists it: its status in Chinese with a tone, its
 * closing date and counts. In the main package because the station's page shows them as well as
 * the consultation subpackage. Pure: unit-tested in test/miniprogram/consultation-view-models.test.ts.
 */
import type { ConsultationStatus, ConsultationSummary } from '../../typings/consultation';

export const CONSULTATION_STATUS_LABELS: Readonly<Record<ConsultationStatus, string>> = {
  open: '征集中',
  closed: '已截止',
  reported: '已汇总',
};

/** A status as a mark's tone: what is still open reads warm, what ended reads muted. */
export type Tone = 'brand' | 'info' | 'success' | 'warning' | 'muted';

const CONSULTATION_TONES: Readonly<Record<ConsultationStatus, Tone>> = { open: 'brand', closed: 'muted', reported: 'info' };

export function consultationTone(status: ConsultationStatus): Tone {
  return CONSULTATION_TONES[status] ?? 'muted';
}

/** '2026年12月20日截止' from 'YYYY-MM-DD' (the end of that Beijing day). */
export function closesOnText(closesOn: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(closesOn);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日截止` : '';
}

/** '意见 12 条 · 8 人参与', with '已采纳 N 条' once any was adopted. */
export function countsText(c: Pick<ConsultationSummary, 'comments' | 'participants' | 'adopted'>): string {
  const parts = [`意见 ${c.comments} 条`, `${c.participants} 人参与`];
  if (c.adopted > 0) parts.push(`已采纳 ${c.adopted} 条`);
  return parts.join(' · ');
}

/** The consultation's page; `stationId` where it was opened from, the station the comments are given at. */
export function consultationUrl(id: string, stationId?: string): string {
  return `/packages/consultation/detail/index?id=${encodeURIComponent(id)}${stationId ? `&stationId=${encodeURIComponent(stationId)}` : ''}`;
}

export interface ConsultationRow {
  id: string;
  title: string;
  askedBy: string;
  statusLabel: string;
  tone: Tone;
  closesText: string;
  countsText: string;
}

export function toConsultationRow(c: ConsultationSummary): ConsultationRow {
  return {
    id: c.id,
    title: c.title,
    askedBy: c.askedBy,
    statusLabel: CONSULTATION_STATUS_LABELS[c.status] ?? '',
    tone: consultationTone(c.status),
    closesText: closesOnText(c.closesOn),
    countsText: countsText(c),
  };
}
