/**
 * Why publishing, checking in, showing a presence code or following was refused, in Chinese: a stable code for programs
 * and a sentence for people, one place for all of them.
 */
import { fail } from '../result';
import { fieldPath } from '../validation';

/** '2026-01-10' → '1月10日'. */
const monthDay = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export const RECEPTION_REFUSALS = {
  notYourStation: () => fail('FORBIDDEN', '您只能管理自己负责的联络站的接待日'),
  stationNotFound: () => fail('NOT_FOUND', '没有找到这个联络站'),
  notADate: () => fail('INVALID_INPUT', '日期格式不正确，请选择日期', 'date'),
  tooSoon: (earliest: string) => fail('INVALID_INPUT', `接待日须至少提前 7 天公布，最早可选 ${earliest}`, 'date'),
  tooFarAhead: (latest: string) => fail('INVALID_INPUT', `接待日最多提前 90 天发布，最晚可选 ${latest}`, 'date'),
  endNotAfterStart: () => fail('INVALID_INPUT', '结束时间应晚于开始时间', 'end'),
  meetingHasNoSlots: () => fail('INVALID_INPUT', '述职会不设预约时段，请删除时段后再发布', 'slots'),
  deputyTwice: (index: number) => fail('INVALID_INPUT', '同一位代表只需选择一次', fieldPath('deputyIds', index)),
  deputyNotHere: (index: number) => fail('INVALID_INPUT', '所选代表不是本联络站的驻站代表，请重新选择', fieldPath('deputyIds', index)),
  slotEndNotAfterStart: (index: number) => fail('INVALID_INPUT', '时段的结束时间应晚于开始时间', fieldPath('slots', index)),
  slotOutside: (index: number, start: string, end: string) => fail('INVALID_INPUT', `时段须在接待时间 ${start}–${end} 之内`, fieldPath('slots', index)),
  slotsOverlap: (index: number, other: { start: string; end: string }) => fail('INVALID_INPUT', `时段与 ${other.start}–${other.end} 重叠，请调整`, fieldPath('slots', index)),
  dateTaken: (date: string) => fail('CONFLICT', `本站 ${monthDay(date)} 已有接待日安排，请选择其他日期或联系已发布的联络员`),
  unknownCode: () => fail('NOT_FOUND', '没有找到这个联络站，请确认扫描的是联络站门口的二维码'),
  /** Nothing to check in to at this station today: a question of the day, hence NOT_YET_DUE. */
  noReceptionToday: (next: string | undefined) =>
    fail('NOT_YET_DUE', next ? `今天不是您在本站的接待日，您的下一次接待日是 ${monthDay(next)}` : '今天本站没有您参加的接待日，请在接待日当天签到'),
  /** There is a reception today, but this deputy is not on it: a question of who, hence FORBIDDEN. */
  notOnTheList: () => fail('FORBIDDEN', '您不在今天本站接待日的代表名单中，如需参加请联系联络员'),
  tooFar: (distanceText: string) => fail('INVALID_INPUT', `您距离联络站约 ${distanceText}，请到站后签到`, 'location'),
  /** A check-in sent without the door code (the presence code typed): no reception of the deputy's anywhere today. */
  noReceptionOfYoursToday: (next: string | undefined) =>
    fail('NOT_YET_DUE', next ? `今天没有您参加的接待日，您的下一次接待日是 ${monthDay(next)}` : '今天没有您参加的接待日，请在接待日当天签到'),
  /** The right day, too early: a question of the time, hence NOT_YET_DUE, saying when it opens. */
  checkInNotOpen: (opens: string, start: string, end: string) => fail('NOT_YET_DUE', `签到将于 ${opens} 开始（接待时间 ${start}–${end}），请到时再签到`),
  /** The right day, after the reception: over, as a booking of a past reception is (CONFLICT). */
  checkInOver: (closes: string) => fail('CONFLICT', `今天的接待已于 ${closes} 结束，不能再签到；如确实参加了接待，请联系联络员说明`),
  wrongPresenceCode: () => fail('INVALID_INPUT', '签到码不正确或已过期，请扫描联络员手机上正在显示的签到码', 'presenceCode'),
  tooManyWrongCodes: () => fail('RATE_LIMITED', '签到码输错次数太多，请 1 分钟后再试'),
  receptionNotFound: () => fail('NOT_FOUND', '没有找到这次接待，可能已被取消'),
  /** The officer's presence code exists only on the reception day. */
  presenceNotYet: (date: string) => fail('NOT_YET_DUE', `签到码只能在接待日当天出示，这次接待日是 ${monthDay(date)}`),
  presencePast: (date: string) => fail('CONFLICT', `这次接待日（${monthDay(date)}）已经过去，不能再出示签到码`),
} as const;
