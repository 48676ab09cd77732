import eventsConfig from '../../../config/events.json';
import { eventSettings } from '../../domain/event';
import type { Database } from '../../platform/cloudbase';
import type { WxGateway } from '../../platform/wx-gateway';

/** Read once per instance; a bad value fails the function at load. */
export const EVENT_SETTINGS = eventSettings(eventsConfig);

/** What the event use cases work with; the entry makes it per call, with the clock and the hash injected. */
export interface EventContext {
  readonly db: Database;
  readonly wx: Pick<WxGateway, 'msgSecCheck'>;
  readonly now: Date;
  /** sha-256 hex of the text: attendance ids name nobody. */
  readonly hash: (text: string) => string;
  /** 32 hex digits of a secure random source. */
  readonly randomId: () => string;
}

export const attendanceIdFor = (hash: EventContext['hash'], receptionId: string, openid: string): string => `at-${hash(`${receptionId}\n${openid}`).slice(0, 40)}`;
