/** Reading cases: one case for whoever may read it, and a resident's own list. */
import type { CaseDetail, ListMyCasesOutput } from '../../../typings/case';
import type { Actor } from '../../domain/case';
import { canRead, isOwner } from '../../domain/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { findCase, markCaseRead } from '../../data/cases';
import type { StoredCase } from '../../data/cases';
import { caseForReading, ownerPage } from '../../data/case-reading';
import { findStation } from '../../data/stations';
import type { Database } from '../../platform/cloudbase';
import { moveJoinsAfterMerge } from '../joins/move-joins';
import { caseDetail, caseSummary, type NamedEvent } from './case-view';
import { caseSuggestionView } from '../../domain/suggestion/suggestion.public';

export const CASES_PER_PAGE = 20;

/** The same answer whether the case does not exist or is someone else's: a stranger learns nothing. */
export const caseNotFound = () => fail('NOT_FOUND', '没有找到这件留言，或您无权查看');

/**
 * The case, if `reader` may read it. The domain lets the district office read every station;
 * here it is narrowed to the stations of its own district (the domain knows no districts).
 */
export async function readableCase(db: Database, reader: Actor, caseId: string): Promise<StoredCase | undefined> {
  const stored = await findCase(db, caseId);
  if (!stored || !canRead(reader, stored.state)) return undefined;
  if (reader.role === 'admin') {
    const station = await findStation(db, { id: stored.state.stationId });
    if (!withinDistrict(reader, station?.district)) return undefined;
  }
  return stored;
}

/** The district office reads only its own district's cases (the domain knows no districts). */
function withinDistrict(reader: Actor, district: string | undefined): boolean {
  return reader.role !== 'admin' || (!!reader.district && district === reader.district);
}

/**
 * One case, read with its timeline (names included), its station's district and the
 * suggestion it is linked into in one round trip; the owner reading it has now seen its whole timeline (the unread badge resets — a
 * write, only when something was unread).
 */
export async function getCase(db: Database, reader: Actor, caseId: string, now: Date): Promise<Result<CaseDetail>> {
  const found = await caseForReading(db, caseId);
  if (!found || !canRead(reader, found.record.state) || !withinDistrict(reader, found.district)) return caseNotFound();
  const { state, extras, events } = found.record;
  // A merge whose joins did not all move (the function stopped midway) finishes here: the count still shows them.
  if (state.closure?.how === 'merge' && extras.joinCount > 0) await moveJoinsAfterMerge(db, state, extras.joinCount);
  let stored: StoredCase = { state, extras };
  if (isOwner(reader, state) && extras.unreadCount > 0) {
    const marked = await markCaseRead(db, caseId, state.lastSeq);
    if (marked) stored = { state, extras: { ...extras, unreadCount: 0, readSeq: state.lastSeq } };
  }
  const detail = await loadedDetail(db, reader, stored, events, now);
  // 代表建议 the case grew into: its public progress, for whoever may read the case (joined in the same read).
  const suggestion = detail.ok && found.suggestion ? caseSuggestionView(found.suggestion, caseId) : undefined;
  return suggestion && detail.ok ? ok({ ...detail.value, suggestion }) : detail;
}

export async function loadedDetail(db: Database, reader: Actor, stored: StoredCase, events: readonly NamedEvent[], now: Date): Promise<Result<CaseDetail>> {
  const detail = await caseDetail(db, reader, stored, events, now);
  return detail ? ok(detail) : caseNotFound();
}

/**
 * A resident's own cases, newest first, with the tab badge: one round trip (the page and the
 * badge from one aggregate; one row more than the page tells whether another follows). Others
 * own no cases: an empty list, without reading anything.
 */
export async function myCases(db: Database, reader: Actor, page: number, now: Date): Promise<Result<ListMyCasesOutput>> {
  if (reader.role !== 'resident' || !reader.openid) return ok({ cases: [], hasMore: false, unreadTotal: 0 });
  const found = await ownerPage(db, reader.openid, page * CASES_PER_PAGE, CASES_PER_PAGE + 1);
  const cases = found.cases.slice(0, CASES_PER_PAGE).map((stored) => caseSummary(stored, reader, now));
  return ok({ cases, hasMore: found.cases.length > CASES_PER_PAGE, unreadTotal: found.unreadTotal });
}
