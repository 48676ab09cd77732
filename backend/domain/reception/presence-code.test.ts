import { createHmac } from 'node:crypto';
import { isPresenceCodeValid, issuePresenceCode, presenceCodeFor, presencePayload, presenceStep, PRESENCE_CODE_RULES, type Hmac } from './presence-code';

const sha256: Hmac = (secret, message) => createHmac('sha256', secret).update(message).digest();
const at = (iso: string) => new Date(iso);

describe('the presence code', () => {
  it('truncates an HMAC to 6 digits as RFC 4226 does (its Appendix D test values)', () => {
    // HOTP of the counters 0…9 under the RFC's secret, as the RFC publishes them. The HMAC over
    // the RFC's 8-byte counter is Node's; what is under test is the truncation to 6 digits.
    const published = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    published.forEach((code, count) => {
      const counter = Buffer.alloc(8);
      counter.writeBigUInt64BE(BigInt(count));
      const rfcHmac: Hmac = () => createHmac('sha1', '12345678901234567890').update(counter).digest();
      expect(presenceCodeFor(rfcHmac, 'any', 'rc-1', count)).toBe(code);
    });
  });

  it('keys the HMAC with the secret, over the reception id and the step', () => {
    const seen: [string, string][] = [];
    presenceCodeFor((secret, message) => (seen.push([secret, message]), Buffer.alloc(32)), 's3cret', 'rc-ft-hf-20251125', 58_000_000);
    expect(seen).toEqual([['s3cret', 'presence\u0000rc-ft-hf-20251125\u000058000000']]);
  });

  it('changes every 30 seconds, on the half minute, and is the same within one period', () => {
    const codes = ['2025-11-25T01:10:00.000Z', '2025-11-25T01:10:29.999Z', '2025-11-25T01:10:30.000Z', '2025-11-25T01:11:00.000Z'].map(
      (iso) => issuePresenceCode(sha256, 'secret', 'rc-1', at(iso)).code,
    );
    expect(codes[0]).toBe(codes[1]);
    expect(codes[2]).not.toBe(codes[1]);
    expect(codes[3]).not.toBe(codes[2]);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(presenceStep(at('2025-11-25T01:10:29.999Z')) + 1).toBe(presenceStep(at('2025-11-25T01:10:30.000Z')));
  });

  it('says when it is replaced: the next half minute', () => {
    const issued = issuePresenceCode(sha256, 'secret', 'rc-1', at('2025-11-25T01:10:12.345Z'));
    expect(issued.issuedAt).toEqual(at('2025-11-25T01:10:12.345Z'));
    expect(issued.expiresAt).toEqual(at('2025-11-25T01:10:30.000Z'));
    expect(PRESENCE_CODE_RULES.periodSeconds).toBe(30);
  });

  it('is accepted in its own period and the next one, and then no more', () => {
    const shown = issuePresenceCode(sha256, 'secret', 'rc-1', at('2025-11-25T01:10:05Z')).code;
    const valid = (iso: string, code = shown, receptionId = 'rc-1', secret: string | null = 'secret') =>
      isPresenceCodeValid(sha256, secret ?? undefined, receptionId, code, at(iso));
    expect(valid('2025-11-25T01:10:05Z')).toBe(true);
    expect(valid('2025-11-25T01:10:59.999Z')).toBe(true); // read just before it changed
    expect(valid('2025-11-25T01:11:00Z')).toBe(false); // expired
    expect(valid('2025-11-25T01:09:59.999Z')).toBe(false); // before it was shown
    expect(valid('2025-11-25T01:10:05Z', shown, 'rc-2')).toBe(false); // another reception
    expect(valid('2025-11-25T01:10:05Z', shown, 'rc-1', 'another secret')).toBe(false);
    expect(valid('2025-11-25T01:10:05Z', shown, 'rc-1', null)).toBe(false); // no code ever shown
    expect(valid('2025-11-25T01:10:05Z', `${shown}0`)).toBe(false);
    expect(valid('2025-11-25T01:10:05Z', shown.slice(1))).toBe(false);
  });

  it('goes into a QR code with the station’s door code', () => {
    expect(presencePayload('ft-hf', '012345')).toBe('LLZ-CHECKIN:FT-HF:012345');
  });
});
