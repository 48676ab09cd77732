import { ACTION_COMMANDS, API_COMMANDS, CASE_COMMANDS, CASE_EVENT_KINDS, CASE_VERBS } from './case.verbs';

describe('the verb table', () => {
  // Written down from docs/api.md, not read back from the table.
  it.each([
    ['request_reopen', 'reopen', 'reopened'],
    ['record_answer', 'recordAnswer', 'answer_recorded'],
    ['follow_up', 'followUp', 'followed_up'],
    ['request_transfer', 'requestTransfer', 'transfer_requested'],
    ['mark_suggestion', 'markSuggestion', 'suggestion_marked'],
    ['auto_close', null, 'closed'],
    ['escalate', null, 'supervised'],
  ] as const)('spells %s as action %s and event %s', (command, action, event) => {
    expect(CASE_VERBS[command]).toEqual({ action, event });
    if (action !== null) expect(ACTION_COMMANDS[action]).toBe(command);
  });

  it("lists every command once, in the order they are offered: the resident's first", () => {
    expect(CASE_COMMANDS).toHaveLength(19);
    expect(new Set(CASE_COMMANDS).size).toBe(CASE_COMMANDS.length);
    expect(CASE_COMMANDS.slice(0, 5)).toEqual(['withdraw', 'supplement', 'rate', 'request_reopen', 'accept']);
  });

  it('lists every event kind once, submitted included, though two commands record a closing and two a supervision', () => {
    expect([...CASE_EVENT_KINDS].sort()).toEqual(
      [
        'submitted',
        'withdrawn',
        'supplemented',
        'rated',
        'reopened',
        'accepted',
        'rejected',
        'assigned',
        'transferred',
        'started',
        'replied',
        'answer_recorded',
        'supervised',
        'followed_up',
        'closed',
        'merged',
        'transfer_requested',
        'suggestion_marked',
      ].sort(),
    );
  });

  it("maps each action back to the command it issues, and only the scheduler's commands have none", () => {
    for (const [action, command] of Object.entries(ACTION_COMMANDS)) expect(CASE_VERBS[command].action).toBe(action);
    expect(Object.keys(ACTION_COMMANDS)).toHaveLength(17);
    expect(CASE_COMMANDS.filter((command) => !API_COMMANDS.includes(command))).toEqual(['auto_close', 'escalate']);
  });
});
