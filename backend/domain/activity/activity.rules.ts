/**
 * 履职登记: the kinds of duty done outside the app, their labels, and the limits of a record.
 * The kinds are those the seeds name (出席人代会, 列席常委会, 审议发言, 调研视察, 执法检查,
 * 代表论坛进社区, 约见一府两院); 其他 for the rest.
 */
import type { ActivityKind, ActivityStatus } from '../../../typings/activity';

export const ACTIVITY_KINDS = [
  'congress',
  'standingCommittee',
  'deliberation',
  'inspection',
  'lawEnforcement',
  'forum',
  'officials',
  'other',
] as const satisfies readonly ActivityKind[];

export const ACTIVITY_KIND_LABELS: Readonly<Record<ActivityKind, string>> = {
  congress: '出席人代会',
  standingCommittee: '列席常委会',
  deliberation: '审议发言',
  inspection: '调研视察',
  lawEnforcement: '执法检查',
  forum: '代表论坛',
  officials: '约见一府两院',
  other: '其他',
};

export const ACTIVITY_STATUS_LABELS: Readonly<Record<ActivityStatus, string>> = {
  recorded: '待确认',
  confirmed: '已确认',
  disputed: '有异议',
  withdrawn: '已撤回',
};

export const ACTIVITY_RULES = {
  placeMax: 60,
  noteMax: 500,
  maxPhotos: 9,
  reasonMin: 2,
  reasonMax: 200,
  /** A disputed activity is corrected and sent again at most this many times. */
  maxResends: 1,
  pageSize: 20,
} as const;
