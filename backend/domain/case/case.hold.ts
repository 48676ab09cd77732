/**
 * A deputy flooded with messages (WriteToThem's rule: more than 3 to one representative in
 * 30 minutes is suspicious) does not get the next ones straight away: a case addressed to a
 * deputy who already has `casesBeforeHold` cases from the last `windowMinutes` is held for
 * the station's officer. While held, the addressed deputy neither lists nor reads it; the
 * resident's view is unchanged and nothing is lost. The hold ends with triage: accepted,
 * rejected or merged, the case leaves the held statuses and behaves as any other.
 */
import type { HoldReason } from '../../../typings/case';
import type { CaseStatus } from './case.status';

export type { HoldReason };

export const DEPUTY_FLOOD_LIMITS = {
  /** How far back submissions to the same deputy are counted. */
  windowMinutes: 30,
  /** With this many cases already addressed to the deputy in the window, the next one is held. */
  casesBeforeHold: 3,
} as const;

export interface CaseHold {
  readonly reason: HoldReason;
  readonly at: Date;
}

/**
 * The statuses a held case is held in: waiting for triage, or withdrawn from there (a
 * withdrawal is only possible before acceptance, so a withdrawn held case was never released).
 */
export const HELD_STATUSES: readonly CaseStatus[] = ['submitted', 'withdrawn'];

/** Since when the use case counts the cases addressed to the deputy. */
export const floodWindowStart = (now: Date): Date => new Date(now.getTime() - DEPUTY_FLOOD_LIMITS.windowMinutes * 60_000);

/** The hold for a new case to a deputy already addressed `recentToDeputy` times within the window, if any. */
export function holdFor(recentToDeputy: number, now: Date): CaseHold | undefined {
  return recentToDeputy >= DEPUTY_FLOOD_LIMITS.casesBeforeHold ? { reason: 'deputy_flood', at: now } : undefined;
}

/** Whether the case is still held back from the deputy it was addressed to. */
export function isHeld(state: { readonly held?: CaseHold; readonly status?: CaseStatus }): boolean {
  return !!state.held && (state.status === undefined || HELD_STATUSES.includes(state.status));
}

/** Of `statuses`, those in which a held case is released (the queue reads held cases only in these). */
export function releasedStatuses(statuses: readonly CaseStatus[]): CaseStatus[] {
  return statuses.filter((status) => !HELD_STATUSES.includes(status));
}
