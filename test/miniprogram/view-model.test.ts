import { maskOpenid, toMeView } from '../../miniprogram/pages/me/view-model';

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
