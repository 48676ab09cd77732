/**
 * Shapes the handlers' queue (待办留言) for display: tabs by role with their badges, the
 * station picker and the rows. Pure: unit-tested in test/miniprogram/work-view-models.test.ts.
 */
import type { CaseStatus } from '../../../../typings/case';
import type { InboxFilter, InboxItem, InboxOutput, Profile, WorkRole } from '../../../../typings/workspace';
import { joinBadgeText } from '../../../utils/public-case';
import { dueView } from './due';

/** The server's page size for case.inbox. */
export const PAGE_SIZE = 20;

/** The roles with a case queue: a handling unit (承办单位) answers suggestions, never cases. */
export type InboxRole = Exclude<WorkRole, 'unit'>;

/** What each role works through first comes first. */
export const TABS_BY_ROLE: Readonly<Record<InboxRole, readonly InboxFilter[]>> = {
  officer: ['triage', 'open', 'overdue', 'closed'],
  deputy: ['open', 'overdue', 'closed'],
  admin: ['overdue', 'open', 'closed'],
};

export const FILTER_LABELS: Readonly<Record<InboxFilter, string>> = {
  triage: '待受理',
  open: '办理中',
  overdue: '已超期',
  closed: '已办结',
  all: '全部',
};

export const TITLES: Readonly<Record<InboxRole, string>> = {
  officer: '待办留言',
  deputy: '我的待办留言',
  admin: '全区留言督办',
};

export const EMPTY_TEXTS: Readonly<Record<InboxFilter, string>> = {
  triage: '没有等待受理的留言',
  open: '没有正在办理的留言',
  overdue: '没有超期的留言，继续保持',
  closed: '还没有办结的留言',
  all: '还没有留言',
};

const RELATION_TEXTS = { assigned: '交办给我', addressed: '写给我' } as const;

export interface TabView {
  name: InboxFilter;
  title: string;
  /** van-tab's badge: null hides it. */
  info: string | null;
}

export interface StationOption {
  id: string;
  name: string;
}

export interface InboxRow {
  id: string;
  title: string;
  receiptNo: string;
  stationName: string;
  status: CaseStatus;
  dueText: string;
  overdue: boolean;
  anonymous: boolean;
  /** 不确定: the resident did not choose a category; the officer chooses it on accepting (待定类别). */
  categoryPending: boolean;
  contentCheckPending: boolean;
  /** Officers and the district office: held back from the addressed deputy until triage (待审核); absent otherwise. */
  held?: true;
  /** Deputies: why it is in their queue. */
  relationText: string;
  /** Officers and the district office: who handles it. */
  deputyText: string;
  /** 「附议 3」: residents who joined with 我也遇到; '' for none. */
  joinText: string;
}

export function workRole(profile: Pick<Profile, 'role'>): InboxRole | undefined {
  return profile.role === 'resident' || profile.role === 'unit' ? undefined : profile.role;
}

function badge(count: number | undefined): string | null {
  if (!count || count <= 0) return null;
  return count > 99 ? '99+' : String(count);
}

/** Badges count the whole scope; 已办结 has none (nothing waits there). */
export function toTabs(role: InboxRole, counts: InboxOutput['counts'] | undefined): TabView[] {
  return TABS_BY_ROLE[role].map((name) => ({
    name,
    title: FILTER_LABELS[name],
    info: name === 'closed' || name === 'all' ? null : badge(counts?.[name]),
  }));
}

/** 全部联络站 plus each station, only for someone who serves several. */
export function stationOptions(profile: Pick<Profile, 'stations'>): StationOption[] {
  const stations = profile.stations ?? [];
  return stations.length > 1 ? [{ id: '', name: '全部联络站' }, ...stations.map((s) => ({ id: s.id, name: s.name }))] : [];
}

export function toInboxRow(item: InboxItem, role: InboxRole, now: Date): InboxRow {
  const due = dueView(item.dueAt, now, item.overdue);
  return {
    id: item.id,
    title: item.title,
    receiptNo: item.receiptNo,
    stationName: item.stationName,
    status: item.status,
    dueText: due.text,
    overdue: due.overdue,
    anonymous: item.anonymous,
    categoryPending: item.category === 'unsure',
    contentCheckPending: item.contentCheckPending === true,
    ...(item.held ? { held: true as const } : {}),
    relationText: role === 'deputy' && item.relation ? RELATION_TEXTS[item.relation] : '',
    deputyText: role !== 'deputy' && item.assignedDeputy ? `承办代表：${item.assignedDeputy.name}` : '',
    joinText: joinBadgeText(item.joinCount),
  };
}

/** The rows of a further page not on screen yet (a case that moved shifts the pages). */
export function newRows(shown: readonly Pick<InboxRow, 'id'>[], page: readonly InboxItem[], role: InboxRole, now: Date): InboxRow[] {
  const seen = new Set(shown.map((r) => r.id));
  return page.filter((c) => !seen.has(c.id)).map((c) => toInboxRow(c, role, now));
}

export function nextPage(shownCount: number): number {
  return Math.ceil(shownCount / PAGE_SIZE);
}

/** `setData` paths that append rows (`cases[20]` …): a further page sends only what is new. */
export function appendRows(from: number, rows: readonly InboxRow[]): Record<string, InboxRow> {
  return Object.fromEntries(rows.map((row, i) => [`cases[${from + i}]`, row]));
}
