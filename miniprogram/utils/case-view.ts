/**
 * What every case page shows the same way, resident's and handler's alike: the heading
 * and the labelled facts. In the main package because subpackages may not share code.
 * Pure: unit-tested through both pages' view-models.
 */
import type { CaseDetail, CaseStatus } from '../../typings/case';

export interface CaseHead {
  title: string;
  status: CaseStatus;
  receiptNo: string;
  stationName: string;
  content: string;
  photos: string[];
  /** The resident's voice message, to play (components/voice-player). */
  voice?: { url: string; durationSec: number };
}

export interface CaseFact {
  label: string;
  value: string;
}

export function caseHead(detail: CaseDetail): CaseHead {
  return {
    title: detail.title,
    status: detail.status,
    receiptNo: detail.receiptNo,
    stationName: detail.station.name,
    content: detail.content,
    photos: detail.photos.map((p) => p.url),
    ...(detail.voice ? { voice: { url: detail.voice.url, durationSec: detail.voice.durationSec } } : {}),
  };
}

/** [label, value] rows as the page lists them: a row without a value is left out. */
export function factList(rows: readonly (readonly [string, string])[]): CaseFact[] {
  return rows.filter(([, value]) => value).map(([label, value]) => ({ label, value }));
}
