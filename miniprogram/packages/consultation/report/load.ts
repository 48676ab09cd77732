/**
 * What the report page asks: who is looking (the office and officers only), the consultation
 * (its status and whether the caller may compile), and the report once there is one.
 */
import type { ConsultationDetail, ConsultationReport } from '../../../../typings/consultation';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';

const NOT_FOR_YOU = { ok: false as const, error: { code: 'FORBIDDEN', message: '意见汇总只对联络员和区人大常委会开放' } };

export async function openReport(consultationId: string): Promise<Outcome<{ detail: ConsultationDetail; report: ConsultationReport | null }>> {
  const [profile, detail] = await Promise.all([callApi('user', 'profile', {}), callApi('consultation', 'get', { consultationId })]);
  if (!profile.ok) return profile;
  if (profile.data.role !== 'admin' && profile.data.role !== 'officer') return NOT_FOR_YOU;
  if (!detail.ok) return detail;
  if (detail.data.status !== 'reported') return { ok: true, data: { detail: detail.data, report: null } };
  const report = await callApi('consultation', 'report', { consultationId });
  return report.ok ? { ok: true, data: { detail: detail.data, report: report.data } } : report;
}
