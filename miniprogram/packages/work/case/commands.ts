/**
 * The handler's commands on a case: what each sheet asks for, what is missing before it may be
 * sent (the server's own sentences, so the phone and the server never disagree in words), and
 * the input each action takes. Pure: unit-tested in test/miniprogram/work-view-models.test.ts.
 */
import type { ActionInput } from '../../../../typings/api';
import type { ActionOfCommand, CaseCategory, CaseCommandKind, CaseRef, TransferRoute } from '../../../../typings/case';
import { ACTION_TEXT_LIMITS as MAX, CASE_TIME_LIMITS } from '../../../generated/rules';

/** The commands with an action and a button here; the system's own (auto_close, escalate) have neither. */
export type HandlerCommand = Extract<
  CaseCommandKind,
  'accept' | 'reject' | 'assign' | 'transfer' | 'start' | 'reply' | 'record_answer' | 'supervise' | 'follow_up' | 'close' | 'merge' | 'request_transfer' | 'mark_suggestion'
>;

/** Button order: the usual next step first, the ones that end or divert a case last. */
export const HANDLER_COMMANDS: readonly HandlerCommand[] = [
  'accept',
  'assign',
  'start',
  'reply',
  'transfer',
  'record_answer',
  'follow_up',
  'supervise',
  'request_transfer',
  'mark_suggestion',
  'close',
  'merge',
  'reject',
];

/** Each command's action, spelled as typings' CaseVerbs spells it: the type admits no other value. */
const ACTIONS = {
  accept: 'accept',
  reject: 'reject',
  assign: 'assign',
  transfer: 'transfer',
  start: 'start',
  reply: 'reply',
  record_answer: 'recordAnswer',
  supervise: 'supervise',
  follow_up: 'followUp',
  close: 'close',
  merge: 'merge',
  request_transfer: 'requestTransfer',
  mark_suggestion: 'markSuggestion',
} as const satisfies { readonly [K in HandlerCommand]: ActionOfCommand<K> };

export type HandlerAction = (typeof ACTIONS)[HandlerCommand];

export const ROUTE_OPTIONS: readonly { value: TransferRoute; label: string }[] = [
  { value: 'street_office', label: '街道办' },
  { value: 'district_committee', label: '代表函·区人大常委会' },
  { value: 'city_deputy', label: '市级人大代表' },
];

/** What a handler may file a case under: every category but 不确定, which is what they resolve. */
export type ChosenCategory = Exclude<CaseCategory, 'unsure'>;

export interface CommandForm {
  note: string;
  /** 受理: the category chosen; '' until one is (a 不确定 case starts without). */
  category: ChosenCategory | '';
  reason: string;
  referral: string;
  deputyId: string;
  route: string;
  receivingBody: string;
  /** 'YYYY-MM-DD' (Beijing). */
  deadline: string;
  content: string;
  from: string;
  intoReceiptNo: string;
}

export const EMPTY_FORM: CommandForm = {
  note: '',
  category: '',
  reason: '',
  referral: '',
  deputyId: '',
  route: '',
  receivingBody: '',
  deadline: '',
  content: '',
  from: '',
  intoReceiptNo: '',
};

type TextField = Exclude<keyof CommandForm, 'category' | 'deputyId' | 'route' | 'deadline'>;
export type FieldErrors = Partial<Record<keyof CommandForm | 'photos', string>>;

/** One van-field of a sheet (the WXML renders these in order). */
export interface TextFieldSpec {
  key: TextField;
  label: string;
  placeholder: string;
  required: boolean;
  max: number;
  textarea: boolean;
}

export interface SheetSpec {
  title: string;
  hint: string;
  fields: TextFieldSpec[];
  /** 受理 files the case under a category: required when it is 不确定. */
  category: boolean;
  deputy: boolean;
  route: '' | 'required' | 'optional';
  deadline: boolean;
  photos: boolean;
}

/** `max`: the server's limit for that action's field (ACTION_TEXT_LIMITS). */
const field = (key: TextField, label: string, placeholder: string, max: number, options: { required?: boolean; textarea?: boolean } = {}): TextFieldSpec => ({
  key,
  label,
  placeholder,
  required: options.required ?? false,
  max,
  textarea: options.textarea ?? true,
});
const sheet = (title: string, fields: TextFieldSpec[], more: Partial<Omit<SheetSpec, 'title' | 'fields'>> = {}): SheetSpec => ({
  title,
  hint: '',
  fields,
  category: false,
  deputy: false,
  route: '',
  deadline: false,
  photos: false,
  ...more,
});

export const SHEETS: Readonly<Record<HandlerCommand, SheetSpec>> = {
  accept: sheet('受理留言', [field('note', '受理意见', '选填，如已电话联系留言人', MAX.accept.note)], {
    hint: `受理后请在 ${CASE_TIME_LIMITS.replyDays} 天内答复`,
    category: true,
  }),
  reject: sheet(
    '不予受理',
    [
      field('reason', '不予受理的理由', '请说明为什么不能受理', MAX.reject.reason, { required: true }),
      field('referral', '建议反映的渠道', '如：区人民法院、街道综合执法队', MAX.reject.referral, { required: true, textarea: false }),
    ],
    { hint: '留言人会收到理由和建议反映的渠道' },
  ),
  assign: sheet('指派承办代表', [field('note', '指派说明', '选填，告诉代表需要注意什么', MAX.assign.note)], { deputy: true }),
  transfer: sheet(
    '转办',
    [
      field('receivingBody', '承办单位', '如：华富街道办事处、区住建局', MAX.transfer.receivingBody, { required: true, textarea: false }),
      field('note', '转办说明', '选填', MAX.transfer.note),
    ],
    { route: 'required', deadline: true },
  ),
  start: sheet('开始办理', [field('note', '办理说明', '选填，如已约定现场查看时间', MAX.start.note)]),
  reply: sheet('答复留言人', [field('content', '答复内容', '写清办理结果，留言人会收到通知', MAX.reply.content, { required: true })], { photos: true }),
  record_answer: sheet('登记承办单位答复', [
    field('content', '承办单位的答复', '承办单位书面答复的要点', MAX.recordAnswer.content, { required: true }),
    field('from', '答复单位', '默认为转办的承办单位', MAX.recordAnswer.from, { textarea: false }),
  ]),
  supervise: sheet('督办', [field('note', '督办意见', '督办的要求和期限', MAX.supervise.note, { required: true })]),
  follow_up: sheet('回访', [field('note', '回访情况', '回访了谁、问题解决得怎样', MAX.followUp.note, { required: true })], { photos: true }),
  close: sheet('办结', [field('note', '办结说明', '选填', MAX.close.note)], { hint: `办结后留言人仍可在 ${CASE_TIME_LIMITS.reopenWindowDays} 天内申请重办` }),
  merge: sheet(
    '合并办理',
    [field('intoReceiptNo', '受理编号', '本站更早的同一问题留言的编号，如 FT20261121-0042', MAX.merge.intoReceiptNo, { required: true, textarea: false })],
    {
      hint: '合并到本站更早的同一问题留言，本留言随之办结，进度以那件留言为准',
    },
  ),
  request_transfer: sheet('建议转办', [field('note', '转办理由', '为什么需要转办，建议转给谁', MAX.requestTransfer.note, { required: true })], { route: 'optional' }),
  mark_suggestion: sheet('提为代表建议', [field('note', '代表建议说明', '选填，如建议的题目', MAX.markSuggestion.note)], { hint: '这件留言反映的问题将作为代表建议提出' }),
};

export function isHandlerCommand(kind: string): kind is HandlerCommand {
  return kind in ACTIONS;
}

/** Everything missing or wrong, by field; empty when the command may be sent. */
export function formProblems(kind: HandlerCommand, form: CommandForm, context: { photoProblem: string; tomorrow: string }): FieldErrors {
  const spec = SHEETS[kind];
  const errors: FieldErrors = {};
  if (spec.category && !form.category) errors.category = '请选择留言类别';
  for (const f of spec.fields) if (f.required && !form[f.key].trim()) errors[f.key] = `请填写${f.label}`;
  if (spec.deputy && !form.deputyId) errors.deputyId = '请选择承办代表';
  if (spec.route === 'required' && !form.route) errors.route = '请选择转办方式';
  if (spec.deadline && !form.deadline) errors.deadline = '请选择办理期限';
  else if (spec.deadline && form.deadline < context.tomorrow) errors.deadline = '办理期限最早为明天';
  if (spec.photos && context.photoProblem) errors.photos = context.photoProblem;
  return errors;
}

export function firstProblem(errors: FieldErrors): string {
  return Object.values(errors).find(Boolean) ?? '';
}

/** The server names the input field that failed; the sheet shows it under that field. */
export function formFieldOf(field: string | undefined): keyof FieldErrors | undefined {
  if (!field) return undefined;
  if (field === 'photoFileIds' || field.startsWith('photoFileIds')) return 'photos';
  return field in EMPTY_FORM ? (field as keyof CommandForm) : undefined;
}

export type CommandCall = { [A in HandlerAction]: { action: A; input: ActionInput<'case', A> } }[HandlerAction];

const optional = <K extends string>(key: K, value: string): Partial<Record<K, string>> => (value.trim() ? { [key]: value.trim() } : {}) as Partial<Record<K, string>>;

/** The category a sheet starts on: the case's own, none for a 不确定 case (the handler must choose). */
export function initialCategory(current: CaseCategory): ChosenCategory | '' {
  return current === 'unsure' ? '' : current;
}

/**
 * The action and its input, with the version the handler read. 受理 sends `category` only when
 * it files the case under another one than it has (always, for a 不确定 case).
 */
export function commandCall(kind: HandlerCommand, form: CommandForm, ref: CaseRef, photoFileIds: string[], current?: CaseCategory): CommandCall {
  const photos = photoFileIds.length ? { photoFileIds } : {};
  const note = optional('note', form.note);
  switch (kind) {
    case 'accept':
      return { action: 'accept', input: { ...ref, ...note, ...(form.category && form.category !== current ? { category: form.category } : {}) } };
    case 'start':
    case 'close':
    case 'mark_suggestion':
      return { action: ACTIONS[kind], input: { ...ref, ...note } };
    case 'reject':
      return { action: 'reject', input: { ...ref, reason: form.reason.trim(), referral: form.referral.trim() } };
    case 'assign':
      return { action: 'assign', input: { ...ref, deputyId: form.deputyId, ...note } };
    case 'transfer':
      return { action: 'transfer', input: { ...ref, route: form.route as TransferRoute, receivingBody: form.receivingBody.trim(), deadline: form.deadline, ...note } };
    case 'reply':
      return { action: 'reply', input: { ...ref, content: form.content.trim(), ...photos } };
    case 'record_answer':
      return { action: 'recordAnswer', input: { ...ref, content: form.content.trim(), ...optional('from', form.from) } };
    case 'supervise':
      return { action: 'supervise', input: { ...ref, note: form.note.trim() } };
    case 'follow_up':
      return { action: 'followUp', input: { ...ref, note: form.note.trim(), ...photos } };
    case 'merge':
      return { action: 'merge', input: { ...ref, intoReceiptNo: form.intoReceiptNo.trim().toUpperCase() } };
    case 'request_transfer':
      return { action: 'requestTransfer', input: { ...ref, note: form.note.trim(), ...(form.route ? { route: form.route as TransferRoute } : {}) } };
  }
}
