/**
 * Shapes a case for its page: header, the step bar (./steps.ts), facts, the timeline
 * (components/case-timeline) and the buttons of the bottom bar.
 * Pure: unit-tested in test/miniprogram/case-view-models.test.ts and case-steps.test.ts.
 */
import type { CaseDetail } from '../../../../typings/case';
import { CATEGORY_LABELS, RATING_LABELS } from '../../../generated/labels';
import { ACTION_TEXT_LIMITS, MAX_REOPENS } from '../../../generated/rules';
import { toTimeline } from '../../../components/case-timeline/entries';
import type { TimelineEntryView } from '../../../components/case-timeline/entries';
import { caseHead, factList } from '../../../utils/case-view';
import { joinLine } from '../../../utils/public-case';
import type { CaseFact, CaseHead } from '../../../utils/case-view';
import { dateText, dateTimeText } from '../../../utils/time';
import { toProgress } from './steps';
import { toSuggestionBlock } from './suggestion';
import type { SuggestionBlock } from './suggestion';
import type { CaseProgress } from './steps';

export interface CaseActions {
  supplement: boolean;
  withdraw: boolean;
  rate: boolean;
  reopen: boolean;
  /** "还可申请重办 2 次" */
  reopenLeftText: string;
  /** Any of them: the page shows the bottom bar (and leaves room for it). */
  any: boolean;
}

export interface CaseView extends CaseHead {
  deputyLine: string;
  progress: CaseProgress;
  facts: CaseFact[];
  ratingText: string;
  timeline: TimelineEntryView[];
  actions: CaseActions;
  /** 「附议 3 人」: residents who joined with 我也遇到; '' for none. */
  joinText: string;
  /** 分享给家人: only a case its resident allowed to be public, once accepted (the public page shows nothing before). */
  shareable: boolean;
  /** 「接待日登记」: recorded at a reception day and submitted on the resident's behalf; '' otherwise. */
  sourceText: string;
  /** 代表建议办理进度: the deputy's formal suggestion this case became part of; null for none. */
  suggestion: SuggestionBlock | null;
}

/** The public page exists for a case allowed public and accepted (never rejected or withdrawn since). */
export function isShareable(detail: Pick<CaseDetail, 'publicConsent' | 'status' | 'timeline'>): boolean {
  if (!detail.publicConsent || detail.status === 'rejected' || detail.status === 'withdrawn') return false;
  return detail.timeline.some((e) => e.kind === 'accepted');
}

export function reopensLeft(detail: Pick<CaseDetail, 'reopenCount'>): number {
  return Math.max(0, MAX_REOPENS - detail.reopenCount);
}

/**
 * The server lists what the lifecycle allows; the page narrows it to what makes sense to
 * offer: 撤回 only before acceptance, 评价 once per answer, 申请重办 after 不满意 (or after
 * a closing without a rating) and while any are left.
 */
export function toActions(detail: CaseDetail): CaseActions {
  const can = (command: CaseDetail['availableCommands'][number]) => detail.availableCommands.includes(command);
  const left = reopensLeft(detail);
  const unhappy = detail.rating ? detail.rating.value === 'unsatisfied' : detail.status === 'closed';
  const reopen = can('request_reopen') && left > 0 && unhappy;
  const supplement = can('supplement');
  const withdraw = can('withdraw') && detail.status === 'submitted';
  const rate = can('rate') && !detail.rating;
  return { supplement, withdraw, rate, reopen, reopenLeftText: reopen ? `还可申请重办 ${left} 次` : '', any: supplement || withdraw || rate || reopen };
}

function deputyLine(detail: CaseDetail): string {
  if (detail.assignedDeputy) return `承办代表：人大代表 ${detail.assignedDeputy.name}`;
  if (detail.targetDeputy) return `留言给：人大代表 ${detail.targetDeputy.name}`;
  return '由联络员分派承办代表';
}

/** The deadline is not among them: the step bar says when the next step is due. */
function caseFacts(detail: CaseDetail, now: Date): CaseFact[] {
  const contact = [detail.contact?.name, detail.contact?.phone].filter(Boolean).join(' ');
  const rows: [string, string][] = [
    ['留言类别', CATEGORY_LABELS[detail.category] ?? ''],
    ['提交时间', dateTimeText(detail.submittedAt, now)],
    ['问题位置', detail.location ? detail.location.address || '已在地图上标注' : ''],
    ['联系方式', contact],
    ['匿名', detail.anonymous ? '是（代表看不到您的身份）' : ''],
    ['转办', detail.transfer ? `${detail.transfer.receivingBody}，办理期限 ${dateText(detail.transfer.deadline, now)}` : ''],
  ];
  return factList(rows);
}

export function toCaseView(detail: CaseDetail, now: Date): CaseView {
  const rating = detail.rating;
  return {
    ...caseHead(detail),
    deputyLine: deputyLine(detail),
    progress: toProgress(detail, now),
    facts: caseFacts(detail, now),
    ratingText: rating ? `我的评价：${RATING_LABELS[rating.value]}${rating.comment ? `（${rating.comment}）` : ''}` : '',
    timeline: toTimeline(detail, now),
    actions: toActions(detail),
    joinText: joinLine(detail.joinCount),
    shareable: isShareable(detail),
    sourceText: detail.source === 'reception' ? '接待日登记' : '',
    suggestion: toSuggestionBlock(detail.suggestion, now),
  };
}

export type CommandForm = { note: string; rating: string; comment: string; reason: string };
export type Popup = '' | 'supplement' | 'rate' | 'reopen';

export const EMPTY_COMMAND_FORM: CommandForm = { note: '', rating: '', comment: '', reason: '' };
export const SHEET_TITLES: Readonly<Record<Exclude<Popup, ''>, string>> = { supplement: '补充说明', rate: '您对答复满意吗？', reopen: '申请重办' };
/** The server's limit on each text the sheets take, as their maxlength and word count. */
export const TEXT_MAX = { note: ACTION_TEXT_LIMITS.supplement.note, comment: ACTION_TEXT_LIMITS.rate.comment, reason: ACTION_TEXT_LIMITS.reopen.reason } as const;
export const RATING_OPTIONS = (Object.keys(RATING_LABELS) as (keyof typeof RATING_LABELS)[]).map((value) => ({ value, label: RATING_LABELS[value] }));

/** What is missing before a command can be sent (the server's own sentences), or ''. */
export function commandProblem(popup: Popup, form: CommandForm, photoProblem: string): string {
  if (popup === 'supplement') return form.note.trim() ? photoProblem : '请填写补充说明';
  if (popup === 'rate') return form.rating ? '' : '请选择您对答复的评价';
  if (popup === 'reopen') return form.reason.trim() ? '' : '请说明需要重办的原因';
  return '';
}
