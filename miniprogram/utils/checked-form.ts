/**
 * What every work form does the same way (登记来访, 登记履职活动, 发布述职报告): check before the
 * round trip, send once at a time, and put the server's refusal next to the field it names.
 * The checks themselves stay in each page's view-model.
 */
import type { PhotoSummary } from '../components/case-photo-picker/photos';
import { photoProblem } from '../components/case-photo-picker/photos';
import type { ApiResult } from '../../typings/errors';

/** A form's errors by field; `submit` is a refusal not tied to a field (shown under the button). */
export type FormErrors<F extends string> = Partial<Record<F | 'submit', string>>;

/** The first problem to say, or '' when the form may go. */
export function firstProblem(errors: Readonly<Record<string, string | undefined>>): string {
  return Object.values(errors).find(Boolean) ?? '';
}

/** The server names the input's field ('photoFileIds.3', 'period.to'); the form has fewer places to say it. */
export function fieldFromServer<F extends string>(map: Readonly<Record<string, F>>): (serverField: string | undefined) => F | undefined {
  return (serverField) => {
    const head = serverField?.split('.')[0];
    return head ? map[head] : undefined;
  };
}

/** Why the photos cannot go: one still on its way or failed, or more than `max`; '' when they can. */
export function photosProblem(photos: Pick<PhotoSummary, 'uploading' | 'failed' | 'photos'>, max: number): string {
  return photoProblem(photos) || (photos.photos.length > max ? `照片最多 ${max} 张` : '');
}

/** What these helpers need of the page (definePage gives the rest). */
interface InputPage {
  setData(data: Record<string, unknown>): void;
}

/**
 * The inputs every such form reads the same way: spread into definePage's methods. `sessions`
 * holds each page's photos off `data` (only their summary matters, not what the picker shows).
 */
export function formInputMethods(sessions: WeakMap<object, { photos: PhotoSummary }>) {
  return {
    /** A van-field with data-field="<name>": its value into form.<name>, that field's error cleared. */
    onField(this: InputPage, event: { detail: string; currentTarget: { dataset: { field: string } } }) {
      const field = event.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '' });
    },
    onPhotos(this: InputPage, event: { detail: PhotoSummary }) {
      const s = sessions.get(this);
      if (s) s.photos = event.detail;
      this.setData({ 'errors.photos': '' });
    },
  };
}

/** What submitChecked needs of the page (definePage gives the rest). */
interface FormPage<F extends string> {
  data: { submitting: boolean };
  setData(data: { submitting?: boolean; errors?: FormErrors<F> }): void;
}

/**
 * Sends a checked form: nothing while a send is on its way or when `errors` has a problem (then
 * shown); the server's refusal next to its field, or under the button. Resolves the answer, or
 * undefined when nothing went or it was refused.
 */
export async function submitChecked<F extends string, T>(
  page: FormPage<F>,
  errors: FormErrors<F>,
  send: () => Promise<ApiResult<T>>,
  fieldOf: (serverField: string | undefined) => F | undefined,
): Promise<T | undefined> {
  if (page.data.submitting) return undefined;
  if (firstProblem(errors)) {
    page.setData({ errors });
    return undefined;
  }
  page.setData({ submitting: true, errors: {} });
  const answer = await send();
  if (!answer.ok) {
    page.setData({ submitting: false, errors: { [fieldOf(answer.error.field) ?? 'submit']: answer.error.message } as FormErrors<F> });
    return undefined;
  }
  page.setData({ submitting: false });
  return answer.data;
}
