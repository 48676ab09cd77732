/**
 * 履职登记 as the demo answers show it: what the demo deputy (李明) sees on 履职活动确认 — one
 * 执法检查 waiting for them, one disputed 调研视察, one confirmed 代表论坛 — and the same list as
 * the station's officer and the district office see it. Dates around DEMO_NOW (21 November 2026).
 */
import type { ActivityView } from '../../../typings/activity';
import { daysAgo } from './case-fixtures';

const LI_MING = { id: 'dp-001', name: '李明' };

const activity = (over: Partial<ActivityView>): ActivityView => ({
  id: 'ac-1',
  deputy: LI_MING,
  kind: 'lawEnforcement',
  kindLabel: '执法检查',
  date: '2026-11-18',
  place: '莲花北农贸市场',
  note: '检查农贸市场食品安全，提出加强冷链追溯的意见。',
  photos: [],
  status: 'recorded',
  statusLabel: '待确认',
  resends: 0,
  recordedAt: daysAgo(2),
  canConfirm: false,
  canRevise: false,
  canResend: false,
  ...over,
});

export const WAITING_ACTIVITY = activity({ canConfirm: true });
export const DISPUTED_ACTIVITY = activity({
  id: 'ac-2',
  kind: 'inspection',
  kindLabel: '调研视察',
  date: '2026-11-10',
  place: '景田社区加装电梯项目',
  note: '',
  status: 'disputed',
  statusLabel: '有异议',
  disputeReason: '当天在外地出差，没有参加',
});
export const CONFIRMED_ACTIVITY = activity({
  id: 'ac-3',
  kind: 'forum',
  kindLabel: '代表论坛',
  date: '2026-10-28',
  place: '华富街道党群服务中心',
  note: '代表论坛进社区：小区停车难，交警、物业和居民共同参加。',
  status: 'confirmed',
  statusLabel: '已确认',
});

/** The deputy's view: the waiting one can be confirmed or disputed. */
export const DEPUTY_ACTIVITIES = { activities: [WAITING_ACTIVITY, DISPUTED_ACTIVITY, CONFIRMED_ACTIVITY], hasMore: false };

/** The officer's view of the same: the disputed one can be withdrawn or corrected. */
export const OFFICER_ACTIVITIES = {
  activities: [{ ...WAITING_ACTIVITY, canConfirm: false }, { ...DISPUTED_ACTIVITY, canRevise: true, canResend: true }, CONFIRMED_ACTIVITY],
  hasMore: false,
};

/** The district office's view: every deputy of the district, nothing it may act on. */
export const DISTRICT_ACTIVITIES = {
  activities: [{ ...WAITING_ACTIVITY, canConfirm: false }, { ...DISPUTED_ACTIVITY, deputy: { id: 'dp-003', name: '周建国' } }, CONFIRMED_ACTIVITY],
  hasMore: false,
};
