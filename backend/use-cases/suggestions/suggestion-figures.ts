/**
 * `suggestion.figures`: the district office's figures on the 代表建议 accepted in a year — its
 * own district's only, read in one request (paged past 1,000) and counted by the pure rules of
 * domain/suggestion/suggestion.figures.ts at the instant of the call.
 */
import type { SuggestionFigures, SuggestionFiguresInput } from '../../../typings/suggestion';
import { fail, ok, type Result } from '../../domain/result';
import { suggestionFigures } from '../../domain/suggestion/suggestion.figures';
import { suggestionsAcceptedIn } from '../../data/suggestion-figures';
import type { Database } from '../../platform/cloudbase';
import type { ResolvedActor } from '../actor';

export async function officeSuggestionFigures(db: Database, who: ResolvedActor, input: SuggestionFiguresInput, now: Date): Promise<Result<SuggestionFigures>> {
  const district = who.actor.role === 'admin' ? who.actor.district : undefined;
  if (!district) return fail('FORBIDDEN', '您的账号没有对应的辖区');
  return ok(suggestionFigures(input.year, await suggestionsAcceptedIn(db, district, input.year), now));
}
