/**
 * The mini-program's copy of the case labels (components/case-status-tag/labels.ts) may not
 * drift from the domain's: a mini-program file cannot import them, so this test holds them together.
 */
import * as domain from '../../backend/domain/case/case.labels';
import { DEPUTY_LEVEL_LABELS as DOMAIN_DEPUTY_LEVEL_LABELS } from '../../backend/domain/admin/person.input';
import { MAX_REOPENS as DOMAIN_MAX_REOPENS } from '../../backend/domain/case/case.status';
import { CASE_TIME_LIMITS } from '../../backend/domain/case/deadlines';
import { MAX_PHOTOS, MOBILE_PHONE as DOMAIN_MOBILE_PHONE } from '../../backend/domain/case/case.input';
import * as copy from '../../miniprogram/components/case-status-tag/labels';
import { LIMITS, MOBILE_PHONE } from '../../miniprogram/packages/case/compose/view-model';
import { DEPUTY_LEVEL_LABELS } from '../../miniprogram/utils/deputy-labels';

describe('case labels in the mini-program', () => {
  it.each([
    ['statuses', copy.STATUS_LABELS, domain.STATUS_LABELS],
    ['command verbs', copy.COMMAND_LABELS, domain.COMMAND_LABELS],
    ['events', copy.EVENT_LABELS, domain.EVENT_LABELS],
    ['categories', copy.CATEGORY_LABELS, domain.CATEGORY_LABELS],
    ['ratings', copy.RATING_LABELS, domain.RATING_LABELS],
    ['transfer routes', copy.TRANSFER_ROUTE_LABELS, domain.TRANSFER_ROUTE_LABELS],
    ['actor roles', copy.ACTOR_ROLE_LABELS, domain.ACTOR_ROLE_LABELS],
  ])('the %s equal the domain’s', (_name, mine, theirs) => {
    expect(mine).toEqual(theirs);
  });

  it('the deputy levels are the back end’s (the people list says them too)', () => {
    expect(DEPUTY_LEVEL_LABELS).toEqual(DOMAIN_DEPUTY_LEVEL_LABELS);
  });

  it('the reopen limit, photo limit and phone rule are the domain’s', () => {
    expect(copy.MAX_REOPENS).toBe(DOMAIN_MAX_REOPENS);
    expect(LIMITS.photos).toBe(MAX_PHOTOS);
    expect(MOBILE_PHONE.source).toBe(DOMAIN_MOBILE_PHONE.source);
  });

  it('the case page asks for a rating within the days before an officer may close a reply unrated', () => {
    expect(copy.RATE_WITHIN_DAYS).toBe(CASE_TIME_LIMITS.closeQuietDays);
  });
});
