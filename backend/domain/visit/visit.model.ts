/**
 * A visit (接待日登记) as stored in `visits`. Station, date and deputy name are copied from the
 * reception when recorded, so the day's list is one query. The claim code is kept only as its hash.
 */
import type { CaseCategory } from '../../../typings/case';
import type { VisitStatus } from '../../../typings/visit';

export interface VisitDocument {
  /** sha256(recorder id + requestId): a retried record lands on the same document. */
  _id: string;
  requestId: string;
  receptionId: string;
  stationId: string;
  stationName: string;
  date: string;
  deputyId?: string;
  deputyName?: string;
  recordedBy: 'deputy' | 'officer';
  recorderId: string;
  status: VisitStatus;
  issue: string;
  answer?: string;
  name?: string;
  phone?: string;
  photoFileIds: string[];
  voice?: { fileId: string; durationSec: number };
  bookingId?: string;
  category?: Exclude<CaseCategory, 'unsure'>;
  /** Once converted: the case, and the request that converted it (a retry answers the same case). */
  case?: { id: string; receiptNo: string; requestId: string };
  /** The current claim code's hash and end; `claimedAt` once a resident claimed the case. */
  claim?: { codeHash: string; expiresAt: Date; claimedAt?: Date };
  recordedAt: Date;
  updatedAt: Date;
}
