/**
 * What a suggestion reads and writes of the cases it grows from: their owners and stations, and
 * the `suggestionId` mark on each linked case (a case is in at most one live suggestion). The mark
 * is claimed by one conditional update (only where no suggestion holds the case), given back by
 * another (only where this one holds it); neither touches the case's version or timeline, so no
 * case command is ever refused because of it.
 */
import type { CaseState } from '../domain/case';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

const CASES = 'cases';

/** What linking needs of a case: who may link it (CaseState's scope fields), where it is, whose it is. */
export interface LinkableCase {
  readonly id: string;
  readonly receiptNo: string;
  readonly title: string;
  readonly stationId: string;
  readonly ownerOpenid: string;
  readonly assignedDeputyId?: string;
  readonly targetDeputyId?: string;
  readonly status?: CaseState['status'];
  readonly held?: CaseState['held'];
  readonly suggestionId?: string;
}

/** The cases of these ids that exist, by id. */
export async function linkableCases(db: Database, ids: readonly string[]): Promise<Map<string, LinkableCase>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { data } = await db
    .collection(CASES)
    .where({ _id: db.command.in(unique) })
    .field({
      _id: true,
      receiptNo: true,
      title: true,
      stationId: true,
      ownerOpenid: true,
      assignedDeputyId: true,
      targetDeputyId: true,
      status: true,
      held: true,
      suggestionId: true,
    })
    .limit(MAX_PAGE)
    .get();
  return new Map(
    (data as Record<string, unknown>[]).map((doc) => {
      const kase: LinkableCase = {
        id: String(doc._id),
        receiptNo: String(doc.receiptNo ?? ''),
        title: String(doc.title ?? ''),
        stationId: String(doc.stationId ?? ''),
        ownerOpenid: typeof doc.ownerOpenid === 'string' ? doc.ownerOpenid : '',
        ...(typeof doc.assignedDeputyId === 'string' ? { assignedDeputyId: doc.assignedDeputyId } : {}),
        ...(typeof doc.targetDeputyId === 'string' ? { targetDeputyId: doc.targetDeputyId } : {}),
        ...(typeof doc.status === 'string' ? { status: doc.status as CaseState['status'] } : {}),
        ...(doc.held ? { held: doc.held as CaseState['held'] } : {}),
        ...(typeof doc.suggestionId === 'string' ? { suggestionId: doc.suggestionId } : {}),
      };
      return [kase.id, kase];
    }),
  );
}

/** Marks the cases as this suggestion's where no suggestion holds them: how many it marked. */
export async function claimCases(db: Database, ids: readonly string[], suggestionId: string): Promise<number> {
  if (ids.length === 0) return 0;
  const _ = db.command;
  const { updated } = await db
    .collection(CASES)
    .where({ _id: _.in([...ids]), suggestionId: _.exists(false) })
    .update({ suggestionId });
  return Number(updated ?? 0);
}

/** Removes this suggestion's mark from these cases (another suggestion's is left alone). */
export async function releaseCases(db: Database, ids: readonly string[], suggestionId: string): Promise<void> {
  if (ids.length === 0) return;
  const _ = db.command;
  await db
    .collection(CASES)
    .where({ _id: _.in([...ids]), suggestionId })
    .update({ suggestionId: _.remove() });
}
