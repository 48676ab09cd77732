import path from 'node:path';
import type { EmulatorService } from '../types';
import { NO_PERMISSION_ERRCODE, type WxAnswer, type WxApiHandler } from './answers';
import { appPagesFrom } from './app-pages';
import { createFaultQueue } from './faults';
import { msgSecCheck } from './msg-sec-check';
import { wxRoutes } from './routes';
import { DEFAULT_WORD_LIST, loadRiskyPhrases } from './sensitive-words';
import { openWxStore } from './store';
import { subscribeMessageSend } from './subscribe-message';
import { loadTemplates, type TemplateSource } from './templates';
import { jsonTransport, openApiTransport, type WxCall } from './transports';
import { getUnlimited } from './wxacode';

export { readWxacodeText, WXACODE_ORIGIN, type WxacodeTarget } from './wxacode-payload';
export { OPERATOR_TEMPLATES } from './templates';
export type { SentMessage, Grant } from './store';
export type { Fault } from './faults';

/**
 * The local stand-in for WeChat open APIs as cloud functions reach them through CloudBase:
 * actions `wx.api` and `wx.openApi`, for subscribeMessage.send, security.msgSecCheck and
 * wxacode.getUnlimited. Any other API is refused as CloudBase refuses an API missing from
 * config.json (system error -604101), never answered with a made-up success.
 */
export interface WxServiceOptions {
  /** Grants and sent messages live in `<dataDir>/wx.sqlite`. */
  dataDir: string;
  /** Registered subscription templates (id → keywords), inline or a JSON file such as OPERATOR_TEMPLATES; optional. */
  templates?: TemplateSource;
  /** The app.json standing for the published version when checking `page` (41030). Default: the repo's mini-program. */
  appJson?: string;
  /** Risky phrases for msgSecCheck. Default: sensitive-words.txt next to this file. */
  wordList?: string;
  /**
   * The APIs the calling function's config.json allows, looked up from its WX_API_TOKEN
   * (sent by the SDK as wxCloudApiToken). Unset or undefined: no check.
   */
  permissionsFor?: (wxCloudApiToken: string) => readonly string[] | undefined;
  now?: () => Date;
}

const REPO_APP_JSON = path.resolve(__dirname, '../../miniprogram/app.json');

export function createWxService(options: WxServiceOptions): EmulatorService {
  const store = openWxStore(options.dataDir);
  const faults = createFaultQueue();
  const pages = appPagesFrom(options.appJson ?? REPO_APP_JSON);

  const apis: Record<string, WxApiHandler> = {
    'subscribeMessage.send': subscribeMessageSend({
      store,
      templates: loadTemplates(options.templates),
      pages,
      now: options.now ?? (() => new Date()),
    }),
    'security.msgSecCheck': msgSecCheck(loadRiskyPhrases(options.wordList ?? DEFAULT_WORD_LIST)),
    'wxacode.getUnlimited': getUnlimited(pages),
  };

  async function dispatch(call: WxCall): Promise<WxAnswer> {
    const injected = await faults.apply(call.apiName);
    if (injected) return injected;
    const allowed = options.permissionsFor?.(call.wxCloudApiToken);
    const api = Object.prototype.hasOwnProperty.call(apis, call.apiName) ? apis[call.apiName] : undefined;
    if (!api || (allowed && !allowed.includes(call.apiName))) return { kind: 'system-error', errorCode: NO_PERMISSION_ERRCODE };
    return api(call.params);
  }

  return {
    actions: {
      'wx.api': jsonTransport(dispatch),
      'wx.openApi': openApiTransport(dispatch),
    },
    routes: wxRoutes(store, faults),
    close: () => store.close(),
  };
}
