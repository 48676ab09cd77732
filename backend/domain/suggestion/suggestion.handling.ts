/**
 * The handling steps: the office assigns and decides requests, the lead unit asks, answers, the
 * assisting units send their opinion, the author rates. Every new deadline clears the overdue
 * mark (督办), as does an answer. Called by applyStep after the table's guard.
 */
import { shanghaiDate } from '../calendar';
import { fail, ok, type Result } from '../result';
import { latestDeadline, monthsAfter, pickedDeadline } from './suggestion.clock';
import type { SuggestionCommand, UnitRef } from './suggestion.commands';
import type { SuggestionAnswerRecord, SuggestionAssignment, SuggestionDocument } from './suggestion.document';
import { SUGGESTION_RULES } from './suggestion.rules';
import { residentNotices, type Change, type StepContext } from './suggestion.change';

type HandlingCommand = Exclude<SuggestionCommand, { kind: 'edit' | 'submit' | 'withdraw' | 'cosign' | 'accept' | 'return' | 'convert' }>;

export function handlingStep(doc: SuggestionDocument, command: HandlingCommand, ctx: StepContext): Result<Change> {
  switch (command.kind) {
    case 'assign':
      return assign(command.lead, command.assists, command.deadline, ctx);
    case 'request_reroute':
    case 'request_extension':
      return request(doc, command, ctx);
    case 'grant':
      return grant(doc, command, ctx);
    case 'deny':
      return ok({ fields: {}, remove: ['request'], kind: 'request_denied', ...(command.note ? { note: command.note } : {}), data: { kind: doc.request!.kind } });
    case 'assist':
      return ok({
        fields: {
          assignments: doc.assignments.map((a) => (a.role === 'assist' && a.unitId === ctx.caller.unitId ? { ...a, opinion: command.opinion, answeredAt: ctx.now } : a)),
        },
        kind: 'assisted',
        note: command.opinion,
      });
    case 'answer':
      return answer(doc, command, ctx);
    case 'rate':
      return rate(doc, command, ctx);
  }
}

/** Units to assign: the lead and distinct assisting units other than the lead. */
function checkUnits(lead: UnitRef, assists: readonly UnitRef[]): Result<void> {
  if (assists.some((a) => a.id === lead.id)) return fail('INVALID_INPUT', '协办单位不能同时是主办单位', 'assistUnitIds');
  if (new Set(assists.map((a) => a.id)).size !== assists.length) return fail('INVALID_INPUT', '协办单位重复了', 'assistUnitIds');
  if (assists.length > SUGGESTION_RULES.maxAssistUnits) return fail('INVALID_INPUT', `协办单位最多 ${SUGGESTION_RULES.maxAssistUnits} 个`, 'assistUnitIds');
  return ok(undefined);
}

function assignments(lead: UnitRef, assists: readonly UnitRef[], deadline: Date, ctx: StepContext): SuggestionAssignment[] {
  const assistDeadline = monthsAfter(ctx.now, ctx.settings.assistMonths);
  return [
    { unitId: lead.id, unitName: lead.name, role: 'lead', deadline },
    ...assists.map((a): SuggestionAssignment => ({ unitId: a.id, unitName: a.name, role: 'assist', deadline: assistDeadline })),
  ];
}

function assign(lead: UnitRef, assists: readonly UnitRef[], picked: string | undefined, ctx: StepContext): Result<Change> {
  const units = checkUnits(lead, assists);
  if (!units.ok) return units;
  const latest = monthsAfter(ctx.now, ctx.settings.maxMonths);
  const deadline = picked ? pickedDeadline(picked, ctx.now, latest, 'deadline', '办理期限') : ok(monthsAfter(ctx.now, ctx.settings.answerMonths));
  if (!deadline.ok) return deadline;
  const list = assignments(lead, assists, deadline.value, ctx);
  return ok({
    fields: { status: 'assigned', assignments: list, firstAssignedAt: ctx.now, deadline: deadline.value, leadUnitId: lead.id, unitIds: list.map((a) => a.unitId) },
    remove: ['overdueAt'],
    kind: 'assigned',
    data: { leadUnitId: lead.id, leadUnit: lead.name, assistUnits: assists.map((a) => a.name).join('、'), deadline: shanghaiDate(deadline.value) },
  });
}

function request(doc: SuggestionDocument, command: Extract<HandlingCommand, { kind: 'request_reroute' | 'request_extension' }>, ctx: StepContext): Result<Change> {
  const base = { reason: command.reason, at: ctx.now, unitId: ctx.caller.unitId ?? '', staffId: ctx.caller.id };
  if (command.kind === 'request_reroute') {
    return ok({ fields: { request: { kind: 'reroute', ...base }, rerouteUsed: true }, kind: 'reroute_requested', note: command.reason });
  }
  const until = pickedDeadline(command.until, doc.deadline!, latestDeadline(doc.firstAssignedAt!, ctx.settings), 'until', '延期后的办理期限');
  if (!until.ok) return until;
  return ok({
    fields: { request: { kind: 'extension', ...base, until: until.value }, extensionUsed: true },
    kind: 'extension_requested',
    note: command.reason,
    data: { until: command.until },
  });
}

function grant(doc: SuggestionDocument, command: Extract<HandlingCommand, { kind: 'grant' }>, ctx: StepContext): Result<Change> {
  const pending = doc.request!;
  const note = command.note ? { note: command.note } : {};
  if (pending.kind === 'extension') {
    const deadline = pending.until!;
    return ok({
      fields: { deadline, assignments: doc.assignments.map((a) => (a.role === 'lead' ? { ...a, deadline } : a)) },
      remove: ['request', 'overdueAt'],
      kind: 'request_granted',
      ...note,
      data: { kind: 'extension', deadline: shanghaiDate(deadline) },
    });
  }
  if (!command.lead) return fail('INVALID_INPUT', '同意改办时请选择新的主办单位', 'leadUnitId');
  if (command.lead.id === doc.leadUnitId) return fail('INVALID_INPUT', '新的主办单位不能是原主办单位', 'leadUnitId');
  const assists = command.assists ?? [];
  const units = checkUnits(command.lead, assists);
  if (!units.ok) return units;
  const deadline = monthsAfter(ctx.now, ctx.settings.answerMonths);
  const list = assignments(command.lead, assists, deadline, ctx);
  const unitIds = list.map((a) => a.unitId);
  const former = [...new Set([...(doc.formerUnitIds ?? []), ...doc.unitIds.filter((id) => !unitIds.includes(id))])];
  return ok({
    fields: { assignments: list, deadline, leadUnitId: command.lead.id, unitIds, formerUnitIds: former },
    remove: ['request', 'overdueAt'],
    kind: 'request_granted',
    ...note,
    data: { kind: 'reroute', leadUnitId: command.lead.id, leadUnit: command.lead.name, assistUnits: assists.map((a) => a.name).join('、'), deadline: shanghaiDate(deadline) },
  });
}

function answer(doc: SuggestionDocument, command: Extract<HandlingCommand, { kind: 'answer' }>, ctx: StepContext): Result<Change> {
  const lead = doc.assignments.find((a) => a.role === 'lead')!;
  const record: SuggestionAnswerRecord = {
    round: doc.round,
    unitId: lead.unitId,
    unitName: lead.unitName,
    staffId: ctx.caller.id,
    text: command.text,
    ...(command.attachmentFileId ? { attachmentFileId: command.attachmentFileId } : {}),
    result: command.result,
    publishable: command.publishable,
    at: ctx.now,
    onTime: !!doc.deadline && ctx.now.getTime() <= doc.deadline.getTime(),
  };
  return ok({
    fields: {
      status: 'answered',
      answers: [...doc.answers, record],
      answeredAt: ctx.now,
      assignments: doc.assignments.map((a) => (a.role === 'lead' ? { ...a, answeredAt: ctx.now } : a)),
      outbox: [...doc.outbox, ...residentNotices('answered', ctx, doc.version + 1, doc.round)],
    },
    // A request still waiting is moot once the answer is in.
    remove: ['request', 'overdueAt'],
    kind: 'answered',
    data: { round: doc.round, result: command.result, onTime: record.onTime, publishable: command.publishable },
  });
}

function rate(doc: SuggestionDocument, command: Extract<HandlingCommand, { kind: 'rate' }>, ctx: StepContext): Result<Change> {
  const rating = { value: command.rating, ...(command.comment ? { comment: command.comment } : {}), at: ctx.now };
  const answers = doc.answers.map((a, i) => (i === doc.answers.length - 1 ? { ...a, rating } : a));
  const note = command.comment ? { note: command.comment } : {};
  if (command.rating === 'unsatisfied' && doc.round === 1) {
    const deadline = monthsAfter(ctx.now, ctx.settings.reanswerMonths);
    return ok({
      fields: {
        status: 'assigned',
        round: 2,
        answers,
        deadline,
        assignments: doc.assignments.map((a) => (a.role === 'lead' ? { ...a, deadline, answeredAt: undefined } : a)),
      },
      remove: ['overdueAt'],
      kind: 'reopened',
      ...note,
      data: { rating: command.rating, round: 2, deadline: shanghaiDate(deadline) },
    });
  }
  return ok({
    fields: { status: 'closed', answers, closedAt: ctx.now, outbox: [...doc.outbox, ...residentNotices('closed', ctx, doc.version + 1)] },
    kind: 'closed',
    ...note,
    data: { rating: command.rating },
  });
}
