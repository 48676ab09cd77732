/**
 * The 登记履职活动 form: which deputy, the kind, the day, the place, a note and photos; the checks
 * worth making before the server's, and the input it sends. Pure: unit-tested in
 * test/miniprogram/activity-view-models.test.ts.
 */
import type { ActivityKind, RecordActivityInput, ReviseActivityInput } from '../../../../typings/activity';
import type { PhotoSummary, StoredPhoto } from '../../../components/case-photo-picker/photos';
import { ACTIVITY_KIND_LABELS, ACTIVITY_LIMITS } from '../../../generated/rules';
import { fieldFromServer, photosProblem } from '../../../utils/checked-form';
import type { FormErrors } from '../../../utils/checked-form';

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
export type ActivityErrors = FormErrors<ActivityField>;

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
  const photoError = photosProblem(photos, ACTIVITY_LIMITS.photos);
  if (photoError) errors.photos = photoError;
  return errors;
}

/** The server names the input's field ('photoFileIds.3'). */
export const activityFieldOf = fieldFromServer<ActivityField>({ deputyId: 'deputy', kind: 'kind', date: 'date', place: 'place', note: 'note', photoFileIds: 'photos' });

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
