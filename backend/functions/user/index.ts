import { object, text } from '../../domain/validation';
import { database } from '../../platform/cloudbase';
import { defineApi } from '../define-api';
import { deleteAccountAction, exportAction } from '../../use-cases/account/actions';
import { activitiesAction, confirmActivityAction, recordActivityAction, reviseActivityAction } from '../../use-cases/activities/actions';
import { dutyAction } from '../../use-cases/duty/action';
import { redeemInvite } from '../../use-cases/invites';
import { profileOf, whoAmI } from '../../use-cases/users';

const EVERYONE = ['resident', 'deputy', 'officer', 'admin', 'unit'] as const;

export const main = defineApi({
  whoami: {
    allow: EVERYONE,
    input: object({}),
    run: async (_input, who, caller) => whoAmI(caller.openid, who),
  },
  profile: {
    allow: EVERYONE,
    input: object({}),
    run: async (_input, who, caller) => ({ ok: true, value: await profileOf(database(), caller.openid, who) }),
  },
  /** Any role may call it, so a bound caller hears why a second code does not apply (CONFLICT). */
  redeem: {
    allow: EVERYONE,
    input: object({ code: text('邀请码', { min: 1, max: 20 }) }),
    run: (input, _who, caller) => redeemInvite({ db: database(), now: new Date() }, caller.openid, input.code),
  },
  duty: dutyAction,
  export: exportAction,
  deleteAccount: deleteAccountAction,
  recordActivity: recordActivityAction,
  confirmActivity: confirmActivityAction,
  reviseActivity: reviseActivityAction,
  activities: activitiesAction,
});
