/**
 * The adopted commenter's message (诉求状态变更, caseStatusChanged, on their own grant): 已采纳,
 * the draft's title and how it was adopted, opening 我的意见. Its id is the comment's, so it is
 * queued at most once however often the adoption is retried.
 */
import type { CommentDocument, ConsultationDocument } from '../../domain/consultation';
import { maskNumbers } from '../../domain/privacy';
import type { NotificationDocument } from '../../data/notifications';
import { outboxDocument } from '../../notifications/outbox';
import { MY_COMMENTS_PAGE } from './publish-notices';

export const adoptionNoticeId = (commentId: string): string => `consultation:${commentId}:adopted`;

export function adoptionNotice(doc: Pick<ConsultationDocument, 'title'>, comment: CommentDocument, now: Date): NotificationDocument {
  return outboxDocument<'caseStatusChanged'>(
    {
      _id: adoptionNoticeId(comment._id),
      openid: comment.ownerOpenid,
      kind: 'caseStatusChanged',
      values: {
        // 受理编号 takes letters and digits: the comment's short code stands for it.
        receiptNo: `YJ-${comment._id.slice(0, 10).toUpperCase()}`,
        title: maskNumbers(doc.title),
        status: '已采纳',
        updatedAt: now,
        note: maskNumbers(comment.adoption?.note ?? ''),
      },
      page: MY_COMMENTS_PAGE,
    },
    now,
  );
}
