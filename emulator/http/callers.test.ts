import { callerAllowed, isLoopbackAddress, isOperatorRoute, tokenMatches } from './callers';

describe('who is a caller on this machine', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.0.0.2', true],
    ['127.255.255.254', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true], // an IPv4 caller as a server on :: sees it
    ['::FFFF:127.0.0.9', true],
    ['::ffff:7f00:1', true],
    ['10.0.0.8', false],
    ['192.168.1.20', false],
    ['172.16.5.4', false],
    ['192.0.2.2', false],
    ['::ffff:192.168.1.20', false],
    ['::ffff:10.0.0.8', false],
    ['fd00::2', false],
    ['fe80::1%eth0', false],
    ['::2', false],
    ['::', false],
    ['0.0.0.0', false],
    ['128.0.0.1', false],
    ['1127.0.0.1', false],
    ['127.0.0.1.evil', false],
    ['localhost', false], // a socket's address is never a name
    ['', false],
    [undefined, false],
  ])('%s → %s', (address, local) => {
    expect(isLoopbackAddress(address)).toBe(local);
  });
});

describe('which routes only the operator may use from elsewhere', () => {
  it.each([
    ['POST', '/admin', true],
    ['GET', '/_emulator/database/digest', true],
    ['POST', '/_emulator/timers/scheduler', true],
    ['GET', '/_emulator/wx/sent', true],
    ['DELETE', '/_emulator/wx/sent', true],
    ['POST', '/_emulator/wx/faults', true],
    ['GET', '/_emulator/wx/subscriptions', true],
    ['DELETE', '/_emulator/wx/subscriptions', true],
    ['GET', '/_emulator/storage/files', true],
    // What a phone calls in local mode stays open.
    ['POST', '/_emulator/wx/subscriptions', false],
    ['POST', '/functions/case', false],
    ['GET', '/functions', false],
    ['POST', '/storage/upload', false],
    ['GET', '/storage/files/cases/2026/11/abc.png', false],
    ['HEAD', '/storage/files/cases/2026/11/abc.png', false],
    ['GET', '/health', false],
  ])('%s %s → %s', (method, path, operatorOnly) => {
    expect(isOperatorRoute(method, path)).toBe(operatorOnly);
  });
});

describe('the operator token', () => {
  it('matches only the exact token, and nothing when none was set', () => {
    expect(tokenMatches('s3cret', 's3cret')).toBe(true);
    expect(tokenMatches('s3cret', ['s3cret'])).toBe(true);
    expect(tokenMatches('s3cret', 's3cre')).toBe(false);
    expect(tokenMatches('s3cret', 'S3CRET')).toBe(false);
    expect(tokenMatches('s3cret', undefined)).toBe(false);
    expect(tokenMatches(undefined, '')).toBe(false);
    expect(tokenMatches('', '')).toBe(false);
  });

  it('lets the LAN reach an operator route with the token, and loopback without it', () => {
    const lan = { method: 'POST', pathname: '/admin', remoteAddress: '192.168.1.20', token: undefined };
    expect(callerAllowed(lan, 'tok')).toBe(false);
    expect(callerAllowed({ ...lan, token: 'tok' }, 'tok')).toBe(true);
    expect(callerAllowed({ ...lan, token: 'tok' }, undefined)).toBe(false);
    expect(callerAllowed({ ...lan, remoteAddress: '::ffff:127.0.0.1' }, undefined)).toBe(true);
    expect(callerAllowed({ ...lan, pathname: '/functions/case' }, undefined)).toBe(true);
  });
});
