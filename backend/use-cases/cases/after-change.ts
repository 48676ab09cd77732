/**
 * After a change commits: send that case's new messages, then a few other due ones (the
 * scheduler does the rest). Bounded and never failing: the change is already committed, and
 * the outbox keeps whatever is not sent now.
 */
import { dispatchCaseNotifications, dispatchDueNotifications } from '../../notifications/dispatch';
import type { CaseContext } from './context';

const OPPORTUNISTIC_LIMIT = 10;

export async function afterChange(ctx: CaseContext, caseId: string | undefined): Promise<void> {
  try {
    const own = caseId ? await dispatchCaseNotifications(ctx, caseId, ctx.now, OPPORTUNISTIC_LIMIT) : [];
    const room = OPPORTUNISTIC_LIMIT - own.length;
    if (room > 0) await dispatchDueNotifications(ctx, ctx.now, room);
  } catch (error) {
    console.error('[cases] dispatching notifications failed; the outbox keeps them', error);
  }
}
