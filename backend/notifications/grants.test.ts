import { SUBSCRIBE_RESULTS_INPUT } from './grants';

describe('what a person answered to the subscription prompt, as input', () => {
  it('takes template ids with accept/reject/ban/filter', () => {
    expect(SUBSCRIBE_RESULTS_INPUT({ 'T-1_a': 'accept', T2: 'reject' }, 'results')).toEqual({ ok: true, value: { 'T-1_a': 'accept', T2: 'reject' } });
  });

  it('takes wx.requestSubscribeMessage’s whole answer: errMsg, answers WeChat may add, keys of any shape', () => {
    const answer = { errMsg: 'requestSubscribeMessage:ok', T1: 'acceptWithAudio', T2: 'somethingNew', 'not an id!': 'accept' };
    expect(SUBSCRIBE_RESULTS_INPUT(answer, 'results')).toEqual({ ok: true, value: answer });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('keeps "%s" a plain key, polluting nothing', (key) => {
    const checked = SUBSCRIBE_RESULTS_INPUT(JSON.parse(`{"${key}":"accept"}`), 'results');
    expect(checked.ok).toBe(true);
    expect(({} as Record<string, unknown>).accept).toBeUndefined();
  });

  it.each([
    ['not an object', ['accept'], 'results'],
    ['an operator-looking value', { T1: { $ne: null } }, 'results.T1'],
    ['a number', { T1: 1 }, 'results.T1'],
    ['more than 20 entries', Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`T${i}`, 'accept'])), 'results'],
  ])('refuses %s', (_what, value, field) => {
    expect(SUBSCRIBE_RESULTS_INPUT(value, 'results')).toMatchObject({ ok: false, field, reason: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });
});
