/**
 * Reading consultations: anyone reads one (a page of 20 articles with the published counts) and
 * a station's list; the office reads its district's list. Counts are the consultation's running
 * counters, so neither reads a comment. Round trips: get — the consultation (and the attachments'
 * links when it has any); list — the station's or district's consultations, in one read.
 */
import type { ConsultationDetail, GetConsultationInput, ListConsultationsInput, ListConsultationsOutput } from '../../../typings/consultation';
import { CONSULTATION_RULES, consultationDetail, consultationStatus, consultationSummary, listOrder, type ConsultationDocument } from '../../domain/consultation';
import { fail, ok, type Result } from '../../domain/result';
import { consultationsOfDistrict, consultationsOfStation, findConsultation } from '../../data/consultations';
import { photoUrls } from '../../platform/storage';
import { isOffice, ownStations, type ConsultationCaller } from './caller';
import { CONSULTATION_NOT_FOUND, type ConsultationContext } from './context';

export async function detailFor(ctx: Pick<ConsultationContext, 'now'>, caller: ConsultationCaller, doc: ConsultationDocument, page: number): Promise<ConsultationDetail> {
  const status = consultationStatus(doc, ctx.now);
  const office = isOffice(caller, doc);
  const urls = doc.attachments.length ? await photoUrls(doc.attachments.map((file) => file.fileId)) : [];
  const attachments = doc.attachments.flatMap((file) => {
    const url = urls.find((u) => u.fileId === file.fileId)?.url;
    return url ? [{ fileId: file.fileId, kind: file.kind, url }] : [];
  });
  return consultationDetail(
    doc,
    page,
    attachments,
    {
      comment: status === 'open' && caller.role === 'resident',
      review: status !== 'reported' && ownStations(caller, doc).length > 0,
      compile: office && status !== 'open',
      adopt: office && status === 'reported',
    },
    ctx.now,
  );
}

export async function getConsultation(ctx: ConsultationContext, caller: ConsultationCaller, input: GetConsultationInput): Promise<Result<ConsultationDetail>> {
  const doc = await findConsultation(ctx.db, input.consultationId);
  if (!doc) return fail('NOT_FOUND', CONSULTATION_NOT_FOUND);
  const page = input.articlePage ?? 0;
  if (page > 0 && page * CONSULTATION_RULES.pageSize >= doc.articles.length) return fail('INVALID_INPUT', '没有这一页条文', 'articlePage');
  return ok(await detailFor(ctx, caller, doc, page));
}

export async function listConsultations(ctx: ConsultationContext, caller: ConsultationCaller, input: ListConsultationsInput): Promise<Result<ListConsultationsOutput>> {
  const size = CONSULTATION_RULES.pageSize;
  const page = input.page ?? 0;
  if (!input.stationId && !(caller.role === 'admin' && caller.district)) return fail('FORBIDDEN', '请选择联络站');
  const docs = input.stationId ? await consultationsOfStation(ctx.db, input.stationId) : await consultationsOfDistrict(ctx.db, caller.district!);
  const ordered = listOrder(docs.map((doc) => consultationSummary(doc, ctx.now)));
  const stationAdopted = input.stationId ? docs.reduce((sum, doc) => sum + Number(doc.stationAdopted[input.stationId!] ?? 0), 0) : undefined;
  return ok({
    consultations: ordered.slice(page * size, (page + 1) * size),
    page,
    hasMore: ordered.length > (page + 1) * size,
    ...(stationAdopted !== undefined ? { stationAdopted } : {}),
  });
}
