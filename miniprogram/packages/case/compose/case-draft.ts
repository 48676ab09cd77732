/**
 * What is kept of an unsent case on the phone (services/draft.ts, one per station), and whether
 * something found in storage is one. Pure: unit-tested with the form in test/miniprogram/.
 */
import type { CaseCategory } from '../../../../typings/case';
import type { StoredPhoto } from '../../../components/case-photo-picker/photos';
import { isStoredVoice } from '../../../components/voice-recorder/recording';
import type { StoredVoice } from '../../../components/voice-recorder/recording';
import type { CaseLocation, ComposeForm } from './view-model';

/** What is kept of an unsent case (services/draft.ts, keyed by station), with its requestId. */
export interface CaseDraft {
  requestId: string;
  /** The deputy addressed; absent when the station's officer is to triage. */
  deputyId?: string;
  /** '' in drafts kept before the category could be left open. */
  category: CaseCategory | '';
  title: string;
  content: string;
  /** Only photos that finished uploading; one still uploading is not worth keeping. */
  photos: StoredPhoto[];
  /** Only a voice that finished uploading. */
  voice?: StoredVoice;
  location?: CaseLocation;
  contactName: string;
  contactPhone: string;
  anonymous: boolean;
  /** Absent in drafts kept before the choice existed: public, the default. */
  public?: boolean;
}

export function toDraft(form: ComposeForm, ctx: { requestId: string; deputyId?: string; photos: readonly StoredPhoto[]; voice?: StoredVoice | null }): CaseDraft {
  const { location, ...fields } = form;
  return {
    ...fields,
    requestId: ctx.requestId,
    photos: [...ctx.photos],
    ...(ctx.voice ? { voice: { ...ctx.voice } } : {}),
    ...(ctx.deputyId ? { deputyId: ctx.deputyId } : {}),
    ...(location ? { location } : {}),
  };
}

/** Nothing typed, recorded, picked or chosen (不确定 is no choice): not worth keeping as a draft. */
export function isBlank(draft: CaseDraft): boolean {
  const chose = draft.category !== '' && draft.category !== 'unsure';
  const typed = [draft.title, draft.content, draft.contactName, draft.contactPhone].some((text) => text.trim());
  return !chose && !typed && !draft.photos.length && !draft.voice && !draft.location;
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
    (d.public === undefined || typeof d.public === 'boolean') &&
    (d.deputyId === undefined || isText(d.deputyId)) &&
    Array.isArray(d.photos) &&
    d.photos.every((p) => typeof p === 'object' && p !== null && isText(p.fileId) && isText(p.url)) &&
    (d.voice === undefined || isStoredVoice(d.voice)) &&
    (d.location === undefined || (typeof d.location.latitude === 'number' && typeof d.location.longitude === 'number'))
  );
}
