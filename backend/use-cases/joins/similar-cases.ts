/**
 * case.similar: while a resident composes, the open public cases of the station that look like
 * what they are writing (domain/join/join.similar.ts), at most 5, most alike first — each as
 * title (numbers masked), category, status, 附议 and when it was submitted, and whether the
 * caller already joined it. The candidates are read with a field projection
 * (data/public-open-cases.ts): no content, contact, address or openid reaches this code.
 *
 * Round trips: the candidates, and which of the alike ones the caller joined (none when no
 * case is alike). Nothing is read when there is nothing to compare.
 */
import type { SimilarCase, SimilarCasesInput, SimilarCasesOutput } from '../../../typings/board';
import type { Actor } from '../../domain/case';
import { UNSURE_CATEGORY } from '../../domain/case';
import { mostAlike, textWords, type SimilarProbe } from '../../domain/join';
import { maskNumbers } from '../../domain/privacy';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { joinedAmong } from '../../data/case-joins';
import { publicOpenCasesOf } from '../../data/public-open-cases';
import type { Database } from '../../platform/cloudbase';
import { JOIN_SETTINGS } from './join-settings';
import { SearchCounter } from './search-counter';

const searches = new SearchCounter(JOIN_SETTINGS.searchesPerMinute);

export async function similarCases(db: Database, actor: Actor, input: SimilarCasesInput, now: Date): Promise<Result<SimilarCasesOutput>> {
  if (actor.role !== 'resident' || !actor.openid) return fail('FORBIDDEN', '请以群众身份查找相似留言');
  if (!searches.allow(actor.openid, now)) return fail('RATE_LIMITED', '查找太频繁，请稍后再试');
  const probe: SimilarProbe = {
    ...(input.category && input.category !== UNSURE_CATEGORY ? { category: input.category } : {}),
    text: [input.title, input.content].filter(Boolean).join(' '),
    ...(input.latitude !== undefined && input.longitude !== undefined ? { point: { latitude: input.latitude, longitude: input.longitude } } : {}),
  };
  if (textWords(probe.text).size === 0 && !(probe.point && probe.category)) return ok({ cases: [] });

  const candidates = await publicOpenCasesOf(db, input.stationId, actor.openid, JOIN_SETTINGS.searchCandidates);
  const alike = mostAlike(probe, candidates);
  const joined = await joinedAmong(
    db,
    actor.openid,
    alike.map(({ candidate }) => candidate.id),
  );
  return ok({
    cases: alike.map(({ candidate, distance }): SimilarCase => ({
      id: candidate.id,
      title: maskNumbers(candidate.title),
      category: candidate.category as SimilarCase['category'],
      status: candidate.status,
      joinCount: candidate.joinCount,
      submittedAt: candidate.submittedAt.toISOString(),
      ...(distance !== undefined ? { distance } : {}),
      joined: joined.has(candidate.id),
    })),
  });
}
