import type { Database } from '../../platform/cloudbase';
import type { WxGateway } from '../../platform/wx-gateway';

/** What the reception workspace use cases work with; the entry makes it per call, with the clock injected. */
export interface ReceptionContext {
  readonly db: Database;
  readonly wx: Pick<WxGateway, 'sendSubscribeMessage'>;
  readonly now: Date;
}
