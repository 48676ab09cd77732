/**
 * The `time` and `date` value grammars of subscription messages, from WeChat's documentation
 * (订阅消息参数值内容限制说明, subscribeMessage.send):
 *
 *   time.DATA  24小时制时间格式（支持+年月日），支持填时间段，两个时间点之间用“~”符号连接
 *              例如：15:01，或：2019年10月1日 15:01
 *   date.DATA  年月日格式（支持+24小时制时间），支持填时间段，两个时间点之间用“~”符号连接
 *              例如：2019年10月1日，或：2019年10月1日 15:01
 *   时间格式支持HH:MM:SS或者HH:MM。
 *   日期包含年月日，为y年m月d日，y年m月、m月d日格式，或者用‘-’、‘/’、‘.’符号连接，
 *   如2018-01-01，2018/01/01，2018.01.01，2018-01，01-01。
 *
 * So a time point is a clock with an optional date before it, a date point a date with an
 * optional clock after it, and either may be a period of two points joined by `~`.
 */

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

// y年m月d日 · y年m月 · m月d日
const HAN_DATE = /^(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})日)?$/;
// y-m-d · y-m · m-d, with '-', '/' or '.' (one separator throughout)
const SEPARATED_DATE = /^(?:(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?|(\d{1,2})([-/.])(\d{1,2}))$/;

interface DateParts {
  year?: number;
  month: number;
  day?: number;
}

function dateParts(text: string): DateParts | null {
  const han = HAN_DATE.exec(text);
  if (han) {
    const [, year, month, day] = han;
    // y年m月d日, y年m月 or m月d日: a month always, and a year or a day beside it.
    if (month === undefined || (year === undefined && day === undefined)) return null;
    return { year: year === undefined ? undefined : Number(year), month: Number(month), day: day === undefined ? undefined : Number(day) };
  }
  const separated = SEPARATED_DATE.exec(text);
  if (!separated) return null;
  const [, year, , yearMonth, yearDay, month, , day] = separated;
  if (year !== undefined) return { year: Number(year), month: Number(yearMonth), day: yearDay === undefined ? undefined : Number(yearDay) };
  return { month: Number(month), day: Number(day) };
}

function isRealDate({ year, month, day }: DateParts): boolean {
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  // Without a year, 2月29日 may be a leap day; 2024 is a leap year.
  const probe = new Date(Date.UTC(year ?? 2024, month - 1, day));
  return day >= 1 && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

const isDate = (text: string): boolean => {
  const parts = dateParts(text);
  return parts !== null && isRealDate(parts);
};

const isClock = (text: string): boolean => CLOCK.test(text);

const DATE_AND_CLOCK = /^(\S+) +(\S+)$/;

/** `[date ]clock` */
function isTimePoint(text: string): boolean {
  const split = DATE_AND_CLOCK.exec(text);
  return split ? isDate(split[1]) && isClock(split[2]) : isClock(text);
}

/** `date[ clock]` */
function isDatePoint(text: string): boolean {
  const split = DATE_AND_CLOCK.exec(text);
  return split ? isDate(split[1]) && isClock(split[2]) : isDate(text);
}

/** One point, or a period: two points joined by `~`. */
const pointOrPeriod =
  (isPoint: (text: string) => boolean) =>
  (value: string): boolean => {
    const points = value.split('~').map((point) => point.trim());
    return points.length <= 2 && points.every(isPoint);
  };

export const isTimeValue = pointOrPeriod(isTimePoint);
export const isDateValue = pointOrPeriod(isDatePoint);
