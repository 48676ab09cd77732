import { ACTION_COMMANDS, API_COMMANDS, CASE_ACTION_INPUTS } from './case.command-input';

const ref = { caseId: 'abc123', version: 3 };

describe('what the case actions accept', () => {
  it('treat a blank optional note as no note, and trim what they keep', () => {
    expect(CASE_ACTION_INPUTS.accept({ ...ref, note: '   ' }, '')).toEqual({ ok: true, value: ref });
    expect(CASE_ACTION_INPUTS.accept({ ...ref, note: ' 已受理 ' }, '')).toEqual({ ok: true, value: { ...ref, note: '已受理' } });
  });

  it.each([
    ['reject', { ...ref, reason: '  ', referral: '区法院' }, 'reason'],
    ['reject', { ...ref, reason: '诉讼事项' }, 'referral'],
    ['reply', { ...ref, content: '' }, 'content'],
    ['rate', { ...ref, rating: 'great' }, 'rating'],
    ['reopen', ref, 'reason'],
    ['accept', { caseId: 'abc', version: 0 }, 'version'],
    ['accept', { caseId: 'abc', version: 1.5 }, 'version'],
    ['accept', { caseId: { $gt: '' }, version: 1 }, 'caseId'],
    ['accept', { ...ref, status: 'closed' }, 'status'],
    ['assign', { ...ref, deputyId: 'dp 1' }, 'deputyId'],
    ['supplement', { ...ref, note: '补充', photoFileIds: ['https://example.com/a.jpg'] }, 'photoFileIds[0]'],
  ] as const)('%s refuses %j at %s', (action, input, field) => {
    const result = CASE_ACTION_INPUTS[action](input, '');
    expect(result).toMatchObject({ ok: false, field });
  });

  it('map each command action to a domain command, and only those become buttons', () => {
    expect(ACTION_COMMANDS.reopen).toBe('request_reopen');
    expect(API_COMMANDS).toEqual(['withdraw', 'supplement', 'rate', 'request_reopen', 'accept', 'reject', 'assign', 'start', 'reply', 'close']);
  });
});
