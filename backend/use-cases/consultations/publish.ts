/**
 * The district office publishes a draft for comment. In order: the draft parsed (its messages
 * name the article), the closing date, the stations (the office's own district; none named:
 * all of them), the attachments (uploaded to paths issued to the office, unused). Only then is
 * anything written: the attachments claimed, the consultation inserted under an id made from
 * the office and the request id — so a retried publish answers the same consultation — and
 * the followers of every station taking part told (publish-notices.ts).
 * Round trips: the stations, the insert; the attachments' records, storage check and claim when
 * there are any; then the notices' batches.
 */
import type { ConsultationDetail, PublishConsultationInput } from '../../../typings/consultation';
import { checkClosesOn, parseDraft, type ConsultationDocument } from '../../domain/consultation';
import { fail, ok, type Result } from '../../domain/result';
import { districtStationNames } from '../../data/stations';
import { findConsultation, insertConsultation } from '../../data/consultations';
import { checkFiles, claimFiles, type FileClaim } from '../suggestions/files';
import type { ConsultationCaller } from './caller';
import type { ConsultationContext } from './context';
import { tellStationFollowers } from './publish-notices';
import { detailFor } from './read';

export async function publishConsultation(ctx: ConsultationContext, caller: ConsultationCaller, input: PublishConsultationInput): Promise<Result<ConsultationDetail>> {
  const { db, now } = ctx;
  if (caller.role !== 'admin' || !caller.district) return fail('FORBIDDEN', '只有区人大常委会办公室可以发布意见征集');
  const id = ctx.hash(`consultation:${caller.id}:${input.requestId}`).slice(0, 32);
  const earlier = await findConsultation(db, id);
  if (earlier) return ok(await detailFor(ctx, caller, earlier, 0));

  const articles = parseDraft(input.text);
  if (!articles.ok) return articles;
  const closesOn = checkClosesOn(input.closesOn, now);
  if (!closesOn.ok) return closesOn;
  const names = await districtStationNames(db, caller.district);
  const wanted = input.stationIds?.length ? input.stationIds : [...names.keys()].sort();
  const unknown = wanted.findIndex((stationId) => !names.has(stationId));
  if (unknown >= 0) return fail('INVALID_INPUT', '只能选择本区的联络站', `stationIds.${unknown}`);
  if (wanted.length === 0) return fail('INVALID_INPUT', '本区还没有联络站', 'stationIds');
  const files: FileClaim = { sender: caller.openid, fileIds: input.attachmentFileIds ?? [], field: 'attachmentFileIds' };
  const attachments = await checkFiles(db, files, now, id);
  if (!attachments.ok) return attachments;

  const claimed = await claimFiles(db, files, id, now);
  if (!claimed.ok) return claimed;
  const doc: ConsultationDocument = {
    _id: id,
    district: caller.district,
    title: input.title,
    askedBy: input.askedBy,
    summary: input.summary,
    articles: articles.value,
    attachments: attachments.value,
    stationIds: wanted,
    stations: wanted.map((stationId) => ({ id: stationId, name: names.get(stationId)! })),
    closesOn: closesOn.value,
    publishedAt: now,
    publishedBy: caller.id,
    comments: 0,
    articleCounts: {},
    participants: 0,
    adopted: 0,
    stationAdopted: {},
    updatedAt: now,
  };
  if ((await insertConsultation(db, doc)) === 'exists') {
    // Its twin stored it first: that one is the consultation, and its twin tells the followers.
    return ok(await detailFor(ctx, caller, (await findConsultation(db, id)) ?? doc, 0));
  }
  await tellStationFollowers(ctx, doc);
  return ok(await detailFor(ctx, caller, doc, 0));
}
