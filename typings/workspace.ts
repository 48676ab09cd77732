/**
 * The workspace of deputies, liaison officers and the district office (admin): their case
 * queue, routing, check-in, duty record, reception schedule, invites and figures. Types only.
 */
import type { CaseCategory, CaseRef, CaseStatus, HoldReason, TransferRoute } from './case';
import type { ReceptionKind } from './api';
import type { ReportRatings } from './report';
import type { DeputyLevel, GeoPoint, OpeningHours, StationKind, StationSector, UserRole } from './models';
import type { EventDetails } from './event';

// ───────────────────────────── case function: handlers' queue and routing ─────────────────────────────

/**
 * Which cases the queue shows. `open`: anything still owed to the resident (submitted …
 * replied); `triage`: waiting for acceptance (submitted); `overdue`: open and past its due time.
 */
export type InboxFilter = 'open' | 'triage' | 'overdue' | 'closed' | 'all';

export interface InboxInput {
  filter?: InboxFilter;
  /** Narrow to one of the caller's stations. */
  stationId?: string;
  /** 0-based page of 20. Overdue cases first, then the earliest due, then the oldest. */
  page?: number;
}

export interface InboxItem {
  id: string;
  receiptNo: string;
  title: string;
  category: CaseCategory;
  status: CaseStatus;
  stationId: string;
  stationName: string;
  submittedAt: string;
  dueAt?: string;
  overdue: boolean;
  /** Why this deputy sees it: assigned to them, or the resident wrote to them. */
  relation?: 'assigned' | 'addressed';
  assignedDeputy?: { id: string; name: string };
  /** WeChat's content check was unavailable: a person must read the text first. */
  contentCheckPending?: boolean;
  /** Officers and the district office: held back from the addressed deputy until triage (待审核). */
  held?: HoldReason;
  anonymous: boolean;
  /** 附议: residents who joined with 我也遇到. */
  joinCount: number;
}

export interface InboxOutput {
  cases: InboxItem[];
  hasMore: boolean;
  /** Over all the caller's cases, whatever the filter: the tab badges. */
  counts: { open: number; triage: number; overdue: number };
}

export interface TransferInput extends CaseRef {
  route: TransferRoute;
  /** 街道办 / the department named on the 代表函 / the city-level deputy. */
  receivingBody: string;
  /** 'YYYY-MM-DD' (Asia/Shanghai): the answer is due by the end of that day. */
  deadline: string;
  note?: string;
}

export interface RecordAnswerInput extends CaseRef {
  content: string;
  /** Defaults to the receiving body of the transfer. */
  from?: string;
}

export interface FollowUpInput extends CaseRef {
  note: string;
  photoFileIds?: string[];
}

export interface MergeInput extends CaseRef {
  /** The receipt number (受理编号) of the earlier case of the same station. */
  intoReceiptNo: string;
}

export interface RequestTransferInput extends CaseRef {
  note: string;
  route?: TransferRoute;
}

/** A 代表函 (deputy letter) for a case transferred to the district standing committee, as a PDF. */
export interface DeputyLetterOutput {
  /** Letter number printed on it, e.g. 福田代函〔2026〕FT20261121-0042. */
  letterNo: string;
  fileId: string;
  /** Short-lived download URL: wx.downloadFile then wx.openDocument({ fileType: 'pdf' }). */
  url: string;
}

// ───────────────────────────── user function: roles by invite; the deputy's duty record ─────────────────────────────

export type WorkRole = Exclude<UserRole, 'resident'>;

/** The caller and what they act on; residents get only openid and role. */
export interface Profile {
  openid: string;
  role: UserRole;
  /** The deputy's or staff member's name. */
  name?: string;
  /** Deputies: their record's id. */
  deputyId?: string;
  /** Deputies and officers: the stations they serve. */
  stations?: { id: string; name: string }[];
  /** Admins: the district they supervise. */
  district?: string;
  /** Unit staff: their handling unit. */
  unit?: { id: string; name: string };
}

export interface RedeemInviteInput {
  /** 8 characters as printed, case-insensitive; spaces and dashes ignored. */
  code: string;
}

/** One line of the duty record (履职档案): what the deputy did this year against the quota. */
export interface DutyItem {
  key:
    | 'receptions'
    | 'votersContacted'
    | 'visits'
    | 'activeDays'
    | 'practicalThings'
    | 'suggestions'
    | 'replies'
    | 'followUps'
    | 'reports'
    | 'forums'
    | 'groupActivities'
    | 'offlineActivities'
    | 'visitors';
  label: string;
  count: number;
  /** The yearly quota (DOMAIN: 003), when there is one. */
  quota?: number;
  unit: string;
}

export interface DutyRecordInput {
  /** Defaults to the current year in Asia/Shanghai. */
  year?: number;
}

export interface DutyRecord {
  year: number;
  deputy: { id: string; name: string };
  items: DutyItem[];
  /** Most recent first, at most 20: what the counts are made of. */
  /** `proof`: on check-in entries only, how the deputy proved being at the station. */
  recent: { at: string; kind: DutyItem['key']; text: string; caseId?: string; proof?: CheckinProof; reportId?: string; activityId?: string }[];
  /** The voters' ratings of the reports published in the year, summed (a rate only from 10). */
  reportRatings: ReportRatings;
}

// ───────────────────────────── reception function: schedule, check-in, following ─────────────────────────────

export interface SlotInput {
  start: string;
  end: string;
  capacity: number;
}

export interface PublishReceptionInput {
  stationId: string;
  /** Absent → 'reception'. A 述职会 has no 约访 slots (`slots` must be empty); followers are told the same way. */
  kind?: ReceptionKind;
  /** 'YYYY-MM-DD', at least 7 days after today (Asia/Shanghai). */
  date: string;
  start: string;
  end: string;
  /** Deputies of this station who attend; at least one. */
  deputyIds: string[];
  /** 约访 slots inside start–end, not overlapping; may be empty. */
  slots: SlotInput[];
  /** Kinds 'forum' and 'meeting' only, and required for them: topic, invited departments, place. */
  event?: EventDetails;
}

export interface ScheduleInput {
  stationId?: string;
}

export interface ScheduledReception {
  id: string;
  kind: ReceptionKind;
  stationId: string;
  stationName: string;
  date: string;
  start: string;
  end: string;
  deputies: { id: string; name: string; checkedIn: boolean }[];
  slots: { start: string; end: string; capacity: number; booked: number }[];
  bookings: number;
  /** 代表论坛 / 约见 only: the topic, how many said 我会参加, the questions sent, whether the 活动回顾 is posted. */
  event?: { topic: string; attendance: number; questions: number; summarised: boolean };
}

export interface ScheduleOutput {
  /** From 7 days ago to 60 days ahead, by date. */
  receptions: ScheduledReception[];
  /** The earliest date a new reception day may be published for. */
  earliestDate: string;
}

/**
 * How a check-in proved the deputy was at the station: the officer's rotating presence code and
 * the phone's position, or — check-ins recorded before presence codes — the position only.
 */
export type CheckinProof = 'presence-code+location' | 'location';

export interface CheckInInput {
  /**
   * The station's door code (`scene`), as the officer's presence QR code carries it. Absent when
   * the deputy typed the presence code: the deputy's own receptions of today are tried.
   */
  code?: string;
  /** The 6 digits the liaison officer's phone shows (reception.presenceCode). */
  presenceCode: string;
  latitude: number;
  longitude: number;
}

export interface CheckInOutput {
  receptionId: string;
  stationName: string;
  date: string;
  /** How far from the station the phone said it was, in metres. */
  distance: number;
  checkedInAt: string;
  /** True when this deputy had already checked in that day (nothing new recorded). */
  already: boolean;
  proof: CheckinProof;
}

export interface PresenceCodeInput {
  /** A reception of today at one of the officer's stations. */
  receptionId: string;
}

/** The presence code (签到码) the officer's phone shows, for deputies to scan or type. */
export interface PresenceCodeOutput {
  receptionId: string;
  stationName: string;
  date: string;
  /** Six digits. */
  code: string;
  /** What the QR code says: 'LLZ-CHECKIN:<door code>:<code>'. */
  payload: string;
  /** The QR code of `payload`, a PNG as a data URL, for `<image src>`. */
  qrImage: string;
  /** The server's clock when issued, and when the next code replaces this one (ISO 8601). */
  issuedAt: string;
  expiresAt: string;
  periodSeconds: number;
  /** When deputies may check in, 'HH:mm' Beijing time. */
  checkInOpens: string;
  checkInCloses: string;
}

export interface FollowStationInput {
  stationId: string;
  follow: boolean;
}

export interface FollowStationOutput {
  stationId: string;
  following: boolean;
}

// ───────────────────────────── admin function: stations, people, invites, figures ─────────────────────────────

export interface StationInput {
  /** Absent to create. */
  id?: string;
  /** Door code: 2–16 of [a-z0-9-], unique. */
  code: string;
  name: string;
  kind: StationKind;
  sector?: StationSector;
  street: string;
  community?: string;
  address: string;
  latitude: number;
  longitude: number;
  phone: string;
  hours: OpeningHours[];
  officerIds: string[];
  rules: string[];
}

export interface AdminStation {
  id: string;
  code: string;
  name: string;
  kind: StationKind;
  sector?: StationSector;
  district: string;
  street: string;
  community?: string;
  address: string;
  location: GeoPoint;
  phone: string;
  hours: OpeningHours[];
  officers: { id: string; name: string }[];
  rules: string[];
  deputies: number;
}

export interface ListAdminStationsInput {
  query?: string;
  page?: number;
}

export interface ListAdminStationsOutput {
  stations: AdminStation[];
  hasMore: boolean;
}

export interface StationCodeOutput {
  /** The page and scene encoded, so a print shop can check the code. */
  page: string;
  scene: string;
  fileId: string;
  url: string;
}

export interface DeputyInput {
  id?: string;
  name: string;
  level: DeputyLevel;
  delegation: string;
  occupation: string;
  stationIds: string[];
}

export interface OfficerInput {
  id?: string;
  name: string;
  phone: string;
  stationIds: string[];
}

export interface PersonView {
  id: string;
  /** 'unit': a handling unit's staff (admin.units lists them; unbind answers them like the others). */
  kind: 'deputy' | 'officer' | 'admin' | 'unit';
  name: string;
  /** Deputies: level and delegation; officers: office phone. */
  detail: string;
  stations: { id: string; name: string }[];
  /** Whether a WeChat account is bound to this record (by a redeemed invite). */
  bound: boolean;
  /**
   * The record's own fields, so the edit form starts from them (`detail` is display text):
   * deputies level, delegation and occupation; officers and admins phone. Optional: additive.
   */
  level?: DeputyLevel;
  delegation?: string;
  occupation?: string;
  phone?: string;
}

export interface ListPeopleInput {
  kind: 'deputy' | 'officer' | 'admin';
  query?: string;
  stationId?: string;
  page?: number;
}

export interface ListPeopleOutput {
  people: PersonView[];
  hasMore: boolean;
}

export interface CreateInviteInput {
  role: WorkRole;
  /** The deputies._id (role deputy) or staff._id (officer, admin) the account will act as. */
  personId: string;
}

export type InviteStatus = 'open' | 'redeemed' | 'revoked' | 'expired';

export interface InviteView {
  code: string;
  role: WorkRole;
  person: { id: string; name: string };
  status: InviteStatus;
  createdAt: string;
  expiresAt: string;
  redeemedAt?: string;
}

export interface ListInvitesOutput {
  invites: InviteView[];
  hasMore: boolean;
}

export interface FiguresInput {
  by: 'station' | 'deputy';
  /** 'YYYY-MM-DD' both included, at most 366 days apart; cases submitted in the period. */
  from: string;
  to: string;
}

/** A rate with its sample: null when the sample is 0. */
export interface RateView {
  numerator: number;
  denominator: number;
  /** 0–1, or null without a sample. */
  value: number | null;
}

export interface FiguresRow {
  id: string;
  name: string;
  received: number;
  /** 响应率: accepted within the deadline ÷ received. */
  responseRate: RateView;
  /** 办结率: closed ÷ received. */
  closureRate: RateView;
  /** 满意率: satisfied ÷ rated. */
  satisfactionRate: RateView;
  /** Median hours from submission to the first handler's action (accept or reject), taken from fixed steps (docs/api.md); null without any. */
  medianFirstResponseHours: number | null;
  /** How many cases the median is taken over. */
  firstResponseSample: number;
  /** 1-based place by 满意率 then 办结率; absent for anyone with fewer than 10 rated cases. */
  rank?: number;
  /** Per deputy only: the voters' ratings of the deputy's 述职报告 published in the period. */
  reportRatings?: ReportRatings;
  /** Per deputy only: their confirmed 履职登记 (offline duties) dated in the period, at the district's stations. */
  activities?: number;
  /** 接访群众: residents recorded on reception days in the period (接待日登记) — at the station, or with the deputy; in `totals`, the district's. */
  visitors?: number;
}

export interface FiguresOutput {
  by: 'station' | 'deputy';
  period: { from: string; to: string };
  rows: FiguresRow[];
  /** The minimum rated cases for a place in the ranking. */
  rankingMinimumRated: number;
  totals: Omit<FiguresRow, 'id' | 'name' | 'rank'>;
}
