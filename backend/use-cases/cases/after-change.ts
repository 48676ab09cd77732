/**
 * After a change is written: send the messages it claimed (they were written `sending`, with a
 * grant taken for each), in the order of its events. Bounded and never failing: the change is
 * already stored, and a message not settled here is settled by the scheduler (a claim left
 * behind by a crash is given up, never sent twice — notifications/dispatch.ts). Other due
 * messages are the scheduler's: a command does not look for them.
 */
import type { CaseRecord } from '../../data/cases';
import type { CaseOutbox } from '../../data/case-outbox';
import { caseSlot, sendClaimed } from '../../notifications/dispatch';
import type { CaseContext } from './context';

export async function sendWrittenNotices(ctx: CaseContext, record: CaseRecord, noticeIds: readonly string[]): Promise<void> {
  if (noticeIds.length === 0) return;
  // The outbox exactly as the write left it (it answered the document), so each record of a send also keeps the dispatcher's hint exact.
  const box: CaseOutbox = { caseId: record.state.id, rev: record.outboxRev, notices: record.outbox.map((notice) => ({ ...notice })) };
  try {
    for (const id of noticeIds) {
      const doc = box.notices.find((notice) => notice._id === id);
      if (doc?.state === 'sending') await sendClaimed(ctx, caseSlot(ctx.db, box, doc), doc.attempts, ctx.now);
    }
  } catch (error) {
    console.error('[cases] sending notifications failed; the scheduler settles them', error);
  }
}
