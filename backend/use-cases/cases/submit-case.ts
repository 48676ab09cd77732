/**
 * A resident submits a case. In order: a retried request answers the case it already made;
 * the rate limits and the 30-day duplicate check (the caller's recent cases, by index); the
 * station and addressed deputy; the photos (uploaded to paths issued to the caller, unused);
 * WeChat's content check; whether the addressed deputy is being flooded (case.hold.ts: then the
 * case is held for the officer); then ONE transaction that records the request, admits the
 * submission to the caller's window (the rate limits again, exact under concurrency), claims
 * the photos, and writes the case, its first event and its outbox with the receipt number
 * drawn just before (atomically, outside the transaction, so submissions do not conflict on
 * the day's counter; a failed submission leaves a gap).
 * Concurrent retries of one request make exactly one case: the losers conflict, run again,
 * find the request document and answer its case.
 */
import { createHash } from 'node:crypto';
import type { SubmitCaseOutput } from '../../../typings/case';
import type { Actor, CaseSubmission } from '../../domain/case';
import {
  admitToWindow,
  fingerprintText,
  floodWindowStart,
  formatReceiptNumber,
  gateSubmission,
  holdFor,
  lookbackStart,
  openCase,
  receiptCounterId,
  receiptPrefixOf,
} from '../../domain/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { insertCaseInTransaction, recentCasesOf } from '../../data/cases';
import { countAddressedSince } from '../../data/case-queue';
import { appendEventsInTransaction } from '../../data/case-events';
import { drawNext } from '../../data/counters';
import { insertNotificationsInTransaction } from '../../data/notifications';
import { findDeputy } from '../../data/people-by-id';
import { findRequest, recordRequestInTransaction, requestInTransaction, requestKey } from '../../data/requests';
import { findStation } from '../../data/stations';
import { saveSubmissionWindowInTransaction, submissionWindowInTransaction } from '../../data/submission-window';
import { inTransaction } from '../../data/transaction';
import { caseOutbox } from '../../notifications/outbox';
import { afterChange } from './after-change';
import { checkContent } from './content-check';
import type { CaseContext } from './context';
import { checkPhotos, claimPhotosInTransaction, photoClaim } from './photos';

export async function submitCase(ctx: CaseContext, actor: Actor, input: CaseSubmission): Promise<Result<SubmitCaseOutput>> {
  const { db, now } = ctx;
  if (actor.role !== 'resident' || !actor.openid) return fail('FORBIDDEN', '请以群众身份提交留言');
  const openid = actor.openid;
  const key = requestKey(openid, input.requestId);

  // Read at once, decided in order: each round trip costs a reception-day queue its latency.
  const [done, recent] = await Promise.all([findRequest(db, key), recentCasesOf(db, openid, lookbackStart(now))]);
  if (done) return ok({ caseId: done.caseId, receiptNo: done.receiptNo });

  const contentHash = createHash('sha256').update(fingerprintText(input.title, input.content)).digest('hex');
  const gate = gateSubmission(recent, { requestId: input.requestId, contentHash, now });
  if (!gate.ok) return gate;
  if (gate.value.kind === 'replay') return ok({ caseId: gate.value.caseId, receiptNo: gate.value.receiptNo });

  const [station, deputy] = await Promise.all([findStation(db, { id: input.stationId }), input.deputyId ? findDeputy(db, input.deputyId) : undefined]);
  if (!station) return fail('INVALID_INPUT', '没有找到这个联络站', 'stationId');
  if (input.deputyId && !deputy) return fail('INVALID_INPUT', '没有找到这位代表', 'deputyId');
  const prefix = receiptPrefixOf(station.code);
  const opening = (seq: number) =>
    openCase({ submission: input, actor, now, ids: ctx.ids, receiptNo: formatReceiptNumber(prefix, now, seq), targetDeputyStationIds: deputy?.stationIds });
  // The domain's refusals (a deputy not at that station …) do not depend on the number: ask before drawing one.
  const preview = opening(1);
  if (!preview.ok) return preview;
  const photos = photoClaim(openid, input.photoFileIds);
  const photosChecked = await checkPhotos(db, photos, now);
  if (!photosChecked.ok) return photosChecked;

  // Limits first, then WeChat: a flood is refused without spending the content check's quota.
  const verdict = await checkContent(ctx.wx, openid, input.title, input.content);
  if (verdict === 'risky') return fail('CONTENT_RISKY', '留言含有不适宜发布的内容（如广告、违法信息），请修改后再提交');
  // Counted by query, so outside the transaction: a burst from many accounts at once may slip one or two past.
  const held = deputy ? holdFor(await countAddressedSince(db, deputy._id, floodWindowStart(now)), now) : undefined;
  // Drawn before, not inside, the transaction (data/counters.ts): a submission refused or failing from here on leaves a gap in the day's numbers.
  const seq = await drawNext(db, receiptCounterId(prefix, now), now);

  const written = await inTransaction(db, async (tx) => {
    const replay = await requestInTransaction(tx, key);
    if (replay) return ok({ caseId: replay.caseId, receiptNo: replay.receiptNo, created: false, notifies: false });
    const admitted = admitToWindow(await submissionWindowInTransaction(tx, openid), now);
    if (!admitted.ok) return admitted;
    const opened = opening(seq);
    if (!opened.ok) throw new Error(`openCase refused what it accepted a moment ago: ${opened.failure.code}`);
    // Before any write: a photo another message claimed meanwhile refuses the case, and nothing is written.
    const claimed = await claimPhotosInTransaction(tx, photos, opened.value.next.id, now);
    if (!claimed.ok) return claimed;
    const { events } = opened.value;
    const next = held ? { ...opened.value.next, held } : opened.value.next;
    await saveSubmissionWindowInTransaction(tx, openid, admitted.value, now);
    await recordRequestInTransaction(tx, { _id: key, action: 'case.submit', caseId: next.id, receiptNo: next.receiptNo, at: now });
    await insertCaseInTransaction(tx, next, {
      stationName: station.name,
      contentHash,
      ...(verdict === 'unchecked' ? { contentCheck: 'pending' as const } : {}),
      unreadCount: 0,
      readSeq: next.lastSeq,
    });
    await appendEventsInTransaction(tx, events);
    const outbox = events.flatMap((event) => caseOutbox(event, next, '', now));
    await insertNotificationsInTransaction(tx, outbox);
    return ok({ caseId: next.id, receiptNo: next.receiptNo, created: true, notifies: outbox.length > 0 });
  });
  if (!written.ok) return written;
  // A new case with an empty outbox has nothing of its own to send: skip that query, still send others' due messages.
  if (written.value.created) await afterChange(ctx, written.value.notifies ? written.value.caseId : undefined);
  return ok({ caseId: written.value.caseId, receiptNo: written.value.receiptNo });
}
