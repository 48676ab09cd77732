/**
 * A suggestion as its parties read it: labels, dates as 'YYYY-MM-DD' (deadlines) or ISO
 * instants, the timeline from its events, and `can` — exactly what the table's guard allows the
 * caller now. Linked cases are shown to the author, co-signers and the office, never to units.
 */
import type { SuggestionActions, SuggestionAnswerView, SuggestionDetail, SuggestionFile, SuggestionSummary, SuggestionTimelineEntry } from '../../../typings/suggestion';
import { shanghaiDate } from '../calendar';
import { maskNumbers } from '../privacy';
import type { SuggestionDocument, SuggestionEventDocument } from './suggestion.document';
import { partiesOf, type SuggestionCaller } from './suggestion.party';
import { SUGGESTION_EVENT_LABELS, SUGGESTION_RESULT_LABELS, suggestionStatusLabel } from './suggestion.rules';
import type { SuggestionSettings } from './suggestion.settings';
import { guardStep, type SuggestionCommandKind } from './suggestion.table';

/** Past the deadline and not answered: what the office supervises (督办). */
export function isOverdue(doc: Pick<SuggestionDocument, 'status' | 'deadline'>, now: Date): boolean {
  return doc.status === 'assigned' && !!doc.deadline && now.getTime() > doc.deadline.getTime();
}

export function toSummary(doc: SuggestionDocument, now: Date): SuggestionSummary {
  const lead = doc.assignments.find((a) => a.role === 'lead');
  const latest = doc.answers[doc.answers.length - 1];
  return {
    id: doc._id,
    ...(doc.number ? { number: doc.number } : {}),
    title: doc.title,
    status: doc.status,
    statusLabel: suggestionStatusLabel(doc.status, doc.round),
    deputy: { id: doc.deputyId, name: doc.deputyName },
    ...(lead ? { leadUnit: { id: lead.unitId, name: lead.unitName } } : {}),
    ...(doc.deadline ? { deadline: shanghaiDate(doc.deadline) } : {}),
    overdue: isOverdue(doc, now),
    ...(doc.request ? { pendingRequest: doc.request.kind } : {}),
    ...(latest ? { result: latest.result } : {}),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export interface DetailSources {
  readonly events: readonly SuggestionEventDocument[];
  /** Short-lived URLs of the stored files, by file id (missing files are left out). */
  readonly urls: ReadonlyMap<string, string>;
  /** The linked cases that still exist: receipt number and title. */
  readonly cases: readonly { id: string; receiptNo: string; title: string }[];
}

const COMMAND_OF: Readonly<Record<keyof SuggestionActions, SuggestionCommandKind>> = {
  edit: 'edit',
  submit: 'submit',
  withdraw: 'withdraw',
  cosign: 'cosign',
  review: 'accept',
  assign: 'assign',
  requestReroute: 'request_reroute',
  requestExtension: 'request_extension',
  decide: 'grant',
  assist: 'assist',
  answer: 'answer',
  rate: 'rate',
};

export function actionsFor(doc: SuggestionDocument, caller: SuggestionCaller, now: Date, settings: SuggestionSettings): SuggestionActions {
  return Object.fromEntries(Object.entries(COMMAND_OF).map(([action, kind]) => [action, guardStep(doc, kind, caller, now, settings).ok])) as unknown as SuggestionActions;
}

export function toDetail(doc: SuggestionDocument, caller: SuggestionCaller, sources: DetailSources, now: Date, settings: SuggestionSettings): SuggestionDetail {
  const parties = partiesOf(caller, doc);
  const seesCases = parties.has('author') || parties.has('cosigner') || parties.has('office');
  const file = (fileId: string, kind: SuggestionFile['kind']): SuggestionFile[] => {
    const url = sources.urls.get(fileId);
    return url ? [{ fileId, kind, url }] : [];
  };
  return {
    ...toSummary(doc, now),
    problem: doc.problem,
    proposal: doc.proposal,
    attachments: doc.attachments.flatMap((a) => file(a.fileId, a.kind)),
    cosigners: doc.cosigners.map((c) => ({ id: c.deputyId, name: c.name, status: c.status })),
    cases: seesCases ? sources.cases.map((c) => ({ id: c.id, receiptNo: c.receiptNo, title: maskNumbers(c.title) })) : [],
    ...(doc.reviewNote ? { reviewNote: doc.reviewNote } : {}),
    assignments: doc.assignments.map((a) => ({
      unit: { id: a.unitId, name: a.unitName },
      role: a.role,
      deadline: shanghaiDate(a.deadline),
      ...(a.opinion !== undefined ? { opinion: a.opinion } : {}),
      ...(a.answeredAt ? { answeredAt: a.answeredAt.toISOString() } : {}),
    })),
    ...(doc.request
      ? {
          request: {
            kind: doc.request.kind,
            reason: doc.request.reason,
            ...(doc.request.until ? { until: shanghaiDate(doc.request.until) } : {}),
            at: doc.request.at.toISOString(),
          },
        }
      : {}),
    round: doc.round,
    answers: doc.answers.map((a): SuggestionAnswerView => ({
      round: a.round,
      unit: { id: a.unitId, name: a.unitName },
      text: a.text,
      ...(a.attachmentFileId && sources.urls.has(a.attachmentFileId) ? { attachment: file(a.attachmentFileId, 'pdf')[0] } : {}),
      result: a.result,
      resultLabel: SUGGESTION_RESULT_LABELS[a.result],
      publishable: a.publishable,
      at: a.at.toISOString(),
      ...(a.rating ? { rating: { value: a.rating.value, ...(a.rating.comment ? { comment: a.rating.comment } : {}), at: a.rating.at.toISOString() } } : {}),
    })),
    timeline: [...sources.events].sort((a, b) => a.seq - b.seq).map(timelineEntry),
    can: actionsFor(doc, caller, now, settings),
  };
}

function timelineEntry(event: SuggestionEventDocument): SuggestionTimelineEntry {
  const note = [detailOf(event), event.note].filter(Boolean).join('；');
  return { kind: event.kind, label: SUGGESTION_EVENT_LABELS[event.kind], actorName: event.actorName, at: event.at.toISOString(), ...(note ? { note } : {}) };
}

/** What an event's facts say in words: the units and deadline of an assignment, the class of an answer … */
function detailOf(event: SuggestionEventDocument): string {
  const data = event.data ?? {};
  switch (event.kind) {
    case 'accepted':
      return data.number ? `建议编号 ${data.number}` : '';
    case 'assigned':
    case 'request_granted':
      if (data.kind === 'extension') return `办理期限延至 ${data.deadline}`;
      return [`主办：${data.leadUnit}`, data.assistUnits ? `协办：${data.assistUnits}` : '', `办理期限 ${data.deadline}`].filter(Boolean).join('，');
    case 'extension_requested':
      return `申请延至 ${data.until}`;
    case 'answered':
      return `${SUGGESTION_RESULT_LABELS[data.result as keyof typeof SUGGESTION_RESULT_LABELS] ?? ''}${data.onTime === false ? '（逾期答复）' : ''}`;
    case 'reopened':
      return `重新办理，期限 ${data.deadline}`;
    case 'closed':
      return data.rating ? (RATING_WORDS[String(data.rating)] ?? '') : '';
    default:
      return '';
  }
}

const RATING_WORDS: Readonly<Record<string, string>> = { satisfied: '代表评价：满意', basically_satisfied: '代表评价：基本满意', unsatisfied: '代表评价：不满意' };
