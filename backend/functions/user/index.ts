import { object } from '../../domain/validation';
import { database } from '../../platform/cloudbase';
import { defineApi } from '../define-api';
import { whoAmI } from '../../use-cases/users';

export const main = defineApi({
  whoami: {
    allow: ['resident', 'deputy', 'officer', 'admin'],
    input: object({}),
    run: (_input, _who, caller) => whoAmI(database(), caller.openid),
  },
});
