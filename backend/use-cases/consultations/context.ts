import type { Database } from '../../platform/cloudbase';
import type { WxGateway } from '../../platform/wx-gateway';

/** What the consultation use cases work with; the entry makes it per call, with the clock, hash and random sources injected. */
export interface ConsultationContext {
  readonly db: Database;
  readonly wx: WxGateway;
  readonly now: Date;
  /** sha-256 hex of the text. */
  readonly hash: (text: string) => string;
  /** 32 hex digits of a secure random source. */
  readonly randomId: () => string;
  /** Secure random bytes (claim codes). */
  readonly randomBytes: (size: number) => Uint8Array;
}

export const CONSULTATION_NOT_FOUND = '没有找到这次立法意见征集';
export const COMMENT_NOT_FOUND = '没有找到这条意见';
