import type { VisitClaim } from '../../../typings/visit';
import { claimCodeFrom, claimPayload } from '../../domain/visit';
import { qrDataUrl } from '../../platform/qr-image';
import { VISIT_SETTINGS, type VisitContext } from './context';

/**
 * A new one-time code: shown once (with its QR image), stored only as its hash. A case's claim
 * code by default; `payloadOf` gives a recorded comment's ('LLZ-OPINION:') the same shape.
 */
export async function newClaim(
  ctx: Pick<VisitContext, 'randomBytes' | 'now' | 'hash'>,
  payloadOf: (code: string) => string = claimPayload,
): Promise<{ shown: VisitClaim; stored: { codeHash: string; expiresAt: Date } }> {
  const code = claimCodeFrom(ctx.randomBytes(8));
  const expiresAt = new Date(ctx.now.getTime() + VISIT_SETTINGS.claimDays * 86_400_000);
  const payload = payloadOf(code);
  return { shown: { code, payload, qrImage: await qrDataUrl(payload), expiresAt: expiresAt.toISOString() }, stored: { codeHash: ctx.hash(code), expiresAt } };
}
