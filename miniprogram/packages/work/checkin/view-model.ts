/**
 * Shapes a check-in's answer for the 接待日签到 page. Pure: unit-tested in
 * test/miniprogram/work-desk-view-models.test.ts.
 */
import type { CheckInOutput } from '../../../../typings/workspace';
import type { Failure } from '../../../services/outcome';
import { dayText } from '../schedule/day-label';

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

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The phone's fix is good to tens of metres: round to 10 m, and say it is approximate. */
export function distanceText(metres: number): string {
  if (!Number.isFinite(metres) || metres < 0) return '';
  if (metres < 1000) return `约 ${Math.max(10, Math.round(metres / 10) * 10)} 米`;
  return `约 ${(metres / 1000).toFixed(1).replace(/\.0$/, '')} 公里`;
}

/** 'HH:mm' on Beijing's wall clock, whatever the phone's zone. */
export function beijingTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(11, 16);
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
