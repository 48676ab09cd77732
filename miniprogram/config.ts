/**
 * THE switch between the two transports. Pages and services never read `mode`;
 * only services/api-client.ts does.
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
  /**
   * Subscription-message template ids (订阅消息), one per kind of notice. Empty until deploy:
   * fill in the ids the 公众平台 gives for the templates chosen under 订阅消息 → 我的模板.
   */
  subscribeTemplates: {
    /** 诉求状态变更通知: accepted, transferred, in progress, closed … */
    caseStatusChanged: string;
    /** 留言回复通知: a deputy or officer replied. */
    caseReplied: string;
    /** 接待提醒: a booked reception (约访) is coming up. */
    receptionReminder: string;
  };
}

export const config: AppConfig = {
  mode: 'local',
  cloudEnv: '',
  localHost: 'http://127.0.0.1:3721',
  localOpenid: 'odemo-resident',
  subscribeTemplates: {
    caseStatusChanged: '',
    caseReplied: '',
    receptionReminder: '',
  },
};
