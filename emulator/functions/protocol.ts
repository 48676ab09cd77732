/** Messages between the function host and one function instance (a child process). */

/** The WeChat context CloudBase gives a function for one call. */
export interface WxContext {
  WX_OPENID?: string;
  WX_APPID?: string;
  WX_UNIONID?: string;
  WX_CLIENTIP?: string;
  /**
   * What triggered the call, as getWXContext().SOURCE reports it: `wx_client` (the
   * mini-program), `wx_http` (WeChat's HTTP API, no user), `wx_trigger` (a timer), and a
   * chain such as `wx_client,scf` when a function calls another.
   */
  TCB_SOURCE?: string;
  /** `timer` when a timer trigger fired the call (the SDK picks the trigger's API token by it). */
  TRIGGER_SRC?: string;
}

export const WX_CONTEXT_KEYS: (keyof WxContext)[] = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP'];

/** The per-call keys the SDK reads through TCB_CONTEXT_KEYS (node-sdk getCloudbaseContext). */
export const TCB_CONTEXT_KEYS: (keyof WxContext)[] = ['TCB_SOURCE', 'TRIGGER_SRC'];

export interface InvokeMessage {
  type: 'invoke';
  id: number;
  event: unknown;
  wxContext: WxContext;
  requestId: string;
  /**
   * The emulator's own test seam, not CloudBase's: the instant the instance's clock reads at
   * the start of this call (epoch ms), so a timer can fire "16 days from now". Absent: real time.
   */
  clockAt?: number;
}

export type InstanceMessage =
  | { type: 'ready' }
  | { type: 'load-failed'; error: string }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: string };
