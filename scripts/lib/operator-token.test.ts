import { operatorToken } from './operator-token';

describe("npm start's operator token", () => {
  it('needs none while the server listens on loopback only', () => {
    for (const host of [undefined, '127.0.0.1', 'localhost', '::1']) expect(operatorToken(host, undefined)).toEqual({});
  });

  it('makes a fresh random token, printed, when the server listens on the LAN', () => {
    const a = operatorToken('0.0.0.0', undefined);
    const b = operatorToken('0.0.0.0', undefined);
    expect(a.token).toMatch(/^[0-9a-f]{32}$/);
    expect(a.line).toBe(a.token);
    expect(b.token).not.toBe(a.token);
    expect(operatorToken('::', undefined).token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('takes EMULATOR_TOKEN as given and does not print it', () => {
    expect(operatorToken('0.0.0.0', 'my-secret')).toEqual({ token: 'my-secret', line: 'from EMULATOR_TOKEN' });
    expect(operatorToken(undefined, 'my-secret')).toEqual({ token: 'my-secret', line: undefined });
  });
});
