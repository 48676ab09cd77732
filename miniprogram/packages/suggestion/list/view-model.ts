/**
 * 代表建议 lists, one page for three roles: a deputy's own (我的建议), a unit's inbox by deadline
 * (待办建议), the office's whole district with filters (全部建议), and the office's figures.
 * Pure: unit-tested in test/miniprogram/suggestion-view-models.test.ts.
 */
import type { ListSuggestionsInput, SuggestionFigures, SuggestionStatus, SuggestionSummary } from '../../../../typings/suggestion';
import type { UserRole } from '../../../../typings/models';
import { SUGGESTION_RESULT_LABELS } from '../../../generated/labels';
import { shanghaiWallClock } from '../../../utils/china-time';
import { dateText } from '../../../utils/time';
import { suggestionHeading } from '../common/heading';
import type { SuggestionHeading } from '../common/heading';
import { rateText, resultText } from '../common/labels';

export type ListRole = 'deputy' | 'unit' | 'admin';

/** Whose list this page is; null for a role that has none (a resident, an officer). */
export function listRole(role: UserRole): ListRole | null {
  return role === 'deputy' || role === 'unit' || role === 'admin' ? role : null;
}

export const LIST_TITLES: Readonly<Record<ListRole, string>> = { deputy: '我的建议', unit: '待办建议', admin: '全部建议' };

export const EMPTY_TEXTS: Readonly<Record<ListRole, string>> = {
  deputy: '还没有代表建议。可以从群众留言提出，也可以直接写一件',
  unit: '暂无交办给本单位的代表建议',
  admin: '没有符合条件的代表建议',
};

export interface SuggestionRow extends SuggestionHeading {
  /** Who it is from (units, the office) or who answers it (the deputy). */
  byline: string;
  /** '还剩 12 天（2027年2月21日）' / '已超期 3 天（…）' while a unit is on it; '' otherwise. */
  deadlineText: string;
  overdue: boolean;
  /** '改办申请待审批' / '延期申请待审批'. */
  pendingText: string;
  /** 'B 正在解决或列入计划' once answered. */
  resultText: string;
  updatedText: string;
}

const PENDING_TEXTS = { reroute: '改办申请待审批', extension: '延期申请待审批' } as const;

export function toSuggestionRow(s: SuggestionSummary, role: ListRole, now: Date): SuggestionRow {
  const { heading, due } = suggestionHeading(s, now);
  const unit = s.leadUnit ? `主办：${s.leadUnit.name}` : '';
  const byline = role === 'deputy' ? unit : [`${s.deputy.name}代表`, unit].filter(Boolean).join(' · ');
  return {
    ...heading,
    byline,
    deadlineText: due.text ? `${due.text}（${due.dateText}）` : '',
    overdue: due.overdue,
    pendingText: s.pendingRequest ? PENDING_TEXTS[s.pendingRequest] : '',
    resultText: resultText(s.result),
    updatedText: `${dateText(s.updatedAt, now)}更新`,
  };
}

/** The office's filters as the page holds them ('' for 全部). */
export interface ListFilters {
  status: SuggestionStatus | '';
  unitId: string;
  deputyId: string;
  overdue: boolean;
}

export const NO_FILTERS: ListFilters = { status: '', unitId: '', deputyId: '', overdue: false };

/** list's input: the office sends its filters; the others only the page (the server scopes them). */
export function listInput(role: ListRole, filters: ListFilters, page: number): ListSuggestionsInput {
  if (role !== 'admin') return { page };
  return {
    page,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.unitId ? { unitId: filters.unitId } : {}),
    ...(filters.deputyId ? { deputyId: filters.deputyId } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
  };
}

export function filtersActive(filters: ListFilters): boolean {
  return Boolean(filters.status || filters.unitId || filters.deputyId || filters.overdue);
}

export interface FiguresView {
  year: number;
  counts: { key: string; label: string; value: string }[];
  rates: { key: string; label: string; value: string; note: string }[];
  results: { key: string; label: string; count: number }[];
  units: { id: string; name: string; line: string; overdue: number }[];
}

export function toFiguresView(f: SuggestionFigures): FiguresView {
  return {
    year: f.year,
    counts: [
      { key: 'accepted', label: '立案', value: `${f.accepted} 件` },
      { key: 'answered', label: '已答复', value: `${f.answered} 件` },
      { key: 'overdue', label: '超期未答复', value: `${f.overdue} 件` },
    ],
    rates: [
      { key: 'onTime', label: '按时答复率', value: rateText(f.answeredOnTime), note: '按期答复 ÷（已答复 + 超期未答复）' },
      { key: 'satisfaction', label: '代表满意率', value: rateText(f.satisfaction), note: '满意和基本满意 ÷ 已评价' },
    ],
    results: (Object.keys(SUGGESTION_RESULT_LABELS) as (keyof typeof SUGGESTION_RESULT_LABELS)[]).map((key) => ({
      key,
      label: `${key} ${SUGGESTION_RESULT_LABELS[key]}`,
      count: f.results[key] ?? 0,
    })),
    units: f.units.map((u) => ({
      id: u.unit.id,
      name: u.unit.name,
      line: `交办 ${u.assigned} · 答复 ${u.answered} · 按期 ${u.onTime}`,
      overdue: u.overdue,
    })),
  };
}

/** This year and the four before it, newest first (Beijing's year). */
export function yearChoices(now: Date): number[] {
  const year = shanghaiWallClock(now).getUTCFullYear();
  return [0, 1, 2, 3, 4].map((back) => year - back);
}
