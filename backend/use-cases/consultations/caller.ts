/**
 * The caller as the consultation rules see them, from the identity the function resolved (never
 * the input): a resident by their openid, an officer by the stations they staff, the office by
 * its district. Which party a caller is to one comment decides what they may do and see.
 */
import type { CommentParty } from '../../domain/consultation/consultation.table';
import type { CommentViewer } from '../../domain/consultation/consultation.view';
import type { CommentDocument, ConsultationDocument } from '../../domain/consultation/consultation.model';
import type { ResolvedActor } from '../actor';

export interface ConsultationCaller {
  readonly role: 'resident' | 'officer' | 'admin' | 'other';
  readonly openid: string;
  /** The officer's staff id. */
  readonly id: string;
  readonly stationIds: readonly string[];
  readonly district?: string;
}

export function consultationCaller(who: ResolvedActor, openid: string): ConsultationCaller {
  const { actor } = who;
  switch (actor.role) {
    case 'resident':
      return { role: 'resident', openid: actor.openid ?? openid, id: '', stationIds: [] };
    case 'officer':
      return { role: 'officer', openid, id: actor.id, stationIds: actor.id ? [...(actor.stationIds ?? [])] : [] };
    case 'admin':
      return { role: 'admin', openid, id: actor.id, stationIds: [], ...(actor.id && actor.district ? { district: actor.district } : {}) };
    default:
      return { role: 'other', openid, id: actor.id, stationIds: [] };
  }
}

/** The office of the consultation's own district. */
export const isOffice = (caller: ConsultationCaller, consultation: Pick<ConsultationDocument, 'district'>): boolean =>
  caller.role === 'admin' && !!caller.district && caller.district === consultation.district;

/** The caller's stations taking part in it (officers only). */
export const ownStations = (caller: ConsultationCaller, consultation: Pick<ConsultationDocument, 'stationIds'>): string[] =>
  caller.role === 'officer' ? consultation.stationIds.filter((id) => caller.stationIds.includes(id)) : [];

export function partyOf(caller: ConsultationCaller, comment: CommentDocument, consultation: Pick<ConsultationDocument, 'district'>): CommentParty {
  if (caller.role === 'resident' && comment.ownerOpenid !== '' && comment.ownerOpenid === caller.openid) return 'owner';
  if (caller.role === 'officer' && caller.stationIds.includes(comment.stationId)) return 'officer';
  if (isOffice(caller, consultation)) return 'office';
  return 'other';
}

/** The same party, as the view sees it (a claimant is nobody to the view). */
export const viewerOf = (party: CommentParty): CommentViewer => (party === 'claimant' ? 'other' : party);
