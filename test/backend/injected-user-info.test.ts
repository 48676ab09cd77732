/**
 * CloudBase adds `userInfo: { appId, openId }` to the event of every call from the
 * mini-program (WeChat's cloud-function guide: the openid and appid are injected into the
 * function's parameters). The function host does the same, so every suite that calls through
 * it meets the field; here, the first calls a new user makes, and a forged `userInfo`.
 */
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ functions: ['user', 'station', 'case', 'subscription', 'admin'] });
}, 120_000);

afterAll(() => backend?.close());

describe('the event as CloudBase delivers it', () => {
  it.each([
    ['user', { action: 'whoami' }],
    ['station', { action: 'nearby', latitude: 22.5515, longitude: 114.0775 }],
    ['case', { action: 'mine' }],
    ['subscription', { action: 'templates' }],
  ])('%s answers a new user’s first call, userInfo and all', async (fn, event) => {
    const openid = newOpenid();
    const { status, body } = await backend.callRaw(fn, { ...event, userInfo: { appId: 'touristappid', openId: openid } }, openid);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true });
  });

  it('takes identity from the WeChat context, never from a userInfo in the body', async () => {
    const openid = newOpenid();
    const forged = { action: 'whoami', userInfo: { appId: 'touristappid', openId: 'odemo-admin' } };
    expect((await backend.callRaw('user', forged, openid)).body).toEqual({ ok: true, data: { openid, role: 'resident' } });
    // Outside WeChat nobody injects it, so whatever the body claims stays unauthenticated.
    expect((await backend.callRaw('user', forged)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const stations = { action: 'stations', userInfo: { appId: 'touristappid', openId: 'odemo-admin' } };
    expect((await backend.callRaw('admin', stations)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await backend.callRaw('admin', stations, openid)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
