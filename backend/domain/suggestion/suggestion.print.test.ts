import type { SuggestionDocumentInput } from '../../../typings/suggestion';
import type { SuggestionCaller } from './suggestion.party';
import { mayPrint, suggestionDocumentSchema } from './suggestion.print';

const AT = new Date('2026-04-01T02:00:00Z');
const caller = (role: SuggestionCaller['role'], id: string, extra: Partial<SuggestionCaller> = {}): SuggestionCaller => ({ role, id, name: '某人', ...extra });

const CALLERS = {
  author: caller('deputy', 'dp-author'),
  cosigner: caller('deputy', 'dp-cosigner'),
  otherDeputy: caller('deputy', 'dp-other'),
  office: caller('admin', 'sf-admin', { district: '福田区' }),
  otherOffice: caller('admin', 'sf-ns', { district: '南山区' }),
  lead: caller('unit', 'sf-zjj', { unitId: 'unit-zjj', district: '福田区' }),
  assist: caller('unit', 'sf-hfjd', { unitId: 'unit-hfjd', district: '福田区' }),
  otherUnit: caller('unit', 'sf-cgj', { unitId: 'unit-cgj', district: '福田区' }),
  recordGone: caller('admin', '', { district: '福田区' }),
} as const;

const base = {
  deputyId: 'dp-author',
  cosigners: [{ deputyId: 'dp-cosigner', name: '王芳', status: 'pending' as const }],
  district: '福田区',
  assignments: [],
};
const draft = base;
const submitted = { ...base, submittedAt: AT };
const assigned = {
  ...submitted,
  firstAssignedAt: AT,
  leadUnitId: 'unit-zjj',
  assignments: [
    { unitId: 'unit-zjj', unitName: '区住房和建设局', role: 'lead' as const, deadline: AT },
    { unitId: 'unit-hfjd', unitName: '华富街道办事处', role: 'assist' as const, deadline: AT },
  ],
};

type Answer = 'ok' | 'NOT_FOUND' | 'FORBIDDEN' | 'ILLEGAL_TRANSITION';
const answer = (kind: SuggestionDocumentInput['kind'], who: SuggestionCaller, doc: Parameters<typeof mayPrint>[2]): Answer => {
  const result = mayPrint(kind, who, doc);
  return result.ok ? 'ok' : (result.failure.code as Answer);
};

// Written by hand from the rule: parties for the 代表建议, the office and assigned units for the 交办单.
const TABLE: [keyof typeof CALLERS, Answer, Answer, Answer, Answer, Answer][] = [
  //               suggestion: draft, submitted, assigned;   assignment: submitted, assigned
  ['author', 'ok', 'ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'],
  ['cosigner', 'ok', 'ok', 'ok', 'FORBIDDEN', 'FORBIDDEN'],
  ['otherDeputy', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  ['office', 'NOT_FOUND', 'ok', 'ok', 'ILLEGAL_TRANSITION', 'ok'],
  ['otherOffice', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  ['lead', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN', 'NOT_FOUND', 'ok'],
  ['assist', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN', 'NOT_FOUND', 'ok'],
  ['otherUnit', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  ['recordGone', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
];

describe('who may print a suggestion document', () => {
  it.each(TABLE)('%s', (who, ...expected) => {
    const c = CALLERS[who];
    expect([
      answer('suggestion', c, draft),
      answer('suggestion', c, submitted),
      answer('suggestion', c, assigned),
      answer('assignment', c, submitted),
      answer('assignment', c, assigned),
    ]).toEqual(expected);
  });

  it('no longer gives the 交办单 to a unit re-routed away', () => {
    const rerouted = { ...assigned, leadUnitId: 'unit-cgj', assignments: [{ ...assigned.assignments[0], unitId: 'unit-cgj' }], formerUnitIds: ['unit-zjj'] };
    expect(answer('assignment', CALLERS.lead, rerouted)).toBe('NOT_FOUND');
    expect(answer('assignment', CALLERS.otherUnit, rerouted)).toBe('ok');
  });

  it('takes only the two kinds', () => {
    expect(suggestionDocumentSchema({ suggestionId: 'sg-1', kind: 'letter' }, '')).toMatchObject({ ok: false, field: 'kind' });
    expect(suggestionDocumentSchema({ suggestionId: 'sg-1', kind: 'assignment' }, '')).toEqual({ ok: true, value: { suggestionId: 'sg-1', kind: 'assignment' } });
  });
});
