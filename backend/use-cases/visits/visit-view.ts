import type { VisitView } from '../../../typings/visit';
import type { VisitDocument } from '../../domain/visit';
import { photoViews } from '../cases/photos';

/** A visit as its recorders see it: they met the resident, so name and phone are theirs to see. */
export async function visitViews(visits: readonly VisitDocument[]): Promise<VisitView[]> {
  const files = visits.flatMap((v) => [...v.photoFileIds, ...(v.voice ? [v.voice.fileId] : [])]);
  const urls = await photoViews(files);
  return visits.map((v) => {
    const voiceUrl = v.voice && urls.get(v.voice.fileId)?.url;
    return {
      id: v._id,
      receptionId: v.receptionId,
      station: { id: v.stationId, name: v.stationName },
      date: v.date,
      ...(v.deputyId ? { deputy: { id: v.deputyId, name: v.deputyName ?? '' } } : {}),
      recordedBy: v.recordedBy,
      status: v.status,
      issue: v.issue,
      ...(v.answer ? { answer: v.answer } : {}),
      ...(v.name ? { name: v.name } : {}),
      ...(v.phone ? { phone: v.phone } : {}),
      photos: v.photoFileIds.flatMap((id) => urls.get(id) ?? []),
      ...(v.voice && voiceUrl ? { voice: { fileId: v.voice.fileId, url: voiceUrl, durationSec: v.voice.durationSec } } : {}),
      ...(v.bookingId ? { bookingId: v.bookingId } : {}),
      ...(v.case ? { case: { id: v.case.id, receiptNo: v.case.receiptNo, claimed: !!v.claim?.claimedAt } } : {}),
      recordedAt: v.recordedAt.toISOString(),
    };
  });
}

export async function visitView(visit: VisitDocument): Promise<VisitView> {
  return (await visitViews([visit]))[0]!;
}
