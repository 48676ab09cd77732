/**
 * 接待日登记: what a deputy or liaison officer records of each resident met on a reception day
 * (booked or walked in), and the case it can become, which the resident claims with a one-time
 * code shown on the recorder's phone. Types only.
 */
import type { CaseCategory, PhotoView, VoiceView } from './case';

/** recorded: heard, nothing more yet; answered: 当场答复, closed on the spot; converted: turned into a case. */
export type VisitStatus = 'recorded' | 'answered' | 'converted';

export interface RecordVisitInput {
  /** Client idempotency key (8–64 of [A-Za-z0-9_-]). */
  requestId: string;
  /** A reception day of today (Shanghai) at the recorder's station (officer) or attended by the recorder (deputy). */
  receptionId: string;
  /** A booking of that reception: pre-fills the resident's topic and contact; the booking becomes 已接待 (attended). */
  bookingId?: string;
  /** The attending deputy who met the resident; a deputy recording is always themselves. Officers: one of the reception's deputies. */
  deputyId?: string;
  /** What the resident raised (≤ 1,000, checked like every text). Issue, voice or photos: at least one. */
  issue?: string;
  photoFileIds?: string[];
  voice?: { fileId: string; durationSec: number };
  /** Optional; seen as the case privacy rules allow. */
  name?: string;
  phone?: string;
  /** What was answered on the spot (≤ 1,000): the visit closes as 当场答复. */
  answer?: string;
  category?: Exclude<CaseCategory, 'unsure'>;
}

/** The one-time code a resident scans (or types) to claim the case made from their visit. */
export interface VisitClaim {
  /** 8 characters. */
  code: string;
  /** What the QR code says: 'LLZ-CLAIM:<code>'. */
  payload: string;
  /** The QR code of `payload`, a PNG as a data URL. */
  qrImage: string;
  expiresAt: string;
}

export interface VisitView {
  id: string;
  receptionId: string;
  station: { id: string; name: string };
  date: string;
  deputy?: { id: string; name: string };
  recordedBy: 'deputy' | 'officer';
  status: VisitStatus;
  issue: string;
  answer?: string;
  name?: string;
  phone?: string;
  photos: PhotoView[];
  voice?: VoiceView;
  bookingId?: string;
  /** Once converted. */
  case?: { id: string; receiptNo: string; claimed: boolean };
  recordedAt: string;
}

/**
 * A booking of the reception still open (booked, not yet met nor cancelled): what the recorder
 * picks to pre-fill a visit (RecordVisitInput.bookingId, deputyId, issue from the topic, name, phone).
 */
export interface VisitBooking {
  id: string;
  /** The slot's 'HH:mm' times. */
  start: string;
  end: string;
  /** What the resident wants to talk about (≤ 100 chars). */
  topic: string;
  /** The attending deputy the resident asked for, if any. */
  deputy?: { id: string; name: string };
  /** The contact the resident left with the booking, if any. */
  name?: string;
  phone?: string;
}

export interface ListVisitsOutput {
  /** The reception's visits, latest first. */
  visits: VisitView[];
  /** The reception's open bookings, earliest slot first: the residents still expected. */
  bookings: VisitBooking[];
}

export interface VisitToCaseInput {
  visitId: string;
  /** Idempotency: a retry answers the same case. */
  requestId: string;
}

export interface VisitToCaseOutput {
  visit: VisitView;
  claim: VisitClaim;
}

export interface ClaimCaseInput {
  /** As printed or scanned (the payload's code part), case-insensitive. */
  code: string;
}

export interface ClaimCaseOutput {
  caseId: string;
  receiptNo: string;
}
