/**
 * What a deputy did in a year, as the data layer gathers it: their own timeline events, their
 * reception check-ins, the cases those events are about and the 约访 bookings made with them.
 * Plain facts; duty.count.ts decides what counts towards which quota.
 */
import type { ActivityKind } from '../../../typings/activity';
import type { ReceptionKind } from '../../../typings/api';
import type { CheckinProof } from '../../../typings/workspace';
import type { RatingCounts } from '../report/report.ratings';

/**
 * Timeline events a deputy records about a case (actorRole 'deputy', actorId their id). A case's
 * old 提为代表建议 mark (`suggestion_marked`) is not one: suggestions are counted from the system's
 * own 代表建议 (DutySuggestion).
 */
export const DUTY_EVENT_KINDS = ['replied', 'followed_up', 'transfer_requested'] as const;
export type DutyEventKind = (typeof DUTY_EVENT_KINDS)[number];

export interface DutyEvent {
  readonly kind: DutyEventKind;
  readonly caseId: string;
  readonly at: Date;
}

export interface DutyCheckIn {
  readonly receptionId: string;
  readonly stationName: string;
  /** The day's kind: only a reception day's check-in is 进站接待 (a forum counts as a forum, a 述职会 as neither). */
  readonly kind: ReceptionKind;
  /** 'YYYY-MM-DD' of the reception day (Asia/Shanghai). */
  readonly date: string;
  readonly at: Date;
  /** How presence was proven: the officer's presence code and the position, or (older check-ins) the position only. */
  readonly proof: CheckinProof;
}

/** A case the deputy acted on, as it stands now. */
export interface DutyCase {
  readonly id: string;
  readonly title: string;
  /** Who to count as a contacted voter; never shown. */
  readonly ownerOpenid: string;
  /** Closed on the resident's 满意/基本满意 (countsAsSatisfied), and when. */
  readonly satisfiedAt?: Date;
}

/** A resident who booked a slot with this deputy (status booked or attended). */
export interface DutyBooking {
  readonly openid: string;
  readonly receptionId: string;
  readonly startsAt: Date;
  /** 'HH:mm–HH:mm' of the slot, for the recent list. */
  readonly slot: string;
}

/** A 述职报告 the deputy published (by themselves or through an officer), with its ratings so far. */
export interface DutyReport {
  readonly id: string;
  readonly title: string;
  readonly publishedAt: Date;
  readonly ratings: RatingCounts;
}

/** A duty done outside the app (履职登记), recorded by an officer and confirmed by the deputy: only confirmed ones are read. */
export interface DutyOffline {
  readonly id: string;
  readonly kind: ActivityKind;
  /** 'YYYY-MM-DD' (Asia/Shanghai). */
  readonly date: string;
  readonly place: string;
  readonly confirmedAt: Date;
}

export interface DutyActivity {
  readonly events: readonly DutyEvent[];
  readonly checkIns: readonly DutyCheckIn[];
  readonly cases: ReadonlyMap<string, DutyCase>;
  readonly bookings: readonly DutyBooking[];
  readonly reports: readonly DutyReport[];
  /** Confirmed offline activities; absent where nothing was read (an older caller). */
  readonly offline?: readonly DutyOffline[];
  /** 代表论坛 / 约见 the deputy attended whose 活动回顾 is posted; absent where nothing was read. */
  readonly forums?: readonly DutyForum[];
  /** Residents recorded with the deputy on reception days (接待日登记) in the year; absent where nothing was read. */
  readonly visitors?: number;
  /** 代表建议 the deputy authored or co-signed (confirmed), submitted in the period; absent where nothing was read. */
  readonly suggestions?: readonly DutySuggestion[];
}

/** A 代表建议 that counts: authored or co-signed (confirmed), submitted in the period, neither withdrawn nor converted. */
export interface DutySuggestion {
  readonly id: string;
  readonly title: string;
  /** The last submission (a returned one submitted again counts once, on its latest day). */
  readonly submittedAt: Date;
  readonly role: 'author' | 'cosigner';
}

/** A 代表论坛 / 约见 on the station's schedule with the deputy on it: only one that happened (its summary posted) is read. */
export interface DutyForum {
  readonly id: string;
  readonly kind: 'forum' | 'meeting';
  readonly topic: string;
  /** 'YYYY-MM-DD' (Asia/Shanghai). */
  readonly date: string;
}
