/**
 * `suggestion.get`, `suggestion.list`, `suggestion.cosignable`. A suggestion is read by its
 * parties only (domain/suggestion/suggestion.party.ts); anyone else — another deputy, another
 * district's office, a unit it was never assigned to, a resident — is told NOT_FOUND, as for a
 * suggestion that does not exist. Lists are each role's own: no filter reaches past it.
 */
import type { CosignableInput, CosignableOutput, ListSuggestionsInput, ListSuggestionsOutput, SuggestionDetail } from '../../../typings/suggestion';
import { fail, ok, type Result } from '../../domain/result';
import { mayReadSuggestion, partiesOf, SUGGESTION_RULES, toDetail, toSummary, type SuggestionCaller, type SuggestionDocument } from '../../domain/suggestion';
import { deputiesServing } from '../../data/people';
import { districtStationNames, stationNamesAndDistricts } from '../../data/stations';
import { linkableCases } from '../../data/suggestion-cases';
import { eventsOfSuggestion } from '../../data/suggestion-events';
import { countUnitOpen, findSuggestion, suggestionsOfDeputy, suggestionsOfDistrict, unitSuggestionsByDeadline, unitSuggestionsDone } from '../../data/suggestions';
import type { Database } from '../../platform/cloudbase';
import { photoUrls } from '../../platform/storage';
import type { ResolvedActor } from '../actor';
import { suggestionCaller } from './caller';
import { SUGGESTION_SETTINGS, type SuggestionContext } from './context';

export const SUGGESTION_NOT_FOUND = '没有找到这条建议';

/** The detail for a caller who may read it: its events, its files' URLs and (for those who see them) its cases, side by side. */
export async function detailFor(db: Database, caller: SuggestionCaller, doc: SuggestionDocument, now: Date): Promise<SuggestionDetail> {
  const parties = partiesOf(caller, doc);
  const seesCases = doc.caseIds.length > 0 && (parties.has('author') || parties.has('cosigner') || parties.has('office'));
  const fileIds = [...doc.attachments.map((a) => a.fileId), ...doc.answers.flatMap((a) => a.attachmentFileId ?? [])];
  const [events, urls, cases] = await Promise.all([eventsOfSuggestion(db, doc._id), fileUrls(fileIds), seesCases ? linkableCases(db, doc.caseIds) : new Map()]);
  const linked = doc.caseIds.flatMap((id) => {
    const kase = cases.get(id);
    return kase ? [{ id, receiptNo: kase.receiptNo, title: kase.title }] : [];
  });
  return toDetail(doc, caller, { events, urls, cases: linked }, now, SUGGESTION_SETTINGS);
}

/** URLs of the files that still exist; a storage failure shows none rather than no suggestion. */
async function fileUrls(fileIds: readonly string[]): Promise<Map<string, string>> {
  if (fileIds.length === 0) return new Map();
  try {
    return new Map((await photoUrls([...new Set(fileIds)])).map((view) => [view.fileId, view.url]));
  } catch (error) {
    console.error('[suggestions] file URLs unavailable', error);
    return new Map();
  }
}

/** The suggestion if the caller may read it. */
export async function readable(db: Database, caller: SuggestionCaller, suggestionId: string): Promise<Result<SuggestionDocument>> {
  const doc = await findSuggestion(db, suggestionId);
  return doc && mayReadSuggestion(caller, doc) ? ok(doc) : fail('NOT_FOUND', SUGGESTION_NOT_FOUND);
}

export async function getSuggestion(ctx: SuggestionContext, who: ResolvedActor, suggestionId: string): Promise<Result<SuggestionDetail>> {
  const caller = suggestionCaller(who);
  const doc = await readable(ctx.db, caller, suggestionId);
  return doc.ok ? ok(await detailFor(ctx.db, caller, doc.value, ctx.now)) : doc;
}

export async function listSuggestions(ctx: SuggestionContext, who: ResolvedActor, input: ListSuggestionsInput): Promise<Result<ListSuggestionsOutput>> {
  const caller = suggestionCaller(who);
  if (!caller.id) return ok({ suggestions: [], hasMore: false });
  if (caller.role !== 'admin') {
    if (input.unitId) return fail('INVALID_INPUT', '只有区人大常委会可以按承办单位筛选', 'unitId');
    if (input.deputyId) return fail('INVALID_INPUT', '只有区人大常委会可以按代表筛选', 'deputyId');
  }
  const size = SUGGESTION_RULES.pageSize;
  const at = { skip: (input.page ?? 0) * size, limit: size + 1 };
  const overdueBefore = input.overdue ? ctx.now : undefined;
  let docs: SuggestionDocument[];
  switch (caller.role) {
    case 'deputy':
      docs = await suggestionsOfDeputy(ctx.db, caller.id, input.status, at, overdueBefore);
      break;
    case 'admin':
      docs = caller.district ? await suggestionsOfDistrict(ctx.db, { district: caller.district, ...input, overdueBefore }, at) : [];
      break;
    case 'unit':
      docs = caller.unitId ? await unitInbox(ctx.db, caller.unitId, input, at, ctx.now) : [];
      break;
    default:
      docs = [];
  }
  return ok({ suggestions: docs.slice(0, size).map((doc) => toSummary(doc, ctx.now)), hasMore: docs.length > size });
}

/** A unit's inbox: what waits for its answer by deadline (the overdue first, as they are due soonest), then the handled ones, latest first. */
async function unitInbox(db: Database, unitId: string, input: ListSuggestionsInput, at: { skip: number; limit: number }, now: Date): Promise<SuggestionDocument[]> {
  if (input.overdue) return input.status && input.status !== 'assigned' ? [] : unitSuggestionsByDeadline(db, unitId, { overdueBefore: now }, at);
  if (input.status === 'answered' || input.status === 'closed' || input.status === 'assigned') return unitSuggestionsByDeadline(db, unitId, input.status, at);
  if (input.status) return [];
  const open = await countUnitOpen(db, unitId);
  const [waiting, done] = await Promise.all([
    at.skip < open ? unitSuggestionsByDeadline(db, unitId, 'assigned', at) : [],
    at.skip + at.limit > open ? unitSuggestionsDone(db, unitId, { skip: Math.max(0, at.skip - open), limit: at.limit - Math.max(0, Math.min(at.limit, open - at.skip)) }) : [],
  ]);
  return [...waiting, ...done];
}

/** Deputies of the author's district the author may ask to co-sign, by name; never the author. */
export async function cosignableDeputies(ctx: SuggestionContext, who: ResolvedActor, input: CosignableInput): Promise<Result<CosignableOutput>> {
  const caller = suggestionCaller(who);
  const district = (await stationNamesAndDistricts(ctx.db, who.person?.stationIds ?? [])).find((s) => s.district)?.district;
  if (!caller.id || !district) return ok({ deputies: [] });
  const stations = [...(await districtStationNames(ctx.db, district)).keys()];
  const max = SUGGESTION_RULES.cosignableMax;
  const found = await deputiesServing(ctx.db, { stationIds: stations, ...(input.query ? { name: input.query } : {}), skip: 0, limit: max + 1 });
  return ok({
    deputies: found
      .filter((d) => d._id !== caller.id)
      .slice(0, max)
      .map((d) => ({ id: d._id, name: d.name, delegation: d.delegation })),
  });
}
