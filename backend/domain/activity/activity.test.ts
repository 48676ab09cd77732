import type { ActivityStatus } from '../../../typings/activity';
import type { Actor } from '../case/actor';
import { countDuty, recentDutyEntries, type DutyActivity, type DutyOffline } from '../duty';
import { applyActivityCommand, type ActivityCommand, type ActivityState } from './activity.state';
import { checkActivityDate, confirmActivitySchema, recordActivitySchema, reviseActivitySchema } from './activity.input';
import { mayConfirm, mayReadActivity, mayRecordFor } from './activity.policy';

const at = new Date('2026-03-05T02:00:00Z');
const state = (status: ActivityStatus, resends = 0): ActivityState => ({ status, resends, events: [{ seq: 1, kind: 'recorded', at, actorRole: 'officer', actorId: 'sf-1' }] });

describe('the state table of a recorded activity', () => {
  // [from, command, to or refused]: written from the brief — recorded → confirmed | disputed; disputed → re-sent once or withdrawn.
  const TABLE: [ActivityStatus, ActivityCommand, ActivityStatus | null][] = [
    ['recorded', 'confirm', 'confirmed'],
    ['recorded', 'dispute', 'disputed'],
    ['recorded', 'resend', null],
    ['recorded', 'withdraw', null],
    ['disputed', 'confirm', null],
    ['disputed', 'dispute', null],
    ['disputed', 'resend', 'recorded'],
    ['disputed', 'withdraw', 'withdrawn'],
    ['confirmed', 'confirm', null],
    ['confirmed', 'dispute', null],
    ['confirmed', 'resend', null],
    ['confirmed', 'withdraw', null],
    ['withdrawn', 'confirm', null],
    ['withdrawn', 'dispute', null],
    ['withdrawn', 'resend', null],
    ['withdrawn', 'withdraw', null],
  ];

  it.each(TABLE)('%s + %s → %s', (from, command, to) => {
    const result = applyActivityCommand(state(from), command, { role: 'deputy', id: 'dp-1', at, reason: '不在场' });
    if (to === null) {
      expect(result).toMatchObject({ ok: false, failure: { code: 'ILLEGAL_TRANSITION' } });
      return;
    }
    expect(result.ok && result.value.status).toBe(to);
  });

  it('appends one event and keeps the earlier ones as they were', () => {
    const before = state('recorded');
    const result = applyActivityCommand(before, 'dispute', { role: 'deputy', id: 'dp-1', at, reason: '日期不对' });
    expect(result.ok && result.value.events).toEqual([before.events[0], { seq: 2, kind: 'disputed', at, actorRole: 'deputy', actorId: 'dp-1', reason: '日期不对' }]);
    expect(before.events).toHaveLength(1);
  });

  it('re-sends a disputed activity once only', () => {
    const once = applyActivityCommand(state('disputed'), 'resend', { role: 'officer', id: 'sf-1', at });
    expect(once.ok && once.value.resends).toBe(1);
    expect(applyActivityCommand(state('disputed', 1), 'resend', { role: 'officer', id: 'sf-1', at })).toMatchObject({ ok: false, failure: { code: 'ILLEGAL_TRANSITION' } });
    expect(applyActivityCommand(state('disputed', 1), 'withdraw', { role: 'officer', id: 'sf-1', at }).ok).toBe(true);
  });
});

describe('the date of an activity', () => {
  // today 2026-03-05: [date, accepted]
  it.each([
    ['2026-03-05', true],
    ['2026-03-06', false],
    ['2025-01-01', true],
    ['2024-12-31', false],
  ])('%s → %s', (date, accepted) => {
    expect(checkActivityDate(date, '2026-03-05').ok).toBe(accepted);
  });
});

describe('the inputs', () => {
  const valid = { requestId: 'req-12345678', deputyId: 'dp-001', kind: 'lawEnforcement', date: '2026-03-05', place: '莲花北社区' };

  it('records with a known kind, a real date and a place', () => {
    expect(recordActivitySchema(valid, '').ok).toBe(true);
    expect(recordActivitySchema({ ...valid, kind: 'party' }, '')).toMatchObject({ ok: false, field: 'kind' });
    expect(recordActivitySchema({ ...valid, date: '2026-02-30' }, '')).toMatchObject({ ok: false, field: 'date' });
    expect(recordActivitySchema({ ...valid, place: '   ' }, '')).toMatchObject({ ok: false, field: 'place' });
    expect(recordActivitySchema({ ...valid, note: '字'.repeat(501) }, '')).toMatchObject({ ok: false, field: 'note' });
    expect(recordActivitySchema({ ...valid, photoFileIds: Array.from({ length: 10 }, (_, i) => `cloud://env/cases/2026/03/${i}.jpg`) }, '')).toMatchObject({
      ok: false,
      field: 'photoFileIds',
    });
  });

  it('disputes only with a reason of two characters or more', () => {
    expect(confirmActivitySchema({ activityId: 'ac-1', confirm: true }, '').ok).toBe(true);
    expect(confirmActivitySchema({ activityId: 'ac-1', confirm: false, reason: '否' }, '')).toMatchObject({ ok: false, field: 'reason' });
    expect(confirmActivitySchema({ activityId: 'ac-1', confirm: false, reason: '当天不在' }, '').ok).toBe(true);
    expect(confirmActivitySchema({ activityId: 'ac-1', confirm: 'true' }, '')).toMatchObject({ ok: false, field: 'confirm' });
  });

  it('re-sends with kind, date and place, or withdraws with none', () => {
    expect(reviseActivitySchema({ activityId: 'ac-1', withdraw: true }, '').ok).toBe(true);
    expect(reviseActivitySchema({ activityId: 'ac-1', kind: 'forum', date: '2026-03-04' }, '')).toMatchObject({ ok: false, field: 'place' });
    expect(reviseActivitySchema({ activityId: 'ac-1', kind: 'forum', date: '2026-03-04', place: '景田社区' }, '').ok).toBe(true);
  });
});

describe('who acts on an activity', () => {
  const officer: Actor = { role: 'officer', id: 'sf-1', stationIds: ['st-a'] };
  const deputy: Actor = { role: 'deputy', id: 'dp-1', deputyId: 'dp-1' };
  const admin: Actor = { role: 'admin', id: 'sf-9', district: '福田区' };
  const activity = { deputyId: 'dp-1', stationIds: ['st-a', 'st-b'], districts: ['福田区'] };

  it('an officer of one of the deputy’s stations records; another station’s does not', () => {
    expect(mayRecordFor(officer, ['st-b', 'st-a'])).toBe(true);
    expect(mayRecordFor({ ...officer, stationIds: ['st-c'] }, ['st-a'])).toBe(false);
    expect(mayRecordFor(deputy, ['st-a'])).toBe(false);
  });

  it('only the deputy confirms; the office reads its district’s', () => {
    expect(mayConfirm(deputy, activity)).toBe(true);
    expect(mayConfirm({ ...deputy, deputyId: 'dp-2' }, activity)).toBe(false);
    expect(mayConfirm(officer, activity)).toBe(false);
    expect(mayReadActivity(admin, activity)).toBe(true);
    expect(mayReadActivity({ ...admin, district: '南山区' }, activity)).toBe(false);
    expect(mayReadActivity({ role: 'resident', id: 'u', openid: 'o' }, activity)).toBe(false);
  });
});

describe('confirmed activities in the duty record', () => {
  const one = (id: string, kind: DutyOffline['kind'], date: string): DutyOffline => ({ id, kind, date, place: '莲花北社区', confirmedAt: at });
  const year = (offline: DutyOffline[]): DutyActivity => ({ events: [], checkIns: [], cases: new Map(), bookings: [], reports: [], offline });

  // Hand-counted from the quota table (seed 003): 联组活动 = 调研视察 + 执法检查 + 代表论坛; 出席人代会 and 审议发言 are not 闭会期间 days.
  it('counts group activities, days between sessions and every confirmed one', () => {
    const counts = countDuty(
      year([
        one('a1', 'lawEnforcement', '2026-03-01'),
        one('a2', 'inspection', '2026-03-01'),
        one('a3', 'congress', '2026-01-10'),
        one('a4', 'deliberation', '2026-01-11'),
        one('a5', 'officials', '2026-02-02'),
        one('a6', 'forum', '2026-02-20'),
      ]),
    );
    expect(counts.groupActivities).toBe(3);
    expect(counts.activeDays).toBe(3); // 03-01 (twice), 02-02, 02-20
    expect(counts.offlineActivities).toBe(6);
  });

  it('lists each on its own day, with the activity’s id', () => {
    expect(recentDutyEntries(year([one('a1', 'lawEnforcement', '2026-03-01'), one('a5', 'officials', '2026-02-02')]))).toEqual([
      { at: '2026-03-01T04:00:00.000Z', kind: 'groupActivities', text: '执法检查（莲花北社区）', activityId: 'a1' },
      { at: '2026-02-02T04:00:00.000Z', kind: 'offlineActivities', text: '约见一府两院（莲花北社区）', activityId: 'a5' },
    ]);
  });
});
