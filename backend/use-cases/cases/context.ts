import type { IdGenerator } from '../../domain/case';
import type { Database } from '../../platform/cloudbase';
import type { WxGateway } from '../../platform/wx-gateway';

/** What a case use case works with; the entry makes it per call, with the clock and ids injected. */
export interface CaseContext {
  readonly db: Database;
  readonly wx: WxGateway;
  readonly now: Date;
  readonly ids: IdGenerator;
}
