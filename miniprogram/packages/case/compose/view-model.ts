/**
 * The 留言 form's rules and shaping. Pure: unit-tested in test/miniprogram/case-view-models.test.ts
 * and case-compose-view-model.test.ts, which also check that these checks agree with the
 * server's (backend/domain/case/case.input.ts). What happened comes first, written or spoken;
 * title and category may be left to the server (a title from the first sentence, 不确定).
 */
import type { DeputyCard, StationDetail } from '../../../../typings/api';
import type { CaseCategory, SubmitCaseInput } from '../../../../typings/case';
import { CATEGORY_LABELS, DEPUTY_LEVEL_LABELS } from '../../../generated/labels';
import { ADDRESS_MAX, CONTACT_NAME_MAX, CONTENT_LIMITS, MAX_PHOTOS, MOBILE_PHONE, TITLE_LIMITS } from '../../../generated/rules';
import type { PhotoSummary, StoredPhoto } from '../../../components/case-photo-picker/photos';
import { photoProblem } from '../../../components/case-photo-picker/photos';
import { isVoicePending, NO_VOICE, voiceProblem } from '../../../components/voice-recorder/recording';
import type { StoredVoice, VoiceSummary } from '../../../components/voice-recorder/recording';
import type { CaseDraft } from './case-draft';

export { isBlank, isCaseDraft, toDraft } from './case-draft';
export type { CaseDraft } from './case-draft';

/** The server's limits; the form shows them as max lengths and word counts. */
export const LIMITS = {
  titleMin: TITLE_LIMITS.min,
  titleMax: TITLE_LIMITS.max,
  contentMin: CONTENT_LIMITS.min,
  contentMax: CONTENT_LIMITS.max,
  photos: MAX_PHOTOS,
  contactName: CONTACT_NAME_MAX,
  address: ADDRESS_MAX,
} as const;

export type CaseLocation = NonNullable<SubmitCaseInput['location']>;

export interface ComposeForm {
  /** 'unsure' (不确定) unless the person picks one: the officer who accepts the case chooses. */
  category: CaseCategory;
  title: string;
  content: string;
  location: CaseLocation | null;
  contactName: string;
  contactPhone: string;
  anonymous: boolean;
  /** 允许公开，隐去个人信息: on unless the resident turns it off; an anonymous case is never public. */
  public: boolean;
}

export type ComposeField = 'target' | 'category' | 'title' | 'content' | 'voice' | 'photos' | 'location' | 'contactName' | 'contactPhone';
export type FieldErrors = Partial<Record<ComposeField, string>>;

export interface TargetOption {
  /** '' for the station itself: its liaison officer triages and assigns. */
  id: string;
  label: string;
}

export const CATEGORY_OPTIONS = (Object.keys(CATEGORY_LABELS) as CaseCategory[]).map((value) => ({ value, label: CATEGORY_LABELS[value] }));

export const EMPTY_FORM: ComposeForm = { category: 'unsure', title: '', content: '', location: null, contactName: '', contactPhone: '', anonymous: false, public: true };

export function targetOptions(deputies: readonly DeputyCard[]): TargetOption[] {
  return [{ id: '', label: '联络站（由联络员分派）' }, ...deputies.map((d) => ({ id: d.id, label: `${d.name}（${DEPUTY_LEVEL_LABELS[d.level] ?? '人大代表'}）` }))];
}

/** The deputy asked for (the page's query wins over the draft's), or the station. */
export function targetIndex(targets: readonly TargetOption[], deputyId: string | undefined): number {
  return Math.max(0, deputyId ? targets.findIndex((t) => t.id === deputyId) : 0);
}

/** What the page shows on opening: the station, whom to address, and the restored draft. */
export function openedView(station: Pick<StationDetail, 'name' | 'deputies'>, draft: CaseDraft | undefined, deputyId: string | undefined) {
  const targets = targetOptions(station.deputies);
  const form: ComposeForm = draft
    ? {
        ...EMPTY_FORM,
        ...pick(draft, ['title', 'content', 'contactName', 'contactPhone', 'anonymous']),
        category: draft.category || 'unsure',
        location: draft.location ?? null,
        public: draft.public ?? true,
      }
    : { ...EMPTY_FORM };
  return {
    stationName: station.name,
    targets,
    targetIndex: targetIndex(targets, deputyId || draft?.deputyId),
    form,
    initialPhotos: draft?.photos ?? [],
    initialVoice: draft?.voice ?? null,
  };
}

const length = (text: string) => [...text.trim()].length;

/** Spaces, dashes and a +86 are how people write numbers; the server takes 11 bare digits. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[\s()（）-]/g, '');
  return digits.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
}

/** Said when there is neither text nor a voice message (the server's sentence, on `content`). */
export const NOTHING_TO_SAY = '请写下或录下您遇到的问题';

/**
 * The same checks and sentences as the server, so a person learns of a mistake before sending.
 * A voice still recording or uploading counts as there: the submit waits for it.
 */
export function validateCase(form: ComposeForm, photos: Pick<PhotoSummary, 'uploading' | 'failed'>, voice: Pick<VoiceSummary, 'phase'> = NO_VOICE): FieldErrors {
  const errors: FieldErrors = {};
  const title = length(form.title);
  if (title > 0 && title < LIMITS.titleMin) errors.title = `标题至少 ${LIMITS.titleMin} 个字`;
  else if (title > LIMITS.titleMax) errors.title = `标题不能超过 ${LIMITS.titleMax} 个字`;
  const spoken = voice.phase === 'ready' || isVoicePending(voice.phase);
  const content = length(form.content);
  if (content === 0 && !spoken) errors.content = NOTHING_TO_SAY;
  else if (content > 0 && content < LIMITS.contentMin && !spoken) errors.content = `内容至少 ${LIMITS.contentMin} 个字`;
  else if (content > LIMITS.contentMax) errors.content = `内容不能超过 ${LIMITS.contentMax} 个字`;
  const unsent = voiceProblem(voice.phase);
  if (unsent) errors.voice = unsent;
  const problem = photoProblem(photos);
  if (problem) errors.photos = problem;
  if (length(form.contactName) > LIMITS.contactName) errors.contactName = `联系人不能超过 ${LIMITS.contactName} 个字`;
  const phone = normalisePhone(form.contactPhone);
  if (phone && !MOBILE_PHONE.test(phone)) errors.contactPhone = '请填写 11 位手机号';
  return errors;
}

/** The first error in the order the form shows its fields, for the notice bar. */
export function firstError(errors: FieldErrors): string {
  const order: ComposeField[] = ['content', 'voice', 'photos', 'location', 'title', 'category', 'target', 'contactName', 'contactPhone'];
  return order.map((f) => errors[f]).find(Boolean) ?? '';
}

/** Left empty, title and category are not sent: the server makes the title and files the case as 不确定. */
export function toSubmitInput(
  form: ComposeForm,
  ctx: { stationId: string; deputyId?: string; requestId: string; photos: readonly StoredPhoto[]; voice?: StoredVoice | null },
): SubmitCaseInput {
  const name = form.contactName.trim();
  const phone = normalisePhone(form.contactPhone);
  const contact = { ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
  const title = form.title.trim();
  const content = form.content.trim();
  return {
    requestId: ctx.requestId,
    stationId: ctx.stationId,
    ...(ctx.deputyId ? { deputyId: ctx.deputyId } : {}),
    ...(form.category && form.category !== 'unsure' ? { category: form.category } : {}),
    ...(title ? { title } : {}),
    ...(content ? { content } : {}),
    ...(ctx.voice ? { voice: { fileId: ctx.voice.fileId, durationSec: ctx.voice.durationSec } } : {}),
    ...(ctx.photos.length ? { photoFileIds: ctx.photos.map((p) => p.fileId) } : {}),
    ...(form.location ? { location: form.location } : {}),
    ...(name || phone ? { contact } : {}),
    anonymous: form.anonymous,
    public: consentOf(form).checked,
  };
}

/** The consent switch: off and locked while 匿名 is on (the server never shows an anonymous case). */
export function consentOf(form: Pick<ComposeForm, 'anonymous' | 'public'>): { checked: boolean; disabled: boolean; hint: string } {
  if (form.anonymous) return { checked: false, disabled: true, hint: '匿名留言不会公开给其他居民' };
  return { checked: form.public, disabled: false, hint: '受理后其他居民能看到标题和办理结果，看不到内容和您的身份' };
}

/** Which field a server refusal names ('contact.phone', 'photoFileIds.2' …), in the form's terms. */
export function fieldOf(serverField: string | undefined): ComposeField | undefined {
  const [head, sub] = (serverField ?? '').split('.');
  if (head === 'contact') return sub === 'name' ? 'contactName' : 'contactPhone';
  if (head === 'photoFileIds') return 'photos';
  if (head === 'voice') return 'voice';
  if (head === 'deputyId' || head === 'target' || head === 'stationId') return 'target';
  return (['category', 'title', 'content', 'location'] as const).find((f) => f === head);
}

/** wx.chooseLocation's answer: the place's name and address, as short as the server allows. */
export function toLocation(chosen: { latitude: number; longitude: number; name?: string; address?: string }): CaseLocation {
  const address = [chosen.address, chosen.name].filter(Boolean).join(' ').trim();
  return { latitude: chosen.latitude, longitude: chosen.longitude, ...(address ? { address: [...address].slice(0, LIMITS.address).join('') } : {}) };
}

function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}
