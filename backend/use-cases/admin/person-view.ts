import type { Deputy, Staff } from '../../../typings/models';
import type { PersonView } from '../../../typings/workspace';
import { DEPUTY_LEVEL_LABELS } from '../../domain/admin';

/** A deputy as the people list shows them: level and delegation, their stations by name. */
export function deputyView(deputy: Deputy, names: Map<string, string>): PersonView {
  return {
    id: deputy._id,
    kind: 'deputy',
    name: deputy.name,
    detail: `${DEPUTY_LEVEL_LABELS[deputy.level] ?? ''} · ${deputy.delegation}`,
    stations: stationsNamed(deputy.stationIds, names),
    bound: Boolean(deputy.openid),
    // The record's own fields, so the edit form starts from them rather than from display text.
    level: deputy.level,
    delegation: deputy.delegation,
    occupation: deputy.occupation,
  };
}

/** An officer or admin: their office phone. */
export function staffView(staff: Staff, names: Map<string, string>): PersonView {
  return {
    id: staff._id,
    kind: staff.role,
    name: staff.name,
    detail: staff.phone,
    stations: stationsNamed(staff.stationIds, names),
    bound: Boolean(staff.openid),
    phone: staff.phone,
  };
}

function stationsNamed(ids: readonly string[], names: Map<string, string>): PersonView['stations'] {
  return ids.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));
}
