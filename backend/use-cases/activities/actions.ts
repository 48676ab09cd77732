/**
 * 履职登记 on the user function: officers record and revise, the deputy confirms or disputes,
 * everyone at work lists what their scope allows. The clock is read here, once per call.
 */
import type { ActivityView, ConfirmActivityInput, ListActivitiesInput, ListActivitiesOutput, RecordActivityInput, ReviseActivityInput } from '../../../typings/activity';
import { confirmActivitySchema, listActivitiesSchema, recordActivitySchema, reviseActivitySchema } from '../../domain/activity';
import { callContext } from '../../platform/call-context';
import type { RoleAction } from '../../platform/define-function';
import type { ResolvedActor } from '../actor';
import { confirmActivity, reviseActivity } from './change-activity';
import type { ActivityContext } from './context';
import { listActivities } from './list-activities';
import { recordActivity } from './record-activity';

const context = (): ActivityContext => callContext();

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
