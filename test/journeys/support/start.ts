/**
 * How a journey begins: the local back end with the functions it needs, the mini-program pointed
 * at it as `openid` (config.ts's local mode), a phone in 华富街道 with WeChat's APIs, and the app
 * launched as WeChat launches it.
 */
import { config } from '../../../miniprogram/config';
import { createWxPlatform, type WxPlatform } from '../../support/wx-platform';
import { launchApp } from './journey';
import { startRemoteBackend, type RemoteBackend } from './remote-backend';

/** In 华富街道, between its street station and its communities. */
export const HUAFU = { latitude: 22.5515, longitude: 114.0775 };

export async function startJourney(functions: string[], openid: string): Promise<{ backend: RemoteBackend; wx: WxPlatform }> {
  const backend = await startRemoteBackend(functions);
  config.mode = 'local';
  config.localHost = backend.url;
  config.localOpenid = openid;
  const wx = createWxPlatform({ location: HUAFU });
  wx.install();
  launchApp();
  return { backend, wx };
}
