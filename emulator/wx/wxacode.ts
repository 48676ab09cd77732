import QRCode from 'qrcode';
import { wechatError, type WxApiHandler } from './answers';
import type { AppPages } from './app-pages';
import { wxacodeText } from './wxacode-payload';

/**
 * wxacode.getUnlimited (POST wxa/getwxacodeunlimit): success is the image itself, a
 * failure WeChat's JSON error. The image is a real PNG of `width` px; see wxacode-payload
 * for what it encodes.
 */
// pngjs's adaptive row filters cost ~2 s an image under jest's VM (~80 ms in plain node);
// a two-colour code compresses as well unfiltered.
const PNG_OPTIONS = { deflateLevel: 9, filterType: 0 };
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const ENV_VERSIONS = ['release', 'trial', 'develop'];

export function getUnlimited(pages: AppPages): WxApiHandler {
  return async (params) => {
    const { scene, page = '', width = 430, env_version: envVersion = 'release', check_path: checkPath = true } = params;
    if (typeof scene !== 'string' || !SCENE.test(scene)) {
      return wechatError(40169, 'invalid length for scene, or the data is not json string');
    }
    // WeChat wants `pages/x/index`: no leading '/', no query (parameters belong in scene).
    if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) return wechatError(41030, 'invalid page');
    if (typeof envVersion !== 'string' || !ENV_VERSIONS.includes(envVersion)) return wechatError(40097, 'invalid args: env_version');
    if (typeof width !== 'number' || !Number.isInteger(width) || width < 280 || width > 1280) return wechatError(40097, 'invalid args: width');
    if (page && checkPath !== false) {
      const known = pages();
      if (known && !known.has(page)) return wechatError(41030, 'invalid page');
    }
    const bytes = await QRCode.toBuffer(wxacodeText({ page, scene, envVersion }), {
      type: 'png',
      width,
      margin: 2,
      rendererOpts: PNG_OPTIONS,
      color: { dark: lineColor(params.line_color), light: params.is_hyaline === true ? '#00000000' : '#ffffffff' },
    });
    return { kind: 'binary', contentType: 'image/png', bytes };
  };
}

/** `{ r, g, b }` in decimal, as WeChat takes it; black otherwise. */
function lineColor(value: unknown): string {
  const { r, g, b } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const channels = [r, g, b].map(Number);
  if (!channels.every((c) => Number.isInteger(c) && c >= 0 && c <= 255)) return '#000000ff';
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}ff`;
}
