import { SUBSCRIBE_RESULTS_INPUT } from './grants';

describe('what a person answered to the subscription prompt, as input', () => {
  it('takes template ids with accept/reject/ban/filter', () => {
    expect(SUBSCRIBE_RESULTS_INPUT({ 'T-1_a': 'accept', T2: 'reject' }, 'results')).toEqual({ ok: true, value: { 'T-1_a': 'accept', T2: 'reject' } });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses "%s" as a template id, though it fits the id pattern', (key) => {
    const parsed = JSON.parse(`{"${key}":"accept"}`);
    expect(SUBSCRIBE_RESULTS_INPUT(parsed, 'results')).toMatchObject({ ok: false, field: `results.${key}` });
  });
});
