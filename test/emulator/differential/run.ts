import { canonical } from './canonical';
import { explain, type Departure } from './departures';
import { emulator, mingo, type Engine } from './engines';
import * as generate from './generate';
import type { Doc } from './generate';
import { Random } from './random';

/**
 * Draws cases for one area from a seed, runs both engines on each, and keeps every case where
 * they answer differently, with the known departure (departures/) that explains it, if any.
 */
export type Area = 'filter' | 'update' | 'projection' | 'sort';
export const AREAS: Area[] = ['filter', 'update', 'projection', 'sort'];

/** A case: `{filter, doc}`, `{doc, update}`, `{doc, projection}` or `{docs, sort}`. */

export type Input = Record<string, unknown>;
/** An answer, or the refusal (MongoDB refuses some updates and projections). */
export type Outcome = { ok: true; value: unknown; text: string } | { ok: false; error: string };

export interface Disagreement {
  area: Area;
  index: number;
  input: Input;
  emulator: Outcome;
  mingo: Outcome;
  departure?: Departure;
}

export interface AreaReport {
  area: Area;
  cases: number;
  disagreements: Disagreement[];
}

function outcome(run: () => unknown): Outcome {
  try {
    const value = run();
    return { ok: true, value, text: canonical(value) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

const same = (a: Outcome, b: Outcome) => (a.ok && b.ok ? a.text === b.text : a.ok === b.ok);

/** What an engine answers to a case of an area, or its refusal. */
export function ask(engine: Engine, area: Area, input: Input): Outcome {
  const doc = input.doc as Doc;
  switch (area) {
    case 'filter':
      return outcome(() => engine.matches(input.filter as Doc, doc));
    case 'update':
      return outcome(() => engine.update(doc, input.update as Doc));
    case 'projection':
      return outcome(() => engine.project(doc, input.projection as Doc));
    case 'sort':
      return outcome(() => engine.sort(input.docs as Doc[], input.sort as Record<string, 1 | -1>));
  }
}

/** The cases of one draw: a filter is tried on a few documents, each its own case. */
function draw(area: Area, r: Random): Input[] {
  switch (area) {
    case 'filter': {
      const filter = generate.filter(r);
      return generate.collection(r, 4).map((doc) => ({ filter, doc }));
    }
    case 'update': {
      const doc = generate.document(r, 1);
      return [{ doc, update: generate.update(r, doc) }];
    }
    case 'projection':
      return [{ doc: generate.document(r, 1), projection: generate.projection(r) }];
    case 'sort':
      return [{ docs: generate.collection(r, 3), sort: generate.sort(r) }];
  }
}

export function runArea(area: Area, seed: number, draws: number): AreaReport {
  const r = new Random(seed);
  const disagreements: Disagreement[] = [];
  let cases = 0;
  for (let i = 0; i < draws; i++) {
    for (const input of draw(area, r)) {
      cases++;
      const ours = ask(emulator, area, input);
      const theirs = ask(mingo, area, input);
      if (same(ours, theirs)) continue;
      const found: Disagreement = { area, index: i, input, emulator: ours, mingo: theirs };
      found.departure = explain(found);
      disagreements.push(found);
    }
  }
  return { area, cases, disagreements };
}

export function describeCase(d: Disagreement): string {
  const show = (o: Outcome) => (o.ok ? o.text : `refused: ${o.error}`);
  return `${d.area} #${d.index} ${canonical(d.input)}\n  emulator: ${show(d.emulator)}\n  mingo:    ${show(d.mingo)}`;
}
