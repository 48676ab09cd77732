/** `user.duty`: the calling deputy's duty record (履职档案) for a year. */
import type { DutyRecord, DutyRecordInput } from '../../../typings/workspace';
import { currentDutyYear, dutyRecordInput } from '../../domain/duty';
import { database } from '../../platform/cloudbase';
import type { RoleAction } from '../../platform/define-function';
import type { ResolvedActor } from '../actor';
import { dutyRecord } from './duty-record';

export const dutyAction: RoleAction<DutyRecordInput, DutyRecord, ResolvedActor> = {
  allow: ['deputy'],
  input: dutyRecordInput,
  run: (input, who) => dutyRecord(database(), who.actor.deputyId, input.year ?? currentDutyYear(new Date())),
};
