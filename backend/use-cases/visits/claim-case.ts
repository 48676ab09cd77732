/**
 * A resident claims the case made from their visit with its one-time code: the case becomes
 * theirs (我的留言, notices to their own grants) if nobody claimed it yet. Wrong codes are counted
 * per resident and minute (like the presence code), so 40 bits cannot be guessed at speed.
 * Round trips: the code's visit, the case's update, the visit's update.
 */
import type { ClaimCaseOutput } from '../../../typings/visit';
import { claimUnownedCase } from '../../data/case-claims';
import { markVisitClaimed, visitByClaimHash } from '../../data/visits';
import type { Actor } from '../../domain/case';
import { fail, ok, type Result } from '../../domain/result';
import { normaliseClaimCode } from '../../domain/visit';
import { WRONG_CLAIM_CODES, type VisitContext } from './context';

export async function claimCase(ctx: VisitContext, actor: Actor, input: { code: string }): Promise<Result<ClaimCaseOutput>> {
  const { db, now } = ctx;
  const openid = actor.openid;
  if (actor.role !== 'resident' || !openid) return fail('FORBIDDEN', '请以群众身份认领留言');
  if (WRONG_CLAIM_CODES.exhausted(openid, now)) return fail('RATE_LIMITED', '认领码输错次数过多，请一分钟后再试');
  const visit = await visitByClaimHash(db, ctx.hash(normaliseClaimCode(input.code)));
  if (!visit?.case || !visit.claim) {
    WRONG_CLAIM_CODES.record(openid, now);
    return fail('INVALID_INPUT', '认领码不正确，请核对后重新输入', 'code');
  }
  if (visit.claim.claimedAt) return fail('CONFLICT', '这条留言已被认领');
  if (new Date(visit.claim.expiresAt).getTime() <= now.getTime()) return fail('INVALID_INPUT', '认领码已过期，请联络员或代表重新出示认领码', 'code');
  if (!(await claimUnownedCase(db, visit.case.id, openid, now))) return fail('CONFLICT', '这条留言已被认领');
  await markVisitClaimed(db, visit._id, now);
  return ok({ caseId: visit.case.id, receiptNo: visit.case.receiptNo });
}
