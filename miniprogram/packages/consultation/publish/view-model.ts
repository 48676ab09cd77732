/**
 * 发布征集: the office's form as the page holds it, a hint of how the draft's text will be split
 * (a rough client-side count; the server's parser decides), what is missing before sending (in
 * Chinese, before any call), and the input of consultation.publish. Pure: unit-tested in
 * test/miniprogram/consultation-office-view-models.test.ts.
 */
import type { PublishConsultationInput } from '../../../../typings/consultation';
import { CONSULTATION_LIMITS } from '../../../generated/rules';
import { shanghaiWallClock } from '../../../utils/china-time';

/** The back end's limits of a draft (generated); the server checks again. */
export const PUBLISH_LIMITS = {
  titleMax: CONSULTATION_LIMITS.titleMax,
  askedByMax: CONSULTATION_LIMITS.askedByMax,
  summaryMax: CONSULTATION_LIMITS.summaryMax,
  textMax: CONSULTATION_LIMITS.textMax,
  articlesMax: CONSULTATION_LIMITS.articlesMax,
  attachments: CONSULTATION_LIMITS.attachments,
  daysAhead: CONSULTATION_LIMITS.minOpenDays,
} as const;

export interface PublishForm {
  title: string;
  askedBy: string;
  summary: string;
  text: string;
  /** 'YYYY-MM-DD'; '' until picked. */
  closesOn: string;
  /** Every station of the district (the default), or only `stationIds`. */
  allStations: boolean;
}

export const EMPTY_FORM: PublishForm = { title: '', askedBy: '', summary: '', text: '', closesOn: '', allStations: true };

export type PublishField = keyof PublishForm | 'stationIds' | 'attachments';
export type PublishErrors = Partial<Record<PublishField, string>>;

// 第X条 / 第X章 at a line's start, X in Chinese numerals or digits (as the contract describes the import).
const NUMERAL = '[零〇一二两三四五六七八九十百千0-9０-９]+';
const ARTICLE_LINE = new RegExp(`^第${NUMERAL}条`);
const CHAPTER_LINE = new RegExp(`^第${NUMERAL}章`);

/** How many articles and chapters the text seems to have: lines starting 第…条 / 第…章. */
export function countArticles(text: string): { articles: number; chapters: number } {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/^[\s\u3000]+/, ''));
  return { articles: lines.filter((l) => ARTICLE_LINE.test(l)).length, chapters: lines.filter((l) => CHAPTER_LINE.test(l)).length };
}

/** '识别到 20 条（分 3 章）', or what to fix when no article was found. */
export function articleHint(text: string): string {
  if (!text.trim()) return '';
  const { articles, chapters } = countArticles(text);
  if (!articles) return '还没有识别到条款：请让每一条另起一行，以“第X条”开头';
  return `识别到 ${articles} 条${chapters ? `（分 ${chapters} 章）` : ''}，以发布后的条文为准`;
}

/** 'YYYY-MM-DD' of the Beijing date `days` after `now`'s: the earliest closing date the picker offers. */
export function beijingDateAfter(now: Date, days: number): string {
  const today = shanghaiWallClock(now);
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days)).toISOString().slice(0, 10);
}

export interface PublishContext {
  /** The earliest closing date allowed (7 days ahead, Beijing). */
  earliest: string;
  stationIds: readonly string[];
  /** Why the uploads cannot be sent yet, or ''. */
  uploadProblem: string;
  attachments: number;
}

/** Everything missing or wrong, by field; empty when it may be sent. */
export function publishProblems(form: PublishForm, context: PublishContext): PublishErrors {
  const errors: PublishErrors = {};
  const L = PUBLISH_LIMITS;
  const title = form.title.trim();
  if (!title) errors.title = '请填写草案名称';
  else if (title.length > L.titleMax) errors.title = `草案名称最多 ${L.titleMax} 字`;
  const askedBy = form.askedBy.trim();
  if (!askedBy) errors.askedBy = '请填写征求意见机关';
  else if (askedBy.length > L.askedByMax) errors.askedBy = `征求意见机关最多 ${L.askedByMax} 字`;
  if (form.summary.trim().length > L.summaryMax) errors.summary = `说明最多 ${L.summaryMax} 字`;
  const { articles } = countArticles(form.text);
  if (!form.text.trim()) errors.text = '请粘贴草案全文';
  else if (form.text.length > L.textMax) errors.text = `草案全文最多 ${L.textMax} 字`;
  else if (!articles) errors.text = '没有识别到条款：请让每一条另起一行，以“第X条”开头';
  else if (articles > L.articlesMax) errors.text = `草案最多 ${L.articlesMax} 条`;
  if (!form.closesOn) errors.closesOn = '请选择截止日期';
  else if (form.closesOn < context.earliest) errors.closesOn = `截止日期至少在 ${L.daysAhead} 天以后`;
  if (!form.allStations && !context.stationIds.length) errors.stationIds = '请至少选择一个联络站，或选择全部联络站';
  if (context.uploadProblem) errors.attachments = context.uploadProblem;
  else if (context.attachments > L.attachments) errors.attachments = `附件最多 ${L.attachments} 个`;
  return errors;
}

export function firstProblem(errors: PublishErrors): string {
  return Object.values(errors).find(Boolean) ?? '';
}

/** The server names the input field that failed (attachmentFileIds.2 …); the form shows it there. */
export function fieldOf(field: string | undefined): PublishField | undefined {
  if (!field) return undefined;
  const head = field.split(/[.[]/)[0];
  if (head === 'attachmentFileIds') return 'attachments';
  return (['title', 'askedBy', 'summary', 'text', 'closesOn', 'stationIds'] as const).find((f) => f === head);
}

/** The input, with the requestId kept across retries (a retry answers the same consultation). */
export function publishInput(form: PublishForm, state: { requestId: string; attachmentFileIds: string[]; stationIds: string[] }): PublishConsultationInput {
  return {
    requestId: state.requestId,
    title: form.title.trim(),
    askedBy: form.askedBy.trim(),
    summary: form.summary.trim(),
    text: form.text,
    closesOn: form.closesOn,
    ...(state.attachmentFileIds.length ? { attachmentFileIds: state.attachmentFileIds } : {}),
    ...(form.allStations ? {} : { stationIds: state.stationIds }),
  };
}

export interface StationChoice {
  id: string;
  name: string;
  chosen: boolean;
}
