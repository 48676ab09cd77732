/**
 * The handler's queue (case.inbox): officers see their stations' cases, deputies the cases
 * assigned or addressed to them, the district office its district's stations. `stationId`
 * narrows to one station of that scope; a station outside it is refused (FORBIDDEN), so a
 * caller can tell "not yours" from "nothing there". Order and paging: domain/case/case.inbox.ts.
 */
import type { CaseCategory } from '../../../typings/case';
import type { InboxFilter, InboxInput, InboxItem, InboxOutput } from '../../../typings/workspace';
import type { Actor } from '../../domain/case';
import { INBOX_PAGE_SIZE, INBOX_STATUSES, inboxPlan, isOverdue, OPEN_STATUSES, pageWindows, queueLine } from '../../domain/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { countQueue, readQueue, stationIdsOfDistrict } from '../../data/case-queue';
import type { QueueRow, QueueScope } from '../../data/case-queue';
import { deputyNames, findDeputy } from '../../data/people-by-id';
import type { Database } from '../../platform/cloudbase';

const notYourStation = () => fail('FORBIDDEN', '您不负责这个联络站');

export async function inbox(db: Database, actor: Actor, input: InboxInput, now: Date): Promise<Result<InboxOutput>> {
  const scoped = await scopeOf(db, actor, input.stationId);
  if (!scoped.ok) return scoped;
  const scope = scoped.value;
  const filter: InboxFilter = input.filter ?? 'open';
  const [rows, counts] = await Promise.all([pageOf(db, scope, filter, input.page ?? 0, now), countsOf(db, scope, now)]);

  const page = rows.slice(0, INBOX_PAGE_SIZE);
  const names = await deputyNames(db, page.flatMap((row) => (row.assignedDeputyId ? [row.assignedDeputyId] : [])));
  return ok({ cases: page.map((row) => inboxItem(row, actor, names, now)), hasMore: rows.length > INBOX_PAGE_SIZE, counts });
}

async function scopeOf(db: Database, actor: Actor, stationId: string | undefined): Promise<Result<QueueScope>> {
  switch (actor.role) {
    case 'officer':
      return narrowed(actor.stationIds ?? [], stationId);
    case 'admin':
      return narrowed(actor.district ? await stationIdsOfDistrict(db, actor.district) : [], stationId);
    case 'deputy': {
      if (!actor.deputyId) return ok({ stationIds: [] });
      if (stationId === undefined) return ok({ deputyId: actor.deputyId });
      const deputy = await findDeputy(db, actor.deputyId);
      return deputy?.stationIds.includes(stationId) ? ok({ deputyId: actor.deputyId, stationId }) : notYourStation();
    }
    default:
      return fail('FORBIDDEN');
  }
}

function narrowed(stationIds: readonly string[], stationId: string | undefined): Result<QueueScope> {
  if (stationId === undefined) return ok({ stationIds });
  return stationIds.includes(stationId) ? ok({ stationIds: [stationId] }) : notYourStation();
}

/** One page plus one more row (to tell whether there is more), from the `due` segment then the `rest`. */
async function pageOf(db: Database, scope: QueueScope, filter: InboxFilter, page: number, now: Date): Promise<QueueRow[]> {
  const plan = inboxPlan(filter, now);
  const dueTotal = plan.due ? await countQueue(db, scope, plan.due) : 0;
  const windows = pageWindows(page * INBOX_PAGE_SIZE, INBOX_PAGE_SIZE + 1, dueTotal);
  const [due, rest] = await Promise.all([
    plan.due && windows.due ? readQueue(db, scope, plan.due, 'due', windows.due.skip, windows.due.limit) : [],
    plan.rest && windows.rest ? readQueue(db, scope, plan.rest, 'submitted', windows.rest.skip, windows.rest.limit) : [],
  ]);
  return [...due, ...rest];
}

async function countsOf(db: Database, scope: QueueScope, now: Date): Promise<InboxOutput['counts']> {
  const [open, triage, overdue] = await Promise.all([
    countQueue(db, scope, { statuses: INBOX_STATUSES.open }),
    countQueue(db, scope, { statuses: INBOX_STATUSES.triage }),
    countQueue(db, scope, { statuses: OPEN_STATUSES, dueBefore: now }),
  ]);
  return { open, triage, overdue };
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
  };
}
