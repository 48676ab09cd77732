/**
 * Ids that make the writes idempotent. A report's id is drawn from who published it and the
 * client's request id, so a retried publish writes the same document (and the second insert
 * fails); a rating's id from the report and the rater, so a second rating by the same WeChat
 * account fails its insert. The hash is injected: the domain imports no crypto.
 */
export type Hash = (text: string) => string;

export const reportIdFor = (hash: Hash, publisherOpenid: string, requestId: string): string => `rp-${hash(`report:${publisherOpenid}:${requestId}`).slice(0, 32)}`;

export const ratingIdFor = (hash: Hash, reportId: string, openid: string): string => `rr-${hash(`rating:${reportId}:${openid}`).slice(0, 40)}`;
