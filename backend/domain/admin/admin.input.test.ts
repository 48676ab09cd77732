import { deputyInput, officerInput, stationInput } from '.';

const station = {
  code: 'ft-new-01',
  name: '福田区新建联络站',
  kind: 'community',
  street: '华富街道',
  community: '莲花北社区',
  address: '深圳市福田区华富街道莲花北村 1 号',
  latitude: 22.55,
  longitude: 114.07,
  phone: '0755-83001234',
  hours: [{ weekdays: [5, 1, 3], open: '09:00', close: '17:30' }],
  officerIds: ['sf-ft-hf'],
  rules: ['接待制度'],
};

describe('a station as an admin saves it', () => {
  it('passes whole, with the code upper-cased and the weekdays in order', () => {
    const checked = stationInput(station, '');
    expect(checked).toEqual({ ok: true, value: { ...station, code: 'FT-NEW-01', hours: [{ weekdays: [1, 3, 5], open: '09:00', close: '17:30' }] } });
  });

  it.each([
    ['code', { code: 'x' }, /2–16 位/],
    ['code', { code: 'ft_01' }, /字母、数字或短横线/],
    ['code', { code: 'a'.repeat(17) }, /不能超过 16/],
    ['name', { name: '   ' }, /请填写联络站名称/],
    ['kind', { kind: 'city' }, /联络站类型/],
    ['sector', { kind: 'sector', sector: undefined }, /请选择所属行业/],
    ['sector', { sector: 'law' }, /只有行业联络站/],
    ['community', { community: undefined }, /请填写所在社区/],
    ['latitude', { latitude: '22.5' }, /纬度必须是数字/],
    ['longitude', { longitude: 200 }, /经度应在/],
    ['phone', { phone: 'call me' }, /联系电话/],
    ['hours', { hours: [] }, /开放时间至少 1 项/],
    ['hours.0.open', { hours: [{ weekdays: [1], open: '9:00', close: '17:00' }] }, /HH:mm/],
    ['hours.0.close', { hours: [{ weekdays: [1], open: '18:00', close: '17:00' }] }, /晚于开门/],
    ['hours.0.weekdays', { hours: [{ weekdays: [1, 1], open: '09:00', close: '17:00' }] }, /重复/],
    ['hours.0.weekdays.0', { hours: [{ weekdays: [8], open: '09:00', close: '17:00' }] }, /星期应在 1 到 7/],
    ['officerIds.1', { officerIds: ['sf-a', 'sf-a'] }, /联络员重复/],
    ['officerIds.0', { officerIds: [{ $ne: null }] }, /联络员必须是文字/],
    ['rules.0', { rules: [''] }, /请填写站点制度/],
    ['location', { location: [1, 2] }, /不认识的字段/],
  ])('refuses a bad %s', (field, change, reason) => {
    expect(stationInput({ ...station, ...change }, '')).toEqual({ ok: false, field, reason: expect.stringMatching(reason) });
  });
});

describe('deputies and officers as an admin saves them', () => {
  const deputy = { name: '李明', level: 'district', delegation: '福田区代表团 华富选区', occupation: '社区党委书记', stationIds: ['st-ft-hf'] };

  it('a deputy with a station passes', () => {
    expect(deputyInput(deputy, '')).toEqual({ ok: true, value: deputy });
  });

  it.each([
    ['name', { name: '' }, /请填写姓名/],
    ['level', { level: 'village' }, /代表层级/],
    ['stationIds', { stationIds: [] }, /至少 1 项/],
    ['delegation', { delegation: undefined }, /代表团/],
  ])('a deputy with a bad %s is refused', (field, change, reason) => {
    expect(deputyInput({ ...deputy, ...change }, '')).toEqual({ ok: false, field, reason: expect.stringMatching(reason) });
  });

  it('an officer needs a name and a phone; stations may come later', () => {
    expect(officerInput({ name: '王芳', phone: '0755-83001234', stationIds: [] }, '').ok).toBe(true);
    expect(officerInput({ name: '王芳', phone: '', stationIds: [] }, '')).toMatchObject({ ok: false, field: 'phone' });
  });
});
