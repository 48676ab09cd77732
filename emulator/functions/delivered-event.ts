import type { WxContext } from './protocol';

/**
 * The event as CloudBase hands it to a function called from the mini-program: the client's
 * data plus `userInfo: { appId, openId }`, which WeChat's guide says is injected into the
 * function's parameters. The injected value replaces anything the client sent under that name.
 * Calls without a WeChat user (HTTP API, timers, other functions) get the event unchanged.
 */
export function deliveredEvent(event: unknown, context: WxContext): unknown {
  if (!context.WX_OPENID || typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  return { ...event, userInfo: { appId: context.WX_APPID ?? '', openId: context.WX_OPENID } };
}
