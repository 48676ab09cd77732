/**
 * The 留言 form's rules and shaping. Pure: unit-tested in test/miniprogram/case-view-models.test.ts,
 * which also checks that these checks agree with the server's (backend/domain/case/case.input.ts).
 */
import type { DeputyCard, StationDetail } from '../../../../typings/api';
import type { CaseCategory, SubmitCaseInput } from '../../../../typings/case';
import { CATEGORY_LABELS } from '../../../components/case-status-tag/labels';
import type { PhotoSummary, StoredPhoto } from '../../../components/case-photo-picker/photos';
import { photoProblem } from '../../../components/case-photo-picker/photos';
import { DEPUTY_LEVEL_LABELS } from '../../../utils/deputy-labels';

/** The server's limits (case.input.ts); the form shows them as max lengths and word counts. */
export const LIMITS = { titleMin: 4, titleMax: 40, contentMin: 10, contentMax: 1000, photos: 6, contactName: 20, address: 100 } as const;
export const MOBILE_PHONE = /^1[3-9]\d{9}$/;

export type CaseLocation = NonNullable<SubmitCaseInput['location']>;

export interface ComposeForm {
  category: CaseCategory | '';
  title: string;
  content: string;
  location: CaseLocation | null;
  contactName: string;
  contactPhone: string;
  anonymous: boolean;
}

/** What is kept of an unsent case (services/draft.ts, keyed by station), with its requestId. */
export interface CaseDraft {
  requestId: string;
  /** The deputy addressed; absent when the station's officer is to triage. */
  deputyId?: string;
  category: CaseCategory | '';
  title: string;
  content: string;
  /** Only photos that finished uploading; one still uploading is not worth keeping. */
  photos: StoredPhoto[];
  location?: CaseLocation;
  contactName: string;
  contactPhone: string;
  anonymous: boolean;
}

export type ComposeField = 'target' | 'category' | 'title' | 'content' | 'photos' | 'location' | 'contactName' | 'contactPhone';
export type FieldErrors = Partial<Record<ComposeField, string>>;

export interface TargetOption {
  /** '' for the station itself: its liaison officer triages and assigns. */
  id: string;
  label: string;
}

export const CATEGORY_OPTIONS = (Object.keys(CATEGORY_LABELS) as CaseCategory[]).map((value) => ({ value, label: CATEGORY_LABELS[value] }));

export const EMPTY_FORM: ComposeForm = { category: '', title: '', content: '', location: null, contactName: '', contactPhone: '', anonymous: false };

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
    ? { ...EMPTY_FORM, ...pick(draft, ['category', 'title', 'content', 'contactName', 'contactPhone', 'anonymous']), location: draft.location ?? null }
    : { ...EMPTY_FORM };
  return { stationName: station.name, targets, targetIndex: targetIndex(targets, deputyId || draft?.deputyId), form, initialPhotos: draft?.photos ?? [] };
}

const length = (text: string) => [...text.trim()].length;

/** Spaces, dashes and a +86 are how people write numbers; the server takes 11 bare digits. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[\s()（）-]/g, '');
  return digits.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
}

/** The same checks and sentences as the server, so a person learns of a mistake before sending. */
export function validateCase(form: ComposeForm, photos: Pick<PhotoSummary, 'uploading' | 'failed'>): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.category) errors.category = '请选择留言类别';
  const title = length(form.title);
  if (title === 0) errors.title = '请填写标题';
  else if (title < LIMITS.titleMin) errors.title = `标题至少 ${LIMITS.titleMin} 个字`;
  else if (title > LIMITS.titleMax) errors.title = `标题不能超过 ${LIMITS.titleMax} 个字`;
  const content = length(form.content);
  if (content === 0) errors.content = '请填写内容';
  else if (content < LIMITS.contentMin) errors.content = `内容至少 ${LIMITS.contentMin} 个字`;
  else if (content > LIMITS.contentMax) errors.content = `内容不能超过 ${LIMITS.contentMax} 个字`;
  const problem = photoProblem(photos);
  if (problem) errors.photos = problem;
  if (length(form.contactName) > LIMITS.contactName) errors.contactName = `联系人不能超过 ${LIMITS.contactName} 个字`;
  const phone = normalisePhone(form.contactPhone);
  if (phone && !MOBILE_PHONE.test(phone)) errors.contactPhone = '请填写 11 位手机号';
  return errors;
}

/** The first error in the order the form shows its fields, for the notice bar. */
export function firstError(errors: FieldErrors): string {
  const order: ComposeField[] = ['target', 'category', 'title', 'content', 'photos', 'location', 'contactName', 'contactPhone'];
  return order.map((f) => errors[f]).find(Boolean) ?? '';
}

export function toSubmitInput(form: ComposeForm, ctx: { stationId: string; deputyId?: string; requestId: string; photos: readonly StoredPhoto[] }): SubmitCaseInput {
  const name = form.contactName.trim();
  const phone = normalisePhone(form.contactPhone);
  const contact = { ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
  return {
    requestId: ctx.requestId,
    stationId: ctx.stationId,
    ...(ctx.deputyId ? { deputyId: ctx.deputyId } : {}),
    category: form.category as CaseCategory,
    title: form.title.trim(),
    content: form.content.trim(),
    ...(ctx.photos.length ? { photoFileIds: ctx.photos.map((p) => p.fileId) } : {}),
    ...(form.location ? { location: form.location } : {}),
    ...(name || phone ? { contact } : {}),
    anonymous: form.anonymous,
  };
}

/** Which field a server refusal names ('contact.phone', 'photoFileIds.2' …), in the form's terms. */
export function fieldOf(serverField: string | undefined): ComposeField | undefined {
  const [head, sub] = (serverField ?? '').split('.');
  if (head === 'contact') return sub === 'name' ? 'contactName' : 'contactPhone';
  if (head === 'photoFileIds') return 'photos';
  if (head === 'deputyId' || head === 'target' || head === 'stationId') return 'target';
  return (['category', 'title', 'content', 'location'] as const).find((f) => f === head);
}

/** wx.chooseLocation's answer: the place's name and address, as short as the server allows. */
export function toLocation(chosen: { latitude: number; longitude: number; name?: string; address?: string }): CaseLocation {
  const address = [chosen.address, chosen.name].filter(Boolean).join(' ').trim();
  return { latitude: chosen.latitude, longitude: chosen.longitude, ...(address ? { address: [...address].slice(0, LIMITS.address).join('') } : {}) };
}

export function toDraft(form: ComposeForm, ctx: { requestId: string; deputyId?: string; photos: readonly StoredPhoto[] }): CaseDraft {
  const { location, ...fields } = form;
  return { ...fields, requestId: ctx.requestId, photos: [...ctx.photos], ...(ctx.deputyId ? { deputyId: ctx.deputyId } : {}), ...(location ? { location } : {}) };
}

/** Nothing typed, picked or chosen: not worth keeping as a draft. */
export function isBlank(draft: CaseDraft): boolean {
  return !draft.category && !draft.title.trim() && !draft.content.trim() && !draft.photos.length && !draft.location && !draft.contactName.trim() && !draft.contactPhone.trim();
}

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const isText = (v: unknown): v is string => typeof v === 'string';

/** A draft found in storage is only used if it is one: storage outlives app versions. */
export function isCaseDraft(value: unknown): value is CaseDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Partial<CaseDraft>;
  return (
    isText(d.requestId) &&
    REQUEST_ID.test(d.requestId) &&
    [d.category, d.title, d.content, d.contactName, d.contactPhone].every(isText) &&
    typeof d.anonymous === 'boolean' &&
    (d.deputyId === undefined || isText(d.deputyId)) &&
    Array.isArray(d.photos) &&
    d.photos.every((p) => typeof p === 'object' && p !== null && isText(p.fileId) && isText(p.url)) &&
    (d.location === undefined || (typeof d.location.latitude === 'number' && typeof d.location.longitude === 'number'))
  );
}

function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}
