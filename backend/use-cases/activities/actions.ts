/**
 * 履职登记 on the user function: officers record and revise, the deputy confirms or disputes,
 * everyone at work lists what their scope allows. The clock is read here, once per call.
 */
import { createHash } from 'node:crypto';
import type { ActivityView, ConfirmActivityInput, ListActivitiesInput, ListActivitiesOutput, RecordActivityInput, ReviseActivityInput } from '../../../typings/activity';
import { confirmActivitySchema, listActivitiesSchema, recordActivitySchema, reviseActivitySchema } from '../../domain/activity';
import { cloudbase, database } from '../../platform/cloudbase';
import type { RoleAction } from '../../platform/define-function';
import { createWxGateway } from '../../platform/wx-gateway';
import type { ResolvedActor } from '../actor';
import { confirmActivity, reviseActivity } from './change-activity';
import type { ActivityContext } from './context';
import { listActivities } from './list-activities';
import { recordActivity } from './record-activity';

function context(): ActivityContext {
  // WeChat's content check gets 3 s, well inside the function's timeout (config.json).
  return {
    db: database(),
    wx: createWxGateway(cloudbase(), { timeoutMs: 3000 }),
    now: new Date(),
    hash: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}

export const recordActivityAction: RoleAction<RecordActivityInput, ActivityView, ResolvedActor> = {
  allow: ['officer'],
  input: recordActivitySchema,
  run: (input, who, caller) => recordActivity(context(), who, caller.openid, input),
};

export const confirmActivityAction: RoleAction<ConfirmActivityInput, ActivityView, ResolvedActor> = {
  allow: ['deputy'],
  input: confirmActivitySchema,
  run: (input, who) => confirmActivity(context(), who, input),
};

export const reviseActivityAction: RoleAction<ReviseActivityInput, ActivityView, ResolvedActor> = {
  allow: ['officer'],
  input: reviseActivitySchema,
  run: (input, who, caller) => reviseActivity(context(), who, caller.openid, input),
};

export const activitiesAction: RoleAction<ListActivitiesInput, ListActivitiesOutput, ResolvedActor> = {
  allow: ['deputy', 'officer', 'admin'],
  input: listActivitiesSchema,
  run: (input, who) => listActivities(context(), who, input),
};
