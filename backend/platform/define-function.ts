import type { ApiResult, ErrorCode } from '../../typings/errors';
import type { UserRole } from '../../typings/models';
import { ERROR_MESSAGES } from '../domain/error-messages';
import { fail } from '../domain/result';
import type { Result } from '../domain/result';
import type { Check } from '../domain/validation';
import { Caller, currentCaller } from './cloudbase';

/** Anyone at all, even a caller WeChat did not identify (public station information). */
export const ANYONE = 'anyone' as const;

/** An action anyone may call: it gets only the WeChat caller, and never resolves a role. */
export interface PublicAction<I, O> {
  allow: typeof ANYONE;
  input: Check<I>;
  run(input: I, caller: Caller): Promise<Result<O>>;
}

/**
 * An action for the listed roles only. The role is resolved from the caller's openid before
 * the input is even read; the use case still checks scope (which stations, which case).
 */
export interface RoleAction<I, O, W> {
  allow: readonly UserRole[];
  input: Check<I>;
  run(input: I, who: W, caller: Caller): Promise<Result<O>>;
}

export type ActionDefinition<I, O, W> = PublicAction<I, O> | RoleAction<I, O, W>;

/** The identity of a caller as the functions need it: at least a role. */
export interface Identified {
  readonly actor: { readonly role: string };
}

/** Resolves a caller to a role (users → staff/deputies); fails UNAUTHENTICATED without an openid. */
export type Identify<W extends Identified> = (caller: Caller) => Promise<Result<W>>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Actions<W> = Record<string, ActionDefinition<any, any, W>>;

/** Who may call which action: the permission table the authorisation matrix test is generated from. */
export type PermissionTable = Record<string, typeof ANYONE | readonly UserRole[]>;

export type CloudFunction = ((event: unknown) => Promise<ApiResult<unknown>>) & { readonly permissions: PermissionTable };

/**
 * A cloud function that serves several actions (`event.action`). Each declares who may call
 * it, one input check and one use case. Every answer is an ApiResult: an unknown action, a
 * role that may not call it, bad input or a crash all answer a stable code and a Chinese
 * message, never `undefined`. A caller without the role learns nothing about the input rules.
 */
export function defineFunction<W extends Identified>(actions: Actions<W>, identify?: Identify<W>): CloudFunction {
  const main = async (event: unknown): Promise<ApiResult<unknown>> => {
    // CloudBase injects `userInfo: { appId, openId }` into every call from the mini-program.
    // It is accepted and ignored: identity comes from the WeChat context (currentCaller) only.
    const { action, userInfo: _injected, ...input } = (isPlainObject(event) ? event : {}) as Record<string, unknown>;
    const definition = typeof action === 'string' && Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
    if (!definition) return failure('UNKNOWN_ACTION');
    try {
      const caller = currentCaller();
      let who: W | undefined;
      if (definition.allow !== ANYONE) {
        if (!identify) throw new Error(`action ${String(action)} names roles but the function resolves none`);
        const identified = caller.openid ? await identify(caller) : fail('UNAUTHENTICATED');
        if (!identified.ok) return answer(identified);
        if (!(definition.allow as readonly string[]).includes(identified.value.actor.role)) return failure('FORBIDDEN');
        who = identified.value;
      }
      const checked = definition.input(input, '');
      if (!checked.ok) return failure('INVALID_INPUT', checked.reason, checked.field);
      const result = definition.allow === ANYONE ? await definition.run(checked.value, caller) : await definition.run(checked.value, who as W, caller);
      return answer(result);
    } catch (error) {
      // Logged for the operator; the person sees a generic message, never a stack.
      console.error(`[${String(action)}] failed`, error);
      return failure('INTERNAL');
    }
  };
  const permissions: PermissionTable = Object.fromEntries(Object.entries(actions).map(([name, definition]) => [name, definition.allow]));
  return Object.assign(main, { permissions });
}

function answer(result: Result<unknown>): ApiResult<unknown> {
  return result.ok ? { ok: true, data: result.value } : failure(result.failure.code, result.failure.detail, result.failure.field);
}

function failure(code: ErrorCode, detail?: string, field?: string): ApiResult<never> {
  return { ok: false, error: { code, message: detail ?? ERROR_MESSAGES[code], ...(field ? { field } : {}) } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
