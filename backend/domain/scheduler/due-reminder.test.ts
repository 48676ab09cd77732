import { caseIn } from '../case/case.fixtures';
import { validateField } from '../../platform/subscribe-fields';
import { dueReminderValues } from './due-reminder';

describe('what a deadline reminder says', () => {
  const dueAt = new Date('2026-12-06T15:59:59.999Z');

  it.each([
    ['submitted', '留言待受理，即将到期'],
    ['accepted', '留言待答复，即将到期'],
    ['in_progress', '留言待答复，即将到期'],
    ['transferred', '转办待回复，即将到期'],
  ] as const)('for a case %s: %s', (status, task) => {
    const values = dueReminderValues({ ...caseIn(status), dueAt });
    expect(values).toMatchObject({ task, title: '小区路灯不亮', receiptNo: 'FT20261101-0042', dueAt });
    // WeChat's thing fields take 20 characters: these fit without being cut.
    expect(validateField('thing1', values.task)).toBeNull();
    expect(validateField('thing5', values.note)).toBeNull();
  });
});
