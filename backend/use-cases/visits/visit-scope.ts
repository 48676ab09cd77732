import type { Reception } from '../../../typings/models';
import type { Actor } from '../../domain/case';
import type { VisitDocument } from '../../domain/visit';

/** Who records and reads a reception's visits: an officer of its station, or a deputy it lists. Deny by default. */
export function mayRecordAt(actor: Actor, reception: Pick<Reception, 'stationId' | 'deputyIds'>): boolean {
  if (actor.role === 'officer') return (actor.stationIds ?? []).includes(reception.stationId);
  if (actor.role === 'deputy') return !!actor.deputyId && reception.deputyIds.includes(actor.deputyId);
  return false;
}

/** Who turns a visit into a case and shows its claim code: an officer of its station, or the deputy who met the resident. */
export function mayConvert(actor: Actor, visit: Pick<VisitDocument, 'stationId' | 'deputyId'>): boolean {
  if (actor.role === 'officer') return (actor.stationIds ?? []).includes(visit.stationId);
  if (actor.role === 'deputy') return !!actor.deputyId && actor.deputyId === visit.deputyId;
  return false;
}
