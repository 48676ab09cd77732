/**
 * The time residents wait for a first answer, kept as running totals: how many first answers
 * fell in each step of a fixed scale, and the sum of their times. A median needs every time
 * to be exact, and every time of a district's year is as many numbers as it has cases; the
 * steps keep a year's figures to a fixed size, whatever the number of cases.
 *
 * The median taken from the steps lies in the step of the exact median: it is the mean of the
 * times in that step (for an even count, the mean of the two middle cases' steps' means).
 * So it is exact when that step holds one time or equal times, and otherwise never further
 * from the exact median than the step is wide: a quarter of an hour below half an hour, half an
 * hour up to an hour, then at most half the step's own lower bound up to 30 days (one open step
 * beyond). The steps are finest where answers usually come, in the first days.
 */
import type { CaseState } from '../case/case.state';
import { medianHours } from './figures.median';

const HOUR_MS = 60 * 60 * 1000;

/** Upper bounds of the steps, in hours (each step holds its lower bound, not its upper one); the last step is open. */
export const FIRST_ANSWER_STEP_HOURS: readonly number[] = Object.freeze([0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72, 96, 120, 168, 240, 336, 480, 720]);

/** How many steps there are: one more than bounds (the open last step). */
export const FIRST_ANSWER_STEPS = FIRST_ANSWER_STEP_HOURS.length + 1;

/** Per step: `count` first answers, and `sumMs` their times from submission added up. */
export interface FirstAnswers {
  readonly count: readonly number[];
  readonly sumMs: readonly number[];
}

export const NO_FIRST_ANSWERS: FirstAnswers = Object.freeze({
  count: Object.freeze(new Array<number>(FIRST_ANSWER_STEPS).fill(0)),
  sumMs: Object.freeze(new Array<number>(FIRST_ANSWER_STEPS).fill(0)),
});

export type AnsweredCase = Pick<CaseState, 'status' | 'submittedAt' | 'acceptedAt' | 'updatedAt'>;

/**
 * Milliseconds from submission to the first handler's answer: acceptance (受理), or the
 * rejection (不予受理) — a rejected case keeps no time of its own for it, but nothing can
 * change it afterwards (no command leaves `rejected`), so its last change is the rejection.
 * Undefined while nobody has answered (waiting, withdrawn, merged before acceptance).
 */
export function firstAnswerMs(state: AnsweredCase): number | undefined {
  const submitted = new Date(state.submittedAt).getTime();
  if (state.acceptedAt) return new Date(state.acceptedAt).getTime() - submitted;
  if (state.status === 'rejected') return new Date(state.updatedAt).getTime() - submitted;
  return undefined;
}

/** The step a time falls in: the first whose upper bound is above it. */
export function stepOf(ms: number): number {
  const hours = Math.max(0, ms) / HOUR_MS;
  const index = FIRST_ANSWER_STEP_HOURS.findIndex((bound) => hours < bound);
  return index === -1 ? FIRST_ANSWER_STEP_HOURS.length : index;
}

export function firstAnswersOf(times: readonly number[]): FirstAnswers {
  const count = new Array<number>(FIRST_ANSWER_STEPS).fill(0);
  const sumMs = new Array<number>(FIRST_ANSWER_STEPS).fill(0);
  for (const ms of times) {
    const step = stepOf(ms);
    count[step] += 1;
    sumMs[step] += Math.max(0, ms);
  }
  return { count, sumMs };
}

/** The first answers of two disjoint sets of cases, as one. */
export function addFirstAnswers(a: FirstAnswers, b: FirstAnswers): FirstAnswers {
  return { count: a.count.map((n, i) => n + (b.count[i] ?? 0)), sumMs: a.sumMs.map((n, i) => n + (b.sumMs[i] ?? 0)) };
}

export const firstAnswerSample = (answers: FirstAnswers): number => answers.count.reduce((sum, n) => sum + n, 0);

/** The median time to a first answer in milliseconds, as described above; undefined without any. */
export function medianFirstAnswerMs(answers: FirstAnswers): number | undefined {
  const sample = firstAnswerSample(answers);
  if (sample === 0) return undefined;
  /** The mean time of the step holding the k-th smallest answer (1-based). */
  const meanAt = (k: number): number => {
    let seen = 0;
    for (let step = 0; step < FIRST_ANSWER_STEPS; step++) {
      seen += answers.count[step];
      if (seen >= k) return answers.sumMs[step] / answers.count[step];
    }
    throw new RangeError(`no ${k}th answer in ${sample}`);
  };
  return sample % 2 === 1 ? meanAt((sample + 1) / 2) : (meanAt(sample / 2) + meanAt(sample / 2 + 1)) / 2;
}

/** In hours to one decimal, as the figures show it; null without any answer. */
export function medianFirstAnswerHours(answers: FirstAnswers): number | null {
  const middle = medianFirstAnswerMs(answers);
  return middle === undefined ? null : medianHours([middle]);
}
