/**
 * The stored shape of a 代表建议 (collection `suggestions`) and of its immutable events
 * (collection `suggestion_events`). Every part of the back end that reads or writes a
 * suggestion — the lifecycle, the scheduler's clock, the residents' notices, the figures, the
 * PDFs — works on these types, so they live here, in the domain, free of any SDK.
 *
 * One document per suggestion: every step is one conditional update on `version` (racing steps:
 * one applies, the other gets CONFLICT) that writes the new state, appends nothing to the
 * document's history (events are their own documents, written in the same call) and may queue
 * residents' notices in `outbox` for the scheduler to deliver.
 */
import type { SuggestionEventKind, SuggestionRating, SuggestionResult, SuggestionStatus } from '../../../typings/suggestion';

export interface SuggestionAttachment {
  fileId: string;
  kind: 'photo' | 'pdf';
}

export interface SuggestionCosigner {
  deputyId: string;
  name: string;
  status: 'pending' | 'confirmed' | 'declined';
  at?: Date;
}

export interface SuggestionAssignment {
  unitId: string;
  unitName: string;
  role: 'lead' | 'assist';
  /** The unit's deadline as an instant: the end of its Beijing day. */
  deadline: Date;
  /** Assisting units: their opinion to the lead. */
  opinion?: string;
  answeredAt?: Date;
}

export interface SuggestionRequest {
  kind: 'reroute' | 'extension';
  reason: string;
  /** Extension: the deadline asked for (end of that Beijing day). */
  until?: Date;
  at: Date;
  unitId: string;
  staffId: string;
}

export interface SuggestionAnswerRecord {
  round: 1 | 2;
  unitId: string;
  unitName: string;
  staffId: string;
  text: string;
  attachmentFileId?: string;
  result: SuggestionResult;
  publishable: boolean;
  at: Date;
  /** Whether this answer came by the deadline then in force. */
  onTime: boolean;
  rating?: { value: SuggestionRating; comment?: string; at: Date };
}

/** A notice to a linked case's resident, queued with the step and sent by the scheduler on their own grant. */
export interface SuggestionResidentNotice {
  /** Stable: `${step}:${caseId}` (an answer's: `answered:${round}:${caseId}`) — the scheduler marks it sent or skipped, never sends it twice. */
  key: string;
  caseId: string;
  /** 'accepted' | 'answered' | 'closed'. */
  step: 'accepted' | 'answered' | 'closed';
  /** The event that queued it (its `seq`): an answer's notice tells that answer. */
  seq?: number;
  status: 'pending' | 'sent' | 'skipped';
  queuedAt: Date;
  settledAt?: Date;
}

export interface SuggestionDocument {
  _id: string;
  /** Bumped by every step; a step's update is conditional on the version it read. */
  version: number;
  status: SuggestionStatus;
  district: string;
  /** 建议编号 from acceptance: '福田〔2026〕第12号' (counter per district and year). */
  number?: string;
  /** The Beijing year of acceptance (figures are by it). */
  year?: number;
  deputyId: string;
  deputyName: string;
  /** The author's stations when created and the linked cases' stations: where a published answer shows. */
  stationIds: string[];
  title: string;
  problem: string;
  proposal: string;
  attachments: SuggestionAttachment[];
  cosigners: SuggestionCosigner[];
  caseIds: string[];
  /** The office's reason when returned, or its referral note when converted. */
  reviewNote?: string;
  assignments: SuggestionAssignment[];
  /** When the units were first assigned: the 6-month limit counts from here. */
  firstAssignedAt?: Date;
  /** The lead's deadline in force (end of its Beijing day). */
  deadline?: Date;
  extensionUsed: boolean;
  rerouteUsed: boolean;
  request?: SuggestionRequest;
  round: 1 | 2;
  answers: SuggestionAnswerRecord[];
  /** Marked by the scheduler when the deadline passed without an answer (督办); cleared by an answer or a new deadline. */
  overdueAt?: Date;
  /** Scheduler reminders already sent, by key ('deadline-30:<deadline ISO>', 'deadline-7:…', 'rating:<round>'): each once. */
  remindersSent: string[];
  outbox: SuggestionResidentNotice[];
  /** Denormalised for queries: the lead unit's id and every assigned unit's id. */
  leadUnitId?: string;
  unitIds: string[];
  /** Units assigned before a granted re-routing: they may still read it (never act on it). */
  formerUnitIds?: string[];
  /** 'pending' when WeChat's content check could not answer at the last save: a person reads it before anything is published. */
  contentCheck?: 'pending';
  createdAt: Date;
  updatedAt: Date;
  submittedAt?: Date;
  acceptedAt?: Date;
  answeredAt?: Date;
  closedAt?: Date;
  /** Client idempotency key of the save that created it (with deputyId). */
  requestId?: string;
}

export type SuggestionActorRole = 'deputy' | 'admin' | 'unit' | 'system';

export interface SuggestionEventDocument {
  _id: string;
  suggestionId: string;
  /** 1, 2, … in the order the steps applied; (suggestionId, seq) is unique. */
  seq: number;
  kind: SuggestionEventKind;
  at: Date;
  actorRole: SuggestionActorRole;
  /** Deputy id, staff id, or 'scheduler'. */
  actorId: string;
  /** As shown on the timeline: "代表 张三", "区人大常委会", the unit's name. */
  actorName: string;
  note?: string;
  /** Kind-specific facts: the units assigned, the deadline, the result class, the rating … */
  data?: Record<string, string | number | boolean>;
}
