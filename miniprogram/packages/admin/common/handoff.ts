/**
 * Records a list page hands to its edit page. The admin contract lists stations and people
 * but has no read-by-id, so the record the admin tapped travels here; an edit page opened
 * without one (a restart mid-edit) says to open it from the list again.
 */
import type { UnitView } from '../../../../typings/unit';
import type { AdminStation, PersonView } from '../../../../typings/workspace';

const stations = new Map<string, AdminStation>();
const people = new Map<string, PersonView>();
const units = new Map<string, UnitView>();

export function handStation(station: AdminStation): void {
  stations.set(station.id, station);
}

export function handedStation(id: string): AdminStation | undefined {
  return stations.get(id);
}

export function handPerson(person: PersonView): void {
  people.set(person.id, person);
}

export function handedPerson(id: string): PersonView | undefined {
  return people.get(id);
}

export function handUnit(unit: UnitView): void {
  units.set(unit.id, unit);
}

export function handedUnit(id: string): UnitView | undefined {
  return units.get(id);
}

/** Which records changed while an edit page was open: the list refreshes when it shows again. */
export const edits = { stations: 0, people: 0, units: 0 };
