import { fail, ok } from '../domain/result';
import { number, object } from '../domain/validation';
import { ANYONE, defineFunction } from './define-function';

const main = defineFunction({
  double: { allow: ANYONE, input: object({ n: number('数字', { min: 0, max: 10 }) }), run: async ({ n }) => ok(n * 2) },
  missing: { allow: ANYONE, input: object({}), run: async () => fail('NOT_FOUND') },
  crash: {
    allow: ANYONE,
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

  it.each([[{ action: 'nope' }], [{}], [null], [{ action: 'toString' }], [{ action: '__proto__' }]])('answers UNKNOWN_ACTION for %j', async (event) => {
    expect(await main(event)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

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

describe('an action for named roles', () => {
  const roles: Record<string, string> = { 'o-officer': 'officer', 'o-resident': 'resident' };
  const guarded = defineFunction(
    {
      triage: {
        allow: ['officer'],
        input: object({ n: number('数字', { min: 0, max: 10 }) }),
        run: async ({ n }: { n: number }, who: { actor: { role: string } }) => ok(`${who.actor.role}:${n}`),
      },
      open: { allow: ANYONE, input: object({}), run: async (_input, caller) => ok(caller.openid) },
    },
    async (caller) => ok({ actor: { role: roles[caller.openid] ?? 'resident' } }),
  );
  const asCaller = async (openid: string, event: unknown) => {
    // As the function host (and SCF) set it: the SDK reads only the keys WX_CONTEXT_KEYS names.
    const saved = { WX_OPENID: process.env.WX_OPENID, WX_CONTEXT_KEYS: process.env.WX_CONTEXT_KEYS };
    Object.assign(process.env, { WX_OPENID: openid, WX_CONTEXT_KEYS: 'WX_OPENID' });
    try {
      return await guarded(event);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  };

  it('runs for a caller whose role is listed, with the resolved identity', async () => {
    expect(await asCaller('o-officer', { action: 'triage', n: 2 })).toEqual({ ok: true, data: 'officer:2' });
  });

  it('answers FORBIDDEN to another role before reading the input', async () => {
    expect(await asCaller('o-resident', { action: 'triage', n: 99 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers UNAUTHENTICATED when WeChat named nobody', async () => {
    expect(await asCaller('', { action: 'triage', n: 1 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('lets anyone call a public action and publishes the permission table', async () => {
    expect(await asCaller('', { action: 'open' })).toEqual({ ok: true, data: '' });
    expect(guarded.permissions).toEqual({ triage: ['officer'], open: 'anyone' });
  });
});
