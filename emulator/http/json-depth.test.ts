import { jsonDepthExceeds } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');
/** Depth by JSON.parse and a hand-written walk: the expectation does not come from the scanner. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe('jsonDepthExceeds', () => {
  it.each([
    ['a scalar', '42', 0],
    ['a string', '"x"', 0],
    ['an empty object', '{}', 1],
    ['an object in an array', '[{"a":1}]', 2],
    ['siblings do not add up', '[[1],[2],[3],{"a":[4]}]', 3],
    ['brackets inside strings are text', '{"a":"[[[[{{{{"}', 1],
    ['an escaped quote does not end the string', '{"a":"\\"[[[[","b":[1]}', 2],
    ['an escaped backslash before the closing quote', '{"a":"\\\\","b":[[1]]}', 3],
    ['Chinese text and unicode escapes', '{"标题":"路灯[坏了]","u":"\\u005b"}', 1],
  ])('%s: depth %i', (_name, text, depth) => {
    expect(depthOf(JSON.parse(text))).toBe(depth);
    expect(jsonDepthExceeds(bytes(text), depth)).toBe(false);
    if (depth > 0) expect(jsonDepthExceeds(bytes(text), depth - 1)).toBe(true);
  });

  it('stops at the first level past the limit of a 200,000-deep body without reading on', () => {
    const text = `{"action":"submit","a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(jsonDepthExceeds(bytes(text), 100)).toBe(true);
    expect(jsonDepthExceeds(bytes(text), 200_001)).toBe(false);
  });
});
