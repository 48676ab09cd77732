import { openingHoursLines, weekdaysLabel } from './opening-hours.label';

describe('opening hours as a poster prints them', () => {
  it.each([
    [[1, 2, 3, 4, 5], '周一至周五'],
    [[6, 7], '周六、周日'],
    [[1, 3, 5], '周一、周三、周五'],
    [[5, 1, 2, 3, 7], '周一至周三、周五、周日'],
  ])('%j reads %s', (days, label) => {
    expect(weekdaysLabel(days)).toBe(label);
  });

  it('puts the hours after the days', () => {
    expect(openingHoursLines([{ weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:30' }])).toEqual(['周一至周五 09:00–17:30']);
  });
});
