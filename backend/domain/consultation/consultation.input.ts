/**
 * What the consultation actions accept, checked at the function's edge with the shared
 * combinators; typed text goes through `freeText`. The draft's articles are parsed by the use
 * case (consultation.draft.ts) so its messages name the article; rules that need the
 * consultation (open, taking part) are the use cases'.
 */
import type {
  AdoptCommentInput,
  ClaimCommentInput,
  CommentInput,
  ConsultationRef,
  EditCommentInput,
  GetConsultationInput,
  ListCommentsInput,
  ListConsultationsInput,
  PublishConsultationInput,
  ReviewCommentInput,
} from '../../../typings/consultation';
import { array, calendarDate } from '../case/combinators';
import { CLOUD_FILE_ID, idInput } from '../case/case.input';
import { CONTACT_NAME_MAX, MOBILE_PHONE, PHONE_MAX_CHARS } from '../contact';
import type { Assert } from '../exhaustive';
import type { Check } from '../validation';
import { freeText, number, object, oneOf, optional, optionalFreeText, text } from '../validation';
import { COMMENT_STATUSES, CONSULTATION_RULES as R } from './consultation.rules';

const REQUEST_ID = /^[A-Za-z0-9_-]+$/;
const requestId = text('请求编号', { min: 8, max: 64, pattern: REQUEST_ID, patternHint: '请求编号格式不正确' });
const consultationId = idInput('征集编号');
const commentId = idInput('意见编号');
const page = (label: string) => optional(number(label, { min: 0, max: 500, integer: true }));
const fileId = text('附件', { min: 1, max: 512, pattern: CLOUD_FILE_ID, patternHint: '附件须先上传，再提交上传得到的 fileID（cloud://…）' });
/** A mainland mobile, or a landline with its area code (0755-12345678): feedback may go to either. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

function stationIds(): Check<string[]> {
  const list = array('联络站', idInput('联络站'), { max: 200 });
  return (value, path) => {
    const parsed = list(value, path);
    if (!parsed.ok) return parsed;
    const repeated = parsed.value.findIndex((id, i) => parsed.value.indexOf(id) !== i);
    return repeated >= 0 ? { ok: false, field: `${path}.${repeated}`, reason: '联络站重复了' } : parsed;
  };
}

export const publishConsultationSchema = object({
  requestId,
  title: freeText('草案名称', { min: 1, max: R.titleMax }),
  askedBy: freeText('征求意见机关', { min: 1, max: R.askedByMax }),
  summary: freeText('草案说明', { min: 1, max: R.summaryMax }),
  text: freeText('草案全文', { min: 1, max: R.textMax }),
  attachmentFileIds: optional(array('附件', fileId, { max: R.maxAttachments })),
  stationIds: optional(stationIds()),
  closesOn: calendarDate('截止日期'),
});

export const consultationRefSchema = object({ consultationId });

export const getConsultationSchema = object({ consultationId, articlePage: optional(number('条文页码', { min: 0, max: 24, integer: true })) });

export const listConsultationsSchema = object({ stationId: optional(idInput('联络站')), page: page('页码') });

const phone: Check<string> = (value, path) => {
  const checked = text('联系电话', { min: 1, max: PHONE_MAX_CHARS })(value, path);
  if (!checked.ok) return checked;
  return MOBILE_PHONE.test(checked.value) || LANDLINE.test(checked.value)
    ? checked
    : { ok: false, field: path, reason: '请填写 11 位手机号或带区号的固定电话（如 0755-12345678）' };
};

export const commentSchema = object({
  requestId,
  consultationId,
  stationId: idInput('联络站'),
  articleNo: optional(number('条文序号', { min: 0, max: R.articlesMax, integer: true })),
  text: freeText('意见', { min: 1, max: R.commentMax }),
  printedName: optionalFreeText('署名', R.bylineMax),
  occupation: optionalFreeText('职业', R.bylineMax),
  contact: optional(object({ name: optionalFreeText('联系人', CONTACT_NAME_MAX), phone })),
});

export const commentRefSchema = object({ commentId });

export const mineSchema = object({});

export const claimCommentSchema = object({ code: text('确认码', { min: 1, max: 64 }) });

export const listCommentsSchema = object({
  consultationId,
  stationId: optional(idInput('联络站')),
  status: optional(oneOf('状态', COMMENT_STATUSES)),
  articleNo: optional(number('条文序号', { min: 0, max: R.articlesMax, integer: true })),
  page: page('页码'),
});

const reviewFields = object({
  commentId,
  review: oneOf('处理结果', ['forward', 'duplicate', 'decline'] as const),
  duplicateOf: optional(idInput('重复的意见')),
  reason: optionalFreeText('不转报理由', R.reasonMax),
});

/** A duplicate names the comment it repeats; a decline says why (2–200). */
export const reviewCommentSchema: Check<ReviewCommentInput> = (value, path) => {
  const parsed = reviewFields(value, path);
  if (!parsed.ok) return parsed;
  const { review, duplicateOf, reason } = parsed.value;
  if (review === 'duplicate' && !duplicateOf) return { ok: false, field: 'duplicateOf', reason: '请选择与之重复的意见' };
  if (review !== 'duplicate' && duplicateOf) return { ok: false, field: 'duplicateOf', reason: '只有标记为重复时才选择重复的意见' };
  if (review === 'decline' && [...(reason ?? '')].length < R.reasonMin) return { ok: false, field: 'reason', reason: `请写明不转报的理由（至少 ${R.reasonMin} 个字）` };
  if (review !== 'decline' && reason) return { ok: false, field: 'reason', reason: '只有不转报时才填写理由' };
  return parsed;
};

export const editCommentSchema = object({ commentId, editedText: freeText('修改后的意见', { max: R.commentMax }) });

export const adoptCommentSchema = object({ commentId, note: freeText('采纳情况', { min: R.noteMin, max: R.noteMax }) });

type Parsed<C> = C extends Check<infer T> ? T : never;
export type ConsultationInputsMatchContract = [
  Assert<Parsed<typeof publishConsultationSchema> extends PublishConsultationInput ? true : false>,
  Assert<Parsed<typeof consultationRefSchema> extends ConsultationRef ? true : false>,
  Assert<Parsed<typeof getConsultationSchema> extends GetConsultationInput ? true : false>,
  Assert<Parsed<typeof listConsultationsSchema> extends ListConsultationsInput ? true : false>,
  Assert<Parsed<typeof commentSchema> extends CommentInput ? true : false>,
  Assert<Parsed<typeof claimCommentSchema> extends ClaimCommentInput ? true : false>,
  Assert<Parsed<typeof listCommentsSchema> extends ListCommentsInput ? true : false>,
  Assert<Parsed<typeof editCommentSchema> extends EditCommentInput ? true : false>,
  Assert<Parsed<typeof adoptCommentSchema> extends AdoptCommentInput ? true : false>,
];
