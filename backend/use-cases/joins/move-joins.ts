/**
 * A merge keeps every joiner: the duplicate's joins move to the case it was merged into (the
 * same station: a merge allows no other). Each join moves in its own transaction
 * (data/case-joins.ts moveJoin): the duplicate's count goes down, the other's up unless the
 * person had joined both. NOT in the merge's own write — a case document cannot hold another
 * case's joins — so it runs right after it, and is idempotent: whatever a crash left behind is
 * moved the next time anyone reads the duplicate (read-cases.ts), since its `joinCount` then
 * still says it has joins. The owner of the duplicate is not made a joiner: a merge tells them
 * by their own case's notice, as before joining existed.
 */
import type { CaseState } from '../../domain/case';
import { joinsOfCase, moveJoin } from '../../data/case-joins';
import type { Database } from '../../platform/cloudbase';

const PAGE = 50;
/** Pages moved per call: a duplicate's joiners are few; what is left waits for the next read. */
const MAX_PAGES = 20;

export async function moveJoinsAfterMerge(db: Database, merged: CaseState, joinCount: number): Promise<void> {
  const into = merged.closure?.how === 'merge' ? merged.closure.mergedInto : undefined;
  if (!into || joinCount <= 0) return;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const joins = await joinsOfCase(db, merged.id, PAGE);
    for (const join of joins) await moveJoin(db, join, into.id, merged.stationId);
    if (joins.length < PAGE) return;
  }
}
