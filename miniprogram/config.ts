/**
 * THE switch between the two transports, for development builds. Pages never read `mode`;
 * only services/transport-mode.ts does, and a trial or release build uses `cloud` whatever
 * this file says (the account's envVersion decides), so a build uploaded with `local` still works.
 *
 * - `local`: every call is an HTTP POST to the local function host (`npm start`), as the
 *   demo account `localOpenid`. Works with the placeholder appid "touristappid".
 * - `cloud`: every call is `wx.cloud.callFunction` in the CloudBase environment `cloudEnv`;
 *   needs a real AppID in project.config.json with cloud development opened.
 */
export interface AppConfig {
  mode: 'local' | 'cloud';
  /** CloudBase environment id, e.g. 'liaison-prod-1a2b3c'; used in cloud mode only. */
  cloudEnv: string;
  /** Local function host; DevTools needs "不校验合法域名" (project.config.json urlCheck: false). */
  localHost: string;
  /** Who the local host treats you as (`X-WX-OPENID`); seed accounts: odemo-resident, … */
  localOpenid: string;
}

export const config: AppConfig = {
  mode: 'local',
  cloudEnv: '',
  localHost: 'http://127.0.0.1:3721',
  localOpenid: 'odemo-resident',
};
