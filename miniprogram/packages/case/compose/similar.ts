/**
 * 附近居民也反映过: when the form says enough to look for look-alikes, and how often to ask.
 * Asking while the resident types must not cost a call a keystroke: one after a pause, and at
 * most one every few seconds. Pure: unit-tested in test/miniprogram/public-case-view-models.test.ts.
 */
import type { SimilarCase, SimilarCasesInput } from '../../../../typings/board';
import { toPublicCaseCard } from '../../../utils/public-case';
import type { PublicCaseCard } from '../../../utils/public-case';
import type { ComposeForm } from './view-model';

/** Typing pauses this long before the look-alikes are asked for. */
export const SIMILAR_PAUSE_MS = 800;
/** And never sooner than this after the last time they were. */
export const SIMILAR_MIN_GAP_MS = 3000;
/** Enough to compare: a title of this many characters, or this much of what happened. */
export const SIMILAR_MIN_TITLE = 4;
export const SIMILAR_MIN_CONTENT = 8;
/** Only the beginning of what happened travels: enough to compare words. */
const CONTENT_SENT = 200;

const chars = (text: string) => [...text.trim()];

/** What to ask `case.similar`, or null while the form says too little to compare. */
export function similarQuery(stationId: string, form: Pick<ComposeForm, 'category' | 'title' | 'content' | 'location'>): SimilarCasesInput | null {
  const title = form.title.trim();
  const content = chars(form.content);
  const category = form.category !== 'unsure' ? form.category : undefined;
  const enough = chars(title).length >= SIMILAR_MIN_TITLE || content.length >= SIMILAR_MIN_CONTENT || category !== undefined || form.location !== null;
  if (!stationId || !enough) return null;
  return {
    stationId,
    ...(category ? { category } : {}),
    ...(title ? { title } : {}),
    ...(content.length ? { content: content.slice(0, CONTENT_SENT).join('') } : {}),
    ...(form.location ? { latitude: form.location.latitude, longitude: form.location.longitude } : {}),
  };
}

/** How long to wait before asking: a pause in typing, and the gap since the last call (`lastAskedAt`, epoch ms). */
export function similarDelay(lastAskedAt: number | null, now: number): number {
  const gap = lastAskedAt === null ? 0 : lastAskedAt + SIMILAR_MIN_GAP_MS - now;
  return Math.max(SIMILAR_PAUSE_MS, gap);
}

export interface SimilarCard extends PublicCaseCard {
  joined: boolean;
  /** 「1.2公里」 when both cases have a location. */
  distanceText: string;
}

function distanceText(metres: number | undefined): string {
  if (metres === undefined || !Number.isFinite(metres)) return '';
  return metres < 1000 ? `${Math.max(10, Math.round(metres / 10) * 10)}米` : `${(metres / 1000).toFixed(1)}公里`;
}

/** At most five, as the server ranked them. */
export function toSimilarCards(cases: readonly SimilarCase[], now: Date): SimilarCard[] {
  return cases.slice(0, 5).map((c) => ({ ...toPublicCaseCard(c, now), joined: c.joined, distanceText: distanceText(c.distance) }));
}
