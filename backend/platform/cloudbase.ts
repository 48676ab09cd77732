import tcb from '@cloudbase/node-sdk';

export type CloudBaseApp = ReturnType<typeof tcb.init>;
export type Database = ReturnType<CloudBaseApp['database']>;

let app: CloudBaseApp | undefined;

/**
 * The one CloudBase app of a function instance. `SYMBOL_CURRENT_ENV` is the environment
 * the function runs in; the endpoint is the SDK's own business (the local host injects
 * the emulator's URL through the runtime's TCB_CONTEXT_CNFG, as CloudBase injects its own).
 */
export function cloudbase(): CloudBaseApp {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return app;
}

export function database(): Database {
  return cloudbase().database();
}

/**
 * Who is calling, from the WeChat context only — never from the request body (not even the
 * `userInfo` CloudBase copies into the event: the context is the one the platform vouches for).
 */
export interface Caller {
  /** Empty when the call did not come from a WeChat user (timer, another function). */
  openid: string;
  appid: string;
  /** getWXContext().SOURCE: what triggered the call — `wx_client`, `wx_trigger`, `wx_http`, `wx_client,scf` … */
  source: string;
}

export function currentCaller(): Caller {
  const { openId, appId } = cloudbase().auth().getUserInfo();
  // The SDK reads TCB_SOURCE through TCB_CONTEXT_KEYS; wx-server-sdk reads the variable itself.
  const source = tcb.getCloudbaseContext().TCB_SOURCE ?? process.env.TCB_SOURCE ?? '';
  return { openid: openId, appid: appId, source };
}
