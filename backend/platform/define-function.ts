import type { ApiResult, ErrorCode } from '../../typings/errors';
import { ERROR_MESSAGES } from '../domain/error-messages';
import type { Result } from '../domain/result';
import type { Check } from '../domain/validation';
import { Caller, currentCaller } from './cloudbase';

export interface ActionDefinition<I, O> {
  input: Check<I>;
  run(input: I, caller: Caller): Promise<Result<O>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Actions = Record<string, ActionDefinition<any, any>>;

/**
 * A cloud function that serves several actions (`event.action`), each with one input
 * check and one use case. Every answer is an ApiResult: an unknown action, bad input or
 * a crash all answer a stable code and a Chinese message, never `undefined`.
 */
export function defineFunction(actions: Actions) {
  return async function main(event: unknown): Promise<ApiResult<unknown>> {
    const { action, ...input } = (isPlainObject(event) ? event : {}) as Record<string, unknown>;
    const definition = typeof action === 'string' && Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
    if (!definition) return failure('UNKNOWN_ACTION');
    const checked = definition.input(input, '');
    if (!checked.ok) return failure('INVALID_INPUT', checked.reason, checked.field);
    try {
      const result = await definition.run(checked.value, currentCaller());
      return result.ok ? { ok: true, data: result.value } : failure(result.failure.code, result.failure.detail, result.failure.field);
    } catch (error) {
      // Logged for the operator; the person sees a generic message, never a stack.
      console.error(`[${String(action)}] failed`, error);
      return failure('INTERNAL');
    }
  };
}

function failure(code: ErrorCode, detail?: string, field?: string): ApiResult<never> {
  return { ok: false, error: { code, message: detail ?? ERROR_MESSAGES[code], ...(field ? { field } : {}) } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
