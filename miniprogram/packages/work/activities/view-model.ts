/**
 * The 履职活动 list: the deputy confirms or disputes what was recorded for them; an officer sees
 * what waits and withdraws a disputed one; the district office reads its deputies' list. Pure: unit-tested in test/miniprogram/activity-view-models.test.ts.
 */
import type { ActivityView, ListActivitiesOutput } from '../../../../typings/activity';
import { ACTIVITY_LIMITS } from '../../../generated/rules';

export interface ActivityRow {
  id: string;
  title: string;
  /** '2026-03-05 · 莲花北社区' */
  meta: string;
  note: string;
  deputyName: string;
  statusLabel: string;
  /** For the status tag's token colour: waiting, done, problem, muted. */
  tone: 'waiting' | 'done' | 'problem' | 'muted';
  disputeReason: string;
  photoUrls: string[];
  canConfirm: boolean;
  canRevise: boolean;
  /** The form, filled with this activity, to correct it and send it again (once); '' when it may not be. */
  reviseUrl: string;
}

/** 登记履职活动 in correction mode: what the form needs, in its query. */
export function reviseUrl(view: ActivityView): string {
  const q = { revise: view.id, deputyId: view.deputy.id, deputyName: view.deputy.name, kind: view.kind, date: view.date, place: view.place, note: view.note };
  const query = Object.entries(q)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `/packages/work/activity/index?${query}`;
}

const TONE: Readonly<Record<ActivityView['status'], ActivityRow['tone']>> = { recorded: 'waiting', confirmed: 'done', disputed: 'problem', withdrawn: 'muted' };

export function toActivityRow(view: ActivityView): ActivityRow {
  return {
    id: view.id,
    title: view.kindLabel,
    meta: `${view.date} · ${view.place}`,
    note: view.note,
    deputyName: view.deputy.name,
    statusLabel: view.resends && view.status === 'recorded' ? `${view.statusLabel}（已更正）` : view.statusLabel,
    tone: TONE[view.status],
    disputeReason: view.disputeReason && view.status !== 'confirmed' ? `代表异议：${view.disputeReason}` : '',
    photoUrls: view.photos.map((p) => p.url),
    canConfirm: view.canConfirm,
    canRevise: view.canRevise,
    reviseUrl: view.canResend ? reviseUrl(view) : '',
  };
}

/**
 * Waiting ones first (what the reader must act on), then the rest in the server's order. The
 * district office only reads (it may neither confirm nor revise): no control, whatever a row says.
 */
export function toActivityRows(page: ListActivitiesOutput, role = ''): ActivityRow[] {
  const readOnly = (row: ActivityRow): ActivityRow => ({ ...row, canConfirm: false, canRevise: false, reviseUrl: '' });
  const rows = page.activities.map(toActivityRow).map((row) => (role === 'admin' ? readOnly(row) : row));
  return [...rows.filter((r) => r.canConfirm || r.canRevise), ...rows.filter((r) => !r.canConfirm && !r.canRevise)];
}

/** A dispute says why, as the server requires. */
export function disputeError(reason: string): string {
  const length = Array.from(reason.trim()).length;
  if (length < ACTIVITY_LIMITS.reasonMin) return `请写明异议理由（至少 ${ACTIVITY_LIMITS.reasonMin} 个字）`;
  if (length > ACTIVITY_LIMITS.reasonMax) return `异议理由最多 ${ACTIVITY_LIMITS.reasonMax} 字`;
  return '';
}

export function emptyText(role: string): string {
  if (role === 'deputy') return '还没有联络员为您登记的履职活动';
  return role === 'admin' ? '辖区内还没有登记的履职活动' : '还没有登记的履职活动';
}

/** The page's title: the deputy and officer act on the list; the district office follows its deputies' duties. */
export function headingOf(role: string): string {
  return role === 'admin' ? '代表履职活动' : '履职活动确认';
}
