/**
 * The 登记履职活动 form: which deputy, the kind, the day, the place, a note and photos; the checks
 * worth making before the server's, and the input it sends. Pure: unit-tested in
 * test/miniprogram/activity-view-models.test.ts.
 */
import type { ActivityKind, RecordActivityInput, ReviseActivityInput } from '../../../../typings/activity';
import type { StoredPhoto } from '../../../components/case-photo-picker/photos';
import { photoProblem } from '../../../components/case-photo-picker/photos';
import type { PhotoSummary } from '../../../components/case-photo-picker/photos';
import { ACTIVITY_KIND_LABELS, ACTIVITY_LIMITS } from '../../../generated/rules';

export { ACTIVITY_LIMITS };

export interface KindOption {
  kind: ActivityKind;
  label: string;
}

/** In the order the seeds name them, 其他 last. */
export const KIND_OPTIONS: readonly KindOption[] = (Object.keys(ACTIVITY_KIND_LABELS) as ActivityKind[]).map((kind) => ({ kind, label: ACTIVITY_KIND_LABELS[kind] }));

export interface ActivityForm {
  deputyId: string;
  kind: ActivityKind | '';
  date: string;
  place: string;
  note: string;
}

export type ActivityField = 'deputy' | 'kind' | 'date' | 'place' | 'note' | 'photos';
export type ActivityErrors = Partial<Record<ActivityField | 'submit', string>>;

/** The earliest day the server takes: 1 January of last year. */
export const earliestDay = (today: string): string => `${Number(today.slice(0, 4)) - 1}-01-01`;

export function activityErrors(form: ActivityForm, photos: Pick<PhotoSummary, 'uploading' | 'failed' | 'photos'>, today: string): ActivityErrors {
  const errors: ActivityErrors = {};
  if (!form.deputyId) errors.deputy = '请选择代表';
  if (!form.kind) errors.kind = '请选择活动类型';
  if (!form.date) errors.date = '请选择活动日期';
  else if (form.date > today) errors.date = '活动日期不能晚于今天';
  else if (form.date < earliestDay(today)) errors.date = '只能登记今年和去年的履职活动';
  const place = Array.from(form.place.trim()).length;
  if (!place) errors.place = '请填写活动地点';
  else if (place > ACTIVITY_LIMITS.placeMax) errors.place = `地点最多 ${ACTIVITY_LIMITS.placeMax} 字`;
  if (Array.from(form.note.trim()).length > ACTIVITY_LIMITS.noteMax) errors.note = `情况说明最多 ${ACTIVITY_LIMITS.noteMax} 字`;
  const photoError = photoProblem(photos) || (photos.photos.length > ACTIVITY_LIMITS.photos ? `照片最多 ${ACTIVITY_LIMITS.photos} 张` : '');
  if (photoError) errors.photos = photoError;
  return errors;
}

export function firstActivityError(errors: ActivityErrors): string {
  return Object.values(errors).find(Boolean) ?? '';
}

/** The server names the input's field ('photoFileIds.3'); the form has fewer places to say it. */
export function activityFieldOf(serverField: string | undefined): ActivityField | undefined {
  const head = serverField?.split('.')[0];
  const map: Record<string, ActivityField> = { deputyId: 'deputy', kind: 'kind', date: 'date', place: 'place', note: 'note', photoFileIds: 'photos' };
  return head ? map[head] : undefined;
}

/** A disputed activity opened to be corrected (activities page, reviseUrl): the form filled in, the deputy fixed. */
export interface Revision {
  activityId: string;
  deputy: { id: string; name: string };
  form: ActivityForm;
  kindIndex: number;
}

export function revisionOf(query: Record<string, string | undefined>): Revision | undefined {
  if (!query.revise || !query.deputyId) return undefined;
  const decode = (value: string | undefined) => decodeURIComponent(value ?? '');
  const kindIndex = KIND_OPTIONS.findIndex((k) => k.kind === query.kind);
  const form: ActivityForm = {
    deputyId: decode(query.deputyId),
    kind: kindIndex >= 0 ? KIND_OPTIONS[kindIndex].kind : '',
    date: decode(query.date),
    place: decode(query.place),
    note: decode(query.note),
  };
  return { activityId: decode(query.revise), deputy: { id: form.deputyId, name: decode(query.deputyName) }, form, kindIndex };
}

export function toReviseInput(activityId: string, form: ActivityForm): ReviseActivityInput {
  return { activityId, kind: form.kind as ActivityKind, date: form.date, place: form.place.trim(), note: form.note.trim() };
}

export function toRecordInput(form: ActivityForm, requestId: string, photos: readonly StoredPhoto[]): RecordActivityInput {
  const note = form.note.trim();
  return {
    requestId,
    deputyId: form.deputyId,
    kind: form.kind as ActivityKind,
    date: form.date,
    place: form.place.trim(),
    ...(note ? { note } : {}),
    ...(photos.length ? { photoFileIds: photos.map((p) => p.fileId) } : {}),
  };
}
