/** Reading cases: one case for whoever may read it, and a resident's own list. */
import type { CaseDetail, ListMyCasesOutput } from '../../../typings/case';
import type { Actor, CaseEvent } from '../../domain/case';
import { canRead, isOwner } from '../../domain/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { casesOf, findCase, markCaseRead, unreadTotalOf } from '../../data/cases';
import type { StoredCase } from '../../data/cases';
import { eventsOf } from '../../data/case-events';
import { findStation } from '../../data/stations';
import type { Database } from '../../platform/cloudbase';
import { caseDetail, caseSummary } from './case-view';

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
    if (!reader.district || station?.district !== reader.district) return undefined;
  }
  return stored;
}

/** One case; the owner reading it has now seen its whole timeline (the unread badge resets). */
export async function getCase(db: Database, reader: Actor, caseId: string, now: Date): Promise<Result<CaseDetail>> {
  const stored = await readableCase(db, reader, caseId);
  if (!stored) return caseNotFound();
  const events = await eventsOf(db, caseId);
  if (isOwner(reader, stored.state) && stored.extras.unreadCount > 0) {
    const marked = await markCaseRead(db, caseId, stored.state.lastSeq);
    if (marked) stored.extras = { ...stored.extras, unreadCount: 0, readSeq: stored.state.lastSeq };
  }
  return loadedDetail(db, reader, stored, events, now);
}

export async function loadedDetail(db: Database, reader: Actor, stored: StoredCase, events: readonly CaseEvent[], now: Date): Promise<Result<CaseDetail>> {
  const detail = await caseDetail(db, reader, stored, events, now);
  return detail ? ok(detail) : caseNotFound();
}

/** A resident's own cases, newest first, with the tab badge. Others own no cases: an empty list. */
export async function myCases(db: Database, reader: Actor, page: number): Promise<Result<ListMyCasesOutput>> {
  if (reader.role !== 'resident' || !reader.openid) return ok({ cases: [], hasMore: false, unreadTotal: 0 });
  const [found, unreadTotal] = await Promise.all([
    casesOf(db, reader.openid, page * CASES_PER_PAGE, CASES_PER_PAGE + 1),
    unreadTotalOf(db, reader.openid),
  ]);
  return ok({ cases: found.slice(0, CASES_PER_PAGE).map(caseSummary), hasMore: found.length > CASES_PER_PAGE, unreadTotal });
}
