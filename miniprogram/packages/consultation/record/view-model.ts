/**
 * 代为记录: the article a comment heard in person is on, and the code its resident scans to confirm
 * it as theirs (the form's own checks and input are the comment form's: comment/view-model.ts).
 * Pure: unit-tested in test/miniprogram/consultation-office-view-models.test.ts.
 */
import type { ConsultationArticle } from '../../../../typings/consultation';
import type { VisitClaim } from '../../../../typings/visit';
import { shanghaiClockText } from '../../../utils/china-time';
import { GENERAL_LABEL } from '../common/labels';

export interface ArticleOption {
  no: number;
  label: string;
}

/** 总体意见 first, then every article as the draft prints it ('第五条 …' with its first words). */
export function articleOptions(articles: readonly Pick<ConsultationArticle, 'no' | 'label' | 'text'>[]): ArticleOption[] {
  const first = (text: string) => (text.length > 12 ? `${text.slice(0, 12)}…` : text);
  return [{ no: 0, label: GENERAL_LABEL }, ...articles.map((a) => ({ no: a.no, label: `${a.label} ${first(a.text)}`.trim() }))];
}

export interface ClaimCard {
  commentId: string;
  code: string;
  /** 'H4N7 R2WX': read aloud in two halves. */
  codeText: string;
  qrImage: string;
  /** '确认码 15:00 前有效' */
  expiresText: string;
}

export function toClaimCard(commentId: string, claim: VisitClaim): ClaimCard {
  return {
    commentId,
    code: claim.code,
    codeText: `${claim.code.slice(0, 4)} ${claim.code.slice(4)}`,
    qrImage: claim.qrImage,
    expiresText: `确认码 ${shanghaiClockText(new Date(claim.expiresAt))} 前有效`,
  };
}
