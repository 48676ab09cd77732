import reportsConfig from '../../../config/reports.json';
import { reportSettings } from '../../domain/report';
import type { Hash } from '../../domain/report';
import type { Database } from '../../platform/cloudbase';
import type { WxGateway } from '../../platform/wx-gateway';

/** Read once per instance; a bad value fails the function at load. */
export const REPORT_SETTINGS = reportSettings(reportsConfig);

/** What the report use cases work with; the entry makes it per call, with the clock, hash and random ids injected. */
export interface ReportContext {
  readonly db: Database;
  readonly wx: WxGateway;
  readonly now: Date;
  readonly hash: Hash;
  /** 32 hex digits of a secure random source. */
  readonly randomId: () => string;
}
