import { decodeScene, parseStationCode, readScan } from '../../miniprogram/services/scan';

describe('from a scanned code to a station code', () => {
  it.each([
    ['our mini-program code', { result: '', path: 'packages/station/detail/index?scene=FT-HF-01' }, 'FT-HF-01'],
    ['our code, its scene percent-encoded', { result: '', path: 'packages/station/detail/index?scene=FT%2DHF%2D01' }, 'FT-HF-01'],
    ['our code with other parameters', { result: '', path: 'packages/station/detail/index?from=door&scene=FT-XMH-02&v=2' }, 'FT-XMH-02'],
    ['our code made with a fixed path', { result: '', path: 'packages/station/detail/index?code=FT-HF' }, 'FT-HF'],
    ['our code with a broken scene', { result: '', path: 'packages/station/detail/index?scene=%E0%A4%A' }, null],
    ['our code with an empty scene', { result: '', path: 'packages/station/detail/index?scene=' }, null],
    ['our code with a scene that is no code', { result: '', path: `packages/station/detail/index?scene=${encodeURIComponent('<b>')}` }, null],
    ['a printed code', { result: 'FT-HF-01' }, 'FT-HF-01'],
    ['a printed code, lower case with spaces', { result: ' ft-hf-01 \n' }, 'FT-HF-01'],
    ['a sector station code', { result: 'FT-HY-KJ' }, 'FT-HY-KJ'],
    ['a link carrying the code', { result: 'https://rd.example.gov.cn/station?code=FT-HF-01' }, 'FT-HF-01'],
    ['a link carrying a scene', { result: 'https://rd.example.gov.cn/s?scene=FT%2DHF%2D01' }, 'FT-HF-01'],
    ['somebody else’s link', { result: 'https://example.com/coupon?id=9' }, null],
    ['a link whose code is not ours', { result: 'https://login.example.com/cb?code=0a1b2c3d4e5f' }, null],
    ['plain text', { result: 'hello world' }, null],
    ['a bar code number', { result: '6901234567892' }, null],
    ['nothing', { result: '' }, null],
  ])('%s', (_what, scan, code) => {
    expect(parseStationCode(scan)).toBe(code);
  });

  it.each([
    ['FT-HF-01', 'FT-HF-01'],
    ['FT%2DHF%2D01', 'FT-HF-01'],
    ['%', null],
    ['a'.repeat(33), null],
    ['FT HF', null],
  ])('decodes the scene %p as %p', (scene, code) => {
    expect(decodeScene(scene)).toBe(code);
  });

  it('opens a station, says why not, or stays quiet when the scanner was closed', () => {
    const scanned = (result: string, path?: string) => ({ scanned: { result, path, errMsg: 'scanCode:ok' } });
    expect(readScan(scanned('', 'packages/station/detail/index?scene=FT-HF-01'))).toEqual({ ok: true, data: 'FT-HF-01' });
    expect(readScan(scanned('FT-HF-01'))).toEqual({ ok: true, data: 'FT-HF-01' });
    expect(readScan({ failed: 'scanCode:fail cancel' })).toEqual({ ok: true, data: null });
    expect(readScan(scanned('hello'))).toEqual({
      ok: false,
      error: { code: 'NOT_A_STATION', message: '这不是联络站的二维码', hint: '请扫描联络站门口张贴的二维码' },
    });
    expect(readScan({ failed: 'scanCode:fail camera unavailable' })).toEqual({ ok: false, error: { code: 'SCAN_FAILED', message: '扫码没有成功，请重试' } });
  });
});
