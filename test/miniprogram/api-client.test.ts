import { config } from '../../miniprogram/config';

// Required, not imported: the client is typed against miniprogram-api-typings' global `wx`,
// which only miniprogram/tsconfig.json knows (it type-checks the client itself).
const { callApi, initTransport, isApiResult } = require('../../miniprogram/services/api-client') as {
  callApi(fn: string, action: string, input: object): Promise<unknown>;
  initTransport(): void;
  isApiResult(body: unknown): boolean;
};

/** Cloud mode with a stand-in `wx.cloud`; local mode over real HTTP is covered by the page tests. */
describe('api client, cloud mode', () => {
  const cloud = { init: jest.fn(), callFunction: jest.fn() };
  let warn: jest.SpyInstance;

  beforeAll(() => {
    (globalThis as unknown as { wx: unknown }).wx = { cloud };
    Object.assign(config, { mode: 'cloud', cloudEnv: 'liaison-test-1a2b' });
  });
  beforeEach(() => {
    cloud.init.mockReset();
    cloud.callFunction.mockReset();
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('initialises wx.cloud with the configured environment', () => {
    initTransport();
    expect(cloud.init).toHaveBeenCalledWith({ env: 'liaison-test-1a2b', traceUser: true });
  });

  it('calls the function with the action in data and answers its result', async () => {
    const whoami = { ok: true, data: { openid: 'o1', role: 'resident' } };
    cloud.callFunction.mockResolvedValue({ result: whoami, errMsg: 'cloud.callFunction:ok' });
    await expect(callApi('user', 'whoami', {})).resolves.toEqual(whoami);
    expect(cloud.callFunction).toHaveBeenCalledWith({ name: 'user', data: { action: 'whoami' } });
  });

  it('passes an expected failure through untouched', async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: '联络站不存在' } };
    cloud.callFunction.mockResolvedValue({ result: notFound });
    await expect(callApi('station', 'get', { id: 'x' })).resolves.toEqual(notFound);
  });

  it.each([
    ['a rejected call', () => cloud.callFunction.mockRejectedValue(new Error('cloud.callFunction:fail -404011'))],
    [
      'a call that throws',
      () =>
        cloud.callFunction.mockImplementation(() => {
          throw new Error('wx.cloud is not initialised');
        }),
    ],
    ['an undefined result', () => cloud.callFunction.mockResolvedValue({ result: undefined })],
    ['a bare value', () => cloud.callFunction.mockResolvedValue({ result: { stations: [] } })],
  ])('turns %s into the network sentence, never an exception', async (_case, arrange) => {
    arrange();
    await expect(callApi('station', 'nearby', { latitude: 1, longitude: 2 })).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '网络不给力，请稍后重试' },
    });
    expect(warn).toHaveBeenCalled();
  });
});

describe('isApiResult', () => {
  it.each([
    [{ ok: true, data: {} }, true],
    [{ ok: true, data: null }, true],
    [{ ok: true }, false],
    [{ ok: false, error: { code: 'FORBIDDEN', message: '无权查看' } }, true],
    [{ ok: false, error: { code: 'FORBIDDEN' } }, false],
    [{ ok: false }, false],
    ['ok', false],
    [null, false],
  ])('%p → %p', (body, expected) => {
    expect(isApiResult(body)).toBe(expected);
  });
});
