/**
 * The API contract between the mini-program and the cloud functions.
 * A call is `callFunction({ name: <function>, data: { action, ...input } })` and always
 * answers an `ApiResult` (typings/errors.ts) — never a bare value, never undefined.
 */
import type { AccountExport, DeleteAccountOutput, DeleteAccountInput, ExportAccountInput } from './account';
import type { BookingView, BookSlotInput, ListReceptionsInput, ListReceptionsOutput, MyBookingsOutput } from './booking';
import type {
  CaseCategory,
  CaseDetail,
  CaseRef,
  ListMyCasesInput,
  ListMyCasesOutput,
  RatingValue,
  RecordSubscriptionsOutput,
  SubmitCaseInput,
  SubscriptionTemplates,
  SubmitCaseOutput,
  SubscribeResults,
} from './case';
import type { BoardInput, BoardOutput, JoinCaseInput, JoinedCasesOutput, JoinView, PublicCase, SimilarCasesInput, SimilarCasesOutput } from './board';
import type { ActivityView, ConfirmActivityInput, ListActivitiesInput, ListActivitiesOutput, RecordActivityInput, ReviseActivityInput } from './activity';
import type { ListReportsInput, ListReportsOutput, PublishReportInput, RateReportInput, ReportDetail } from './report';
import type { DeputyLevel, GeoPoint, OpeningHours, StationKind, StationSector } from './models';
import type { SuggestionUploadPathsInput, UploadPathsInput, UploadPathsOutput } from './uploads';
import type { AskEventInput, AttendEventInput, EventQuestionsOutput, EventRecap, EventRefInput, EventView, SummariseEventInput } from './event';
import type {
  AnswerSuggestionInput,
  AssignSuggestionInput,
  AssistSuggestionInput,
  CosignableInput,
  CosignableOutput,
  CosignInput,
  DecideSuggestionChangeInput,
  ListSuggestionsInput,
  ListSuggestionsOutput,
  PublishedSuggestionsInput,
  PublishedSuggestionsOutput,
  RateSuggestionInput,
  RequestSuggestionChangeInput,
  ReviewSuggestionInput,
  SaveSuggestionInput,
  SuggestionDetail,
  SuggestionDocumentInput,
  SuggestionDocumentOutput,
  SuggestionFigures,
  SuggestionFiguresInput,
  SuggestionRef,
} from './suggestion';
import type {
  AdoptCommentInput,
  ClaimCommentInput,
  CommentInput,
  CommentView,
  ConsultationDetail,
  ConsultationRef,
  ConsultationReport,
  EditCommentInput,
  GetConsultationInput,
  ListCommentsInput,
  ListCommentsOutput,
  ListConsultationsInput,
  ListConsultationsOutput,
  MyCommentsOutput,
  PublishConsultationInput,
  RecordCommentInput,
  RecordCommentOutput,
  ReviewCommentInput,
} from './consultation';
import type { ListUnitsOutput, SaveUnitInput, UnitStaffInput, UnitView } from './unit';
import type { ClaimCaseInput, ClaimCaseOutput, ListVisitsOutput, RecordVisitInput, VisitClaim, VisitToCaseInput, VisitToCaseOutput, VisitView } from './visit';
import type {
  AdminStation,
  CheckInInput,
  CheckInOutput,
  CreateInviteInput,
  DeputyInput,
  DeputyLetterOutput,
  DutyRecord,
  DutyRecordInput,
  FiguresInput,
  FiguresOutput,
  FollowStationInput,
  FollowStationOutput,
  FollowUpInput,
  InboxInput,
  InboxOutput,
  InviteView,
  ListAdminStationsInput,
  ListAdminStationsOutput,
  ListInvitesOutput,
  ListPeopleInput,
  ListPeopleOutput,
  MergeInput,
  OfficerInput,
  PersonView,
  PresenceCodeInput,
  PresenceCodeOutput,
  Profile,
  PublishReceptionInput,
  RecordAnswerInput,
  RedeemInviteInput,
  RequestTransferInput,
  ScheduledReception,
  ScheduleInput,
  ScheduleOutput,
  StationCodeOutput,
  StationInput,
  TransferInput,
} from './workspace';

export interface NearbyStationsInput {
  latitude: number;
  longitude: number;
  /** Metres; default 5000, at most 50000. */
  maxDistance?: number;
  /** 0-based page of 20. */
  page?: number;
}

export interface StationSummary {
  id: string;
  code: string;
  name: string;
  kind: StationKind;
  sector?: StationSector;
  street: string;
  address: string;
  location: GeoPoint;
  /** Metres from the caller, present on nearby searches. */
  distance?: number;
  hours: OpeningHours[];
  /** Next scheduled reception day 'YYYY-MM-DD' in the coming 60 days (today included); null when there is none. */
  nextReceptionDate: string | null;
}

/** A station the caller follows, as 我的 lists it (reception.followed). */
export interface FollowedStation {
  id: string;
  name: string;
  address: string;
  /** Next scheduled reception day 'YYYY-MM-DD' (today included); null when there is none. */
  nextReceptionDate: string | null;
}

export interface FollowedStationsOutput {
  /** The latest followed first, at most 20; a station since removed is left out. */
  stations: FollowedStation[];
}

export interface NearbyStationsOutput {
  stations: StationSummary[];
  page: number;
  hasMore: boolean;
}

export interface SearchStationsInput {
  /** Words of a station's name, address, street or community (1–30 characters). */
  query: string;
  /**
   * Both or neither. With a position, matches come nearest first (within 50 km) with their
   * distance; without, in station-code order and without distance.
   */
  latitude?: number;
  longitude?: number;
  /** 0-based page of 20. */
  page?: number;
}

export interface GetStationInput {
  /** Exactly one: the station id, or its door code (`scene`, case-insensitive). Both → INVALID_INPUT. */
  id?: string;
  code?: string;
}

export interface DeputyCard {
  id: string;
  name: string;
  level: DeputyLevel;
  delegation: string;
  occupation: string;
  photoUrl?: string;
  /** station.get only: the deputy's confirmed 履职登记 (offline duties) dated in the station's figures period. */
  activities?: number;
}

export interface OfficerCard {
  id: string;
  name: string;
  phone: string;
}

/** 接待日 (reception day, with 约访 slots) or 述职会 (a meeting where deputies report to voters). */
export type ReceptionKind = 'reception' | 'report_meeting' | 'forum' | 'meeting';

export interface ReceptionCard {
  id: string;
  /** Absent on days published before 述职会 existed: a reception day. */
  kind?: ReceptionKind;
  date: string;
  start: string;
  end: string;
  deputies: { id: string; name: string }[];
  officer?: OfficerCard;
  /** 代表论坛 / 约见 only: its topic (the card opens the event page). */
  topic?: string;
}

/**
 * The station's handling figures (履职情况 on its wall). The cases submitted to the station
 * in `period`, each counted in its current state; counts only, nothing about any resident.
 * Rates are for the reader to take, always with their sample: 办结率 = closed ÷ received,
 * 满意率 = satisfied ÷ rated — and no rate at all when the sample is 0.
 */
export interface StationFigures {
  /**
   * The last 12 months in Shanghai calendar days, both ends included:
   * from the day after today's date a year ago (`from`) to today (`to`), 'YYYY-MM-DD'.
   */
  period: { from: string; to: string };
  /** Cases submitted in the period, except those the resident withdrew before acceptance. */
  received: number;
  /** Of those, closed (已办结) in any way: rated, closed by an officer, merged, closed after the quiet period. */
  closed: number;
  /** The resident rated the answer (a case closed without a rating is not rated). */
  rated: number;
  /** Rated 满意 or 基本满意 and closed on that rating; a case closed without rating never counts. */
  satisfied: number;
  /** Accepted (受理) by the deadline: the end of the 3rd Shanghai day after submission. */
  respondedInTime: number;
  /** 接访群众: residents recorded on the station's reception days in the period (接待日登记). */
  visitors?: number;
}

export interface StationDetail extends StationSummary {
  phone: string;
  district: string;
  community?: string;
  rules: string[];
  officers: OfficerCard[];
  deputies: DeputyCard[];
  receptions: ReceptionCard[];
  figures: StationFigures;
  /** 活动回顾: the station's 代表论坛 / 约见 with a posted summary, newest first (at most 5). */
  recaps?: EventRecap[];
}

export interface WhoAmIOutput {
  openid: string;
  role: 'resident' | 'deputy' | 'officer' | 'admin' | 'unit';
}

/** Every function × action with its input and output, for the typed client. */
export interface ApiContract {
  station: {
    nearby: { input: NearbyStationsInput; output: NearbyStationsOutput };
    search: { input: SearchStationsInput; output: NearbyStationsOutput };
    get: { input: GetStationInput; output: StationDetail };
    /** 办理公开: closed cases whose residents allowed it, anonymised, with the monthly figures. */
    board: { input: BoardInput; output: BoardOutput };
    /** One case as the public sees it (accepted, allowed by its resident): the share card's page. */
    publicCase: { input: { caseId: string }; output: PublicCase };
  };
  user: {
    whoami: { input: Record<string, never>; output: WhoAmIOutput };
    /** The caller's role and scope, for the workspace pages. */
    profile: { input: Record<string, never>; output: Profile };
    /** Binds the invite's role and record to the caller's openid; single use. */
    redeem: { input: RedeemInviteInput; output: Profile };
    /** Deputies: the year's duty record (履职档案). */
    duty: { input: DutyRecordInput; output: DutyRecord };
    /** Everything stored about the caller, as JSON (cases paged by 20). */
    export: { input: ExportAccountInput; output: AccountExport };
    /** Residents: withdraw waiting cases, anonymise the rest, cancel bookings, forget the account. */
    deleteAccount: { input: DeleteAccountInput; output: DeleteAccountOutput };
    /** Officers: record a deputy's duty done outside the app (履职登记); idempotent by requestId. */
    recordActivity: { input: RecordActivityInput; output: ActivityView };
    /** Deputies: confirm an activity recorded for them, or dispute it with a reason. */
    confirmActivity: { input: ConfirmActivityInput; output: ActivityView };
    /** Officers: correct a disputed activity and send it again (once), or withdraw it. */
    reviseActivity: { input: ReviseActivityInput; output: ActivityView };
    /** Officers: their stations' deputies'; deputies: their own; the district office: its district's. */
    activities: { input: ListActivitiesInput; output: ListActivitiesOutput };
  };
  case: {
    // resident
    submit: { input: SubmitCaseInput; output: SubmitCaseOutput };
    mine: { input: ListMyCasesInput; output: ListMyCasesOutput };
    /** Reading one's own case marks its timeline as read. */
    get: { input: { caseId: string }; output: CaseDetail };
    withdraw: { input: CaseRef & { reason?: string }; output: CaseDetail };
    supplement: { input: CaseRef & { note: string; photoFileIds?: string[] }; output: CaseDetail };
    rate: { input: CaseRef & { rating: RatingValue; comment?: string }; output: CaseDetail };
    reopen: { input: CaseRef & { reason: string }; output: CaseDetail };
    // liaison officer / deputy / district office
    /** The handler's queue over their scope: assigned/addressed cases, their stations' cases, or the district's. */
    inbox: { input: InboxInput; output: InboxOutput };
    /** `category`: the handler chooses it for a 不确定 case (or corrects any); recorded on the accept event as data.category. */
    accept: { input: CaseRef & { note?: string; category?: Exclude<CaseCategory, 'unsure'> }; output: CaseDetail };
    reject: { input: CaseRef & { reason: string; referral: string }; output: CaseDetail };
    assign: { input: CaseRef & { deputyId: string; note?: string }; output: CaseDetail };
    start: { input: CaseRef & { note?: string }; output: CaseDetail };
    reply: { input: CaseRef & { content: string; photoFileIds?: string[] }; output: CaseDetail };
    close: { input: CaseRef & { note?: string }; output: CaseDetail };
    transfer: { input: TransferInput; output: CaseDetail };
    recordAnswer: { input: RecordAnswerInput; output: CaseDetail };
    supervise: { input: CaseRef & { note: string }; output: CaseDetail };
    followUp: { input: FollowUpInput; output: CaseDetail };
    merge: { input: MergeInput; output: CaseDetail };
    requestTransfer: { input: RequestTransferInput; output: CaseDetail };
    markSuggestion: { input: CaseRef & { note?: string }; output: CaseDetail };
    /** The 代表函 of a case transferred to the district standing committee, as a PDF. */
    letter: { input: { caseId: string }; output: DeputyLetterOutput };
    /** Where to upload the photos (and voice) of one message: a message accepts only files uploaded to paths issued to its sender. */
    uploadPaths: { input: UploadPathsInput; output: UploadPathsOutput };
    /** Residents, while composing: open, accepted, public cases of the station that look alike (我也遇到). */
    similar: { input: SimilarCasesInput; output: SimilarCasesOutput };
    /** Residents: 我也遇到 — follow the case, count toward its 附议, optionally tell its handlers more. Idempotent. */
    join: { input: JoinCaseInput; output: JoinView };
    /** Residents: undo 我也遇到. Idempotent. */
    unjoin: { input: { caseId: string }; output: JoinView };
    /** Residents: the cases they joined (我也遇到的), as the public sees them. */
    joined: { input: Record<string, never>; output: JoinedCasesOutput };
    /** Residents: claim a case recorded for them on a reception day (接待日登记) with its one-time code; from then on it is theirs. */
    claim: { input: ClaimCaseInput; output: ClaimCaseOutput };
  };
  report: {
    /** Deputies (their own) and officers (a deputy of their stations): publish a 述职报告. */
    publish: { input: PublishReportInput; output: ReportDetail };
    /** Public: a station's deputies' reports, or one deputy's. */
    list: { input: ListReportsInput; output: ListReportsOutput };
    /** Public: one report; comments only for its deputy, the deputy's stations' officers and the district office. */
    get: { input: { reportId: string }; output: ReportDetail };
    /** Residents: rate a report once while its window is open; anonymous to everyone. */
    rate: { input: RateReportInput; output: ReportDetail };
  };
  suggestion: {
    /** Deputies: create or edit their draft (or a returned one); links their cases, asks co-signers. */
    save: { input: SaveSuggestionInput; output: SuggestionDetail };
    /** The author: send it to the district office (no co-signer may still be pending). */
    submit: { input: SuggestionRef; output: SuggestionDetail };
    /** The author: withdraw a draft, returned or submitted suggestion. */
    withdraw: { input: SuggestionRef; output: SuggestionDetail };
    /** A deputy asked to co-sign: confirm or decline (before submission). */
    cosign: { input: CosignInput; output: SuggestionDetail };
    /** The author: deputies of the district to ask to co-sign. */
    cosignable: { input: CosignableInput; output: CosignableOutput };
    /** The district office: accept (numbered), return with a reason, or convert into a case referral. */
    review: { input: ReviewSuggestionInput; output: SuggestionDetail };
    /** The district office: the lead unit, assisting units and the deadline. */
    assign: { input: AssignSuggestionInput; output: SuggestionDetail };
    /** The lead unit: ask for re-routing or an extension. */
    request: { input: RequestSuggestionChangeInput; output: SuggestionDetail };
    /** The district office: grant or deny the pending request. */
    decide: { input: DecideSuggestionChangeInput; output: SuggestionDetail };
    /** An assisting unit: its opinion to the lead. */
    assist: { input: AssistSuggestionInput; output: SuggestionDetail };
    /** The lead unit: the formal answer with its result class. */
    answer: { input: AnswerSuggestionInput; output: SuggestionDetail };
    /** The author: rate the answer; 不满意 the first time sends it back to the unit for one more month. */
    rate: { input: RateSuggestionInput; output: SuggestionDetail };
    /** Its parties: the author, co-signers, the office, its units. */
    get: { input: SuggestionRef; output: SuggestionDetail };
    /** Deputies: theirs (我的建议); units: their inbox by deadline; the office: all, filtered. */
    list: { input: ListSuggestionsInput; output: ListSuggestionsOutput };
    /** The district office: on-time share, A/B/C/D, deputies' satisfaction, per unit. */
    figures: { input: SuggestionFiguresInput; output: SuggestionFigures };
    /** The printable 代表建议 or 交办单 as a PDF. */
    document: { input: SuggestionDocumentInput; output: SuggestionDocumentOutput };
    /** Anyone: answers their units allowed to publish (办理公开 → 代表建议). */
    published: { input: PublishedSuggestionsInput; output: PublishedSuggestionsOutput };
    /** Deputies and units: where to upload photos and PDFs of a suggestion or an answer. */
    uploadPaths: { input: SuggestionUploadPathsInput; output: UploadPathsOutput };
  };
  consultation: {
    /** The district office: publish a draft for comment at its stations; their followers are told. */
    publish: { input: PublishConsultationInput; output: ConsultationDetail };
    /** Anyone: a station's consultations (open first) with its adoption count; the office: its district's. */
    list: { input: ListConsultationsInput; output: ListConsultationsOutput };
    /** Anyone: one consultation with a page of its articles and the published counts. */
    get: { input: GetConsultationInput; output: ConsultationDetail };
    /** Residents: comment on the whole draft or an article while it is open; idempotent by requestId. */
    comment: { input: CommentInput; output: CommentView };
    /** The comment's resident: take it back while the consultation is open. */
    withdraw: { input: { commentId: string }; output: CommentView };
    /** Residents: their comments (我的意见), with 已采纳 where adopted. */
    mine: { input: Record<string, never>; output: MyCommentsOutput };
    /** Officers: record a comment heard at their station; answers the code its resident scans to confirm it. */
    record: { input: RecordCommentInput; output: RecordCommentOutput };
    /** The recorder: a fresh code for a recorded comment not yet confirmed. */
    claimCode: { input: { commentId: string }; output: RecordCommentOutput };
    /** Residents: confirm a comment recorded for them (the code); from then on it is theirs. */
    claim: { input: ClaimCommentInput; output: CommentView };
    /** Officers of the station and the office: the comments, with contacts. */
    comments: { input: ListCommentsInput; output: ListCommentsOutput };
    /** Officers of the comment's station: forward, mark a duplicate, or decline with a reason (until compiled). */
    review: { input: ReviewCommentInput; output: CommentView };
    /** The office: a light edit for the report, keeping the original (closed, before compiling). */
    edit: { input: EditCommentInput; output: CommentView };
    /** The office, once closed: compile the forwarded comments into the report (PDF + CSV); again replaces it. */
    compile: { input: ConsultationRef; output: ConsultationReport };
    /** The office and the stations' officers: the compiled report with fresh links. */
    report: { input: ConsultationRef; output: ConsultationReport };
    /** The office, once reported: mark a forwarded comment adopted; its resident is told. */
    adopt: { input: AdoptCommentInput; output: CommentView };
    /** The office: where to upload a draft's attachments (photos and PDFs). */
    uploadPaths: { input: SuggestionUploadPathsInput; output: UploadPathsOutput };
  };
  subscription: {
    /** The template ids to request, so they live in one place (config/subscribe-templates.json). */
    templates: { input: Record<string, never>; output: SubscriptionTemplates };
    /** What the user answered to wx.requestSubscribeMessage; each accept allows one send. */
    record: { input: { results: SubscribeResults }; output: RecordSubscriptionsOutput };
  };
  reception: {
    list: { input: ListReceptionsInput; output: ListReceptionsOutput };
    book: { input: BookSlotInput; output: BookingView };
    cancel: { input: { bookingId: string }; output: BookingView };
    mine: { input: Record<string, never>; output: MyBookingsOutput };
    /** Residents: follow a station to hear of new reception days (needs a receptionReminder grant to push). */
    follow: { input: FollowStationInput; output: FollowStationOutput };
    /** Residents: whether they follow the station (the 关注 button's state). */
    following: { input: { stationId: string }; output: FollowStationOutput };
    /** Residents: the stations they follow with each one's next reception day (关注的联络站 on 我的). */
    followed: { input: Record<string, never>; output: FollowedStationsOutput };
    /** Officers: their stations' reception days, past week to 60 days ahead. */
    schedule: { input: ScheduleInput; output: ScheduleOutput };
    /** Officers: publish a reception day ≥ 7 days ahead; followers are told. */
    publish: { input: PublishReceptionInput; output: ScheduledReception };
    /** Deputies: check in at the station during their reception's hours (the officer's presence code + within 500 m). */
    checkIn: { input: CheckInInput; output: CheckInOutput };
    /** Officers: the rotating presence code (签到码) of a reception of today at their station, for deputies to scan. */
    presenceCode: { input: PresenceCodeInput; output: PresenceCodeOutput };
    /** Anyone: a 代表论坛 / 约见 with its 活动回顾 once posted (counts for officers and its deputies). */
    event: { input: EventRefInput; output: EventView };
    /** Residents: 我会参加 or undo, idempotent. */
    attend: { input: AttendEventInput; output: EventView };
    /** Residents: a question in advance (≤ 300, content-checked, rate-limited). */
    ask: { input: AskEventInput; output: { asked: true } };
    /** Officers of the station and the event's deputies: the questions, without who asked. */
    questions: { input: EventRefInput; output: EventQuestionsOutput };
    /** Officers: the 活动回顾 after the end (summary ≤ 2000, photos ≤ 9). */
    summarise: { input: SummariseEventInput; output: EventView };
    /** Officers and the attending deputies: a resident met on a reception day of today (接待日登记). */
    recordVisit: { input: RecordVisitInput; output: VisitView };
    /** Officers of the station and the reception's deputies: its visits, latest first. */
    visits: { input: { receptionId: string }; output: ListVisitsOutput };
    /** The recorder: turn a visit into a case on the resident's behalf; answers the claim code. */
    visitToCase: { input: VisitToCaseInput; output: VisitToCaseOutput };
    /** The recorder: a fresh claim code for a converted, unclaimed visit. */
    claimCode: { input: { visitId: string }; output: VisitClaim };
  };
  admin: {
    stations: { input: ListAdminStationsInput; output: ListAdminStationsOutput };
    saveStation: { input: StationInput; output: AdminStation };
    /** The station's mini-program code (wxacode.getUnlimited, scene = door code) as a PNG. */
    stationCode: { input: { stationId: string }; output: StationCodeOutput };
    /** A printable A4 poster (PDF) with the station's name, address, hours and code. */
    stationPoster: { input: { stationId: string }; output: { fileId: string; url: string } };
    people: { input: ListPeopleInput; output: ListPeopleOutput };
    saveDeputy: { input: DeputyInput; output: PersonView };
    saveOfficer: { input: OfficerInput; output: PersonView };
    createInvite: { input: CreateInviteInput; output: InviteView };
    invites: { input: { page?: number }; output: ListInvitesOutput };
    /** An open invite can no longer be redeemed. */
    revokeInvite: { input: { code: string }; output: InviteView };
    /** The WeChat account bound to this person loses the role (back to resident). */
    unbind: { input: { personId: string }; output: PersonView };
    /** Handling figures per station or per deputy for a period. */
    figures: { input: FiguresInput; output: FiguresOutput };
    /** 承办单位 of the district with their staff. */
    units: { input: Record<string, never>; output: ListUnitsOutput };
    saveUnit: { input: SaveUnitInput; output: UnitView };
    /** A unit's staff member; then createInvite({ role: 'unit', personId }) gives them the role. */
    saveUnitStaff: { input: UnitStaffInput; output: UnitView };
  };
}

export type FunctionName = keyof ApiContract;
export type ActionName<F extends FunctionName> = keyof ApiContract[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = ApiContract[F][A] extends { input: infer I } ? I : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = ApiContract[F][A] extends { output: infer O } ? O : never;
