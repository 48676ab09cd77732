/**
 * 接待登记: the visits of one reception day as the recorder sees them, the 登记来访 form (its
 * checks before the server's and the input it sends) and the claim code shown once a visit
 * becomes a case. Pure: unit-tested in test/miniprogram/visit-view-models.test.ts.
 */
import type { RecordVisitInput, VisitBooking, VisitClaim, VisitStatus, VisitView } from '../../../../typings/visit';
import type { PhotoSummary, StoredPhoto } from '../../../components/case-photo-picker/photos';
import { fieldFromServer, photosProblem } from '../../../utils/checked-form';
import type { FormErrors } from '../../../utils/checked-form';
import type { VoiceSummary } from '../../../components/voice-recorder/recording';
import { isVoicePending, voiceProblem } from '../../../components/voice-recorder/recording';
import { CONTACT_NAME_MAX, CONTENT_LIMITS, MAX_PHOTOS, MOBILE_PHONE } from '../../../generated/rules';
import { changedContact } from './bookings';

/** The server's limits (typings/visit.ts): issue and answer ≤ 1,000 like a case's content, photos like a case's. */
export const VISIT_LIMITS = { textMax: CONTENT_LIMITS.max, nameMax: CONTACT_NAME_MAX, photos: MAX_PHOTOS } as const;

export const VISIT_STATUS_LABELS: Readonly<Record<VisitStatus, string>> = { recorded: '已登记', answered: '当场答复', converted: '已转留言' };

export interface VisitItem {
  id: string;
  status: VisitStatus;
  statusText: string;
  issue: string;
  /** '张阿姨 138****' as the server shows it; '' when not given. */
  who: string;
  answer: string;
  deputyName: string;
  /** '10:05' Beijing time. */
  timeText: string;
  photoUrls: string[];
  voice: VisitView['voice'] | null;
  /** Once converted: '受理编号 LL20261121001 · 待认领'. */
  caseText: string;
  claimed: boolean;
  /** 转为留言: only a visit neither answered on the spot nor converted. */
  canConvert: boolean;
  /** 认领码: converted and not yet claimed. */
  canShowCode: boolean;
}

/** 'HH:MM' in Beijing time (UTC+8, no daylight saving). */
export function beijingTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

export function toVisitItem(v: VisitView): VisitItem {
  const claimed = !!v.case?.claimed;
  return {
    id: v.id,
    status: v.status,
    statusText: VISIT_STATUS_LABELS[v.status],
    issue: v.issue || (v.voice ? '（语音）' : v.photos.length ? '（照片）' : ''),
    who: [v.name, v.phone].filter(Boolean).join(' '),
    answer: v.answer ?? '',
    deputyName: v.deputy?.name ?? '',
    timeText: beijingTime(v.recordedAt),
    photoUrls: v.photos.map((p) => p.url),
    voice: v.voice ?? null,
    caseText: v.case ? `受理编号 ${v.case.receiptNo} · ${claimed ? '已认领' : '待认领'}` : '',
    claimed,
    canConvert: v.status === 'recorded' && !v.case,
    canShowCode: !!v.case && !claimed,
  };
}

export interface VisitForm {
  issue: string;
  name: string;
  phone: string;
  answer: string;
  deputyId: string;
}

export const EMPTY_VISIT_FORM: VisitForm = { issue: '', name: '', phone: '', answer: '', deputyId: '' };

export type VisitField = 'issue' | 'name' | 'phone' | 'answer' | 'photos' | 'voice' | 'deputy';
export type VisitErrors = FormErrors<VisitField>;

const length = (text: string) => Array.from(text.trim()).length;

/** `booking`: the one the form was filled from, whose contact the server copies as it is (bookings.ts). */
export function visitErrors(form: VisitForm, photos: Pick<PhotoSummary, 'uploading' | 'failed' | 'photos'>, voice: VoiceSummary, booking?: VisitBooking): VisitErrors {
  const errors: VisitErrors = {};
  const changed = changedContact(form, booking);
  const hasVoice = voice.phase === 'ready' && !!voice.voice;
  if (!length(form.issue) && !photos.photos.length && !hasVoice) errors.issue = '请记录群众反映的问题（文字、语音或照片至少一项）';
  else if (length(form.issue) > VISIT_LIMITS.textMax) errors.issue = `问题最多 ${VISIT_LIMITS.textMax} 字`;
  if (length(form.name) > VISIT_LIMITS.nameMax) errors.name = `姓名最多 ${VISIT_LIMITS.nameMax} 字`;
  if (changed.phone && form.phone.trim() && !MOBILE_PHONE.test(form.phone.trim())) errors.phone = '请填写 11 位手机号码';
  if (length(form.answer) > VISIT_LIMITS.textMax) errors.answer = `当场答复最多 ${VISIT_LIMITS.textMax} 字`;
  const photoError = photosProblem(photos, VISIT_LIMITS.photos);
  if (photoError) errors.photos = photoError;
  const voiceError = isVoicePending(voice.phase) ? '语音还在录制或上传，请稍候' : voiceProblem(voice.phase);
  if (voiceError) errors.voice = voiceError;
  return errors;
}

/** The server names the input's field ('photoFileIds.2'). */
export const visitFieldOf = fieldFromServer<VisitField>({
  issue: 'issue',
  name: 'name',
  phone: 'phone',
  answer: 'answer',
  photoFileIds: 'photos',
  voice: 'voice',
  deputyId: 'deputy',
});

export function toRecordVisitInput(
  form: VisitForm,
  ids: { requestId: string; receptionId: string },
  photos: readonly StoredPhoto[],
  voice: VoiceSummary,
  booking?: VisitBooking,
): RecordVisitInput {
  const text = (value: string) => value.trim() || undefined;
  const changed = changedContact(form, booking);
  const input: RecordVisitInput = { requestId: ids.requestId, receptionId: ids.receptionId };
  const optional: Partial<RecordVisitInput> = {
    bookingId: booking?.id,
    deputyId: form.deputyId || undefined,
    issue: text(form.issue),
    name: changed.name ? text(form.name) : undefined,
    phone: changed.phone ? text(form.phone) : undefined,
    answer: text(form.answer),
    photoFileIds: photos.length ? photos.map((p) => p.fileId) : undefined,
    voice: voice.phase === 'ready' && voice.voice ? { fileId: voice.voice.fileId, durationSec: voice.voice.durationSec } : undefined,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (input as unknown as Record<string, unknown>)[key] = value;
  return input;
}

export interface ClaimCard {
  visitId: string;
  code: string;
  /** 'ABCD 2345': read aloud in two halves. */
  codeText: string;
  qrImage: string;
  /** '认领码 11:35 前有效' */
  expiresText: string;
}

export function toClaimCard(visitId: string, claim: VisitClaim): ClaimCard {
  return {
    visitId,
    code: claim.code,
    codeText: `${claim.code.slice(0, 4)} ${claim.code.slice(4)}`,
    qrImage: claim.qrImage,
    expiresText: `认领码 ${beijingTime(claim.expiresAt)} 前有效`,
  };
}
