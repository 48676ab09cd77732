/**
 * What 处理意见 and 代为记录 ask on opening: who is looking, and the consultation with all its
 * articles (asked page by page of 20: a picker and a filter need every article, a draft has at
 * most 500), then a page of comments.
 */
import type { ConsultationArticle, ConsultationDetail } from '../../../../typings/consultation';
import type { Profile } from '../../../../typings/workspace';
import { callApi } from '../../../services/api-client';
import type { Outcome } from '../../../services/outcome';

const NOT_FOR_YOU = { ok: false as const, error: { code: 'FORBIDDEN', message: '只有联络员和区人大常委会可以处理立法意见' } };
const MAX_ARTICLE_PAGES = 25;

/** The consultation with every article in `articles`. */
export async function consultationWithArticles(consultationId: string): Promise<Outcome<ConsultationDetail>> {
  const first = await callApi('consultation', 'get', { consultationId, articlePage: 0 });
  if (!first.ok) return first;
  const articles: ConsultationArticle[] = [...first.data.articles];
  let more = first.data.hasMoreArticles;
  for (let page = 1; more && page < MAX_ARTICLE_PAGES; page += 1) {
    const next = await callApi('consultation', 'get', { consultationId, articlePage: page });
    if (!next.ok) return next;
    articles.push(...next.data.articles);
    more = next.data.hasMoreArticles;
  }
  return { ok: true, data: { ...first.data, articles, hasMoreArticles: false } };
}

/** The caller, if they are an officer or the office; with the station they work from (the query's, or their first). */
export async function reviewer(stationId: string | undefined): Promise<Outcome<{ profile: Profile; role: 'officer' | 'admin'; stationId?: string }>> {
  const profile = await callApi('user', 'profile', {});
  if (!profile.ok) return profile;
  const role = profile.data.role;
  if (role === 'admin') return { ok: true, data: { profile: profile.data, role, stationId } };
  if (role !== 'officer') return NOT_FOR_YOU;
  return { ok: true, data: { profile: profile.data, role, stationId: stationId || profile.data.stations?.[0]?.id } };
}
