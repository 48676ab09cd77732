/**
 * 办理公开 → 代表建议 (`suggestion.published`): answers their units allowed to publish, of answered
 * or closed suggestions, for a station (its deputies' and its residents' suggestions) or for the
 * whole deployment; newest answer first, 20 a page. Anyone may read it; nothing depends on who
 * asks, and nothing in it is about a resident (domain/suggestion/suggestion.public.ts).
 * One round trip: one query, one row past the page telling whether another follows.
 */
import type { PublishedSuggestion, PublishedSuggestionsInput, PublishedSuggestionsOutput } from '../../../typings/suggestion';
import { ok, type Result } from '../../domain/result';
import { PUBLISHED_PAGE_SIZE, publishedSuggestion } from '../../domain/suggestion/suggestion.public';
import { publishedPage } from '../../data/published-suggestions';
import type { Database } from '../../platform/cloudbase';

export async function publishedSuggestions(db: Database, input: PublishedSuggestionsInput): Promise<Result<PublishedSuggestionsOutput>> {
  const page = input.page ?? 0;
  const found = await publishedPage(db, { ...(input.stationId ? { stationId: input.stationId } : {}), skip: page * PUBLISHED_PAGE_SIZE, limit: PUBLISHED_PAGE_SIZE + 1 });
  const suggestions = found
    .slice(0, PUBLISHED_PAGE_SIZE)
    .map(publishedSuggestion)
    .filter((shown): shown is PublishedSuggestion => !!shown);
  return ok({ suggestions, hasMore: found.length > PUBLISHED_PAGE_SIZE });
}
