/** Messages between the function host and one function instance (a child process). */

/** The WeChat context CloudBase gives a function invoked from the mini-program. */
export interface WxContext {
  WX_OPENID?: string;
  WX_APPID?: string;
  WX_UNIONID?: string;
  WX_CLIENTIP?: string;
  /** Set by us: which trigger started the call (wx_client, scf, timer, http). */
  TCB_SOURCE?: string;
}

export const WX_CONTEXT_KEYS: (keyof WxContext)[] = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP'];

export interface InvokeMessage {
  type: 'invoke';
  id: number;
  event: unknown;
  wxContext: WxContext;
  requestId: string;
}

export type InstanceMessage =
  | { type: 'ready' }
  | { type: 'load-failed'; error: string }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: string };
