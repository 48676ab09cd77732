/**
 * The caller as the suggestion rules see them (domain/suggestion/suggestion.party.ts), from the
 * identity the function resolved: the role, the record's id, and — for the office and units —
 * the district and the unit from the caller's own staff record (ActingAs), never from the input.
 */
import type { SuggestionCaller } from '../../domain/suggestion/suggestion.party';
import type { ResolvedActor } from '../actor';

export function suggestionCaller(who: ResolvedActor): SuggestionCaller {
  const role: string = who.actor.role;
  const name = who.person?.name ?? '';
  switch (role) {
    case 'deputy':
      return { role: 'deputy', id: who.actor.deputyId ?? '', name };
    case 'admin':
      return { role: 'admin', id: who.actor.id, name, ...(who.actor.district ? { district: who.actor.district } : {}) };
    case 'unit': {
      const { district, unitId } = who.person ?? {};
      return { role: 'unit', id: who.actor.id, name, ...(district ? { district } : {}), ...(unitId ? { unitId } : {}) };
    }
    default:
      return { role: 'other', id: '', name };
  }
}
