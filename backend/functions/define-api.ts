/**
 * `defineFunction` with the project's identity: the caller's openid resolved to a role and
 * its scope (use-cases/actor.ts). Every function entry uses this, so the permission table
 * (`main.permissions`) is the whole truth about who may call what.
 */
import { database } from '../platform/cloudbase';
import type { Actions, CloudFunction } from '../platform/define-function';
import { defineFunction } from '../platform/define-function';
import type { ResolvedActor } from '../use-cases/actor';
import { resolveActor } from '../use-cases/actor';

export { ANYONE } from '../platform/define-function';
export type { ResolvedActor };

export function defineApi(actions: Actions<ResolvedActor>): CloudFunction {
  return defineFunction(actions, (caller) => resolveActor(database(), caller.openid));
}
