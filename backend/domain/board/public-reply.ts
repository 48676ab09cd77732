/**
 * The reply a public case shows, kept on the case document with the change that made it
 * (data/cases.ts), so a page of the board is one query with a small projection rather than
 * a read of every timeline. The latest 答复 or recorded answer of a receiving body (记录答复)
 * wins; a 重办 starts a new round without one, as it clears `repliedAt`.
 */
import type { CaseEvent } from '../case/case.events';
import type { PublicReply } from './public-case';

/** What a change does to the public reply: set it, clear it (null), or leave it (undefined). */
export function publicReplyAfter(events: readonly Pick<CaseEvent, 'kind' | 'note' | 'at'>[]): PublicReply | null | undefined {
  let outcome: PublicReply | null | undefined;
  for (const event of events) {
    if ((event.kind === 'replied' || event.kind === 'answer_recorded') && event.note) outcome = { text: event.note, at: event.at };
    else if (event.kind === 'reopened') outcome = null;
  }
  return outcome;
}
