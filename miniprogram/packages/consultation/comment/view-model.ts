/**
 * The comment form: what it shows of the article, what is wrong before any call (in Chinese), and
 * exactly the fields the person typed as consultation.comment's input.
 * Pure: unit-tested in test/miniprogram/consultation-view-models.test.ts.
 */
import type { CommentInput, ConsultationDetail } from '../../../../typings/consultation';
import { MOBILE_PHONE, OFFICE_PHONE } from '../../../generated/rules';
import { GENERAL_LABEL } from '../common/labels';
import { ARTICLE_PAGE_SIZE, COMMENT_LIMITS as LIMITS } from '../common/limits';

export interface CommentForm {
  text: string;
  printedName: string;
  occupation: string;
  contactName: string;
  contactPhone: string;
}

export const EMPTY_FORM: CommentForm = { text: '', printedName: '', occupation: '', contactName: '', contactPhone: '' };

export type CommentErrors = Partial<Record<keyof CommentForm | 'stationId', string>>;

/** What the comment is on: the article's label and whole text, or 总体意见 with the draft's title. */
export function commentTarget(d: Pick<ConsultationDetail, 'title' | 'articles'>, articleNo: number): { label: string; text: string } {
  if (!articleNo) return { label: GENERAL_LABEL, text: `对《${d.title.replace(/^《|》$/g, '')}》的总体意见` };
  const article = d.articles.find((a) => a.no === articleNo);
  return article ? { label: article.label, text: article.text } : { label: `第${articleNo}条`, text: '' };
}

/** consultation.get's page of 20 that holds the article. */
export const articlePageOf = (articleNo: number): number => (articleNo > 0 ? Math.floor((articleNo - 1) / ARTICLE_PAGE_SIZE) : 0);

export function commentProblems(form: CommentForm, stationId: string): CommentErrors {
  const errors: CommentErrors = {};
  const text = form.text.trim();
  const phone = form.contactPhone.trim();
  if (!stationId) errors.stationId = '请选择您在哪个联络站提意见';
  if (!text) errors.text = '请写下您的意见';
  else if (Array.from(text).length > LIMITS.textMax) errors.text = `意见最多 ${LIMITS.textMax} 字`;
  if (Array.from(form.printedName.trim()).length > LIMITS.printedNameMax) errors.printedName = `署名最多 ${LIMITS.printedNameMax} 字`;
  if (Array.from(form.occupation.trim()).length > LIMITS.occupationMax) errors.occupation = `职业最多 ${LIMITS.occupationMax} 字`;
  if (Array.from(form.contactName.trim()).length > LIMITS.contactNameMax) errors.contactName = `联系人最多 ${LIMITS.contactNameMax} 字`;
  if (form.contactName.trim() && !phone) errors.contactPhone = '留了联系人，请再填联系电话';
  else if (phone && !MOBILE_PHONE.test(phone) && !OFFICE_PHONE.test(phone)) errors.contactPhone = '请填写正确的手机号或固定电话';
  return errors;
}

export function firstProblem(errors: CommentErrors): string {
  return Object.values(errors).find(Boolean) ?? '';
}

/** Only what was typed: an empty optional field is left out, so the comment stays anonymous. */
export function commentInput(form: CommentForm, ctx: { requestId: string; consultationId: string; stationId: string; articleNo: number }): CommentInput {
  const printedName = form.printedName.trim();
  const occupation = form.occupation.trim();
  const contactName = form.contactName.trim();
  const phone = form.contactPhone.trim();
  return {
    requestId: ctx.requestId,
    consultationId: ctx.consultationId,
    stationId: ctx.stationId,
    ...(ctx.articleNo ? { articleNo: ctx.articleNo } : {}),
    text: form.text.trim(),
    ...(printedName ? { printedName } : {}),
    ...(occupation ? { occupation } : {}),
    ...(phone ? { contact: { ...(contactName ? { name: contactName } : {}), phone } } : {}),
  };
}

/** The server names the field that failed; the form shows it under the field that holds it. */
export function fieldOf(field: string | undefined): keyof CommentErrors | undefined {
  const map: Record<string, keyof CommentErrors> = {
    text: 'text',
    printedName: 'printedName',
    occupation: 'occupation',
    'contact.name': 'contactName',
    'contact.phone': 'contactPhone',
    contact: 'contactPhone',
    stationId: 'stationId',
  };
  return field ? map[field] : undefined;
}

/** A consultation that closed while the form was open reads as closed, whatever else the server said. */
export const CLOSED_TEXT = '本次意见征集已截止，不再接收意见';
