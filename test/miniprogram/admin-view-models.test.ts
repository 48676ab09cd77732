/**
 * The district office's view-models: periods on Beijing's calendar, rates with their samples,
 * the station and person forms against what the server expects.
 */
import type { AdminStation, FiguresOutput, FiguresRow, InviteView, PersonView } from '../../typings/workspace';
import { medianText, periodProblem, presetPeriod, rateText, sortRows, toFiguresView } from '../../miniprogram/packages/admin/figures/view-model';
import { toInviteRow } from '../../miniprogram/packages/admin/invites/view-model';
import {
  formErrors as personErrors,
  formOf as personForm,
  inviteCard,
  serverErrors as personServerErrors,
  toDeputyInput,
  toOfficerInput,
} from '../../miniprogram/packages/admin/person/view-model';
import { addText, toPersonRow } from '../../miniprogram/packages/admin/people/view-model';
import { emptyForm, formErrors, formOf, fromChosenLocation, serverErrors, toStationInput } from '../../miniprogram/packages/admin/station/view-model';
import { toStationRow } from '../../miniprogram/packages/admin/stations/view-model';

const station: AdminStation = {
  id: 'st-ft-hf-01',
  code: 'FT-HF-01',
  name: '莲花北社区人大代表联络站',
  kind: 'community',
  district: '福田区',
  street: '华富街道',
  community: '莲花北社区',
  address: '福田区莲花北村23栋',
  location: { type: 'Point', coordinates: [114.0612, 22.5533] },
  phone: '0755-83001234',
  hours: [
    { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '12:00' },
    { weekdays: [6], open: '09:00', close: '11:30' },
  ],
  officers: [{ id: 'sf-ft-hf', name: '王芳' }],
  rules: ['每月10日为统一接待日', '来访登记'],
  deputies: 4,
};

describe('figures periods (Beijing calendar)', () => {
  // 2026-03-31 20:30 UTC is already 1 April in Beijing.
  const lateMarchUtc = new Date('2026-03-31T20:30:00Z');

  it.each([
    ['month', { from: '2026-04-01', to: '2026-04-01' }],
    ['quarter', { from: '2026-04-01', to: '2026-04-01' }],
    ['year', { from: '2026-01-01', to: '2026-04-01' }],
    ['last12', { from: '2025-04-02', to: '2026-04-01' }],
  ] as const)('%s computed from the Beijing date, not the UTC one', (preset, period) => {
    expect(presetPeriod(preset, lateMarchUtc)).toEqual(period);
  });

  it.each([
    ['month', '2025-11-21', { from: '2025-11-01', to: '2025-11-21' }],
    ['quarter', '2025-11-21', { from: '2025-10-01', to: '2025-11-21' }],
    ['quarter', '2025-02-15', { from: '2025-01-01', to: '2025-02-15' }],
    ['quarter', '2025-09-30', { from: '2025-07-01', to: '2025-09-30' }],
    ['year', '2025-11-21', { from: '2025-01-01', to: '2025-11-21' }],
    ['last12', '2025-11-21', { from: '2024-11-22', to: '2025-11-21' }],
    ['last12', '2028-02-29', { from: '2027-03-01', to: '2028-02-29' }],
    ['last12', '2025-12-31', { from: '2025-01-01', to: '2025-12-31' }],
  ] as const)('%s on %s', (preset, beijingDate, period) => {
    expect(presetPeriod(preset, new Date(`${beijingDate}T10:00:00+08:00`))).toEqual(period);
  });

  it('twelve months stay within the server’s 366 days', () => {
    for (const day of ['2024-02-29', '2025-03-01', '2028-02-29', '2026-01-01']) {
      expect(periodProblem(presetPeriod('last12', new Date(`${day}T00:30:00+08:00`)))).toBe('');
    }
  });

  it('refuses a custom period the server would', () => {
    expect(periodProblem({ from: '2025-11-02', to: '2025-11-01' })).toBe('开始日期不能晚于结束日期');
    expect(periodProblem({ from: '2024-01-01', to: '2024-12-31' })).toBe(''); // 366 days, leap year
    expect(periodProblem({ from: '2024-01-01', to: '2025-01-01' })).toBe('统计区间最长 366 天');
  });
});

describe('figures rows', () => {
  const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator ? numerator / denominator : null });
  const row = (id: string, received: number, rank?: number): FiguresRow => ({
    id,
    name: id,
    received,
    responseRate: rate(received, received),
    closureRate: rate(0, received),
    satisfactionRate: rate(0, 0),
    medianFirstResponseHours: null,
    firstResponseSample: 0,
    ...(rank ? { rank } : {}),
  });

  it.each([
    [rate(23, 25), '92%（23/25）'],
    [rate(0, 0), '—（0）'],
    [rate(0, 7), '0%（0/7）'],
    [rate(7, 7), '100%（7/7）'],
    [rate(199, 200), '99%（199/200）'],
    [rate(1, 300), '1%（1/300）'],
    [rate(2, 3), '67%（2/3）'],
  ])('%o reads %s', (r, text) => {
    expect(rateText(r)).toBe(text);
  });

  it('the median in hours with its sample', () => {
    expect(medianText(6.5, 20)).toBe('6.5 小时（n=20）');
    expect(medianText(3, 4)).toBe('3 小时（n=4）');
    expect(medianText(26.25, 9)).toBe('26.3 小时（n=9）');
    expect(medianText(null, 0)).toBe('—（n=0）');
  });

  it('by rank: the ranked in order, then the rest by received; by received: most first', () => {
    const rows = [row('a', 5), row('b', 30, 2), row('c', 50), row('d', 40, 1)];
    expect(sortRows(rows, 'rank').map((r) => r.id)).toEqual(['d', 'b', 'c', 'a']);
    expect(sortRows(rows, 'received').map((r) => r.id)).toEqual(['c', 'd', 'b', 'a']);
  });

  it('totals first as 合计; rank text only where the server gave one; the note names the minimum', () => {
    const output: FiguresOutput = {
      by: 'deputy',
      period: { from: '2025-11-01', to: '2025-11-21' },
      rows: [row('a', 5), row('b', 30, 1)],
      rankingMinimumRated: 10,
      totals: { ...row('t', 35), medianFirstResponseHours: 6.5, firstResponseSample: 20 },
    };
    const view = toFiguresView(output, 'rank');
    expect(view.totals).toMatchObject({ name: '合计', received: 35, median: '6.5 小时（n=20）', rankText: '' });
    expect(view.rows.map((r) => [r.name, r.rankText])).toEqual([
      ['b', '第 1 名'],
      ['a', ''],
    ]);
    expect(view.rankNote).toContain('评价不足 10 件的不参与排名');
    // By station the server sends no report ratings: no 述职满意率 line.
    expect(view.rows.map((r) => r.reportRatings)).toEqual(['', '']);
  });

  it('by deputy: 述职满意率 with its count, a rate only from 10 ratings', () => {
    const ratings = (satisfied: number, unsatisfied: number, rate: number | null) => ({
      satisfied,
      basicallySatisfied: 0,
      unsatisfied,
      total: satisfied + unsatisfied,
      rate,
      minimum: 10,
    });
    const output: FiguresOutput = {
      by: 'deputy',
      period: { from: '2025-11-01', to: '2025-11-21' },
      rows: [
        { ...row('a', 5, 1), reportRatings: ratings(33, 3, 33 / 36) },
        { ...row('b', 4, 2), reportRatings: ratings(7, 0, null) },
        { ...row('c', 3, 3), reportRatings: ratings(0, 0, null) },
      ],
      rankingMinimumRated: 10,
      totals: { ...row('t', 12), medianFirstResponseHours: 6.5, firstResponseSample: 20 },
    };
    expect(toFiguresView(output, 'rank').rows.map((r) => r.reportRatings)).toEqual(['92%（36人评价）', '已有 7 人评价', '暂无评价']);
  });

  it('接访群众 in 人次 for each row and the totals, 0 included; nothing where the server sent none', () => {
    const output: FiguresOutput = {
      by: 'station',
      period: { from: '2025-11-01', to: '2025-11-21' },
      rows: [{ ...row('a', 5, 1), visitors: 12 }, { ...row('b', 4, 2), visitors: 0 }, row('c', 3, 3)],
      rankingMinimumRated: 10,
      totals: { ...row('t', 12), visitors: 12 },
    };
    const view = toFiguresView(output, 'rank');
    expect(view.rows.map((r) => r.visitors)).toEqual(['12 人次', '0 人次', '']);
    expect(view.totals.visitors).toBe('12 人次');
    expect(toFiguresView({ ...output, totals: row('t', 12) }, 'rank').totals.visitors).toBe('');
  });
});

describe('station form', () => {
  it('reads a station into the form and sends it back unchanged', () => {
    const form = formOf(station);
    expect(form).toMatchObject({ latitude: '22.5533', longitude: '114.0612', rulesText: '每月10日为统一接待日\n来访登记', officerIds: ['sf-ft-hf'] });
    expect(formErrors(form)).toEqual({});
    expect(toStationInput(form, station.id)).toEqual({
      id: 'st-ft-hf-01',
      code: 'FT-HF-01',
      name: station.name,
      kind: 'community',
      street: '华富街道',
      community: '莲花北社区',
      address: station.address,
      latitude: 22.5533,
      longitude: 114.0612,
      phone: '0755-83001234',
      hours: station.hours,
      officerIds: ['sf-ft-hf'],
      rules: ['每月10日为统一接待日', '来访登记'],
    });
  });

  it('says what is missing in the server’s words', () => {
    const errors = formErrors({ ...emptyForm(), kind: 'sector' });
    expect(errors).toMatchObject({
      code: '请填写联络站代码',
      name: '请填写联络站名称',
      sector: '行业联络站请选择所属行业',
      street: '请填写所在街道',
      address: '请填写地址',
      position: '请在地图上选择位置，或填写经纬度',
      phone: '请填写联系电话',
    });
    expect(errors.community).toBeUndefined();
    expect(formErrors({ ...formOf(station), code: 'a' }).code).toBe('联络站代码为 2–16 位字母、数字或短横线');
    expect(formErrors({ ...formOf(station), latitude: '北纬22度' }).position).toBe('经纬度应为数字，纬度 -90–90，经度 -180–180');
    expect(formErrors({ ...formOf(station), community: ' ' }).community).toBe('社区联络站请填写所在社区');
    expect(formErrors({ ...formOf(station), hours: [{ weekdays: ['1'], open: '09:00', close: '09:00' }] }).hours).toBe('第 1 组：关门时间应晚于开门时间');
    expect(
      formErrors({ ...formOf(station), hours: [station.hours[0], { weekdays: [], open: '09:00', close: '10:00' }].map((h) => ({ ...h, weekdays: h.weekdays.map(String) })) })
        .hours,
    ).toBe('第 2 组：请选择开放日');
  });

  it('names a row of hours and maps the server’s paths onto the form', () => {
    expect(serverErrors({ message: '关门时间应晚于开门时间', field: 'hours.1.close' })).toEqual({ hours: '第 2 组：关门时间应晚于开门时间' });
    expect(serverErrors({ message: '纬度必须是数字', field: 'latitude' })).toEqual({ position: '纬度必须是数字' });
    expect(serverErrors({ message: '只能选择本行政区的联络员', field: 'officerIds.0' })).toEqual({ officers: '只能选择本行政区的联络员' });
    expect(serverErrors({ message: '联络站代码 FT-HF 已被使用', field: 'code' })).toEqual({ code: '联络站代码 FT-HF 已被使用' });
    expect(serverErrors({ message: '没有找到这个联络站' })).toEqual({ submit: '没有找到这个联络站' });
  });

  it('takes the map’s pin and address', () => {
    expect(fromChosenLocation({ latitude: 22.551512345, longitude: 114.0775, name: '华富街道办', address: '广东省深圳市福田区华富路1018号' })).toEqual({
      latitude: '22.551512',
      longitude: '114.0775',
      address: '广东省深圳市福田区华富路1018号',
    });
    expect(fromChosenLocation({ latitude: 22.5, longitude: 114, name: '华富街道办', address: '' }).address).toBe('华富街道办');
  });

  it('a sector station sends its sector; another kind never does', () => {
    const form = { ...formOf(station), kind: 'sector' as const, sector: 'law' as const };
    expect(toStationInput(form).sector).toBe('law');
    expect(toStationInput({ ...form, kind: 'street' }).sector).toBeUndefined();
  });

  it('list rows say kind, place, officers and deputies', () => {
    expect(toStationRow(station)).toMatchObject({ kindText: '社区联络站', place: '华富街道 · 莲花北社区', officersText: '联络员：王芳', deputiesText: '代表 4 名' });
    expect(toStationRow({ ...station, kind: 'sector', sector: 'law', officers: [] })).toMatchObject({
      kindText: '法律行业联络站',
      officersText: '未配联络员',
      noOfficer: true,
    });
  });
});

describe('people', () => {
  const deputy: PersonView = {
    id: 'dp-001',
    kind: 'deputy',
    name: '李明',
    detail: '区人大代表 · 福田区代表团 华富选区',
    stations: [{ id: 'st-ft-hf', name: '华富街道联络站' }],
    bound: true,
    level: 'district',
    delegation: '福田区代表团 华富选区',
    occupation: '',
  };

  it('a person’s form from the record’s own fields, never from its display text', () => {
    expect(personForm({ ...deputy, level: 'municipal', delegation: '深圳市代表团', occupation: '教师' })).toMatchObject({
      level: 'municipal',
      delegation: '深圳市代表团',
      occupation: '教师',
    });
    expect(personForm(deputy)).toMatchObject({ name: '李明', level: 'district', delegation: '福田区代表团 华富选区', occupation: '', stationIds: ['st-ft-hf'] });
    expect(personForm({ ...deputy, kind: 'officer', detail: '办公电话 0755-83001234', phone: '0755-83001234' }).phone).toBe('0755-83001234');
  });

  it('checks and sends a deputy and an officer', () => {
    const form = { ...personForm(deputy), occupation: ' 社区党委书记 ' };
    expect(personErrors('deputy', { ...form, stationIds: [] })).toEqual({ stations: '请至少选择一个联络站' });
    expect(personErrors('deputy', { ...form, level: '' }).level).toBe('请选择代表层级');
    expect(toDeputyInput(form, 'dp-001')).toEqual({
      id: 'dp-001',
      name: '李明',
      level: 'district',
      delegation: '福田区代表团 华富选区',
      occupation: '社区党委书记',
      stationIds: ['st-ft-hf'],
    });
    expect(personErrors('officer', { ...form, phone: '电话' }).phone).toBe('办公电话只能包含数字、空格和短横线');
    expect(personErrors('officer', { ...form, phone: '0755-1234567', stationIds: [] })).toEqual({});
    expect(toOfficerInput({ ...form, phone: ' 0755-1234567 ' })).toEqual({ name: '李明', phone: '0755-1234567', stationIds: ['st-ft-hf'] });
    expect(personServerErrors({ message: '只能选择本行政区的联络站', field: 'stationIds.1' })).toEqual({ stations: '只能选择本行政区的联络站' });
    expect(personServerErrors({ message: '该人员已绑定微信账号', field: 'personId' })).toEqual({ submit: '该人员已绑定微信账号' });
  });

  it('rows and the add button by tab', () => {
    expect(toPersonRow({ ...deputy, stations: [] })).toMatchObject({ stationsText: '未分配联络站', bound: true });
    expect([addText('deputy'), addText('officer'), addText('admin')]).toEqual(['新增代表', '新增联络员', '']);
  });

  it('an invite reads in two groups, with its expiry in Beijing time', () => {
    const invite: InviteView = {
      code: 'K7QM2XPA',
      role: 'officer',
      person: { id: 'sf-1', name: '王芳' },
      status: 'open',
      createdAt: '2025-11-21T01:30:00.000Z',
      expiresAt: '2025-11-27T16:30:00.000Z',
    };
    const now = new Date('2025-11-21T02:00:00Z');
    expect(inviteCard(invite, now)).toEqual({ code: 'K7QM2XPA', codeText: 'K7QM 2XPA', roleText: '联络员', expiresText: '11月28日 00:30 前有效，只能使用一次' });
    expect(toInviteRow(invite, now)).toMatchObject({
      statusText: '未使用',
      statusTag: 'primary',
      canRevoke: true,
      who: '联络员 · 王芳',
      times: '生成于 11月21日 09:30 · 有效至 11月28日 00:30',
    });
    expect(toInviteRow({ ...invite, status: 'redeemed', redeemedAt: '2025-11-22T03:00:00.000Z' }, now)).toMatchObject({
      statusText: '已使用',
      canRevoke: false,
      times: '生成于 11月21日 09:30 · 使用于 11月22日 11:00',
    });
    expect(toInviteRow({ ...invite, status: 'revoked' }, now)).toMatchObject({ statusText: '已撤销', statusTag: 'default', canRevoke: false });
    expect(toInviteRow({ ...invite, status: 'expired' }, now)).toMatchObject({ statusText: '已过期', statusTag: 'warning', canRevoke: false });
  });
});
