/**
 * One case as the public sees it — the page a share card or a 我也遇到 opens. A case that is
 * not public and a case that does not exist get the same NOT_FOUND with the same words, so the
 * answer tells nobody whether an id exists.
 */
import type { PublicCase } from '../../../typings/board';
import { isPublicCase, toPublicCase } from '../../domain/board';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { findJoin } from '../../data/case-joins';
import { findPublicSource, findPublicSourceFor } from '../../data/public-cases';
import type { Database } from '../../platform/cloudbase';

export const NOT_PUBLIC = '这件留言未公开或不存在';

/**
 * `readerOpenid`: a signed-in reader (WeChat vouched for the openid), who also learns whether the case is their own and
 * whether they joined it (`viewer`, for the page's 我也遇到 buttons) — read in parallel with
 * the case, so the page needs one call, not two.
 */
export async function publicCase(db: Database, caseId: string, readerOpenid?: string): Promise<Result<PublicCase>> {
  if (!readerOpenid) {
    const source = await findPublicSource(db, caseId);
    if (!source || !isPublicCase(source)) return fail('NOT_FOUND', NOT_PUBLIC);
    return ok(toPublicCase(source));
  }
  const [found, join] = await Promise.all([findPublicSourceFor(db, caseId, readerOpenid), findJoin(db, caseId, readerOpenid)]);
  if (!found || !isPublicCase(found.source)) return fail('NOT_FOUND', NOT_PUBLIC);
  return ok({ ...toPublicCase(found.source), viewer: { own: found.own, joined: !!join } });
}
