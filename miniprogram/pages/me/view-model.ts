/** Shapes "who am I" and the workspace entries for display. Pure: unit-tested in test/miniprogram/view-model.test.ts. */
import type { AccountExport } from '../../../typings/account';
import type { UserRole } from '../../../typings/models';
import type { Profile } from '../../../typings/workspace';
import { ROLE_LABELS } from './roles';

export interface MeView {
  roleLabel: string;
  /** The deputy's or staff member's name; '' for residents. */
  name: string;
  /** Stations served (deputies, officers), the district supervised (admins) or the unit (unit staff); '' otherwise. */
  scope: string;
  /** What `scope` is: '联络站', '辖区' or '单位'. */
  scopeTitle: string;
  /** Enough of the openid to tell accounts apart when reporting a problem, not the whole. */
  openidMasked: string;
}

export interface WorkEntry {
  key: string;
  title: string;
  icon: string;
  url: string;
}

const ENTRIES = {
  inbox: { key: 'inbox', title: '待办留言', icon: 'todo-list-o', url: '/packages/work/inbox/index' },
  checkin: { key: 'checkin', title: '接待日签到', icon: 'scan', url: '/packages/work/checkin/index' },
  duty: { key: 'duty', title: '履职档案', icon: 'records', url: '/packages/work/duty/index' },
  schedule: { key: 'schedule', title: '接待安排', icon: 'calendar-o', url: '/packages/work/schedule/index' },
  report: { key: 'report', title: '发布述职报告', icon: 'notes-o', url: '/packages/work/report/index' },
  activities: { key: 'activities', title: '履职活动登记', icon: 'label-o', url: '/packages/work/activities/index' },
  /** The same list as the district office reads it: its deputies' offline duties, no confirming or revising. */
  districtActivities: { key: 'activities', title: '代表履职活动', icon: 'label-o', url: '/packages/work/activities/index' },
  stations: { key: 'stations', title: '联络站管理', icon: 'wap-home-o', url: '/packages/admin/stations/index' },
  people: { key: 'people', title: '代表与联络员', icon: 'friends-o', url: '/packages/admin/people/index' },
  invites: { key: 'invites', title: '邀请码', icon: 'coupon-o', url: '/packages/admin/invites/index' },
  figures: { key: 'figures', title: '办理情况统计', icon: 'chart-trending-o', url: '/packages/admin/figures/index' },
  units: { key: 'units', title: '承办单位', icon: 'cluster-o', url: '/packages/admin/units/index' },
  /** A handling unit's inbox: its suggestions by deadline, overdue first. */
  unitSuggestions: { key: 'suggestions', title: '待办建议', icon: 'todo-list-o', url: '/packages/suggestion/list/index' },
  /** 代表建议: the deputy's own (我的建议), the office's whole district with its figures (代表建议). */
  mySuggestions: { key: 'suggestions', title: '我的建议', icon: 'notes', url: '/packages/suggestion/list/index' },
  districtSuggestions: { key: 'suggestions', title: '代表建议', icon: 'notes', url: '/packages/suggestion/list/index' },
  redeem: { key: 'redeem', title: '输入邀请码', icon: 'passed', url: '/packages/work/redeem/index' },
  /** 立法意见征集: officers review their stations' comments, the office publishes and compiles. */
  consultations: { key: 'consultations', title: '立法意见征集', icon: 'comment-o', url: '/packages/consultation/list/index' },
} satisfies Record<string, WorkEntry>;

/** What each role can open from 我的; a resident's only door into the workspace is an invite. */
const ENTRIES_BY_ROLE: Record<UserRole, WorkEntry[]> = {
  resident: [ENTRIES.redeem],
  deputy: [ENTRIES.inbox, ENTRIES.mySuggestions, ENTRIES.checkin, ENTRIES.duty, ENTRIES.activities, ENTRIES.report],
  officer: [ENTRIES.inbox, ENTRIES.schedule, ENTRIES.consultations, ENTRIES.activities, ENTRIES.report],
  admin: [
    ENTRIES.inbox,
    ENTRIES.districtSuggestions,
    ENTRIES.consultations,
    ENTRIES.stations,
    ENTRIES.people,
    ENTRIES.units,
    ENTRIES.invites,
    ENTRIES.figures,
    ENTRIES.districtActivities,
  ],
  unit: [ENTRIES.unitSuggestions],
};

export function maskOpenid(openid: string): string {
  return openid.length > 8 ? `${openid.slice(0, 4)}****${openid.slice(-4)}` : '****';
}

export function workEntries(role: UserRole): WorkEntry[] {
  return ENTRIES_BY_ROLE[role] ?? [];
}

export function toMeView(profile: Profile): MeView {
  const stations = (profile.stations ?? []).map((s) => s.name).join('、');
  return {
    roleLabel: ROLE_LABELS[profile.role] ?? ROLE_LABELS.resident,
    name: profile.name ?? '',
    scope: profile.role === 'admin' ? (profile.district ?? '') : profile.role === 'unit' ? (profile.unit?.name ?? '') : stations,
    scopeTitle: profile.role === 'admin' ? '辖区' : profile.role === 'unit' ? '单位' : '联络站',
    openidMasked: maskOpenid(profile.openid),
  };
}

/** Everything 我的 renders from one profile. */
export function mePageData(profile: Profile): { me: MeView; isWorker: boolean; entries: WorkEntry[]; account: AccountAction[] } {
  return { me: toMeView(profile), isWorker: profile.role !== 'resident', entries: workEntries(profile.role), account: accountActions(profile.role) };
}

/** A resident's own data: export it or delete the account (work roles are unbound by the district office). */
export interface AccountAction {
  key: 'export' | 'delete';
  title: string;
  icon: string;
}

export function accountActions(role: UserRole): AccountAction[] {
  if (role !== 'resident') return [];
  return [
    { key: 'export', title: '导出我的数据', icon: 'description' },
    { key: 'delete', title: '注销账号', icon: 'delete-o' },
  ];
}

/** The export's pages as one document: every page's cases and 立法意见 comments, the rest from the first page. */
export function mergedExport(pages: readonly AccountExport[]): Omit<AccountExport, 'page' | 'hasMoreCases' | 'hasMoreConsultationComments'> | undefined {
  if (pages.length === 0) return undefined;
  const { page: _page, hasMoreCases: _more, hasMoreConsultationComments: _moreComments, ...first } = pages[0];
  return { ...first, cases: pages.flatMap((p) => p.cases), consultationComments: pages.flatMap((p) => p.consultationComments ?? []) };
}
