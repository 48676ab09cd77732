import { ACTOR_ROLES } from './actor';
import { CASE_COMMANDS, CASE_EVENT_KINDS } from './case.verbs';
import { ACTOR_ROLE_LABELS, CATEGORY_LABELS, COMMAND_LABELS, EVENT_LABELS, RATING_LABELS, STATUS_LABELS, STATUS_PHRASES, TRANSFER_ROUTE_LABELS } from './case.labels';
import { CASE_CATEGORIES, RATING_VALUES, TRANSFER_ROUTES } from './case.state';
import { CASE_STATUSES } from './case.status';

const CHINESE = /^[\u4e00-\u9fa5《》（）]+$/;

describe('Chinese labels', () => {
  it.each([
    ['statuses', CASE_STATUSES, STATUS_LABELS],
    ['status phrases', CASE_STATUSES, STATUS_PHRASES],
    ['commands', CASE_COMMANDS, COMMAND_LABELS],
    ['events', CASE_EVENT_KINDS, EVENT_LABELS],
    ['categories', CASE_CATEGORIES, CATEGORY_LABELS],
    ['ratings', RATING_VALUES, RATING_LABELS],
    ['routes', TRANSFER_ROUTES, TRANSFER_ROUTE_LABELS],
    ['roles', ACTOR_ROLES, ACTOR_ROLE_LABELS],
  ] as const)('every one of the %s has one, and nothing else does', (_name, codes, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
    for (const code of codes) expect((labels as Record<string, string>)[code]).toMatch(CHINESE);
  });

  it('statuses read as the domain brief names them', () => {
    expect(STATUS_LABELS).toEqual({
      submitted: '已提交',
      accepted: '已受理',
      rejected: '不予受理',
      transferred: '已转办',
      in_progress: '办理中',
      replied: '已答复',
      closed: '已办结',
      withdrawn: '已撤回',
    });
    expect(EVENT_LABELS.reopened).toBe('重办');
  });
});
