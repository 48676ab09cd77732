/**
 * Who the caller is to one suggestion, as pure rules (deny by default): its author, a deputy asked
 * to co-sign, the office (admin) of its district, its lead unit, an assisting unit — or nobody.
 * Units are the caller's own unit (their staff record's `unitId`), never an id from the input.
 */
import type { SuggestionDocument } from './suggestion.document';

/** The caller as the suggestion rules need them, from the identity the function resolved. */
export interface SuggestionCaller {
  readonly role: 'deputy' | 'admin' | 'unit' | 'other';
  /** deputies._id or staff._id; '' for a role whose record is gone (acts on nothing). */
  readonly id: string;
  /** The person's name (a deputy's is shown as "代表 张三"). */
  readonly name: string;
  /** Admins and unit staff: their district. */
  readonly district?: string;
  /** Unit staff: their handling unit. */
  readonly unitId?: string;
}

export type SuggestionParty = 'author' | 'cosigner' | 'office' | 'lead' | 'assist';

export type Parties = ReadonlySet<SuggestionParty>;

type Scoped = Pick<SuggestionDocument, 'deputyId' | 'cosigners' | 'district' | 'leadUnitId' | 'assignments'>;

/** Every part the caller plays in this suggestion (none: an outsider). */
export function partiesOf(caller: SuggestionCaller, doc: Scoped): Parties {
  const parties = new Set<SuggestionParty>();
  if (!caller.id) return parties;
  if (caller.role === 'deputy') {
    if (caller.id === doc.deputyId) parties.add('author');
    if (doc.cosigners.some((cosigner) => cosigner.deputyId === caller.id)) parties.add('cosigner');
  }
  if (caller.role === 'admin' && !!caller.district && caller.district === doc.district) parties.add('office');
  if (caller.role === 'unit' && caller.unitId) {
    if (doc.leadUnitId === caller.unitId) parties.add('lead');
    if (doc.assignments.some((assignment) => assignment.role === 'assist' && assignment.unitId === caller.unitId)) parties.add('assist');
  }
  return parties;
}

/**
 * Who may read it: its parties, and units it was assigned to before a re-routing. A co-signer
 * reads it from the moment they are asked; a unit only once assigned.
 */
export function mayReadSuggestion(caller: SuggestionCaller, doc: Scoped & Pick<SuggestionDocument, 'formerUnitIds'>): boolean {
  if (partiesOf(caller, doc).size > 0) return true;
  return caller.role === 'unit' && !!caller.id && !!caller.unitId && (doc.formerUnitIds ?? []).includes(caller.unitId);
}

/** How the caller reads on the timeline: the deputy's name, the office of the district, or the unit's name as assigned. */
export function actorNameOf(caller: SuggestionCaller, doc: Pick<SuggestionDocument, 'assignments' | 'district'>): string {
  switch (caller.role) {
    case 'admin':
      return `${caller.district ?? doc.district}人大常委会`;
    case 'unit':
      return doc.assignments.find((assignment) => assignment.unitId === caller.unitId)?.unitName ?? '承办单位';
    case 'deputy':
      return `代表 ${caller.name}`;
    default:
      return '';
  }
}
