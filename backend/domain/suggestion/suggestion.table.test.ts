/**
 * The lifecycle table, checked against a grid written by hand from the brief (issue text and
 * DOMAIN.md), never derived from SUGGESTION_TABLE: every status × every command, issued by the
 * party that may issue it, and every other party refused.
 */
import type { SuggestionStatus } from '../../../typings/suggestion';
import type { SuggestionCommand } from './suggestion.commands';
import { ASSIST, AUTHOR, COSIGNER, LEAD, NOW, OFFICE, OTHER_DEPUTY, OTHER_OFFICE, OUTSIDER_UNIT, SETTINGS, suggestionIn } from './suggestion.fixtures';
import { mayReadSuggestion, partiesOf, type SuggestionCaller } from './suggestion.party';
import { applyStep } from './suggestion.steps';
import type { SuggestionCommandKind } from './suggestion.table';

const unit = (id: string, name: string) => ({ id, name });
const COMMANDS: Record<SuggestionCommandKind, { by: SuggestionCaller; command: SuggestionCommand }> = {
  edit: {
    by: AUTHOR,
    command: {
      kind: 'edit',
      draft: { title: '新标题', problem: '问题', proposal: '建议', attachments: [], cosigners: [{ deputyId: 'dp-2', name: '李四' }], caseIds: [], stationIds: ['st-1'] },
    },
  },
  submit: { by: AUTHOR, command: { kind: 'submit' } },
  withdraw: { by: AUTHOR, command: { kind: 'withdraw' } },
  cosign: { by: COSIGNER, command: { kind: 'cosign', confirm: true } },
  accept: { by: OFFICE, command: { kind: 'accept', number: '福田〔2026〕第1号', year: 2026 } },
  return: { by: OFFICE, command: { kind: 'return', reason: '请补充数据' } },
  convert: { by: OFFICE, command: { kind: 'convert', note: '属个人诉求，转华富街道办理' } },
  assign: { by: OFFICE, command: { kind: 'assign', lead: unit('unit-zjj', '区住房和建设局'), assists: [] } },
  request_reroute: { by: LEAD, command: { kind: 'request_reroute', reason: '不属于本单位职责' } },
  request_extension: { by: LEAD, command: { kind: 'request_extension', reason: '需要财政论证', until: '2026-08-01' } },
  grant: { by: OFFICE, command: { kind: 'grant' } },
  deny: { by: OFFICE, command: { kind: 'deny' } },
  assist: { by: ASSIST, command: { kind: 'assist', opinion: '同意主办单位意见' } },
  answer: { by: LEAD, command: { kind: 'answer', text: '已列入计划。', result: 'B', publishable: true } },
  rate: { by: AUTHOR, command: { kind: 'rate', rating: 'satisfied' } },
};

// '—': refused with ILLEGAL_TRANSITION. Written from the lifecycle: draft ─submit→ submitted ─accept→ accepted
// ─assign→ assigned ─answer→ answered ─rate→ closed; return / convert from submitted; withdraw from draft,
// returned, submitted; edit and co-sign before submission; requests, decisions and assisting while assigned.
const C = [
  'edit',
  'submit',
  'withdraw',
  'cosign',
  'accept',
  'return',
  'convert',
  'assign',
  'request_reroute',
  'request_extension',
  'grant',
  'deny',
  'assist',
  'answer',
  'rate',
] as const;
const GRID: Record<SuggestionStatus, string> = {
  //          edit      submit     withdraw   cosign   accept   return   convert   assign   reroute  extend   grant    deny     assist   answer   rate
  draft: '    draft     submitted  withdrawn  draft    —        —        —         —        —        —        —        —        —        —        —',
  submitted: '—         —          withdrawn  —        accepted returned converted —        —        —        —        —        —        —        —',
  returned: ' returned  submitted  withdrawn  returned —        —        —         —        —        —        —        —        —        —        —',
  converted: '—         —          —          —        —        —        —         —        —        —        —        —        —        —        —',
  accepted: ' —         —          —          —        —        —        —         assigned —        —        —        —        —        —        —',
  assigned: ' —         —          —          —        —        —        —         —        assigned assigned assigned assigned assigned answered —',
  answered: ' —         —          —          —        —        —        —         —        —        —        —        —        —        —        closed',
  closed: '   —         —          —          —        —        —        —         —        —        —        —        —        —        —        —',
  withdrawn: '—         —          —          —        —        —        —         —        —        —        —        —        —        —        —',
};

const rows = (Object.entries(GRID) as [SuggestionStatus, string][]).flatMap(([status, line]) => {
  const cells = line.trim().split(/\s+/);
  if (cells.length !== C.length) throw new Error(`grid row ${status} has ${cells.length} cells`);
  return C.map((kind, i) => [status, kind, cells[i] === '—' ? null : cells[i]] as const);
});

/**
 * The facts a command needs in a status it may be issued from: a pending request to decide, none
 * to ask; units assigned in every status, so a unit's command meets the status, not its absence.
 */
function subject(status: SuggestionStatus, kind: SuggestionCommandKind) {
  const { assignments, leadUnitId, unitIds, firstAssignedAt, deadline } = suggestionIn('assigned');
  const pending = kind === 'grant' || kind === 'deny';
  return suggestionIn(status, {
    assignments,
    leadUnitId,
    unitIds,
    firstAssignedAt,
    deadline,
    ...(pending ? { request: { kind: 'extension', reason: '需要论证', until: new Date('2026-08-01T15:59:59.999Z'), at: NOW, unitId: 'unit-zjj', staffId: 'sf-zjj' } } : {}),
  });
}

describe('status × command, by the party that may issue it', () => {
  it('covers every status and command', () => expect(rows).toHaveLength(9 * 15));

  it.each(rows)('%s + %s → %s', (status, kind, expected) => {
    const { by, command } = COMMANDS[kind];
    const result = applyStep(subject(status, kind), command, { caller: by, now: NOW, settings: SETTINGS });
    if (expected === null) {
      expect(result).toMatchObject({ ok: false, failure: { code: 'ILLEGAL_TRANSITION' } });
      return;
    }
    expect(result.ok && result.value.next.status).toBe(expected);
  });
});

// Who may issue each command (a hand-written list): everyone else is refused, whatever the status.
const ISSUERS: Record<SuggestionCommandKind, SuggestionCaller> = Object.fromEntries(C.map((kind) => [kind, COMMANDS[kind].by])) as Record<
  SuggestionCommandKind,
  SuggestionCaller
>;
const EVERYONE: SuggestionCaller[] = [AUTHOR, COSIGNER, OTHER_DEPUTY, OFFICE, OTHER_OFFICE, LEAD, ASSIST, OUTSIDER_UNIT, { role: 'other', id: 'o-resident', name: '' }];
const ALLOWED_FROM: Record<SuggestionCommandKind, SuggestionStatus> = {
  edit: 'draft',
  submit: 'draft',
  withdraw: 'submitted',
  cosign: 'draft',
  accept: 'submitted',
  return: 'submitted',
  convert: 'submitted',
  assign: 'accepted',
  request_reroute: 'assigned',
  request_extension: 'assigned',
  grant: 'assigned',
  deny: 'assigned',
  assist: 'assigned',
  answer: 'assigned',
  rate: 'answered',
};

describe('deny by default: only the issuer', () => {
  const cases = C.flatMap((kind) => EVERYONE.filter((caller) => caller !== ISSUERS[kind]).map((caller) => [kind, caller.role, caller.id, caller] as const));
  it.each(cases)('%s by %s %s is FORBIDDEN', (kind, _role, _id, caller) => {
    const result = applyStep(subject(ALLOWED_FROM[kind], kind), COMMANDS[kind].command, { caller, now: NOW, settings: SETTINGS });
    expect(result).toMatchObject({ ok: false, failure: { code: 'FORBIDDEN' } });
  });
});

describe('who is a party', () => {
  const assigned = suggestionIn('assigned');
  it.each([
    [AUTHOR, ['author']],
    [COSIGNER, ['cosigner']],
    [OFFICE, ['office']],
    [LEAD, ['lead']],
    [ASSIST, ['assist']],
    [OTHER_DEPUTY, []],
    [OTHER_OFFICE, []],
    [OUTSIDER_UNIT, []],
    [{ ...LEAD, id: '' }, []],
  ] as const)('%o plays %o', (caller, parties) => {
    expect([...partiesOf(caller, assigned)]).toEqual(parties);
  });

  it('an outsider unit reads nothing; a unit re-routed away still reads it', () => {
    expect(mayReadSuggestion(OUTSIDER_UNIT, assigned)).toBe(false);
    expect(mayReadSuggestion(OUTSIDER_UNIT, { ...assigned, formerUnitIds: ['unit-hfjd'] })).toBe(true);
    expect(mayReadSuggestion(LEAD, suggestionIn('accepted'))).toBe(false);
  });
});
