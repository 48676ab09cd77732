/**
 * 我也遇到: whether an open case looks like what a resident is composing. Two ways to be alike:
 * the same category and within NEARBY_METRES when both have a location, or sharing enough
 * words — for Chinese, character bigrams (Chinese has no spaces, and two-character words carry
 * most of the meaning: 楼道, 路灯, 垃圾). Digits are left out (楼号 and 门牌号 differ between
 * neighbours who report the same thing); Latin words count whole. Pure.
 */
import { haversineMetres, type LatLng } from '../reception/geo';
import { cleanText } from '../text';

/** Same category within this distance counts as the same place (a block, a street corner). */
export const NEARBY_METRES = 500;
/** What the compose page shows at most. */
export const MAX_SIMILAR = 5;
/** At least this many shared words, and this share of the shorter text's words, make two texts alike. */
export const TEXT_RULE = { minShared: 2, minOverlap: 0.3 } as const;

/** Bigrams that say nothing about the matter itself: sharing them is not being alike. */
const FILLER = new Set(['问题', '希望', '反映', '我们', '这个', '一个', '请问', '谢谢', '麻烦', '情况', '现在', '已经']);

const HAN = /\p{Script=Han}/u;
const LATIN = /[a-z]/;

/** The words of a text: the bigrams of each run of Chinese characters (a lone character itself), and Latin words of 2+ letters. */
export function textWords(text: string): Set<string> {
  const words = new Set<string>();
  const chars = [...cleanText(text).normalize('NFKC').toLowerCase()];
  let run: string[] = [];
  let latin = '';
  const flush = () => {
    if (run.length === 1) words.add(run[0]);
    for (let i = 0; i + 1 < run.length; i += 1) words.add(run[i] + run[i + 1]);
    if (latin.length >= 2) words.add(latin);
    run = [];
    latin = '';
  };
  for (const char of chars) {
    if (HAN.test(char)) {
      if (latin) flush();
      run.push(char);
    } else if (LATIN.test(char)) {
      if (run.length) flush();
      latin += char;
    } else flush();
  }
  flush();
  for (const filler of FILLER) words.delete(filler);
  return words;
}

/** Shared words over the shorter side's words (0 when either has none). */
export function textOverlap(a: string, b: string): { shared: number; overlap: number } {
  const left = textWords(a);
  const right = textWords(b);
  const shared = [...left].filter((word) => right.has(word)).length;
  const shorter = Math.min(left.size, right.size);
  return { shared, overlap: shorter ? shared / shorter : 0 };
}

export function textsAlike(a: string, b: string): boolean {
  const { shared, overlap } = textOverlap(a, b);
  return shared >= TEXT_RULE.minShared && overlap >= TEXT_RULE.minOverlap;
}

/** What the resident is composing. */
export interface SimilarProbe {
  readonly category?: string;
  /** Title and content as typed so far. */
  readonly text: string;
  readonly point?: LatLng;
}

/** An open public case as the search reads it: nothing of its content. */
export interface SimilarCandidate {
  readonly id: string;
  readonly category: string;
  readonly title: string;
  readonly point?: LatLng;
  readonly joinCount: number;
  readonly submittedAt: Date;
}

export interface Alike<C extends SimilarCandidate> {
  readonly candidate: C;
  /** Higher is more alike: nearness (0–1) plus word overlap (0–1). */
  readonly score: number;
  readonly distance?: number;
}

/** How alike `candidate` is to `probe`, or undefined when it is not. */
export function alikeness<C extends SimilarCandidate>(probe: SimilarProbe, candidate: C): Alike<C> | undefined {
  const distance = probe.point && candidate.point ? haversineMetres(probe.point, candidate.point) : undefined;
  const near = distance !== undefined && probe.category !== undefined && probe.category === candidate.category && distance <= NEARBY_METRES;
  const words = textOverlap(probe.text, candidate.title);
  const wordsAlike = words.shared >= TEXT_RULE.minShared && words.overlap >= TEXT_RULE.minOverlap;
  if (!near && !wordsAlike) return undefined;
  const score = (near ? 1 - distance! / (2 * NEARBY_METRES) : 0) + (wordsAlike ? words.overlap : 0);
  return { candidate, score, ...(distance !== undefined ? { distance: Math.round(distance) } : {}) };
}

/** The most alike first (then more 附议, then newer), at most MAX_SIMILAR. */
export function mostAlike<C extends SimilarCandidate>(probe: SimilarProbe, candidates: readonly C[], max = MAX_SIMILAR): Alike<C>[] {
  return candidates
    .flatMap((candidate) => alikeness(probe, candidate) ?? [])
    .sort((a, b) => b.score - a.score || b.candidate.joinCount - a.candidate.joinCount || b.candidate.submittedAt.getTime() - a.candidate.submittedAt.getTime())
    .slice(0, max);
}
