/**
 * The emulator's own matcher, update operators, projection and sort against mingo's, on cases
 * drawn from a fixed seed (differential/generate.ts): every case where they answer differently
 * must be a known departure of mingo from MongoDB (differential/departures/), each with its
 * rule, where MongoDB states it, and hand-written cases with MongoDB's answer. More cases:
 * DIFFERENTIAL_DRAWS=20000 (per area), another seed: DIFFERENTIAL_SEED=7.
 */
import { canonical } from './differential/canonical';
import { DEPARTURES, REFUSED, type Departure, type Example } from './differential/departures';
import { emulator, mingo } from './differential/engines';
import { AREAS, ask, describeCase, runArea, type Outcome } from './differential/run';

const DRAWS = Number(process.env.DIFFERENTIAL_DRAWS ?? 1000);
const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 17);

describe.each(AREAS)('%s: the emulator and mingo agree, or mingo departs from MongoDB in a known way', (area) => {
  const report = runArea(area, SEED, DRAWS);

  test(`every disagreement in ${DRAWS} draws is a known departure`, () => {
    const unexplained = report.disagreements.filter((d) => !d.departure);
    expect(unexplained.slice(0, 5).map(describeCase)).toEqual([]);
  });

  test('the cases mostly agree, so the comparison is not all departures', () => {
    expect(report.disagreements.length).toBeLessThan(report.cases / 2);
  });
});

const gives = (outcome: Outcome, mongodb: unknown) => (mongodb === REFUSED ? !outcome.ok : outcome.ok && outcome.text === canonical(mongodb));

describe.each(DEPARTURES.map((departure) => [departure.id, departure] as [string, Departure]))('%s', (_id, departure) => {
  test.each(departure.examples.map((example) => [canonical(example.input), example] as [string, Example]))("the emulator gives MongoDB's answer to %s", (_input, example) => {
    expect(gives(ask(emulator, departure.area, example.input), example.mongodb)).toBe(true);
  });

  test('mingo still departs on one of the cases (if not, the entry can go)', () => {
    const departing = departure.examples.filter((example) => !gives(ask(mingo, departure.area, example.input), example.mongodb));
    expect(departing.length).toBeGreaterThan(0);
    // The entry recognises the cases it explains.
    for (const example of departing) {
      const d = {
        area: departure.area,
        index: 0,
        input: example.input,
        emulator: ask(emulator, departure.area, example.input),
        mingo: ask(mingo, departure.area, example.input),
      };
      expect(departure.applies(d)).toBe(true);
    }
  });
});
