/**
 * The life of a suggestion as ONE table: for each command, the statuses it may be issued from,
 * where it leads, and which party may issue it. Anything not listed is refused (deny by default).
 * `guardStep` adds what depends on the suggestion's own state (a pending co-signer, the one
 * re-routing and the one extension, the working-day window); the detail's `can` is this guard.
 */
import type { SuggestionStatus } from '../../../typings/suggestion';
import { fail, ok, type Result } from '../result';
import { rerouteClosesAt, latestDeadline } from './suggestion.clock';
import type { SuggestionDocument } from './suggestion.document';
import { partiesOf, type SuggestionCaller, type SuggestionParty } from './suggestion.party';
import { suggestionStatusLabel } from './suggestion.rules';
import type { SuggestionSettings } from './suggestion.settings';

export const SUGGESTION_COMMANDS = [
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

export type SuggestionCommandKind = (typeof SUGGESTION_COMMANDS)[number];

/** `closed_or_reopened`: a rating closes it, except 不满意 on the first answer, which sends it back to the unit. */
export type NextSuggestionStatus = SuggestionStatus | 'same' | 'closed_or_reopened';

interface Row {
  readonly from: Readonly<Partial<Record<SuggestionStatus, NextSuggestionStatus>>>;
  readonly by: SuggestionParty;
}

const EDITABLE = { draft: 'same', returned: 'same' } as const;

export const SUGGESTION_TABLE: Readonly<Record<SuggestionCommandKind, Row>> = {
  edit: { from: EDITABLE, by: 'author' },
  submit: { from: { draft: 'submitted', returned: 'submitted' }, by: 'author' },
  withdraw: { from: { draft: 'withdrawn', returned: 'withdrawn', submitted: 'withdrawn' }, by: 'author' },
  // Co-signers answer before the office sees it.
  cosign: { from: EDITABLE, by: 'cosigner' },
  accept: { from: { submitted: 'accepted' }, by: 'office' },
  return: { from: { submitted: 'returned' }, by: 'office' },
  convert: { from: { submitted: 'converted' }, by: 'office' },
  // A granted re-routing assigns again through `grant`, never through `assign`.
  assign: { from: { accepted: 'assigned' }, by: 'office' },
  request_reroute: { from: { assigned: 'same' }, by: 'lead' },
  request_extension: { from: { assigned: 'same' }, by: 'lead' },
  grant: { from: { assigned: 'same' }, by: 'office' },
  deny: { from: { assigned: 'same' }, by: 'office' },
  assist: { from: { assigned: 'same' }, by: 'assist' },
  answer: { from: { assigned: 'answered' }, by: 'lead' },
  rate: { from: { answered: 'closed_or_reopened' }, by: 'author' },
};

const VERBS: Readonly<Record<SuggestionCommandKind, string>> = {
  edit: '修改',
  submit: '提交',
  withdraw: '撤回',
  cosign: '确认联名',
  accept: '立案',
  return: '退回',
  convert: '转为留言办理',
  assign: '交办',
  request_reroute: '申请改办',
  request_extension: '申请延期',
  grant: '决定申请',
  deny: '决定申请',
  assist: '提出协办意见',
  answer: '答复',
  rate: '评价',
};

const WHO: Readonly<Record<SuggestionParty, string>> = {
  author: '只有提出建议的代表可以这样做',
  cosigner: '只有受邀联名的代表可以确认联名',
  office: '只有本区人大常委会可以这样做',
  lead: '只有主办单位可以这样做',
  assist: '只有协办单位可以提出协办意见',
};

type Guarded = Pick<
  SuggestionDocument,
  'status' | 'round' | 'deputyId' | 'cosigners' | 'district' | 'leadUnitId' | 'assignments' | 'request' | 'rerouteUsed' | 'extensionUsed' | 'firstAssignedAt' | 'deadline'
>;

/** Whether `caller` may issue `kind` now: the table's row, the party, then the suggestion's own state. */
export function guardStep(doc: Guarded, kind: SuggestionCommandKind, caller: SuggestionCaller, now: Date, settings: SuggestionSettings): Result<void> {
  const row = SUGGESTION_TABLE[kind];
  if (!partiesOf(caller, doc).has(row.by)) return fail('FORBIDDEN', WHO[row.by]);
  if (row.from[doc.status] === undefined) return fail('ILLEGAL_TRANSITION', `这条建议当前为“${suggestionStatusLabel(doc.status, doc.round)}”，不能${VERBS[kind]}`);
  return stateGuard(doc, kind, caller, now, settings);
}

function stateGuard(doc: Guarded, kind: SuggestionCommandKind, caller: SuggestionCaller, now: Date, settings: SuggestionSettings): Result<void> {
  const refuse = (message: string) => fail('ILLEGAL_TRANSITION', message);
  switch (kind) {
    case 'submit':
      return doc.cosigners.some((c) => c.status === 'pending') ? refuse('还有联名代表没有确认，请等他们确认或不再邀请他们后再提交') : ok(undefined);
    case 'request_reroute':
      if (doc.request) return refuse('已有申请等待区人大常委会决定');
      if (doc.rerouteUsed) return refuse('每条建议只能申请一次改办');
      if (!doc.firstAssignedAt || now.getTime() > rerouteClosesAt(doc.firstAssignedAt, settings).getTime())
        return refuse(`改办申请须在交办后 ${settings.rerouteWorkingDays} 个工作日内提出`);
      return ok(undefined);
    case 'request_extension':
      if (doc.request) return refuse('已有申请等待区人大常委会决定');
      if (doc.extensionUsed) return refuse('每条建议只能申请一次延期');
      if (!doc.deadline || now.getTime() > doc.deadline.getTime()) return refuse('办理期限已过，不能再申请延期');
      if (doc.firstAssignedAt && doc.deadline.getTime() >= latestDeadline(doc.firstAssignedAt, settings).getTime())
        return refuse(`办理期限已是最长期限（交办后 ${settings.maxMonths} 个月），不能再延期`);
      return ok(undefined);
    case 'grant':
    case 'deny':
      return doc.request ? ok(undefined) : refuse('没有等待决定的申请');
    case 'assist': {
      const mine = doc.assignments.find((a) => a.role === 'assist' && a.unitId === caller.unitId);
      return mine?.opinion === undefined ? ok(undefined) : refuse('协办意见已经提出，不能再次提出');
    }
    default:
      return ok(undefined);
  }
}
