/**
 * A case as its reader may see it (CaseDetail / CaseSummary of typings/case.ts): visibility
 * from the domain (`visibleCase`, `visibleEvents`), the buttons from the policy, names for
 * the people on the timeline, photo URLs, and every instant as an ISO string. Masking of
 * numbers in the free text and the hold are the domain's projection (case.visibility.ts).
 */
import type { JoinNoteView } from '../../../typings/board';
import type { CaseDetail, CaseSummary, CaseTimelineEntry, PhotoView, VoiceView } from '../../../typings/case';
import type { Actor, CaseEvent, CaseView } from '../../domain/case';
import { API_COMMANDS, canSeeNumbers, isOffered, offeredCommands, visibleCase, visibleEvents } from '../../domain/case';
import type { StoredCase } from '../../data/cases';
import { deputyNames, staffNames } from '../../data/people-by-id';
import type { Database } from '../../platform/cloudbase';
import { named } from '../actor';
import { joinNotesOf } from '../../data/case-joins';
import { JOIN_NOTES_SHOWN, seesJoinNotes } from '../../domain/join';
import { maskNumbers } from '../../domain/privacy';
import { photoViews } from './photos';

const iso = (instant: Date): string => new Date(instant).toISOString();

/** What the owner reads for their own events on a timeline. */
export const OWN_NAME = '我';

/** A line of 我的留言 for its owner; `awaitingRating` is the domain's own rule for offering 评价. */
export function caseSummary({ state, extras }: StoredCase, owner: Actor, now: Date): CaseSummary {
  return {
    id: state.id,
    receiptNo: state.receiptNo,
    title: state.title,
    category: state.category,
    status: state.status,
    stationName: extras.stationName,
    submittedAt: iso(state.submittedAt),
    updatedAt: iso(state.updatedAt),
    unread: extras.unreadCount,
    awaitingRating: isOffered(owner, state, 'rate', now),
  };
}

/** A timeline event with the name its actor had when it happened (kept with the case by the write path). */
export type NamedEvent = CaseEvent & { readonly actorName?: string };

/**
 * The case for `reader`, or null when they may not read it. The names it shows come with the
 * case — the deputies it named (`deputyNames`), each handler's name on their event — and are
 * read only for a case stored before it kept them. Only photo links are fetched (storage).
 */
export async function caseDetail(db: Database, reader: Actor, stored: StoredCase, events: readonly NamedEvent[], now: Date): Promise<CaseDetail | null> {
  const { state, extras } = stored;
  const view = visibleCase(state, reader);
  if (!view) return null;
  const timeline = visibleEvents(events, state, reader) as NamedEvent[];
  // The voice message goes with the photos: whoever may see those hears it, and its URL costs no extra call.
  const fileIds = [...view.photoFileIds, ...timeline.flatMap(photosOf), ...(view.voice ? [view.voice.fileId] : [])];
  // What joiners added, for the handlers; read only when someone joined (a case without joiners costs nothing more).
  const notes = extras.joinCount > 0 && seesJoinNotes(reader, state) ? await joinNotesOf(db, state.id, JOIN_NOTES_SHOWN) : undefined;
  const noteFiles = notes?.flatMap((note) => note.photoFileIds) ?? [];
  const [names, photos] = await Promise.all([namesOf(db, view, timeline, extras.deputyNames ?? {}), photoViews([...fileIds, ...noteFiles])]);
  const person = (id: string | undefined) => (id ? { id, name: names.deputies.get(id) ?? '' } : undefined);
  const photosFor = (ids: readonly string[]) => ids.flatMap((id) => photos.get(id) ?? []);
  const voiceUrl = view.voice && photos.get(view.voice.fileId)?.url;
  const voice: VoiceView | undefined = view.voice && voiceUrl ? { fileId: view.voice.fileId, url: voiceUrl, durationSec: view.voice.durationSec } : undefined;

  return withoutAbsent({
    id: view.id,
    receiptNo: view.receiptNo,
    title: view.title,
    content: view.content,
    category: view.category,
    source: state.source,
    status: view.status,
    station: { id: view.stationId, name: extras.stationName },
    targetDeputy: person(view.targetDeputyId),
    assignedDeputy: person(view.assignedDeputyId),
    anonymous: view.anonymous,
    contact: view.contact ? { ...view.contact } : undefined,
    location: view.location ? { point: view.location.point, ...(view.location.address ? { address: view.location.address } : {}) } : undefined,
    photos: photosFor(view.photoFileIds),
    voice,
    transfer: view.transfer && { route: view.transfer.route, receivingBody: view.transfer.receivingBody, deadline: iso(view.transfer.deadline) },
    rating: view.rating && { value: view.rating.value, ...(view.rating.comment ? { comment: view.rating.comment } : {}), at: iso(view.rating.at) },
    closure: view.closure && {
      at: iso(view.closure.at),
      withoutRating: view.closure.withoutRating,
      ...(view.closure.mergedInto ? { mergedInto: { ...view.closure.mergedInto } } : {}),
    },
    reopenCount: view.reopenCount,
    dueAt: view.dueAt && iso(view.dueAt),
    submittedAt: iso(view.submittedAt),
    updatedAt: iso(view.updatedAt),
    // Handlers decide what to do with text WeChat did not check; residents and deputies need not know.
    contentCheck: (reader.role === 'officer' || reader.role === 'admin') && extras.contentCheck ? extras.contentCheck : undefined,
    held: view.held && { reason: view.held.reason, at: iso(view.held.at) },
    publicConsent: state.publicConsent === true,
    joinCount: extras.joinCount,
    // Masked like the case's own text for readers who do not call residents back (deputies, the district office).
    joinNotes: notes?.map((note): JoinNoteView => ({
      at: iso(note.at),
      ...(note.note ? { note: canSeeNumbers(reader, state) ? note.note : maskNumbers(note.note) } : {}),
      photos: photosFor(note.photoFileIds),
    })),
    version: view.version,
    availableCommands: offeredCommands(reader, state, now).filter((command) => API_COMMANDS.includes(command)),
    timeline: timeline.map((event) => timelineEntry(event, view, names, photosFor(photosOf(event)))),
  }) as CaseDetail;
}

/** id → name of the deputies and the staff a case shows. */
interface Names {
  readonly deputies: ReadonlyMap<string, string>;
  readonly staff: ReadonlyMap<string, string>;
}

/** The names the case keeps, and for what it does not keep (older cases) one read per kind. */
async function namesOf(db: Database, view: CaseView, timeline: readonly NamedEvent[], kept: Readonly<Record<string, string>>): Promise<Names> {
  const deputyIds = [view.targetDeputyId, view.assignedDeputyId, ...timeline.filter((e) => !e.actorName).flatMap(deputiesNamedBy), ...timeline.flatMap(deputiesInData)];
  const missingDeputies = deputyIds.filter((id): id is string => !!id && kept[id] === undefined);
  const missingStaff = timeline.filter((e) => (e.actorRole === 'officer' || e.actorRole === 'admin') && !e.actorName).map((e) => e.actorId);
  const [deputies, staff] = await Promise.all([
    missingDeputies.length ? deputyNames(db, missingDeputies) : new Map<string, string>(),
    missingStaff.length ? staffNames(db, missingStaff) : new Map<string, string>(),
  ]);
  return { deputies: new Map([...Object.entries(kept), ...deputies]), staff };
}

function timelineEntry(event: CaseEvent, view: CaseView, names: Names, photos: PhotoView[]): CaseTimelineEntry {
  const data = timelineData(event, names);
  return {
    seq: event.seq,
    kind: event.kind,
    actorRole: event.actorRole,
    actorName: actorName(event, view, names),
    at: iso(event.at),
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    ...(event.note !== undefined ? { note: event.note } : {}),
    ...(photos.length ? { photos } : {}),
    ...(data ? { data } : {}),
  };
}

/**
 * "我" for the owner's own events; a handler's role and name, as the event keeps it; empty
 * where the resident is hidden (a resident's event never carries a name: who may see it
 * depends on the reader).
 */
function actorName(event: NamedEvent, view: CaseView, names: Names): string {
  switch (event.actorRole) {
    case 'resident':
      if (view.isOwn) return OWN_NAME;
      return view.identityHidden ? '' : (view.contact?.name ?? named('resident', undefined));
    case 'deputy':
      return event.actorName ?? named('deputy', names.deputies.get(event.actorId));
    case 'officer':
    case 'admin':
      return event.actorName ?? named(event.actorRole, names.staff.get(event.actorId));
    default:
      return event.actorName ?? named(event.actorRole, undefined);
  }
}

/** The event's facts as flat values: instants as ISO strings, deputies with their names; photos go to `photos`. */
function timelineData(event: CaseEvent, names: Names): Record<string, string | number | boolean> | undefined {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries((event.data ?? {}) as Record<string, unknown>)) {
    if (value instanceof Date) out[key] = iso(value);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  for (const key of ['deputyId', 'previousDeputyId', 'targetDeputyId'] as const) {
    const id = out[key];
    if (typeof id === 'string' && names.deputies.has(id)) out[key.replace(/Id$/, 'Name')] = names.deputies.get(id)!;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The deputy who acted. */
function deputiesNamedBy(event: CaseEvent): string[] {
  return event.actorRole === 'deputy' ? [event.actorId] : [];
}

/** The deputies an event's facts name (an assignment, a handover). */
function deputiesInData(event: CaseEvent): string[] {
  const data = (event.data ?? {}) as Record<string, unknown>;
  return ['deputyId', 'previousDeputyId', 'targetDeputyId'].map((key) => data[key]).filter((v): v is string => typeof v === 'string');
}

function photosOf(event: CaseEvent): readonly string[] {
  const ids = (event.data as { photoFileIds?: unknown } | undefined)?.photoFileIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** Optional fields are left out rather than sent as null. */
function withoutAbsent<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
