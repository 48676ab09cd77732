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
  run: (input, who) => {
    // Who the deputy is comes with the caller: no second read of the record.
    const deputy = who.actor.deputyId && who.person ? { _id: who.actor.deputyId, name: who.person.name } : undefined;
    return dutyRecord(database(), deputy, input.year ?? currentDutyYear(new Date()));
  },
};
