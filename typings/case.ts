/**
 * Cases (诉求/留言) as the mini-program sees them. Types only (see models.ts): the domain in
 * backend/domain/case/ declares its constant lists with `satisfies` against these unions, and
 * its verb table (case.verbs.ts) with a type taken from `CaseVerbs`, so the two cannot drift apart.
 */
import type { JoinNoteView } from './board';
import type { GeoPoint } from './models';

export type CaseStatus = 'submitted' | 'accepted' | 'rejected' | 'transferred' | 'in_progress' | 'replied' | 'closed' | 'withdrawn';

/** Why a case is held back from the deputy it was addressed to until an officer triages it (deputy_flood: too many to that deputy in 30 minutes). */
export type HoldReason = 'deputy_flood';

/** 意见 / 建议 / 求助 / 投诉 / 不确定 ('unsure': the resident did not choose; the handler who accepts chooses). */
export type CaseCategory = 'opinion' | 'suggestion' | 'help' | 'complaint' | 'unsure';

/** 满意 / 基本满意 / 不满意 */
export type RatingValue = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

/** Routing by jurisdiction (分类处理): 街道办 / 代表函 to the district standing committee / a city-level deputy. */
export type TransferRoute = 'street_office' | 'district_committee' | 'city_deputy';

export type CaseActorRole = 'resident' | 'deputy' | 'officer' | 'admin' | 'system';

/**
 * The one table of a case's verbs. Each verb is spelled three ways: the command (the key: what
 * `availableCommands` lists and the domain decides), the `case` function's action that issues it
 * (null: only the scheduler issues it) and the kind of event it appends to the timeline. Every
 * list of commands, actions or event kinds, on either side, is derived from this table.
 */
export interface CaseVerbs {
  withdraw: { action: 'withdraw'; event: 'withdrawn' };
  supplement: { action: 'supplement'; event: 'supplemented' };
  rate: { action: 'rate'; event: 'rated' };
  request_reopen: { action: 'reopen'; event: 'reopened' };
  accept: { action: 'accept'; event: 'accepted' };
  reject: { action: 'reject'; event: 'rejected' };
  assign: { action: 'assign'; event: 'assigned' };
  transfer: { action: 'transfer'; event: 'transferred' };
  start: { action: 'start'; event: 'started' };
  reply: { action: 'reply'; event: 'replied' };
  record_answer: { action: 'recordAnswer'; event: 'answer_recorded' };
  supervise: { action: 'supervise'; event: 'supervised' };
  follow_up: { action: 'followUp'; event: 'followed_up' };
  close: { action: 'close'; event: 'closed' };
  merge: { action: 'merge'; event: 'merged' };
  /** A replied case nobody rated closes itself after the quiet period: recorded as a closing. */
  auto_close: { action: null; event: 'closed' };
  /** An overdue case is escalated: recorded as a supervision. */
  escalate: { action: null; event: 'supervised' };
  request_transfer: { action: 'requestTransfer'; event: 'transfer_requested' };
  mark_suggestion: { action: 'markSuggestion'; event: 'suggestion_marked' };
}

/** What the reader may do next; drives the buttons on the case page. */
export type CaseCommandKind = keyof CaseVerbs;

/** What a timeline records: every command's event, and `submitted`, which the `submit` action records as it creates the case. */
export type CaseEventKind = 'submitted' | CaseVerbs[CaseCommandKind]['event'];

/** The `case` function's actions that issue a command. */
export type CaseCommandAction = NonNullable<CaseVerbs[CaseCommandKind]['action']>;

/** The action that issues command `K` (null for the scheduler's own). */
export type ActionOfCommand<K extends CaseCommandKind> = CaseVerbs[K]['action'];

/** The command action `A` issues. */
export type CommandOfAction<A extends CaseCommandAction> = { [K in CaseCommandKind]: CaseVerbs[K]['action'] extends A ? K : never }[CaseCommandKind];

/** A photo as the reader gets it: the stored file id and a short-lived URL to show it. */
export interface PhotoView {
  fileId: string;
  url: string;
}

/** A voice message as the reader gets it: the stored file id, a short-lived URL to play it, and its length. */
export interface VoiceView {
  fileId: string;
  url: string;
  /** Whole seconds, 1–60, as the recorder reported it. */
  durationSec: number;
}

export interface CaseSummary {
  id: string;
  receiptNo: string;
  title: string;
  category: CaseCategory;
  status: CaseStatus;
  stationName: string;
  /** ISO 8601 instants: JSON carries no Date. */
  submittedAt: string;
  updatedAt: string;
  /** Timeline events the owner has not seen yet (the unread badge). */
  unread: number;
  /**
   * 待评价: answered, not yet rated, and still open to a rating — what the case page offers as
   * 评价. False for a reply already rated 不满意 (its page offers 申请重办), reopened or closed.
   */
  awaitingRating: boolean;
}

export interface CaseTimelineEntry {
  seq: number;
  kind: CaseEventKind;
  actorRole: CaseActorRole;
  /** "我" for the owner's own events; a handler's name; empty when hidden (anonymous residents to deputies). */
  actorName: string;
  at: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  note?: string;
  photos?: PhotoView[];
  /** Kind-specific facts shown on the timeline: rating, referral, receiving body, deadline … */
  data?: Record<string, string | number | boolean>;
}

export interface CaseDetail {
  id: string;
  receiptNo: string;
  title: string;
  content: string;
  category: CaseCategory;
  status: CaseStatus;
  station: { id: string; name: string };
  targetDeputy?: { id: string; name: string };
  assignedDeputy?: { id: string; name: string };
  anonymous: boolean;
  /** Only for the owner and the handlers allowed to see it (never for anonymous cases to deputies). */
  contact?: { name?: string; phone?: string };
  location?: { point: GeoPoint; address?: string };
  photos: PhotoView[];
  /** The resident's voice message, if any: same readers as the photos. */
  voice?: VoiceView;
  transfer?: { route: TransferRoute; receivingBody: string; deadline: string };
  rating?: { value: RatingValue; comment?: string; at: string };
  closure?: { at: string; withoutRating: boolean; mergedInto?: { id: string; receiptNo: string } };
  reopenCount: number;
  dueAt?: string;
  submittedAt: string;
  updatedAt: string;
  /**
   * Handlers only (officers, the district office): 'pending' when WeChat's content check was
   * unavailable at submission, so a person must read the text before it is used anywhere public.
   */
  contentCheck?: 'pending';
  /**
   * Officers and the district office only, while it lasts: the case is held back from the
   * addressed deputy until triage (accept, reject or merge); the resident is not told.
   */
  held?: { reason: HoldReason; at: string };
  /** Whether the resident allowed the anonymised public view (cases before this choice existed: false). */
  publicConsent: boolean;
  /** 接待日登记: recorded by a deputy or officer at a reception day and submitted on the resident's behalf. */
  source?: 'reception';
  /** 代表建议 this case was linked into: its public progress (and its answer, if publishable). */
  suggestion?: import('./suggestion').CaseSuggestionView;
  /** 附议: residents who joined with 我也遇到. */
  joinCount: number;
  /** Handlers only: what joiners added (note, photos), never who they are; newest first, at most 50. */
  joinNotes?: JoinNoteView[];
  /** For optimistic concurrency: send it back with a command. */
  version: number;
  /** What the reader may do now (deny by default on the server; this only shapes the buttons). */
  availableCommands: CaseCommandKind[];
  timeline: CaseTimelineEntry[];
}

export interface SubmitCaseInput {
  /** Client-made idempotency key (8–64 of [A-Za-z0-9_-]): a retry never creates a second case. */
  requestId: string;
  stationId: string;
  /** Address a particular deputy of the station; otherwise the station's officer triages. */
  deputyId?: string;
  /** Absent → 'unsure' (不确定): the handler who accepts the case chooses. */
  category?: CaseCategory;
  /** Absent or blank → made from the first sentence of the content, cut to the title limit; '语音留言' when there is no text. */
  title?: string;
  /** Content or voice is required (VALIDATION, field `content`). */
  content?: string;
  /** Up to 6 cloud file ids from the upload step. */
  photoFileIds?: string[];
  /** A voice message: a file issued to the sender by `case.uploadPaths` with an audio extension, whole seconds 1–60. */
  voice?: { fileId: string; durationSec: number };
  location?: { latitude: number; longitude: number; address?: string };
  contact?: { name?: string; phone?: string };
  anonymous?: boolean;
  /**
   * 允许公开，隐去个人信息: once accepted, other residents may see the case anonymised (我也遇到,
   * 办理公开). Absent → true; always false for an anonymous case.
   */
  public?: boolean;
}

export interface SubmitCaseOutput {
  caseId: string;
  receiptNo: string;
}

export interface CaseRef {
  caseId: string;
  /** The version the reader saw; a stale one answers CONFLICT. */
  version: number;
}

export interface ListMyCasesInput {
  /** 0-based page of 20, newest first. */
  page?: number;
}

export interface ListMyCasesOutput {
  cases: CaseSummary[];
  hasMore: boolean;
  /** Sum of unread over all the resident's cases (the tab badge). */
  unreadTotal: number;
}

/** What wx.requestSubscribeMessage answers for one template id ('acceptWith…': the person also ticked a reminder). */
export type SubscribeAnswer = 'accept' | 'acceptWithAudio' | 'acceptWithAlert' | 'reject' | 'ban' | 'filter';

/**
 * wx.requestSubscribeMessage's success object as it came: `{ [templateId]: SubscribeAnswer }`,
 * `errMsg` included or not. Strings only; keys and answers the server does not know are ignored.
 */
export type SubscribeResults = Record<string, SubscribeAnswer | (string & {})>;

/** Which template ids to pass to wx.requestSubscribeMessage, per kind of notice (config/subscribe-templates.json). */
export interface SubscriptionTemplates {
  /** 诉求状态变更: accepted, rejected, transferred, in progress, closed, withdrawn. */
  caseStatusChanged: string;
  /** 留言回复: a deputy or officer replied. */
  caseReplied: string;
  /** 接待提醒: a booked reception (约访) is coming up, or a followed station published a reception day. */
  receptionReminder: string;
  /** 待办事项提醒, for deputies and officers: a case to triage or answer, a deadline near or passed, a 督办. */
  handlerTask: string;
}

export interface RecordSubscriptionsOutput {
  /** Sends still authorised per template after recording. */
  remaining: Record<string, number>;
}
