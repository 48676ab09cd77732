import type { StationDetail, StationFigures, StationSummary } from '../../typings/api';
import type { OpeningHours } from '../../typings/models';
import { formatDay, formatDistance, formatHours, formatWeekdays, kindLabel, nextReceptionText, openNow, shanghaiClock } from '../../miniprogram/pages/stations/station-format';
import { appendListData, MAX_QUERY_LENGTH, searchText, toListData, toSearchListData, toStationCard } from '../../miniprogram/pages/stations/view-model';
import type { SearchHits, SearchResult } from '../../miniprogram/pages/stations/view-model';
import { STREETS } from '../../miniprogram/pages/stations/streets';
import { bookingUrl, composeUrl, stationPageUrl } from '../../miniprogram/pages/stations/routes';
import { shareOf, stationQuery, toDeputyView, toReceptionView, toStationView } from '../../miniprogram/packages/station/detail/view-model';
import { percentText, rate, toFiguresView } from '../../miniprogram/packages/station/detail/figures';

const WEEKDAYS = [1, 2, 3, 4, 5];
const OFFICE: OpeningHours[] = [
  { weekdays: WEEKDAYS, open: '09:00', close: '12:00' },
  { weekdays: WEEKDAYS, open: '14:00', close: '18:00' },
];
const OFFICE_AND_SATURDAY: OpeningHours[] = [...OFFICE, { weekdays: [6], open: '09:00', close: '12:00' }];

const summary = (over: Partial<StationSummary> = {}): StationSummary => ({
  id: 'st-ft-hf',
  code: 'FT-HF',
  name: '福田区华富街道人大代表联络站',
  kind: 'street',
  street: '华富街道',
  address: '福田区华富街道华富路1006号',
  location: { type: 'Point', coordinates: [114.0792, 22.5531] },
  hours: OFFICE,
  distance: 850,
  nextReceptionDate: null,
  ...over,
});

// The phone's zone must not matter: any read of its local clock fails the test. (jest keeps
// process.env.TZ per worker, so switching zones here would prove nothing.)
const LOCAL_CLOCK = [
  'getFullYear',
  'getMonth',
  'getDate',
  'getDay',
  'getHours',
  'getMinutes',
  'getSeconds',
  'getTimezoneOffset',
  'toString',
  'toDateString',
  'toTimeString',
  'toLocaleString',
  'toLocaleDateString',
  'toLocaleTimeString',
] as const;
beforeEach(() => {
  for (const name of LOCAL_CLOCK) {
    jest.spyOn(Date.prototype, name).mockImplementation(() => {
      throw new Error(`read the phone's local clock: Date#${name}`);
    });
  }
});
afterEach(() => jest.restoreAllMocks());

describe('distance', () => {
  it.each([
    [0, '0米'],
    [850, '850米'],
    [849.6, '850米'],
    [999.4, '999米'],
    [999.6, '1公里'],
    [1000, '1公里'],
    [1049, '1公里'],
    [1050, '1.1公里'],
    [2300, '2.3公里'],
    [12_345, '12.3公里'],
    [99_960, '100公里'],
    [123_456, '123公里'],
  ])('%p metres read %p', (metres, text) => {
    expect(formatDistance(metres)).toBe(text);
  });

  it.each([undefined, -1, Number.NaN, Number.POSITIVE_INFINITY])('%p reads as no distance', (metres) => {
    expect(formatDistance(metres)).toBe('');
  });
});

describe('kind of station', () => {
  it.each([
    ['street', undefined, '街道联络站'],
    ['community', undefined, '社区联络站'],
    ['sector', 'law', '法律行业联络站'],
    ['sector', 'health', '医疗卫生行业联络站'],
    ['sector', undefined, '行业联络站'],
  ] as const)('%s %s → %s', (kind, sector, label) => {
    expect(kindLabel(kind, sector)).toBe(label);
  });
});

describe('open now, on Shenzhen time whatever the phone says', () => {
  it.each([
    ['Tuesday 10:30 in Shenzhen', '2025-11-25T10:30:00+08:00', OFFICE, '营业中'],
    ['the same instant, seen from New York (Monday evening)', '2025-11-24T21:30:00-05:00', OFFICE, '营业中'],
    ['the same instant, seen from Berlin', '2025-11-25T03:30:00+01:00', OFFICE, '营业中'],
    ['Tuesday 08:00, before opening', '2025-11-25T08:00:00+08:00', OFFICE, '今日09:00开放'],
    ['Tuesday 12:00, the lunch break', '2025-11-25T12:00:00+08:00', OFFICE, '今日14:00开放'],
    ['Tuesday 17:59', '2025-11-25T17:59:00+08:00', OFFICE, '营业中'],
    ['Tuesday 18:00, closing time', '2025-11-25T18:00:00+08:00', OFFICE, '已休息'],
    ['Tuesday 00:30 in Shenzhen, still Monday in UTC', '2025-11-24T16:30:00Z', OFFICE, '今日09:00开放'],
    ['Monday 15:30 in Shenzhen, Sunday night in Los Angeles', '2025-11-23T23:30:00-08:00', OFFICE, '营业中'],
    ['Saturday 10:00 without Saturday hours', '2025-11-29T10:00:00+08:00', OFFICE, '已休息'],
    ['Saturday 10:00 with Saturday mornings', '2025-11-29T10:00:00+08:00', OFFICE_AND_SATURDAY, '营业中'],
    ['Saturday 08:45 with Saturday mornings', '2025-11-29T08:45:00+08:00', OFFICE_AND_SATURDAY, '今日09:00开放'],
    ['Saturday 14:00 in Shenzhen, Friday evening in Honolulu', '2025-11-28T20:00:00-10:00', OFFICE_AND_SATURDAY, '已休息'],
    ['Sunday', '2025-11-30T10:00:00+08:00', OFFICE_AND_SATURDAY, '已休息'],
    ['no published hours', '2025-11-25T10:30:00+08:00', [], '已休息'],
  ])('%s → %s', (_when, instant, hours, text) => {
    expect(openNow(hours, new Date(instant)).text).toBe(text);
  });

  it('gives the state for the tag colour', () => {
    expect(openNow(OFFICE, new Date('2025-11-25T10:30:00+08:00')).state).toBe('open');
    expect(openNow(OFFICE, new Date('2025-11-25T12:30:00+08:00')).state).toBe('later');
    expect(openNow(OFFICE, new Date('2025-11-25T19:00:00+08:00')).state).toBe('closed');
  });

  it('takes the earliest later opening, however the hours are listed', () => {
    const listedBackwards = [...OFFICE].reverse();
    expect(openNow(listedBackwards, new Date('2025-11-25T07:00:00+08:00')).text).toBe('今日09:00开放');
  });

  it('reads the Shenzhen calendar day, weekday and minute', () => {
    expect(shanghaiClock(new Date('2025-11-24T16:30:00Z'))).toEqual({ date: '2025-11-25', weekday: 2, minutes: 30 });
    expect(shanghaiClock(new Date('2025-11-30T15:59:00Z'))).toEqual({ date: '2025-11-30', weekday: 7, minutes: 23 * 60 + 59 });
  });
});

describe('opening hours', () => {
  it.each([
    ['the office week with a lunch break', OFFICE, ['周一至周五 09:00-12:00、14:00-18:00']],
    ['plus Saturday mornings', OFFICE_AND_SATURDAY, ['周一至周五 09:00-12:00、14:00-18:00', '周六 09:00-12:00']],
    ['spans listed out of order', [OFFICE[1], { weekdays: [6], open: '09:00', close: '12:00' }, OFFICE[0]], ['周一至周五 09:00-12:00、14:00-18:00', '周六 09:00-12:00']],
    ['every day', [{ weekdays: [7, 1, 2, 3, 4, 5, 6], open: '08:30', close: '20:00' }], ['每天 08:30-20:00']],
    ['none', [], []],
  ])('%s', (_what, hours, lines) => {
    expect(formatHours(hours as OpeningHours[])).toEqual(lines);
  });

  it.each([
    [[1, 2, 3, 4, 5], '周一至周五'],
    [[1, 3, 5], '周一、周三、周五'],
    [[6, 7], '周六、周日'],
    [[7, 6], '周六、周日'],
    [[1, 2, 3, 5, 6, 7], '周一至周三、周五至周日'],
    [[2], '周二'],
    [[1, 2, 3, 4, 5, 6, 7], '每天'],
  ])('weekdays %p read %p', (days, text) => {
    expect(formatWeekdays(days)).toBe(text);
  });
});

describe('reception days', () => {
  it.each([
    ['2025-11-25', '今天接待'],
    ['2025-11-26', '下次接待日 11月26日 周三'],
    ['2025-12-10', '下次接待日 12月10日 周三'],
    ['2026-01-05', '下次接待日 1月5日 周一'],
    [null, ''], // the server's "nothing scheduled"
    [undefined, ''],
    ['next week', ''],
  ])('%p, seen on 25 November, reads %p', (date, text) => {
    expect(nextReceptionText(date, '2025-11-25')).toBe(text);
  });

  it('names the weekday of the calendar day, not of an instant', () => {
    expect(formatDay('2025-11-30')).toBe('11月30日 周日');
    expect(formatDay('2025-13-01x')).toBe('');
  });

  it('calls it today by the Shenzhen date, even when the phone still thinks it is yesterday', () => {
    // 01:00 on the 25th in Shenzhen; 09:00 on the 24th in Los Angeles.
    const card = toStationCard(summary({ nextReceptionDate: '2025-11-25' }), new Date('2025-11-24T17:00:00Z'));
    expect(card.receptionText).toBe('今天接待');
  });

  it('says nothing of reception days when the server says none is scheduled (null)', () => {
    expect(toStationCard(summary({ nextReceptionDate: null }), new Date('2025-11-24T17:00:00Z')).receptionText).toBe('');
  });
});

describe('附近联络站 view-model', () => {
  const now = new Date('2025-11-25T10:30:00+08:00');
  const stations = [
    summary({ nextReceptionDate: '2025-11-25' }),
    summary({
      id: 'st-ft-hf-01',
      name: '华富街道莲花北社区人大代表联络站',
      kind: 'community',
      address: '福田区华富街道莲花北村12栋一楼',
      distance: 2300,
      location: { type: 'Point', coordinates: [114.0708, 22.5584] },
    }),
    summary({ id: 'st-ft-lh', name: '福田区莲花街道人大代表联络站', street: '莲花街道', address: '福田区莲花街道新洲路2008号', distance: 3100 }),
  ];
  const result = (over: Partial<SearchResult> = {}): SearchResult => ({
    origin: { latitude: 22.5431, longitude: 114.0579 },
    range: 5000,
    stations,
    hasMore: false,
    ...over,
  });

  it('keeps only what a card renders', () => {
    expect(toStationCard(stations[0], now)).toEqual({
      id: 'st-ft-hf',
      name: '福田区华富街道人大代表联络站',
      address: '福田区华富街道华富路1006号',
      kindLabel: '街道联络站',
      distanceText: '850米',
      openText: '营业中',
      openState: 'open',
      receptionText: '今天接待',
    });
  });

  it('heads the list by whose distances they are', () => {
    expect(toListData(result(), { now, mapShown: false }).heading).toBe('离您最近的联络站');
    expect(toListData(result({ origin: { latitude: 22.5566, longitude: 114.0912, street: '园岭街道' } }), { now, mapShown: false }).heading).toBe('园岭街道附近的联络站');
  });

  it('offers 10 km when nothing is within 5 km, and nothing wider after that', () => {
    const empty = toListData(result({ stations: [] }), { now, mapShown: false });
    expect(empty).toMatchObject({ emptyText: '附近没有联络站', emptyHint: '5公里内没有找到联络站，可以扩大搜索范围', widenText: '扩大到10公里', more: 'end' });
    expect(toListData(result({ stations: [], range: 10000 }), { now, mapShown: false }).widenText).toBe('');
  });

  it('shows every loaded station: the search box asks the server, it does not filter the list', () => {
    const list = toListData(result({ hasMore: true }), { now, mapShown: false });
    expect(list.stations.map((c) => c.id)).toEqual(['st-ft-hf', 'st-ft-hf-01', 'st-ft-lh']);
    expect(list).toMatchObject({ more: 'idle', searchNote: '' });
  });

  it('marks every listed station on the map by its index in the list', () => {
    const { map } = toListData(result(), { now, mapShown: true });
    expect(map).toMatchObject({ latitude: 22.5431, longitude: 114.0579 });
    expect(map!.markers.map((m) => [m.id, m.title])).toEqual([
      [0, '福田区华富街道人大代表联络站'],
      [1, '华富街道莲花北社区人大代表联络站'],
      [2, '福田区莲花街道人大代表联络站'],
    ]);
    expect(map!.markers[1]).toMatchObject({ latitude: 22.5584, longitude: 114.0708 });
    expect(map!.markers[1].callout.content).toBe('华富街道莲花北社区人大代表联络站\n2.3公里 · 点击查看');
    expect(toListData(result(), { now, mapShown: false }).map).toBeNull();
  });

  it('appends a page by index paths, only the new cards', () => {
    const patch = appendListData(toListData(result(), { now, mapShown: false }), 1);
    expect(Object.keys(patch).sort()).toEqual(['more', 'searchNote', 'stations[1]', 'stations[2]']);
    expect(patch['stations[2]']).toMatchObject({ id: 'st-ft-lh' });
    expect(Object.keys(appendListData(toListData(result(), { now, mapShown: true }), 3)).sort()).toEqual(['map', 'more', 'searchNote']);
  });
});

describe('search results view-model', () => {
  const now = new Date('2025-11-25T10:30:00+08:00');
  const found = [
    summary({ id: 'st-ft-hf-01', name: '华富街道莲花北社区人大代表联络站', kind: 'community', distance: 2300, location: { type: 'Point', coordinates: [114.0708, 22.5584] } }),
    summary({ id: 'st-ft-lh', name: '福田区莲花街道人大代表联络站', street: '莲花街道', distance: 3100 }),
  ];
  const hits = (over: Partial<SearchHits> = {}): SearchHits => ({
    query: '莲花',
    origin: { latitude: 22.5431, longitude: 114.0579 },
    stations: found,
    hasMore: false,
    ...over,
  });
  const unlocated = found.map(({ distance: _distance, ...station }) => station);

  it('heads the results by the query and says how they are ordered', () => {
    expect(toSearchListData(hits(), { now, mapShown: false })).toMatchObject({ heading: '“莲花”的搜索结果', searchNote: '离您最近的在前', widenText: '', more: 'end' });
    expect(toSearchListData(hits({ origin: { latitude: 22.5566, longitude: 114.0912, street: '园岭街道' } }), { now, mapShown: false }).searchNote).toBe(
      '离园岭街道最近的在前',
    );
    const byText = toSearchListData(hits({ origin: null, stations: unlocated }), { now, mapShown: false });
    expect(byText.searchNote).toBe('没有位置信息，未按距离排列');
    expect(byText.stations.map((c) => c.distanceText)).toEqual(['', '']);
  });

  it('shows the cards with their distance, and more to load when the server has more', () => {
    const data = toSearchListData(hits({ hasMore: true }), { now, mapShown: false });
    expect(data.stations.map((c) => [c.id, c.distanceText])).toEqual([
      ['st-ft-hf-01', '2.3公里'],
      ['st-ft-lh', '3.1公里'],
    ]);
    expect(data.more).toBe('idle');
  });

  it('says so when nothing matches, and offers no wider range', () => {
    expect(toSearchListData(hits({ query: '罗湖', stations: [] }), { now, mapShown: false })).toMatchObject({
      stations: [],
      emptyText: '没有找到“罗湖”相关的联络站',
      emptyHint: '可以换个词试试：联络站、街道、社区或道路的名称',
      widenText: '',
      searchNote: '',
    });
  });

  it('maps the results around the centre, or around the first result without one', () => {
    expect(toSearchListData(hits(), { now, mapShown: true }).map).toMatchObject({ latitude: 22.5431, longitude: 114.0579 });
    const map = toSearchListData(hits({ origin: null, stations: unlocated }), { now, mapShown: true }).map!;
    expect(map).toMatchObject({ latitude: 22.5584, longitude: 114.0708 });
    expect(map.markers[0].callout.content).toBe('华富街道莲花北社区人大代表联络站\n点击查看');
    expect(toSearchListData(hits({ origin: null, stations: [] }), { now, mapShown: true }).map).toBeNull();
  });

  it.each([
    ['  莲花北 ', '莲花北'],
    ['   ', ''],
    ['', ''],
    ['华'.repeat(31), '华'.repeat(MAX_QUERY_LENGTH)],
  ])('sends %p as %p', (typed, sent) => {
    expect(searchText(typed)).toBe(sent);
  });
});

describe('streets of 福田区', () => {
  it('lists the ten streets with centres inside the district', () => {
    expect(STREETS.map((s) => s.name)).toEqual(['园岭街道', '南园街道', '福田街道', '沙头街道', '梅林街道', '华富街道', '香蜜湖街道', '莲花街道', '华强北街道', '福保街道']);
    for (const s of STREETS) {
      expect(s.latitude).toBeGreaterThan(22.5);
      expect(s.latitude).toBeLessThan(22.6);
      expect(s.longitude).toBeGreaterThan(114.0);
      expect(s.longitude).toBeLessThan(114.1);
    }
  });
});

describe('routes', () => {
  it('leads to the station, the message form and the booking page', () => {
    expect(stationPageUrl({ id: 'st-ft-hf-01' })).toBe('/packages/station/detail/index?id=st-ft-hf-01');
    expect(stationPageUrl({ code: 'FT-HF-01' })).toBe('/packages/station/detail/index?code=FT-HF-01');
    expect(composeUrl('st-ft-hf-01')).toBe('/packages/case/compose/index?stationId=st-ft-hf-01');
    expect(composeUrl('st-ft-hf-01', 'dp-001')).toBe('/packages/case/compose/index?stationId=st-ft-hf-01&deputyId=dp-001');
    expect(bookingUrl('st-ft-hf-01')).toBe('/packages/station/booking/index?stationId=st-ft-hf-01');
  });
});

describe('联络站 view-model', () => {
  it.each([
    [{ id: 'st-ft-hf-01' }, { id: 'st-ft-hf-01' }],
    [{ code: 'FT-HF-01' }, { code: 'FT-HF-01' }],
    [{ scene: 'FT-HF-01' }, { code: 'FT-HF-01' }],
    [{ scene: 'FT%2DHF%2D01' }, { code: 'FT-HF-01' }],
    [{ scene: encodeURIComponent('<script>') }, null],
    [{ scene: '%E0%A4%A' }, null],
    [{ id: 'st-1', scene: 'FT-HF-01' }, { id: 'st-1' }],
    [{}, null],
  ])('page options %p ask for %p', (options, query) => {
    expect(stationQuery(options)).toEqual(query);
  });

  it.each([
    ['national', '全国人大代表'],
    ['provincial', '省人大代表'],
    ['municipal', '市人大代表'],
    ['district', '区人大代表'],
    ['township', '乡镇人大代表'],
  ] as const)('a %s deputy is labelled %s', (level, label) => {
    expect(toDeputyView({ id: 'dp-1', name: '王丽华', level, delegation: '', occupation: '' }).levelLabel).toBe(label);
  });

  it('shows the surname where there is no photo', () => {
    expect(toDeputyView({ id: 'dp-1', name: '王丽华', level: 'district', delegation: 'd', occupation: 'o' })).toMatchObject({ initial: '王', photoUrl: '' });
  });

  it('lays out a reception day, and says 待定 before deputies are assigned', () => {
    const card = { id: 'rc-1', date: '2025-12-10', start: '14:30', end: '17:00', deputies: [] };
    expect(toReceptionView(card, '2025-11-25')).toEqual({
      id: 'rc-1',
      dayText: '12月10日 周三',
      timeText: '14:30-17:00',
      deputiesText: '待定',
      officerName: '',
      officerPhone: '',
      reportMeeting: false,
      event: null,
    });
    expect(toReceptionView({ ...card, date: '2025-11-25' }, '2025-11-25').dayText).toBe('今天 11月25日 周二');
  });

  it('tells a 述职会 from a reception day; a day without a kind is a reception day', () => {
    const card = { id: 'rc-1', date: '2025-12-10', start: '19:00', end: '21:00', deputies: [] };
    expect(toReceptionView({ ...card, kind: 'report_meeting' }, '2025-11-25').reportMeeting).toBe(true);
    expect(toReceptionView({ ...card, kind: 'reception' }, '2025-11-25').reportMeeting).toBe(false);
    expect(toReceptionView(card, '2025-11-25').reportMeeting).toBe(false);
  });

  const roster = { deputies: [toDeputyInput('dp-1'), toDeputyInput('dp-2')], receptions: [] };
  function toDeputyInput(id: string) {
    return { id, name: '代表', level: 'district' as const, delegation: '', occupation: '' };
  }

  const figures = (over: Partial<StationFigures> = {}): StationFigures => ({
    period: { from: '2024-11-26', to: '2025-11-25' },
    received: 40,
    closed: 37,
    rated: 37,
    satisfied: 34,
    respondedInTime: 39,
    ...over,
  });
  const handling = (f: StationFigures) => toFiguresView(roster, f).handling.map((row) => [row.label, row.value]);

  it('shows the roster and schedule facts, and the period of the figures', () => {
    const view = toFiguresView(roster, figures());
    expect(view.facts).toEqual([
      { label: '驻站代表', value: '2 名' },
      { label: '已公布接待日', value: '0 次（未来60天）' },
    ]);
    expect(view.periodText).toBe('近12个月（2024.11.26—2025.11.25）');
  });

  it.each([
    [figures(), ['40 件', '93%（共 40 件）', '92%（37 人评价）']],
    [figures({ received: 5, closed: 2, rated: 0, satisfied: 0 }), ['5 件', '40%（共 5 件）', '暂无数据']],
    [figures({ received: 3, closed: 0, rated: 0, satisfied: 0 }), ['3 件', '0%（共 3 件）', '暂无数据']],
    [figures({ received: 0, closed: 0, rated: 0, satisfied: 0, respondedInTime: 0 }), ['0 件', '暂无数据', '暂无数据']],
    [figures({ received: 1, closed: 1, rated: 1, satisfied: 1 }), ['1 件', '100%（共 1 件）', '100%（1 人评价）']],
    [figures({ received: 200, closed: 199, rated: 200, satisfied: 1 }), ['200 件', '99%（共 200 件）', '1%（200 人评价）']],
  ])('reads %p as 收到诉求, 办结率 and 满意率 with their samples', (f, values) => {
    expect(handling(f)).toEqual([
      ['收到诉求', values[0]],
      ['办结率', values[1]],
      ['满意率', values[2]],
    ]);
  });

  it('adds 接访群众 after the handling figures when the answer has it, 0 included; not at all without it', () => {
    expect(handling(figures({ visitors: 12 }))).toEqual([
      ['收到诉求', '40 件'],
      ['办结率', '93%（共 40 件）'],
      ['满意率', '92%（37 人评价）'],
      ['接访群众', '12 人次'],
    ]);
    expect(toFiguresView(roster, figures({ visitors: 0 })).handling.map((row) => [row.key, row.value])).toContainEqual(['visitors', '0 人次']);
    expect(toFiguresView(roster, figures()).handling.map((row) => row.key)).toEqual(['received', 'closure', 'satisfaction']);
  });

  it('takes a rate only over a sample, and rounds it without claiming 100% or 0% that is not so', () => {
    expect(rate(0, 0)).toEqual({ sample: 0 });
    expect(rate(34, 37)).toEqual({ value: 34 / 37, sample: 37 });
    expect([0, 0.004, 0.5, 0.925, 0.995, 1].map(percentText)).toEqual(['0%', '1%', '50%', '93%', '99%', '100%']);
  });

  const detail: StationDetail = {
    ...summary({ id: 'st-ft-hf-01', code: 'FT-HF-01', name: '华富街道莲花北社区人大代表联络站', kind: 'community', hours: OFFICE_AND_SATURDAY, distance: undefined }),
    phone: '0755-83210001',
    district: '福田区',
    rules: ['代表接待群众制度'],
    officers: [{ id: 'sf-1', name: '陈晓燕', phone: '0755-83210011' }],
    deputies: [{ id: 'dp-1', name: '王丽华', level: 'district', delegation: '福田区第八届人大 华富选区', occupation: '社区党委书记' }],
    receptions: [{ id: 'rc-1', date: '2025-11-26', start: '09:00', end: '11:30', deputies: [{ id: 'dp-1', name: '王丽华' }] }],
    figures: figures({ received: 0, closed: 0, rated: 0, satisfied: 0, respondedInTime: 0 }),
  };

  it('shapes the whole station for the page', () => {
    const view = toStationView(detail, new Date('2025-11-25T12:30:00+08:00'));
    expect(view).toMatchObject({
      id: 'st-ft-hf-01',
      name: '华富街道莲花北社区人大代表联络站',
      kindLabel: '社区联络站',
      openText: '今日14:00开放',
      openState: 'later',
      hoursLines: ['周一至周五 09:00-12:00、14:00-18:00', '周六 09:00-12:00'],
      phone: '0755-83210001',
      nextReceptionText: '下次接待日 11月26日 周三',
      officers: [{ id: 'sf-1', name: '陈晓燕', phone: '0755-83210011' }],
      rules: ['代表接待群众制度'],
    });
    expect(view.deputies).toHaveLength(1);
    expect(view.receptions[0].dayText).toBe('11月26日 周三');
    expect(view.figures.handling.map((row) => row.value)).toEqual(['0 件', '暂无数据', '暂无数据']);
  });

  it('shares by code', () => {
    expect(shareOf(detail)).toEqual({ title: '华富街道莲花北社区人大代表联络站：找代表、提建议', path: '/packages/station/detail/index?code=FT-HF-01' });
  });
});
