/**
 * A resident submits a case. In order: the caller's submission window, read once, answers a
 * retried request with the case it already made and refuses past the rate limits or a duplicate
 * of the last 30 days; the station and addressed deputy; the photos and the voice message
 * (uploaded to paths issued to the caller, unused); WeChat's content check on whatever text the
 * resident typed (none for a voice-only case); whether the addressed deputy is being flooded
 * (case.hold.ts: then the case is held for the officer). Only then is anything written:
 *   1. the receipt number, drawn by one atomic increment (data/counters.ts; a submission refused
 *      from here on leaves a gap in the day's numbers, never a repeat);
 *   2. the window, stored only if nobody wrote it since it was read — with this request's entry
 *      naming the case id and receipt number it makes (else read again and decided again, so
 *      parallel submissions of one resident pass the limits one at a time);
 *   3. the photos and the voice message, claimed for that case in one update (data/uploads.ts);
 *   4. the case, its first event inside it, in one insert under the id the window names.
 * A retry of a request whose case exists answers it; one whose case was never written (the call
 * died between 2 and 4, or its twin is writing it right now) finishes it under the same id and
 * number: the insert of an id that exists fails, so of two twins one writes and both answer it.
 *
 * Round trips: the window, the station, the receipt, the window's write and the insert — plus
 * the deputy and the flood count for a case addressed to a deputy, and the photos' records, the
 * storage check and the claim for a case with photos or a voice message (both in the same three).
 */
import { createHash } from 'node:crypto';
import type { SubmitCaseOutput } from '../../../typings/case';
import type { Actor, CaseSubmission } from '../../domain/case';
import {
  caseTitle,
  floodWindowStart,
  formatReceiptNumber,
  gateSubmission,
  holdFor,
  openCase,
  receiptCounterId,
  receiptPrefixOf,
  submissionFingerprint,
  windowAfter,
} from '../../domain/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { caseExists, insertCase, toStoredEvent } from '../../data/cases';
import { countAddressedSince } from '../../data/case-queue';
import { drawNext } from '../../data/counters';
import { findDeputy } from '../../data/people-by-id';
import { findStation } from '../../data/stations';
import { readSubmissionWindow, saveSubmissionWindow, withdrawFromWindow } from '../../data/submission-window';
import { checkContent } from './content-check';
import type { CaseContext } from './context';
import { checkPhotos, claimPhotos, photoClaim } from './photos';

type Made = SubmitCaseOutput;

export async function submitCase(ctx: CaseContext, actor: Actor, input: CaseSubmission): Promise<Result<SubmitCaseOutput>> {
  const { db, now } = ctx;
  if (actor.role !== 'resident' || !actor.openid) return fail('FORBIDDEN', '请以群众身份提交留言');
  const openid = actor.openid;
  // The title as it will be stored (made from the text when none was typed), so leaving it out does not make a repeat new.
  const fingerprint = submissionFingerprint({ title: caseTitle(input.title, input.content), content: input.content ?? '', voiceFileId: input.voice?.fileId });
  const contentHash = createHash('sha256').update(fingerprint).digest('hex');
  const attempt = { requestId: input.requestId, contentHash, now };

  let window = await readSubmissionWindow(db, openid);
  const gate = gateSubmission(window.recent, attempt);
  if (!gate.ok) return gate;
  let made: Made | undefined = gate.value.kind === 'replay' ? { caseId: gate.value.caseId, receiptNo: gate.value.receiptNo } : undefined;
  if (made && (await caseExists(db, made.caseId))) return ok(made);

  const [station, deputy] = await Promise.all([findStation(db, { id: input.stationId }), input.deputyId ? findDeputy(db, input.deputyId) : undefined]);
  if (!station) return fail('INVALID_INPUT', '没有找到这个联络站', 'stationId');
  if (input.deputyId && !deputy) return fail('INVALID_INPUT', '没有找到这位代表', 'deputyId');
  const prefix = receiptPrefixOf(station.code);
  const opening = (caseId: string, receiptNo: string) =>
    openCase({ submission: input, actor, now, ids: ctx.ids, caseId, receiptNo, targetDeputyStationIds: deputy?.stationIds });
  // The domain's refusals (a deputy not at that station …) depend on neither id nor number: ask before drawing them.
  const preview = opening('preview', formatReceiptNumber(prefix, now, 1));
  if (!preview.ok) return preview;
  const photos = photoClaim(openid, input.photoFileIds, input.voice?.fileId);
  const photosChecked = await checkPhotos(db, photos, now, made?.caseId);
  if (!photosChecked.ok) return photosChecked;

  // Limits first, then WeChat: a flood is refused without spending the content check's quota.
  const verdict = await checkContent(ctx.wx, openid, input.title, input.content);
  if (verdict === 'risky') return fail('CONTENT_RISKY', '留言含有不适宜发布的内容（如广告、违法信息），请修改后再提交');
  // Counted by query: a burst from many accounts at once may slip one or two past.
  const held = deputy ? holdFor(await countAddressedSince(db, deputy._id, floodWindowStart(now)), now) : undefined;

  if (!made) {
    // Drawn before the window is written: a submission the window then refuses leaves a gap in the day's numbers.
    const seq = await drawNext(db, receiptCounterId(prefix, now), now);
    const mine = { caseId: ctx.ids(), receiptNo: formatReceiptNumber(prefix, now, seq) };
    const entry = { ...mine, requestId: input.requestId, contentHash, submittedAt: now };
    for (;;) {
      if (await saveSubmissionWindow(db, openid, window, windowAfter(window.recent, entry, now), now)) {
        made = mine;
        break;
      }
      // Another submission of this resident wrote the window first: decide again on what it holds now.
      window = await readSubmissionWindow(db, openid);
      const again = gateSubmission(window.recent, attempt);
      if (!again.ok) return again;
      if (again.value.kind === 'replay') {
        made = { caseId: again.value.caseId, receiptNo: again.value.receiptNo };
        break;
      }
    }
  }

  const claimed = await claimPhotos(db, photos, made.caseId, now);
  if (!claimed.ok) {
    // Refused after all (another message took a photo this very moment): the submission counts for nothing.
    await withdrawFromWindow(db, openid, input.requestId);
    return claimed;
  }
  const opened = opening(made.caseId, made.receiptNo);
  if (!opened.ok) throw new Error(`openCase refused what it accepted a moment ago: ${opened.failure.code}`);
  const { next: state, events } = opened.value;
  await insertCase(
    db,
    held ? { ...state, held } : state,
    {
      stationName: station.name,
      contentHash,
      ...(verdict === 'unchecked' ? { contentCheck: 'pending' as const } : {}),
      unreadCount: 0,
      readSeq: state.lastSeq,
      joinCount: 0,
      ...(deputy ? { deputyNames: { [deputy._id]: deputy.name } } : {}),
    },
    events.map((event) => toStoredEvent(event)),
  );
  // Inserted, or already there (written by this request's twin): either way this request's case. A submission queues no message.
  return ok(made);
}
