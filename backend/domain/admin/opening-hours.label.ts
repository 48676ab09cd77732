/** Opening hours as a poster prints them: "周一至周五 09:00–17:30". */
import type { OpeningHours } from '../../../typings/models';

const DAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export function openingHoursLines(hours: readonly OpeningHours[]): string[] {
  return hours.map((line) => `${weekdaysLabel(line.weekdays)} ${line.open}–${line.close}`);
}

/** Runs of three or more days read as a range ("周一至周五"); others are listed ("周六、周日"). */
export function weekdaysLabel(weekdays: readonly number[]): string {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < days.length;) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j] + 1) j += 1;
    if (j - i >= 2) parts.push(`${DAY[days[i]]}至${DAY[days[j]]}`);
    else for (let k = i; k <= j; k += 1) parts.push(DAY[days[k]]);
    i = j + 1;
  }
  return parts.join('、');
}
