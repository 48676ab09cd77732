/** An activity as stored (`activities`). Dates are Date; the data layer reads them back into this shape. */
import type { ActivityKind, ActivityStatus } from '../../../typings/activity';
import type { ActivityEvent } from './activity.state';

export interface ActivityRecord {
  readonly _id: string;
  readonly deputyId: string;
  readonly deputyName: string;
  /** The deputy's stations when recorded: whose officers see and revise it, and the station figures. */
  readonly stationIds: readonly string[];
  readonly districts: readonly string[];
  readonly kind: ActivityKind;
  /** 'YYYY-MM-DD', Beijing time. */
  readonly date: string;
  readonly place: string;
  readonly note: string;
  readonly photoFileIds: readonly string[];
  readonly status: ActivityStatus;
  readonly resends: number;
  /** The officer's staff id. */
  readonly recordedBy: string;
  readonly recordedAt: Date;
  readonly updatedAt: Date;
  /** Appended, never changed: recorded, then confirmed / disputed / resent / withdrawn. */
  readonly events: readonly ActivityEvent[];
  /** WeChat's content check could not answer: kept, flagged for a person to read. */
  readonly contentCheck?: 'pending';
}

/** Drawn from the officer and the client's request id, so a retry writes the same document. */
export const activityIdFor = (hash: (text: string) => string, officerOpenid: string, requestId: string): string =>
  `ac-${hash(`activity:${officerOpenid}:${requestId}`).slice(0, 32)}`;
