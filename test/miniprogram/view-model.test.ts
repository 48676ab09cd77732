import { maskOpenid, mePageData, toMeView, workEntries } from '../../miniprogram/pages/me/view-model';

describe('me view-model', () => {
  it.each([
    ['resident', '群众'],
    ['deputy', '人大代表'],
    ['officer', '联络员'],
    ['admin', '区人大常委会'],
    ['unit', '承办单位'],
  ] as const)('calls a %s %s', (role, label) => {
    expect(toMeView({ openid: 'odemo-resident', role }).roleLabel).toBe(label);
  });

  it('shows only the ends of the openid', () => {
    expect(maskOpenid('oABCDEFGHIJKLMNOP1234')).toBe('oABC****1234');
    expect(maskOpenid('short')).toBe('****');
  });

  it('names the stations of deputies and officers, and the district of admins', () => {
    const stations = [
      { id: 'a', name: '华富街道人大代表联络站' },
      { id: 'b', name: '莲花北社区人大代表联络站' },
    ];
    expect(toMeView({ openid: 'o-1', role: 'officer', name: '王芳', stations })).toMatchObject({
      name: '王芳',
      scope: '华富街道人大代表联络站、莲花北社区人大代表联络站',
      scopeTitle: '联络站',
    });
    expect(toMeView({ openid: 'o-1', role: 'admin', name: '赵敏', district: '福田区', stations })).toMatchObject({ scope: '福田区', scopeTitle: '辖区' });
    expect(toMeView({ openid: 'o-1', role: 'resident' })).toMatchObject({ name: '', scope: '' });
  });

  it('names the unit of a handling unit’s staff, or nothing when the profile has none', () => {
    expect(toMeView({ openid: 'o-1', role: 'unit', name: '周敏', unit: { id: 'unit-ft-zjj', name: '区住房和建设局' } })).toMatchObject({
      name: '周敏',
      scope: '区住房和建设局',
      scopeTitle: '单位',
    });
    expect(toMeView({ openid: 'o-1', role: 'unit' })).toMatchObject({ scope: '' });
  });

  it.each([
    ['resident', ['/packages/work/redeem/index']],
    [
      'deputy',
      [
        '/packages/work/inbox/index',
        '/packages/suggestion/list/index',
        '/packages/work/checkin/index',
        '/packages/work/duty/index',
        '/packages/work/activities/index',
        '/packages/work/report/index',
      ],
    ],
    [
      'officer',
      ['/packages/work/inbox/index', '/packages/work/schedule/index', '/packages/consultation/list/index', '/packages/work/activities/index', '/packages/work/report/index'],
    ],
    [
      'admin',
      [
        '/packages/work/inbox/index',
        '/packages/suggestion/list/index',
        '/packages/consultation/list/index',
        '/packages/admin/stations/index',
        '/packages/admin/people/index',
        '/packages/admin/units/index',
        '/packages/admin/invites/index',
        '/packages/admin/figures/index',
        '/packages/work/activities/index',
      ],
    ],
    // A handling unit: its 待办建议 only (no case queue, no stations).
    ['unit', ['/packages/suggestion/list/index']],
  ] as const)('opens for a %s exactly %j', (role, urls) => {
    expect(workEntries(role).map((e) => e.url)).toEqual(urls);
  });

  it('has a 工作台 only for work roles', () => {
    expect(mePageData({ openid: 'o-1', role: 'resident' }).isWorker).toBe(false);
    expect(mePageData({ openid: 'o-1', role: 'deputy', name: '李明' }).isWorker).toBe(true);
  });
});
