/**
 * The handler's queue (case.inbox): officers see their stations' cases, deputies the cases
 * assigned or addressed to them, the district office its district's stations. `stationId`
 * narrows to one station of that scope; a station outside it is refused (FORBIDDEN), so a
 * caller can tell "not yours" from "nothing there". Order and paging: domain/case/case.inbox.ts.
 */
import type { CaseCategory } from '../../../typings/case';
import type { InboxFilter, InboxInput, InboxItem, InboxOutput } from '../../../typings/workspace';
import type { Actor } from '../../domain/case';
import { INBOX_PAGE_SIZE, inboxPlan, isOverdue, pageWindows, queueLine, restIsActive } from '../../domain/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { queueOverview, readQueue, stationIdsOfDistrict } from '../../data/case-queue';
import type { QueueRow, QueueScope } from '../../data/case-queue';
import { deputyNames } from '../../data/people-by-id';
import type { Database } from '../../platform/cloudbase';
import type { ResolvedActor } from '../actor';

const notYourStation = () => fail('FORBIDDEN', '您不负责这个联络站');

/**
 * One aggregate over the scope's active cases gives the badges and the page (the `open`,
 * `triage` and `overdue` filters); `closed` and `all` read the finished cases by their index
 * once the active ones run out. Deputies' names come with the cases.
 */
export async function inbox(db: Database, who: ResolvedActor, input: InboxInput, now: Date): Promise<Result<InboxOutput>> {
  const { actor } = who;
  const scoped = await scopeOf(db, who, input.stationId);
  if (!scoped.ok) return scoped;
  const scope = scoped.value;
  const filter: InboxFilter = input.filter ?? 'open';
  const plan = inboxPlan(filter, now);
  const start = (input.page ?? 0) * INBOX_PAGE_SIZE;
  const count = INBOX_PAGE_SIZE + 1; // one more row tells whether another page follows
  const restActive = restIsActive(plan);
  const overview = await queueOverview(db, scope, { due: plan.due, rest: restActive ? plan.rest : undefined }, now, { skip: start, limit: count });
  const { rest } = pageWindows(start, count, overview.dueTotal);
  const finished = plan.rest && !restActive && rest ? await readQueue(db, scope, plan.rest, 'submitted', rest.skip, rest.limit) : [];
  const rows = [...overview.rows, ...finished];

  const page = rows.slice(0, INBOX_PAGE_SIZE);
  const names = await namesOf(db, page);
  return ok({ cases: page.map((row) => inboxItem(row, actor, names, now)), hasMore: rows.length > INBOX_PAGE_SIZE, counts: overview.counts });
}

async function scopeOf(db: Database, { actor, person }: ResolvedActor, stationId: string | undefined): Promise<Result<QueueScope>> {
  switch (actor.role) {
    case 'officer':
      return narrowed(actor.stationIds ?? [], stationId);
    case 'admin':
      return narrowed(actor.district ? await stationIdsOfDistrict(db, actor.district) : [], stationId);
    case 'deputy': {
      if (!actor.deputyId) return ok({ stationIds: [] });
      if (stationId === undefined) return ok({ deputyId: actor.deputyId });
      // The deputy's stations come with the caller (the users document's copy of the record).
      return person?.stationIds.includes(stationId) ? ok({ deputyId: actor.deputyId, stationId }) : notYourStation();
    }
    default:
      return fail('FORBIDDEN');
  }
}

function narrowed(stationIds: readonly string[], stationId: string | undefined): Result<QueueScope> {
  if (stationId === undefined) return ok({ stationIds });
  return stationIds.includes(stationId) ? ok({ stationIds: [stationId] }) : notYourStation();
}

/** The assigned deputies' names, as each case keeps them; read only for older cases that keep none. */
async function namesOf(db: Database, rows: readonly QueueRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const missing: string[] = [];
  for (const row of rows) {
    if (!row.assignedDeputyId) continue;
    const kept = row.deputyNames?.[row.assignedDeputyId];
    if (kept !== undefined) names.set(row.assignedDeputyId, kept);
    else missing.push(row.assignedDeputyId);
  }
  if (missing.length) for (const [id, name] of await deputyNames(db, missing)) names.set(id, name);
  return names;
}

function inboxItem(row: QueueRow, actor: Actor, names: Map<string, string>, now: Date): InboxItem {
  const relation = actor.role !== 'deputy' ? undefined : row.assignedDeputyId === actor.deputyId ? 'assigned' : 'addressed';
  const line = queueLine(row, actor);
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    title: line.title,
    category: row.category as CaseCategory,
    status: row.status,
    stationId: row.stationId,
    stationName: row.stationName,
    submittedAt: row.submittedAt.toISOString(),
    ...(row.dueAt ? { dueAt: row.dueAt.toISOString() } : {}),
    overdue: isOverdue(row, now),
    ...(relation ? { relation } : {}),
    ...(row.assignedDeputyId ? { assignedDeputy: { id: row.assignedDeputyId, name: names.get(row.assignedDeputyId) ?? '' } } : {}),
    // Only officers and the district office act on unchecked text; deputies need not know.
    ...(row.contentCheck && actor.role !== 'deputy' ? { contentCheckPending: true } : {}),
    ...(line.held ? { held: line.held } : {}),
    anonymous: row.anonymous,
    joinCount: row.joinCount,
  };
}
