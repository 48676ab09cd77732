/**
 * 履职登记: a deputy's duty done outside the app (出席人代会, 执法检查 …), recorded by a liaison
 * officer and confirmed or disputed by the deputy. Only confirmed activities count in the
 * 履职档案. Types only.
 */
import type { PhotoView } from './case';

/** 出席人代会, 列席常委会, 审议发言, 调研视察, 执法检查, 代表论坛, 约见一府两院, 其他. */
export type ActivityKind = 'congress' | 'standingCommittee' | 'deliberation' | 'inspection' | 'lawEnforcement' | 'forum' | 'officials' | 'other';

/** recorded → confirmed | disputed; a disputed one is corrected and re-sent once (→ recorded), or withdrawn. */
export type ActivityStatus = 'recorded' | 'confirmed' | 'disputed' | 'withdrawn';

export interface RecordActivityInput {
  /** The client's id for this attempt: a retry answers the activity it made. */
  requestId: string;
  deputyId: string;
  kind: ActivityKind;
  /** 'YYYY-MM-DD', Beijing time: not in the future, this year or last. */
  date: string;
  place: string;
  /** ≤ 500 characters, checked by WeChat like every text. */
  note?: string;
  /** ≤ 9, uploaded to paths from case.uploadPaths. */
  photoFileIds?: string[];
}

/** The deputy: confirm, or dispute with a reason (≥ 2 characters). */
export interface ConfirmActivityInput {
  activityId: string;
  confirm: boolean;
  reason?: string;
}

/** The officer, on a disputed activity: correct it and send it again (once), or withdraw it. */
export interface ReviseActivityInput {
  activityId: string;
  withdraw?: boolean;
  kind?: ActivityKind;
  date?: string;
  place?: string;
  note?: string;
  /**
   * The corrected photos, ≤ 9: the whole set (the ones kept and new uploads from case.uploadPaths);
   * absent keeps the photos as they are. Not with `withdraw`.
   */
  photoFileIds?: string[];
}

export interface ListActivitiesInput {
  /** Officers and the district office: one deputy's only. Deputies always see their own. */
  deputyId?: string;
  status?: ActivityStatus;
  page?: number;
}

export interface ActivityView {
  id: string;
  deputy: { id: string; name: string };
  kind: ActivityKind;
  /** 执法检查 … */
  kindLabel: string;
  date: string;
  place: string;
  note: string;
  photos: PhotoView[];
  status: ActivityStatus;
  /** 待确认 / 已确认 / 有异议 / 已撤回 */
  statusLabel: string;
  /** The deputy's reason, while disputed (and after a correction, for the record). */
  disputeReason?: string;
  /** How many times it was corrected and re-sent (at most 1). */
  resends: number;
  recordedAt: string;
  /** The caller is the deputy and it waits for them. */
  canConfirm: boolean;
  /** The caller is an officer of the deputy's stations and it is disputed. */
  canRevise: boolean;
  canResend: boolean;
}

export interface ListActivitiesOutput {
  activities: ActivityView[];
  hasMore: boolean;
}
