/**
 * One step of the lifecycle, decided purely: the guard of the table (suggestion.table.ts), the
 * command's own checks, then the document after it with its version bumped and exactly one
 * event at seq = that version. The drafting and review steps are here; the units' and the
 * rating in suggestion.handling.ts.
 */
import { fail, ok, type Result } from '../result';
import type { DraftFields, SuggestionCommand, SuggestionStep } from './suggestion.commands';
import type { SuggestionCosigner, SuggestionDocument, SuggestionEventDocument } from './suggestion.document';
import { residentNotices, type Change, type StepContext } from './suggestion.change';
import { handlingStep } from './suggestion.handling';
import { actorNameOf } from './suggestion.party';
import { guardStep } from './suggestion.table';

export function applyStep(doc: SuggestionDocument, command: SuggestionCommand, ctx: StepContext): Result<SuggestionStep> {
  const guard = guardStep(doc, command.kind, ctx.caller, ctx.now, ctx.settings);
  if (!guard.ok) return guard;
  const change = decide(doc, command, ctx);
  return change.ok ? ok(stepOf(doc, change.value, ctx)) : change;
}

function decide(doc: SuggestionDocument, command: SuggestionCommand, ctx: StepContext): Result<Change> {
  const { now } = ctx;
  switch (command.kind) {
    case 'edit':
      return ok({ fields: draftFields(command.draft, doc.cosigners), remove: command.draft.contentCheck ? [] : ['contentCheck'], kind: 'edited' });
    case 'submit':
      return ok({ fields: { status: 'submitted', submittedAt: now }, remove: ['reviewNote'], kind: 'submitted' });
    case 'withdraw':
      return ok({ fields: { status: 'withdrawn' }, kind: 'withdrawn' });
    case 'cosign': {
      const cosigners = doc.cosigners.map((c): SuggestionCosigner =>
        c.deputyId === ctx.caller.id ? { ...c, status: command.confirm ? 'confirmed' : 'declined', at: now } : c,
      );
      return ok({ fields: { cosigners }, kind: command.confirm ? 'cosigned' : 'cosign_declined' });
    }
    case 'accept':
      return ok({
        fields: {
          status: 'accepted',
          number: command.number,
          year: command.year,
          acceptedAt: now,
          outbox: [...doc.outbox, ...residentNotices('accepted', ctx, doc.version + 1)],
        },
        kind: 'accepted',
        ...(command.note ? { note: command.note } : {}),
        data: { number: command.number },
      });
    case 'return':
      return ok({ fields: { status: 'returned', reviewNote: command.reason }, kind: 'returned', note: command.reason });
    case 'convert':
      return ok({ fields: { status: 'converted', reviewNote: command.note }, kind: 'converted', note: command.note });
    default:
      return handlingStep(doc, command, ctx);
  }
}

/** The fields a save writes; a co-signer kept keeps their answer, a new one is asked (pending). */
export function draftFields(draft: DraftFields, before: readonly SuggestionCosigner[]): Partial<SuggestionDocument> {
  const cosigners = draft.cosigners.map((c): SuggestionCosigner => before.find((b) => b.deputyId === c.deputyId) ?? { deputyId: c.deputyId, name: c.name, status: 'pending' });
  return {
    title: draft.title,
    problem: draft.problem,
    proposal: draft.proposal,
    attachments: draft.attachments.map((a) => ({ ...a })),
    cosigners,
    caseIds: [...draft.caseIds],
    stationIds: [...draft.stationIds],
    ...(draft.contentCheck ? { contentCheck: draft.contentCheck } : {}),
  };
}

function stepOf(doc: SuggestionDocument, change: Change, ctx: StepContext): SuggestionStep {
  const version = doc.version + 1;
  const next = { ...doc, ...change.fields, version, updatedAt: ctx.now } as SuggestionDocument;
  for (const key of change.remove ?? []) delete (next as unknown as Record<string, unknown>)[key];
  return { next, event: eventOf(doc._id, version, change, ctx, actorNameOf(ctx.caller, next)) };
}

export function eventOf(suggestionId: string, seq: number, change: Pick<Change, 'kind' | 'note' | 'data'>, ctx: StepContext, actorName: string): SuggestionEventDocument {
  const { caller } = ctx;
  return {
    _id: `${suggestionId}:${seq}`,
    suggestionId,
    seq,
    kind: change.kind,
    at: ctx.now,
    actorRole: caller.role === 'other' ? 'system' : caller.role,
    actorId: caller.id,
    actorName,
    ...(change.note ? { note: change.note } : {}),
    ...(change.data ? { data: change.data } : {}),
  };
}

/** A new draft (version 1) and its `created` event; only a deputy writes one. */
export function newSuggestion(base: { id: string; district: string; requestId: string }, draft: DraftFields, ctx: StepContext): Result<SuggestionStep> {
  const { caller, now } = ctx;
  if (caller.role !== 'deputy' || !caller.id) return fail('FORBIDDEN', '只有人大代表可以提出建议');
  const doc: SuggestionDocument = {
    _id: base.id,
    version: 1,
    status: 'draft',
    district: base.district,
    deputyId: caller.id,
    deputyName: caller.name,
    stationIds: [],
    title: '',
    problem: '',
    proposal: '',
    attachments: [],
    cosigners: [],
    caseIds: [],
    assignments: [],
    extensionUsed: false,
    rerouteUsed: false,
    round: 1,
    answers: [],
    remindersSent: [],
    outbox: [],
    unitIds: [],
    createdAt: now,
    updatedAt: now,
    requestId: base.requestId,
    ...draftFields(draft, []),
  };
  return ok({ next: doc, event: eventOf(doc._id, 1, { kind: 'created' }, ctx, actorNameOf(caller, doc)) });
}
