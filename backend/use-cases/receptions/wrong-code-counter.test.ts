import { WrongCodeCounter } from './wrong-code-counter';

const at = (iso: string) => new Date(iso);

describe('wrong presence codes per deputy and minute', () => {
  it('allows 5 wrong codes in a minute, then waits for the next minute; each deputy counts alone', () => {
    const counter = new WrongCodeCounter(5);
    for (let i = 0; i < 4; i += 1) counter.record('dp-1', at('2026-01-10T01:00:10Z'));
    expect(counter.exhausted('dp-1', at('2026-01-10T01:00:20Z'))).toBe(false);
    counter.record('dp-1', at('2026-01-10T01:00:30Z'));
    expect(counter.exhausted('dp-1', at('2026-01-10T01:00:59.999Z'))).toBe(true);
    expect(counter.exhausted('dp-2', at('2026-01-10T01:00:59Z'))).toBe(false);
    expect(counter.exhausted('dp-1', at('2026-01-10T01:01:00Z'))).toBe(false);
    counter.record('dp-1', at('2026-01-10T01:01:00Z'));
    expect(counter.exhausted('dp-1', at('2026-01-10T01:01:01Z'))).toBe(false);
  });
});
