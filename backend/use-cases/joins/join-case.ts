/**
 * case.join / case.unjoin (我也遇到): a resident joins another resident's open public case —
 * follows it (its status notices reach them on their own grants, commit-command.ts), counts
 * toward its 附议, and may tell its handlers more (a note checked by WeChat like every text,
 * photos claimed like a case's). Idempotent: one join document per case and person
 * (data/case-joins.ts); a repeat changes nothing but the note and photos. A case that is not
 * open and public answers NOT_FOUND whether it exists or not; one's own case is refused.
 *
 * Round trips of a first join without photos: the caller, the case, the caller's join, the day's
 * count, and the transaction (start, its read, the insert, the count, the commit).
 */
import type { JoinCaseInput, JoinView } from '../../../typings/board';
import type { Actor } from '../../domain/case';
import { isJoinable } from '../../domain/join';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { countJoinsSince, findJoin, removeJoin, saveJoin } from '../../data/case-joins';
import { joinTargetOf } from '../../data/public-open-cases';
import type { CaseContext } from '../cases/context';
import { checkContent } from '../cases/content-check';
import { checkPhotos, claimPhotos, photoClaim } from '../cases/photos';
import { JOIN_SETTINGS } from './join-settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The same words whether the case does not exist, is private, or is no longer open: no oracle. */
export const notJoinable = () => fail('NOT_FOUND', '没有找到这件公开的留言，或它已不再办理');

export async function joinCase(ctx: CaseContext, actor: Actor, input: JoinCaseInput): Promise<Result<JoinView>> {
  const { db, now } = ctx;
  if (actor.role !== 'resident' || !actor.openid) return fail('FORBIDDEN', '请以群众身份加入');
  const openid = actor.openid;
  const [target, existing] = await Promise.all([joinTargetOf(db, input.caseId, openid), findJoin(db, input.caseId, openid)]);
  if (!target || !isJoinable(target)) return notJoinable();
  if (target.ownedByCaller) return fail('FORBIDDEN', '这是您自己的留言，无需再点“我也遇到”');
  if (!existing && (await countJoinsSince(db, openid, new Date(now.getTime() - DAY_MS))) >= JOIN_SETTINGS.joinsPerDay) {
    return fail('RATE_LIMITED', `24 小时内最多加入 ${JOIN_SETTINGS.joinsPerDay} 件留言，请明天再试`);
  }

  // Photos are claimed for the case they go to; a repeat join may keep the photos it already sent there.
  const photos = photoClaim(openid, input.photoFileIds);
  const checked = await checkPhotos(db, photos, now, input.caseId);
  if (!checked.ok) return checked;
  if (input.note && (await checkContent(ctx.wx, openid, undefined, input.note)) === 'risky') {
    return fail('CONTENT_RISKY', '补充说明含有不适宜发布的内容（如广告、违法信息），请修改后再提交');
  }
  const claimed = await claimPhotos(db, photos, input.caseId, now);
  if (!claimed.ok) return claimed;
  try {
    const { created } = await saveJoin(db, { caseId: target.id, openid, stationId: target.stationId, at: now, note: input.note, photoFileIds: input.photoFileIds ?? [] });
    return ok({ caseId: target.id, joined: true, joinCount: target.joinCount + (created ? 1 : 0) });
  } catch (error) {
    await claimed.value.release();
    throw error;
  }
}

/** Undoes a join; nothing to undo is not an error. A case never public answers NOT_FOUND, as for joining. */
export async function unjoinCase(ctx: CaseContext, actor: Actor, caseId: string): Promise<Result<JoinView>> {
  const { db } = ctx;
  if (actor.role !== 'resident' || !actor.openid) return fail('FORBIDDEN', '请以群众身份操作');
  const target = await joinTargetOf(db, caseId, actor.openid);
  // Leaving stays possible after the case closed; a case that was never public cannot have been joined.
  if (!target || !target.publicConsent || target.anonymous || !target.acceptedAt) return notJoinable();
  const { removed } = await removeJoin(db, caseId, actor.openid);
  return ok({ caseId, joined: false, joinCount: Math.max(0, target.joinCount - (removed ? 1 : 0)) });
}
