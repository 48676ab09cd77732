/**
 * What the `consultations`, `consultation_comments` and `consultation_reports` collections hold.
 * The figures a page shows (comments per article, participants, adopted) are running counters
 * on the consultation, changed in the transaction that changes the comment they count, so
 * reading a consultation never counts comments.
 */
import type { CommentStatus } from '../../../typings/consultation';
import type { DraftArticle } from './consultation.draft';

export interface ConsultationDocument {
  _id: string;
  district: string;
  title: string;
  askedBy: string;
  summary: string;
  articles: DraftArticle[];
  attachments: { fileId: string; kind: 'photo' | 'pdf' }[];
  /** Stations taking part, with their names as they were at publishing. */
  stationIds: string[];
  stations: { id: string; name: string }[];
  closesOn: string;
  publishedAt: Date;
  publishedBy: string;
  /** Set by the first compile: from then on the consultation is `reported`. */
  reportedAt?: Date;
  /** Counted comments (COUNTED_STATUSES): in all, per article ('a<no>', a0 = 总体意见), and distinct commenters. */
  comments: number;
  articleCounts: Record<string, number>;
  participants: number;
  adopted: number;
  /** Adopted comments per station id. */
  stationAdopted: Record<string, number>;
  updatedAt: Date;
}

export const articleKey = (no: number): string => `a${no}`;

export interface CommentDocument {
  _id: string;
  consultationId: string;
  consultationTitle: string;
  closesOn: string;
  stationId: string;
  stationName: string;
  articleNo: number;
  articleLabel: string;
  text: string;
  editedText?: string;
  printedName?: string;
  occupation?: string;
  contact?: { name?: string; phone: string };
  status: CommentStatus;
  declineReason?: string;
  duplicateOf?: string;
  /** The resident's openid; '' while a recorded comment waits for its resident (nobody matches ''). */
  ownerOpenid: string;
  recordedBy: 'resident' | 'officer';
  /** The officer's staff id, for a recorded comment. */
  recorderId?: string;
  /** A recorded comment's one-time code: its hash and expiry only; claimedAt once used. */
  claim?: { codeHash: string; expiresAt: Date; claimedAt?: Date };
  requestId: string;
  contentCheck?: 'pending';
  adoption?: { note: string; at: Date };
  createdAt: Date;
  updatedAt: Date;
}

/** A commenter's marker (`consultation_participants`): how many of their comments count, so participants is exact. */
export interface ParticipantDocument {
  _id: string;
  consultationId: string;
  counted: number;
}
