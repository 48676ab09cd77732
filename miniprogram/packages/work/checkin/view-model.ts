/**
 * The 接待日签到 page's logic: what a scan or the typed digits mean, and how the answer reads.
 * Pure: unit-tested in test/miniprogram/work-desk-view-models.test.ts.
 */
import type { CheckInInput, CheckInOutput } from '../../../../typings/workspace';
import type { Failure, Outcome } from '../../../services/outcome';
import { parseStationCode } from '../../../services/scan';
import type { ScanAnswer } from '../../../services/scan';
import { CHECK_IN_WINDOW, PRESENCE_CODE } from '../../../generated/rules';
import { shanghaiClockText } from '../../../utils/china-time';
import { dayText } from '../schedule/day-label';

export const PRESENCE_CODE_DIGITS = PRESENCE_CODE.digits;

/** The figures the page's introduction quotes. */
export const INTRO_FIGURES = { opensMinutes: CHECK_IN_WINDOW.opensMinutesBeforeStart, periodSeconds: PRESENCE_CODE.periodSeconds, digits: PRESENCE_CODE_DIGITS } as const;

/**
 * What the officer's presence QR code says (reception.presenceCode's `payload`, docs/api.md):
 * 'LLZ-CHECKIN:<door code>:<6 digits>'.
 */
const PRESENCE_PAYLOAD = new RegExp(`^${PRESENCE_CODE.payloadPrefix}:([A-Za-z0-9_-]{1,32}):(\\d{${PRESENCE_CODE_DIGITS}})$`);

/** What a scan gives: both halves of a check-in, or only the door code (the digits still to type). */
export type CheckInScan = { proof: Pick<CheckInInput, 'code' | 'presenceCode'> } | { doorCode: string };

/** The door's code proves nothing alone (it is public): say what is needed instead. */
export const DOOR_CODE_ONLY: Failure = {
  code: 'DOOR_CODE_ONLY',
  message: '这是联络站门口的二维码，签到还需要签到码',
  hint: `请扫描联络员手机上显示的签到码，或在下方输入 ${PRESENCE_CODE_DIGITS} 位签到码`,
};

/** A scan: the officer's presence code, a door code, nothing (scanner closed), or why not. */
export function readCheckInScan(answer: ScanAnswer): Outcome<CheckInScan | null> {
  if ('failed' in answer) {
    return /cancel/i.test(answer.failed) ? { ok: true, data: null } : { ok: false, error: { code: 'SCAN_FAILED', message: '扫码没有成功，请重试' } };
  }
  const presence = PRESENCE_PAYLOAD.exec(answer.scanned.result?.trim() ?? '');
  if (presence) return { ok: true, data: { proof: { code: presence[1].toUpperCase(), presenceCode: presence[2] } } };
  const doorCode = parseStationCode(answer.scanned);
  if (doorCode) return { ok: true, data: { doorCode } };
  return { ok: false, error: { code: 'NOT_A_CHECKIN_CODE', message: '这不是签到码', hint: '请扫描联络员手机上显示的签到码' } };
}

/** The digits as typed: spaces dropped, full-width digits (a Chinese keyboard) read as digits. */
export function normalisePresenceCode(typed: string): string {
  return typed.replace(/\s/g, '').replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

export function isCompletePresenceCode(code: string): boolean {
  return new RegExp(`^\\d{${PRESENCE_CODE_DIGITS}}$`).test(code);
}

/** Under the field while typing: how far along, or what is wrong. */
export function presenceCodeHint(code: string): string {
  if (!code) return '';
  if (/\D/.test(code)) return '签到码只有数字';
  if (code.length > PRESENCE_CODE_DIGITS) return `签到码是 ${PRESENCE_CODE_DIGITS} 位数字，多输入了 ${code.length - PRESENCE_CODE_DIGITS} 位`;
  return code.length === PRESENCE_CODE_DIGITS ? '' : `还差 ${PRESENCE_CODE_DIGITS - code.length} 位`;
}

export interface CheckInView {
  stationName: string;
  /** '11月25日 周二' */
  dateText: string;
  /** '约 120 米' / '约 1.2 公里' */
  distanceText: string;
  /** '09:02' Beijing time. */
  timeText: string;
  /** True when this deputy had already checked in that day. */
  already: boolean;
  title: string;
}

/** The phone's fix is good to tens of metres: round to 10 m, and say it is approximate. */
export function distanceText(metres: number): string {
  if (!Number.isFinite(metres) || metres < 0) return '';
  if (metres < 1000) return `约 ${Math.max(10, Math.round(metres / 10) * 10)} 米`;
  return `约 ${(metres / 1000).toFixed(1).replace(/\.0$/, '')} 公里`;
}

/** 'HH:mm' on Beijing's wall clock, whatever the phone's zone. */
export function beijingTime(iso: string): string {
  return shanghaiClockText(new Date(iso));
}

export function toCheckInView(answer: CheckInOutput): CheckInView {
  return {
    stationName: answer.stationName,
    dateText: dayText(answer.date),
    distanceText: distanceText(answer.distance),
    timeText: beijingTime(answer.checkedInAt),
    already: answer.already,
    title: answer.already ? '今天已签到过' : '签到成功',
  };
}

/**
 * Why there is no position, for a check-in: services/location.ts's sentences point residents to
 * the street list, which is no help here.
 */
const LOCATION_PROBLEMS: Record<string, Failure> = {
  PRIVACY_DENIED: { message: '您没有同意隐私保护指引，无法核对签到位置', hint: '请重新扫码，在弹出的提示中选择同意' },
  LOCATION_DENIED: { message: '您没有允许使用位置信息，无法核对签到位置', hint: '请到设置中允许使用位置信息，回来后会继续签到' },
  LOCATION_OFF: { message: '手机定位没有打开', hint: '请在手机的系统设置中打开定位并允许微信使用位置，然后重新扫码' },
  LOCATION_UNAVAILABLE: { message: '暂时无法获取您的位置', hint: '请走到开阔处后重新扫码' },
};

export function locationProblem(code: string | undefined): Failure {
  return { ...(LOCATION_PROBLEMS[code ?? ''] ?? LOCATION_PROBLEMS.LOCATION_UNAVAILABLE), code };
}
