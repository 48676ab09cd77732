/**
 * case.joined: the cases the caller joined (我也遇到的), newest join first, at most 50, each as
 * the public sees it (domain/board/public-case.ts) with when they joined. A case no longer
 * public (it cannot stop being so today, but the rule decides) is left out.
 *
 * Round trips: the caller's joins, and their cases in one read.
 */
import type { JoinedCase, JoinedCasesOutput } from '../../../typings/board';
import { isPublicCase, toPublicCase } from '../../domain/board';
import type { Actor } from '../../domain/case';
import { ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { joinsOf } from '../../data/case-joins';
import { findPublicSources } from '../../data/public-cases';
import type { Database } from '../../platform/cloudbase';

export const JOINED_SHOWN = 50;

export async function joinedCases(db: Database, actor: Actor): Promise<Result<JoinedCasesOutput>> {
  if (actor.role !== 'resident' || !actor.openid) return ok({ cases: [] });
  const joins = await joinsOf(db, actor.openid, JOINED_SHOWN);
  if (joins.length === 0) return ok({ cases: [] });
  const sources = new Map(
    (
      await findPublicSources(
        db,
        joins.map((join) => join.caseId),
      )
    ).map((source) => [source.id, source]),
  );
  const cases = joins.flatMap((join): JoinedCase[] => {
    const source = sources.get(join.caseId);
    return source && isPublicCase(source) ? [{ ...toPublicCase(source), joinedAt: join.joinedAt.toISOString() }] : [];
  });
  return ok({ cases });
}
