import { object } from '../../domain/validation';
import { database } from '../../platform/cloudbase';
import { defineFunction } from '../../platform/define-function';
import { recordSubscriptions, SUBSCRIBE_RESULTS_INPUT, subscriptionTemplates } from '../../notifications/grants';

/** Subscription messages (订阅消息): which templates to ask for, and what the user allowed. */
export const main = defineFunction({
  templates: { input: object({}), run: async () => subscriptionTemplates() },
  record: {
    input: object({ results: SUBSCRIBE_RESULTS_INPUT }),
    run: (input, caller) => recordSubscriptions(database(), caller.openid, input.results, new Date()),
  },
});
