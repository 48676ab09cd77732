import type { Database } from '../../platform/cloudbase';
import type { WxGateway } from '../../platform/wx-gateway';

/** What the activity use cases work with; the entry makes it per call, with the clock and hash injected. */
export interface ActivityContext {
  readonly db: Database;
  readonly wx: WxGateway;
  readonly now: Date;
  readonly hash: (text: string) => string;
}
