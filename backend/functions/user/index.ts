import { object } from '../../domain/validation';
import { database } from '../../platform/cloudbase';
import { defineFunction } from '../../platform/define-function';
import { whoAmI } from '../../use-cases/users';

export const main = defineFunction({
  whoami: {
    input: object({}),
    run: (_input, caller) => whoAmI(database(), caller.openid),
  },
});
