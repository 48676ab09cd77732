import { config } from '../../miniprogram/config';

// Required, not imported: these modules are typed against the mini-program's global `wx`.
const { modeFor, transportMode } = require('../../miniprogram/services/transport-mode') as {
  modeFor(envVersion: string | undefined, configured: 'local' | 'cloud'): 'local' | 'cloud';
  transportMode(): 'local' | 'cloud';
};
const { callApi } = require('../../miniprogram/services/api-client') as {
  callApi(fn: string, action: string, input: object): Promise<unknown>;
};

describe('which transport a build uses', () => {
  it.each([
    ['develop', 'local', 'local'],
    ['develop', 'cloud', 'cloud'],
    ['trial', 'local', 'cloud'],
    ['release', 'local', 'cloud'],
    ['release', 'cloud', 'cloud'],
    [undefined, 'local', 'cloud'],
    ['something-new', 'local', 'cloud'],
  ] as const)('a %s build configured %s uses %s', (envVersion, configured, expected) => {
    expect(modeFor(envVersion, configured)).toBe(expected);
  });

  describe('a release build uploaded with mode: local', () => {
    const cloud = { init: jest.fn(), callFunction: jest.fn() };
    const request = jest.fn();
    const saved = { ...config };

    beforeAll(() => {
      (globalThis as unknown as { wx: unknown }).wx = {
        cloud,
        request,
        getAccountInfoSync: () => ({ miniProgram: { appId: 'wx0123456789abcdef', envVersion: 'release', version: '1.0.0' } }),
      };
      Object.assign(config, { mode: 'local', cloudEnv: 'liaison-prod-1a2b' });
    });
    afterAll(() => Object.assign(config, saved));

    it('calls the cloud function and never the local host', async () => {
      cloud.callFunction.mockResolvedValue({ result: { ok: true, data: { openid: 'o1', role: 'resident' } } });
      expect(transportMode()).toBe('cloud');
      await expect(callApi('user', 'whoami', {})).resolves.toEqual({ ok: true, data: { openid: 'o1', role: 'resident' } });
      expect(cloud.callFunction).toHaveBeenCalledWith({ name: 'user', data: { action: 'whoami' } });
      expect(request).not.toHaveBeenCalled();
    });

    it('counts a build that cannot read its account info as a release', () => {
      (globalThis as unknown as { wx: { getAccountInfoSync: () => never } }).wx.getAccountInfoSync = () => {
        throw new Error('not supported');
      };
      expect(transportMode()).toBe('cloud');
    });
  });
});
