import type { Actor } from '../../domain/case';

/** An officer acts on the stations of their staff record only; deny by default. */
export function staffsStation(actor: Actor, stationId: string): boolean {
  return actor.role === 'officer' && (actor.stationIds ?? []).includes(stationId);
}
