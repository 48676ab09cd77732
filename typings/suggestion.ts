/**
 * 代表建议: a deputy's formal suggestion, reviewed by the district office, assigned to a lead
 * handling unit (主办) and assisting units (协办) on a legal clock, answered, rated by the deputy,
 * and followed by the residents whose cases it grew from. Types only.
 *
 * The life of one suggestion:
 *   draft ─submit→ submitted ─accept→ accepted ─assign→ assigned ─answer→ answered ─rate→ closed
 *                      │ return → returned (the deputy edits and submits again)
 *                      │ convert → converted (an individual complaint: referred as a case instead)
 *   assigned: the lead may ask once for re-routing (within 7 working days) and once for an extension
 *   (up to 6 months in all); the office decides. answered ─rate 不满意 (first time)→ assigned (round 2,
 *   one more month) ─answer→ answered ─rate→ closed. A draft, returned or submitted one can be withdrawn.
 */
import type { RatingValue } from './case';
import type { RateView } from './workspace';

export type SuggestionStatus = 'draft' | 'submitted' | 'returned' | 'converted' | 'accepted' | 'assigned' | 'answered' | 'closed' | 'withdrawn';

/** A 已解决或采纳 / B 正在解决或列入计划 / C 因条件限制暂不能解决 / D 留作参考. */
export type SuggestionResult = 'A' | 'B' | 'C' | 'D';

/** The deputy's rating of an answer (满意 / 基本满意 / 不满意): the same values as a resident's rating of a case. */
export type SuggestionRating = RatingValue;

/** A file attached to a suggestion or an answer: photos and PDFs, uploaded to paths from suggestion.uploadPaths. */
export interface SuggestionFile {
  fileId: string;
  kind: 'photo' | 'pdf';
  /** A short-lived URL to open it. */
  url: string;
}

export interface SaveSuggestionInput {
  /** Absent: a new draft (requestId makes a retry answer the same draft). Present: edit a draft or a returned one. */
  suggestionId?: string;
  /** Client idempotency key (8–64 of [A-Za-z0-9_-]); required when creating. */
  requestId?: string;
  /** ≤ 40 characters. */
  title: string;
  /** 问题 / 情况: ≤ 3,000 characters, checked like every text. */
  problem: string;
  /** 建议: ≤ 3,000 characters, checked like every text. */
  proposal: string;
  /** ≤ 9 photos or PDFs, uploaded by the caller to paths from suggestion.uploadPaths; replaces the set. */
  attachmentFileIds?: string[];
  /** Deputies asked to co-sign (联名), ≤ 20, not the author; replaces the set (a co-signer kept keeps their answer). */
  cosignerIds?: string[];
  /** The author's cases it grows from (cases assigned to or addressed to the deputy), ≤ 50; replaces the set. */
  caseIds?: string[];
}

export interface SuggestionRef {
  suggestionId: string;
}

/** A co-signer answers the author's request. */
export interface CosignInput extends SuggestionRef {
  confirm: boolean;
}

/** The district office: accept, return with a reason (≥ 2 characters), or convert into a case referral (the note says where to). */
export interface ReviewSuggestionInput extends SuggestionRef {
  decision: 'accept' | 'return' | 'convert';
  reason?: string;
}

export interface AssignSuggestionInput extends SuggestionRef {
  leadUnitId: string;
  /** ≤ 10, not the lead. */
  assistUnitIds?: string[];
  /** 'YYYY-MM-DD' (Beijing); default today + 3 months (config/suggestions.json), at most 6 months from assignment. */
  deadline?: string;
}

/** The lead unit: ask to be re-routed (within 7 working days of assignment) or for one extension (before the deadline). */
export interface RequestSuggestionChangeInput extends SuggestionRef {
  kind: 'reroute' | 'extension';
  /** ≥ 2, ≤ 500 characters. */
  reason: string;
  /** Extension only: the new deadline asked for, 'YYYY-MM-DD', at most 6 months after the first assignment. */
  until?: string;
}

/** The district office decides the pending request. Re-routing granted names the new lead (and assisting units). */
export interface DecideSuggestionChangeInput extends SuggestionRef {
  grant: boolean;
  note?: string;
  leadUnitId?: string;
  assistUnitIds?: string[];
}

/** An assisting unit's opinion to the lead (≤ 2,000), within its month. */
export interface AssistSuggestionInput extends SuggestionRef {
  opinion: string;
}

export interface AnswerSuggestionInput extends SuggestionRef {
  /** The formal reply, ≤ 5,000 characters. */
  text: string;
  /** The signed reply as a PDF (one), uploaded to a path from suggestion.uploadPaths. */
  attachmentFileId?: string;
  result: SuggestionResult;
  /** Whether the answer may be published (办理公开). */
  publishable: boolean;
}

export interface RateSuggestionInput extends SuggestionRef {
  rating: SuggestionRating;
  /** ≤ 500; required (≥ 2) with 不满意: what is still wrong. */
  comment?: string;
}

export interface ListSuggestionsInput {
  status?: SuggestionStatus;
  /** The office only. */
  unitId?: string;
  /** The office only. */
  deputyId?: string;
  /** Past the deadline and not answered (督办). */
  overdue?: boolean;
  /** 0-based page of 20. */
  page?: number;
}

export interface SuggestionUnitView {
  id: string;
  name: string;
}

export interface SuggestionAssignmentView {
  unit: SuggestionUnitView;
  role: 'lead' | 'assist';
  /** 'YYYY-MM-DD'. */
  deadline: string;
  /** Assisting units: their opinion to the lead, once sent. */
  opinion?: string;
  answeredAt?: string;
}

export interface SuggestionAnswerView {
  round: 1 | 2;
  unit: SuggestionUnitView;
  text: string;
  attachment?: SuggestionFile;
  result: SuggestionResult;
  /** 已解决或采纳 … */
  resultLabel: string;
  publishable: boolean;
  at: string;
  /** The deputy's rating of this answer, once given. */
  rating?: { value: SuggestionRating; comment?: string; at: string };
}

export interface SuggestionTimelineEntry {
  kind: SuggestionEventKind;
  /** 提交审查, 交办, 申请延期 … */
  label: string;
  /** "代表 张三", "区人大常委会办公室", "区住房和建设局"; empty for the scheduler. */
  actorName: string;
  at: string;
  note?: string;
}

export type SuggestionEventKind =
  | 'created'
  | 'edited'
  | 'cosigned'
  | 'cosign_declined'
  | 'submitted'
  | 'returned'
  | 'converted'
  | 'withdrawn'
  | 'accepted'
  | 'assigned'
  | 'reroute_requested'
  | 'extension_requested'
  | 'request_granted'
  | 'request_denied'
  | 'assisted'
  | 'answered'
  | 'rated'
  | 'reopened'
  | 'closed'
  | 'overdue';

export interface SuggestionSummary {
  id: string;
  /** 建议编号, given at acceptance: '福田〔2026〕第12号'. */
  number?: string;
  title: string;
  status: SuggestionStatus;
  /** 草稿 / 待审查 / 退回修改 / 已转办 / 已立案 / 办理中 / 重新办理 / 已答复 / 已办结 / 已撤回 */
  statusLabel: string;
  deputy: { id: string; name: string };
  /** The lead unit once assigned. */
  leadUnit?: SuggestionUnitView;
  /** The lead's current deadline, 'YYYY-MM-DD'. */
  deadline?: string;
  /** Past the deadline and not answered. */
  overdue: boolean;
  /** A re-routing or extension request waits for the office. */
  pendingRequest?: 'reroute' | 'extension';
  result?: SuggestionResult;
  updatedAt: string;
}

export interface SuggestionDetail extends SuggestionSummary {
  problem: string;
  proposal: string;
  attachments: SuggestionFile[];
  cosigners: { id: string; name: string; status: 'pending' | 'confirmed' | 'declined' }[];
  /** Linked cases, for the parties (author, co-signers, office): receipt number and title only. */
  cases: { id: string; receiptNo: string; title: string }[];
  /** The office's reason when returned, or its referral note when converted. */
  reviewNote?: string;
  assignments: SuggestionAssignmentView[];
  /** The pending request, with its reason (and the deadline asked for). */
  request?: { kind: 'reroute' | 'extension'; reason: string; until?: string; at: string };
  /** 1, or 2 after a 不满意 sent it back. */
  round: 1 | 2;
  answers: SuggestionAnswerView[];
  timeline: SuggestionTimelineEntry[];
  /** What the caller may do now (the page shows exactly these). */
  can: SuggestionActions;
}

export interface SuggestionActions {
  edit: boolean;
  submit: boolean;
  withdraw: boolean;
  cosign: boolean;
  review: boolean;
  assign: boolean;
  requestReroute: boolean;
  requestExtension: boolean;
  decide: boolean;
  assist: boolean;
  answer: boolean;
  rate: boolean;
}

export interface ListSuggestionsOutput {
  /**
   * Deputies: their own and those they co-sign, latest first. Units: their unit's assigned ones,
   * overdue first, then by deadline. The office: its district's, filtered, latest first.
   */
  suggestions: SuggestionSummary[];
  hasMore: boolean;
}

/** What a resident whose case is linked sees on their case (CaseDetail.suggestion): public facts only. */
export interface CaseSuggestionView {
  id: string;
  number?: string;
  title: string;
  statusLabel: string;
  /** 提出 / 立案 / 交办 / 答复 / 办结, with dates, as the suggestion passes them. */
  steps: { label: string; at: string }[];
  /** The latest answer, only if its unit allowed publishing. */
  answer?: { unitName: string; resultLabel: string; text: string; at: string };
}

/** A publishable answer on the public board (办理公开 → 代表建议). Nothing about any resident. */
export interface PublishedSuggestion {
  id: string;
  number?: string;
  title: string;
  deputy: { id: string; name: string };
  unitName: string;
  result: SuggestionResult;
  resultLabel: string;
  answer: string;
  answeredAt: string;
  /** 已办结 with the deputy's rating, or 已答复. */
  statusLabel: string;
}

export interface PublishedSuggestionsInput {
  /** A station: suggestions linked to its cases or by its deputies; absent: the whole district of the demo/first district. */
  stationId?: string;
  page?: number;
}

export interface PublishedSuggestionsOutput {
  suggestions: PublishedSuggestion[];
  hasMore: boolean;
}

export interface SuggestionFiguresInput {
  /** Suggestions accepted in this calendar year (Beijing). */
  year: number;
}

/** The district office's figures for suggestions accepted in `year`. */
export interface SuggestionFigures {
  year: number;
  accepted: number;
  answered: number;
  /** Answered (first answer) on or before the deadline then in force ÷ answered or past their deadline. */
  answeredOnTime: RateView;
  /** Latest answers by class. */
  results: Record<SuggestionResult, number>;
  /** Deputies' ratings of final answers: 满意 + 基本满意 ÷ rated (null without a sample). */
  satisfaction: RateView;
  overdue: number;
  /** Per unit as lead: assigned, answered, on time, overdue. */
  units: { unit: SuggestionUnitView; assigned: number; answered: number; onTime: number; overdue: number }[];
}

export interface SuggestionDocumentInput extends SuggestionRef {
  /** 'suggestion': the printable 代表建议 (parties); 'assignment': the 交办单 (office and its units, once assigned). */
  kind: 'suggestion' | 'assignment';
}

export interface SuggestionDocumentOutput {
  fileId: string;
  url: string;
}

/** Deputies the author may ask to co-sign: the district's deputies bound or not, by name. */
export interface CosignableInput {
  query?: string;
}

export interface CosignableOutput {
  deputies: { id: string; name: string; delegation: string }[];
}
