/**
 * Shapes the officer's presence code (签到码) for the 出示签到码 page, and when to ask for the
 * next one. Pure: unit-tested in test/miniprogram/work-presence-page.test.ts.
 */
import type { PresenceCodeOutput } from '../../../../typings/workspace';
import { shanghaiClockText } from '../../../utils/china-time';
import { dayText } from '../schedule/day-label';

export interface PresenceView {
  stationName: string;
  /** '3月10日 周二' */
  dateText: string;
  /** '签到时间 08:30–11:00' */
  hoursText: string;
  code: string;
  /** '123 456': two groups of three read aloud more easily. */
  codeText: string;
  /** The QR code, a PNG data URL from the server. */
  qrImage: string;
  /** '09:02:30 更新' on Beijing's clock. */
  updatedText: string;
}

/** Asked a little after the change, so the server surely has the new code. */
const AFTER_CHANGE_MS = 300;
/** A failed refresh is tried again this soon: the shown code stops working 30 seconds after it changed. */
export const RETRY_AFTER_FAILURE_MS = 3000;

export function toPresenceView(answer: PresenceCodeOutput): PresenceView {
  const issued = shanghaiClockText(new Date(answer.issuedAt), true);
  return {
    stationName: answer.stationName,
    dateText: dayText(answer.date),
    hoursText: `签到时间 ${answer.checkInOpens}–${answer.checkInCloses}`,
    code: answer.code,
    codeText: `${answer.code.slice(0, 3)} ${answer.code.slice(3)}`,
    qrImage: answer.qrImage,
    updatedText: issued ? `${issued} 更新` : '',
  };
}

/**
 * When to ask for the next code: when this one is replaced, counted on the server's clock
 * (`expiresAt` − `issuedAt`), since the phone's own clock may be minutes off.
 */
export function refreshDelayMs(answer: Pick<PresenceCodeOutput, 'issuedAt' | 'expiresAt' | 'periodSeconds'>): number {
  const left = Date.parse(answer.expiresAt) - Date.parse(answer.issuedAt);
  const period = answer.periodSeconds * 1000;
  if (!Number.isFinite(left)) return period;
  return Math.min(Math.max(left, 0), period) + AFTER_CHANGE_MS;
}
