import { fail, ok } from '../domain/result';
import { number, object } from '../domain/validation';
import { defineFunction } from './define-function';

const main = defineFunction({
  double: { input: object({ n: number('数字', { min: 0, max: 10 }) }), run: async ({ n }) => ok(n * 2) },
  missing: { input: object({}), run: async () => fail('NOT_FOUND') },
  crash: {
    input: object({}),
    run: async () => {
      throw new Error('boom');
    },
  },
});

describe('a function with several actions', () => {
  it('runs the named action on checked input', async () => {
    expect(await main({ action: 'double', n: 4 })).toEqual({ ok: true, data: 8 });
  });

  it.each([[{ action: 'nope' }], [{}], [null], [{ action: 'toString' }], [{ action: '__proto__' }]])(
    'answers UNKNOWN_ACTION for %j',
    async (event) => {
      expect(await main(event)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    },
  );

  it('answers INVALID_INPUT naming the field', async () => {
    expect(await main({ action: 'double', n: 11 })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '数字应在 0 到 10 之间', field: 'n' },
    });
  });

  it('turns an expected failure into its Chinese message', async () => {
    expect(await main({ action: 'missing' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到相关内容，可能已被删除' } });
  });

  it('hides a crash behind INTERNAL', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await main({ action: 'crash' })).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
    spy.mockRestore();
  });
});
