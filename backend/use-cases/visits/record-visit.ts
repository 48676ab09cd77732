/**
 * 接待日登记: an officer of the station, or a deputy the reception lists, records a resident met
 * today. Idempotent: the document id is made of the recorder and the request id, so a retry lands
 * on the first record. A booking of that reception fills in the topic and contact and becomes 已接待.
 * Round trips: the reception, the station, the booking (if any), the deputy's name (officers), the
 * content check, the insert, then the booking's update beside the recount of 接访群众 (visit-totals.ts).
 */
import { checkPhotos, claimPhotos, photoClaim } from '../cases/photos';
import type { VisitView } from '../../../typings/visit';
import { findBooking, markBookingAttended } from '../../data/bookings';
import { findDeputy } from '../../data/people-by-id';
import { findReception } from '../../data/receptions';
import { findStation } from '../../data/stations';
import { findVisit, insertVisit } from '../../data/visits';
import { shanghaiDate } from '../../domain/calendar';
import type { Actor } from '../../domain/case';
import { fail, ok, type Result } from '../../domain/result';
import type { VisitDocument, VisitRecord } from '../../domain/visit';
import { checkContent } from '../cases/content-check';
import type { VisitContext } from './context';
import { visitView } from './visit-view';
import { mayRecordAt } from './visit-scope';
import { countVisitors } from './visit-totals';

export async function recordVisit(ctx: VisitContext, actor: Actor, openid: string, input: VisitRecord): Promise<Result<VisitView>> {
  const { db, now } = ctx;
  const id = `vs-${ctx.hash(`${actor.id}\n${input.requestId}`).slice(0, 40)}`;
  const earlier = await findVisit(db, id);
  if (earlier) {
    // Counted again (a recount: never twice), in case the first call died before it counted.
    await countVisitors(db, earlier);
    return ok(await visitView(earlier));
  }

  const reception = await findReception(db, input.receptionId);
  // Someone else's reception reads as none: a stranger learns nothing from the refusal.
  if (!reception || !mayRecordAt(actor, reception)) return fail('FORBIDDEN', '只有本站联络员和当天接待的代表可以登记');
  if (reception.date !== shanghaiDate(now)) return fail('INVALID_INPUT', '只能登记当天接待日的来访群众', 'receptionId');

  const deputyId = actor.role === 'deputy' ? actor.deputyId : (input.deputyId ?? (reception.deputyIds.length === 1 ? reception.deputyIds[0] : undefined));
  if (deputyId && !reception.deputyIds.includes(deputyId)) return fail('INVALID_INPUT', '这位代表不在当天接待名单上', 'deputyId');

  const booking = input.bookingId ? await findBooking(db, input.bookingId) : undefined;
  if (input.bookingId && (!booking || booking.receptionId !== reception._id)) return fail('INVALID_INPUT', '这条预约不属于这个接待日', 'bookingId');
  if (booking?.status === 'cancelled') return fail('INVALID_INPUT', '这条预约已取消', 'bookingId');

  // The photos and voice must be the recorder's own uploads (paths issued to them), exactly as a case's are.
  const attachments = photoClaim(openid, input.photoFileIds, input.voice?.fileId);
  const attachable = await checkPhotos(db, attachments, now, id);
  if (!attachable.ok) return attachable;

  const issue = input.issue ?? booking?.topic ?? '';
  const name = input.name ?? booking?.contact?.name;
  const phone = input.phone ?? booking?.contact?.phone;
  const typed = [issue, input.answer, name].filter(Boolean).join('\n');
  if (typed && (await checkContent(ctx.wx, openid, undefined, typed)) === 'risky') {
    return fail('CONTENT_RISKY', '登记内容含有不适宜发布的内容，请修改后再提交');
  }

  const [station, deputy] = await Promise.all([findStation(db, { id: reception.stationId }), deputyId ? findDeputy(db, deputyId) : undefined]);
  const visit: VisitDocument = {
    _id: id,
    requestId: input.requestId,
    receptionId: reception._id,
    stationId: reception.stationId,
    stationName: station?.name ?? '',
    date: reception.date,
    ...(deputyId ? { deputyId, deputyName: deputy?.name ?? '' } : {}),
    recordedBy: actor.role === 'deputy' ? 'deputy' : 'officer',
    recorderId: actor.id,
    status: input.answer ? 'answered' : 'recorded',
    issue,
    ...(input.answer ? { answer: input.answer } : {}),
    ...(name ? { name } : {}),
    ...(phone ? { phone } : {}),
    photoFileIds: input.photoFileIds ?? [],
    ...(input.voice ? { voice: input.voice } : {}),
    ...(booking ? { bookingId: booking._id } : {}),
    ...(input.category ? { category: input.category } : {}),
    recordedAt: now,
    updatedAt: now,
  };
  const twin = async () => {
    const found = await findVisit(db, id);
    return found ? ok(await visitView(found)) : undefined;
  };
  const claimed = await claimPhotos(db, attachments, id, now);
  if (!claimed.ok) return (await twin()) ?? claimed;
  if ((await insertVisit(db, visit)) === 'exists') {
    const found = await twin();
    if (found) return found;
  }
  await Promise.all([booking ? markBookingAttended(db, booking._id, now) : undefined, countVisitors(db, visit)]);
  return ok(await visitView(visit));
}
