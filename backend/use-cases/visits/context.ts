import visitsConfig from '../../../config/visits.json';
import type { IdGenerator } from '../../domain/case';
import { visitConfig } from '../../domain/visit';
import type { Database } from '../../platform/cloudbase';
import type { WxGateway } from '../../platform/wx-gateway';
import { WrongCodeCounter } from '../receptions/wrong-code-counter';

/** Read once per instance; a bad value fails the function at load. */
export const VISIT_SETTINGS = visitConfig(visitsConfig);

/** Wrong claim codes per resident and minute, in this instance's memory (a refused claim writes nothing). */
export const WRONG_CLAIM_CODES = new WrongCodeCounter(VISIT_SETTINGS.wrongCodesPerMinute);

/** What the visit use cases work with; the entry makes it per call, with the clock, hash and random source injected. */
export interface VisitContext {
  readonly db: Database;
  readonly wx: WxGateway;
  readonly now: Date;
  readonly ids: IdGenerator;
  /** sha-256 hex of the text. */
  readonly hash: (text: string) => string;
  /** Secure random bytes (claim codes). */
  readonly randomBytes: (size: number) => Uint8Array;
}
