import type { ListVisitsOutput } from '../../../typings/visit';
import { findReception } from '../../data/receptions';
import { visitsOfReception } from '../../data/visits';
import type { Actor } from '../../domain/case';
import { fail, ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';
import { visitViews } from './visit-view';
import { mayRecordAt } from './visit-scope';

/** A reception's visits, for the officers of its station and the deputies it lists. Two round trips and the file URLs. */
export async function listVisits(db: Database, actor: Actor, receptionId: string): Promise<Result<ListVisitsOutput>> {
  const reception = await findReception(db, receptionId);
  if (!reception || !mayRecordAt(actor, reception)) return fail('FORBIDDEN', '只有本站联络员和当天接待的代表可以查看登记');
  return ok({ visits: await visitViews(await visitsOfReception(db, receptionId)) });
}
