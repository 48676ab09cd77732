import suggestionsConfig from '../../../config/suggestions.json';
import { suggestionSettings } from '../../domain/suggestion';
import type { Database } from '../../platform/cloudbase';
import type { WxGateway } from '../../platform/wx-gateway';

/** Read once per instance; a bad value fails the function at load. */
export const SUGGESTION_SETTINGS = suggestionSettings(suggestionsConfig);

/** What the lifecycle use cases work with; the entry makes it per call, with the clock, hash and random ids injected. */
export interface SuggestionContext {
  readonly db: Database;
  readonly wx: WxGateway;
  readonly now: Date;
  readonly hash: (text: string) => string;
  /** 32 hex digits of a secure random source. */
  readonly randomId: () => string;
}
