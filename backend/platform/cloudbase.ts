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

/** Who is calling, from the WeChat context only — never from the request body. */
export interface Caller {
  /** Empty when the call did not come from a WeChat user (timer, another function). */
  openid: string;
  appid: string;
}

export function currentCaller(): Caller {
  const { openId, appId } = cloudbase().auth().getUserInfo();
  return { openid: openId, appid: appId };
}
