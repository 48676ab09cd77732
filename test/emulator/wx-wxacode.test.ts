import { readWxacodeText } from '../../emulator/wx';
import { callJsonApi, callOpenApi, scanPng, startWxHarness, type WxHarness } from './wx-harness';

describe('wxacode.getUnlimited in the emulator', () => {
  let wx: WxHarness;

  beforeAll(async () => {
    wx = await startWxHarness();
  });

  afterAll(async () => {
    await wx.close();
  });

  it('answers a PNG that a scanner reads back as the page and the scene', async () => {
    const answer = await callOpenApi(wx.app, 'wxacode.getUnlimited', { scene: 'st=42&c=1', page: 'pages/station/index', width: 280 });
    expect(answer.contentType).toBe('image/png');
    const scanned = scanPng(answer.respData);
    expect(scanned).not.toBeNull();
    expect(readWxacodeText(scanned!.text)).toEqual({ page: 'pages/station/index', scene: 'st=42&c=1', envVersion: 'release' });
  });

  it.each([280, 430])('draws the image %i px wide', async (width) => {
    const { respData } = await callOpenApi(wx.app, 'wxacode.getUnlimited', { scene: 'st=1', width });
    expect(respData.readUInt32BE(16)).toBe(width); // IHDR width
  });

  it('uses every character WeChat allows in a scene', async () => {
    const scene = "a-Z_0.9~!#$&'()*+,/:;=?@";
    const answer = await callOpenApi(wx.app, 'wxacode.getUnlimited', { scene, env_version: 'develop', width: 280 });
    expect(readWxacodeText(scanPng(answer.respData)!.text)).toEqual({ page: '', scene, envVersion: 'develop' });
  });

  it('draws a transparent code when asked', async () => {
    const answer = await callOpenApi(wx.app, 'wxacode.getUnlimited', { scene: 'x', is_hyaline: true, width: 280 });
    expect(answer.respData.subarray(1, 4).toString()).toBe('PNG');
  });

  it.each([
    ['a scene of 33 characters', { scene: 'a'.repeat(33) }, 40169],
    ['an empty scene', { scene: '' }, 40169],
    ['no scene', { scene: undefined }, 40169],
    ['a scene with %', { scene: 'id%3D1' }, 40169],
    ['a scene with Chinese', { scene: '联络站1' }, 40169],
    ['a page with a leading slash', { page: '/pages/station/index' }, 41030],
    ['a page with a query', { page: 'pages/station/index?id=1' }, 41030],
    ['a page the app does not have', { page: 'pages/nowhere/index' }, 41030],
    ['width 279', { width: 279 }, 40097],
    ['width 1281', { width: 1281 }, 40097],
    ['an unknown env_version', { env_version: 'beta' }, 40097],
  ])('refuses %s with a JSON error', async (_label, overrides, errcode) => {
    const answer = await callOpenApi(wx.app, 'wxacode.getUnlimited', { scene: 'st=1', ...overrides });
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.json.errcode).toBe(errcode);
  });

  it('allows an unpublished page with check_path false', async () => {
    const answer = await callOpenApi(wx.app, 'wxacode.getUnlimited', { scene: 'st=1', page: 'pages/new/index', check_path: false });
    expect(answer.contentType).toBe('image/png');
  });

  it('refuses to squeeze an image through the JSON transport (wx.api)', async () => {
    await expect(callJsonApi(wx.app, 'wxacode.getUnlimited', { scene: 'st=1' })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  });

  it('still answers JSON errors through the JSON transport', async () => {
    expect((await callJsonApi(wx.app, 'wxacode.getUnlimited', { scene: '' })).errcode).toBe(40169);
  });
});
