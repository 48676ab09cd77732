import { object } from '../../domain/validation';
import { database } from '../../platform/cloudbase';
import { ANYONE, defineApi } from '../define-api';
import { recordSubscriptions, SUBSCRIBE_RESULTS_INPUT, subscriptionTemplates } from '../../notifications/grants';

/** Subscription messages (订阅消息): which templates to ask for, and what the user allowed. */
export const main = defineApi({
  templates: { allow: ANYONE, input: object({}), run: async () => subscriptionTemplates() },
  // Handlers subscribe too: deadline reminders reach them (handling units included) the same way.
  record: {
    allow: ['resident', 'deputy', 'officer', 'admin', 'unit'],
    input: object({ results: SUBSCRIBE_RESULTS_INPUT }),
    run: (input, _who, caller) => recordSubscriptions(database(), caller.openid, input.results, new Date()),
  },
});
