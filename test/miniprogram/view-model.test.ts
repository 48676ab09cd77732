import { formatDistance, kindLabel, receptionText, toStationItems } from '../../miniprogram/pages/stations/view-model';
import { maskOpenid, toMeView } from '../../miniprogram/pages/me/view-model';

describe('stations view-model', () => {
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
  ])('shows %p metres as %p', (metres, text) => {
    expect(formatDistance(metres)).toBe(text);
  });

  it.each([undefined, -1, Number.NaN, Number.POSITIVE_INFINITY])('shows no distance for %p', (metres) => {
    expect(formatDistance(metres)).toBe('');
  });

  it('names the kind of station, and the sector of a sector station', () => {
    expect(kindLabel('street')).toBe('街道联络站');
    expect(kindLabel('community')).toBe('社区联络站');
    expect(kindLabel('sector', 'law')).toBe('法律行业联络站');
    expect(kindLabel('sector', 'health')).toBe('医疗卫生行业联络站');
    expect(kindLabel('sector')).toBe('行业联络站');
  });

  it('announces the next reception day without a leading zero, or nothing', () => {
    expect(receptionText('2025-03-10')).toBe('3月10日接待日');
    expect(receptionText('2025-11-05')).toBe('11月5日接待日');
    expect(receptionText(undefined)).toBe('');
    expect(receptionText('next week')).toBe('');
  });

  it('keeps only what the list renders', () => {
    const [item] = toStationItems([
      {
        id: 'st-9',
        code: 'FT-09',
        name: '科技园代表联络站',
        kind: 'sector',
        sector: 'technology',
        street: '粤海街道',
        address: '科技园南区',
        location: { type: 'Point', coordinates: [113.95, 22.54] },
        distance: 1520,
        hours: [],
      },
    ]);
    expect(item).toEqual({
      id: 'st-9',
      name: '科技园代表联络站',
      address: '科技园南区',
      kindLabel: '科技行业联络站',
      distanceText: '1.5公里',
      receptionText: '',
    });
  });
});

describe('me view-model', () => {
  it.each([
    ['resident', '群众'],
    ['deputy', '人大代表'],
    ['officer', '联络员'],
    ['admin', '常委会工作人员'],
  ] as const)('calls a %s %s', (role, label) => {
    expect(toMeView({ openid: 'odemo-resident', role }).roleLabel).toBe(label);
  });

  it('shows only the ends of the openid', () => {
    expect(maskOpenid('oABCDEFGHIJKLMNOP1234')).toBe('oABC****1234');
    expect(maskOpenid('short')).toBe('****');
  });
});
