import { evaluate } from './evaluate';
import { literal, renderModule } from './render';
import type { Constant, Data, GeneratedModule } from './render';

const moduleOf = (constants: Constant[]): GeneratedModule => ({ file: 'x.ts', about: 'Test.', typeImports: {}, constants });
const constant = (name: string, value: Data, type?: string): Constant => ({ name, doc: 'A test value.', from: 'nowhere.ts', value, ...(type ? { type } : {}) });

describe('the generated-module printer', () => {
  it.each<[string, Data]>([
    ['quotes and backslashes', `it's a \\ "quote" '`],
    ['line breaks and separators', 'one\ntwo\r\nthree\u2028four\u2029five\u0000six'],
    ['Chinese, emoji and characters beyond the BMP', '办结后 30 天内 · 𠮷 👍🏽'],
    ['numbers', [0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER]],
    ['nested objects with keys that are not names', { 'in-progress': { a: [1, { b: true }] }, '0': 'zero', ok: false }],
    ['empty containers', { list: [], table: {} }],
  ])('prints %s so they read back unchanged', (_name, value) => {
    expect(evaluate(renderModule(moduleOf([constant('VALUE', value)]), 'test')).VALUE).toEqual(value);
  });

  it('prints a regular expression with its flags, slashes escaped, matching what it matched', () => {
    const pattern = /^a\/b[/]c$/giu;
    const back = evaluate(renderModule(moduleOf([constant('PATTERN', pattern)]), 'test')).PATTERN as RegExp;
    expect(back).toBeInstanceOf(RegExp);
    expect([back.source, back.flags]).toEqual([pattern.source, pattern.flags]);
    expect(back.test('A/B/C')).toBe(true);
  });

  it('marks objects `as const` unless a type is given, and imports types only', () => {
    const text = renderModule(
      { file: 'x.ts', about: 'Test.', typeImports: { '../t': ['B', 'A'] }, constants: [constant('PLAIN', { a: 1 }), constant('TYPED', { a: 1 }, 'Record<A, B>')] },
      'test',
    );
    expect(text).toContain("import type { A, B } from '../t';");
    expect(text).toMatch(/export const PLAIN = \{\n {2}a: 1,\n\} as const;/);
    expect(text).toMatch(/export const TYPED: Record<A, B> = \{\n {2}a: 1,\n\};/);
  });

  it.each<[string, unknown]>([
    ['a function', () => 1],
    ['a date', new Date(0)],
    ['a map', new Map()],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['undefined', undefined],
    ['null', null],
  ])('refuses %s: only data is printed', (_name, value) => {
    expect(() => literal(value as Data, '')).toThrow();
  });

  it('refuses a constant whose name is not an identifier', () => {
    expect(() => renderModule(moduleOf([constant('NOT A NAME', 1)]), 'test')).toThrow(/not a name/);
  });
});
