/**
 * Every page of app.json opened the way a person opens it — its query, who they are, the
 * demo answers — in its loaded, empty or error state. Shared by the every-page smoke test
 * and `npm run screenshots`, so what the smoke test proves renders is what the PNGs show.
 */
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../../../miniprogram/config';
import { createWxPlatform } from '../../support/wx-platform';
import type { WxPlatform, WxPlatformOptions } from '../../support/wx-platform';
import { DEMO_ANSWERS, DEMO_POSITION, EMPTY_ANSWERS, PROFILES, HANDLER_CASE, answerEntries } from './demo-answers';
import type { DemoAnswers } from './demo-answers';
import { OPEN_PUBLIC_CASE_JOINED, PUBLIC_CASE_TO_OWNER } from './board-demo';
import { DISTRICT_ACTIVITIES, OFFICER_ACTIVITIES } from './activity-demo';
import { CONVERTED, scheduleWithToday, TODAY_RECEPTION } from './visit-demo';
import { REPORT_CLOSED, REPORT_FOR_HANDLER, REPORT_RATED } from './report-demo';
import { UNITS_WITH_STAFF } from './unit-demo';
import { FORUM_AHEAD, FORUM_QUESTIONS, FORUM_SUMMARISED, scheduleWithForum, stationWithForum } from './event-demo';
import {
  ACCEPTED_FOR_OFFICE,
  ADMIN_LIST,
  CASE_SUGGESTION,
  CLOSED,
  DRAFT,
  EXTENSION_FOR_OFFICE,
  OVERDUE_FOR_UNIT,
  SUBMITTED_FOR_OFFICE,
  UNIT_LIST,
  UNIT_PROFILE,
  ASSIGNED_FOR_UNIT,
} from './suggestion-demo';
import { CLOSED_DETAIL, DISTRICT_LIST, HUAFU_LIST, OPEN_DETAIL, REPORT, REPORTED_DETAIL, REPORTED_FORWARDED, SUBMITTED_PAGE } from './consultation-office-demo';
import { CLOSED_FOR_RESIDENT, MY_COMMENTS, OFFICER_DETAIL, RESIDENT_DETAIL, STATION_CONSULTATIONS } from './consultation-demo';
import type { ScheduleOutput } from '../../../typings/workspace';
import type { StationDetail } from '../../../typings/api';
import type { CaseDetail } from '../../../typings/case';
import type { FunctionHostStub } from './function-host-stub';
import { MINIPROGRAM_ROOT, renderPage, until } from './load-page';
import type { RenderedComponent } from './load-page';
import { trackRequests } from './settle';

export type PageState = 'loaded' | 'empty' | 'error';

export interface PageScenario {
  query?: Record<string, string>;
  /** Answers replacing the demo ones for this page (e.g. the caller's profile). */
  answers?: DemoAnswers;
  wx?: WxPlatformOptions;
}

/** Pages not listed open with no query, as the officer, against the demo answers. */
export const SCENARIOS: Record<string, PageScenario> = {
  // The resident: 我的预约 and 关注的联络站 are theirs. The stub then hears the resident too (openPage).
  'pages/me/index': { answers: { user: { profile: PROFILES.resident } } },
  // The first-launch 开启长辈模式？ offer already made: the home is shown, not the dialog over it.
  'pages/stations/index': { wx: { storage: { elderModeOffered: true } } },
  'packages/station/help/index': { query: { stationId: 'st-ft-hf' } },
  // With its 立法意见征集 block: the open draft first, and the station's adoptions.
  'packages/station/detail/index': { query: { id: 'st-ft-hf' }, answers: { consultation: { list: STATION_CONSULTATIONS } } },
  'packages/station/booking/index': { query: { stationId: 'st-ft-hf' } },
  'packages/case/compose/index': { query: { stationId: 'st-ft-hf' } },
  'packages/case/detail/index': { query: { id: 'case-1' } },
  'packages/work/case/index': { query: { id: 'case-1' }, answers: { case: { get: HANDLER_CASE } } },
  'packages/work/duty/index': { answers: { user: { profile: PROFILES.deputy } } },
  'packages/work/checkin/index': { answers: { user: { profile: PROFILES.deputy } } },
  'packages/work/presence/index': { query: { receptionId: 'rc-today' } },
  'packages/admin/stations/index': { answers: { user: { profile: PROFILES.admin } } },
  'packages/admin/people/index': { query: { kind: 'deputy' }, answers: { user: { profile: PROFILES.admin } } },
  'packages/admin/person/index': { query: { kind: 'deputy' }, answers: { user: { profile: PROFILES.admin } } },
  'packages/admin/invites/index': { answers: { user: { profile: PROFILES.admin } } },
  'packages/admin/figures/index': { answers: { user: { profile: PROFILES.admin } } },
  // 承办单位: the seed's units with their staff, bound or not; a new unit's form.
  'packages/admin/units/index': { answers: { user: { profile: PROFILES.admin }, admin: { units: UNITS_WITH_STAFF } } },
  'packages/admin/unit/index': { answers: { user: { profile: PROFILES.admin } } },
  // A resident who has not rated yet, the window open: the rating form.
  'packages/station/report/index': { query: { id: 'rp-1' }, answers: { user: { profile: PROFILES.resident } } },
  // The officer, choosing which of the station's deputies the report is for.
  'packages/work/report/index': {},
  // The officer records for a deputy of the station.
  'packages/work/activity/index': {},
  // The deputy, with one activity to confirm or dispute.
  'packages/work/activities/index': { answers: { user: { profile: PROFILES.deputy } } },
  // A resident who has not joined this closed case (station.publicCase's `viewer` says so): 我也遇到 offered.
  'packages/station/case/index': { query: { id: 'case-7' } },
  'packages/station/board/index': { query: { stationId: 'st-ft-hf' } },
  // A resident before the 代表论坛: 我会参加 and 提前提问 offered.
  'packages/station/event/index': { query: { id: FORUM_AHEAD.id }, answers: { user: { profile: PROFILES.resident } } },
  // The officer reading the questions of the forum ahead (no 活动回顾 form yet).
  'packages/work/event/index': { query: { id: FORUM_AHEAD.id } },
  // The officer's 接待登记 of today's reception: 从预约登记 open with two residents still expected;
  // a walk-in to follow up, one answered on the spot, one waiting to be claimed.
  'packages/work/visits/index': {
    query: { receptionId: TODAY_RECEPTION.id },
    answers: { reception: { schedule: scheduleWithToday(DEMO_ANSWERS.reception!.schedule as ScheduleOutput) } },
  },
  // A resident claiming a case recorded for them at a reception day.
  'packages/case/claim/index': { answers: { user: { profile: PROFILES.resident } } },
  // 代表建议: the deputy's 我的建议; a new one; their answered one, to rate.
  'packages/suggestion/list/index': { answers: { user: { profile: PROFILES.deputy } } },
  'packages/suggestion/edit/index': { answers: { user: { profile: PROFILES.deputy } } },
  'packages/suggestion/detail/index': { query: { id: 'sg-1' }, answers: { user: { profile: PROFILES.deputy } } },
  // 立法意见征集, the resident's side: the open draft opened from 华富's page, commenting on its
  // first article there, 我的意见 with one adopted, and confirming a recorded comment.
  'packages/consultation/detail/index': {
    query: { id: 'cs-1', stationId: 'st-ft-hf' },
    answers: { user: { profile: PROFILES.resident }, consultation: { get: RESIDENT_DETAIL } },
  },
  'packages/consultation/comment/index': {
    query: { id: 'cs-1', articleNo: '1', stationId: 'st-ft-hf' },
    answers: { user: { profile: PROFILES.resident }, consultation: { get: RESIDENT_DETAIL } },
  },
  'packages/consultation/mine/index': { answers: { user: { profile: PROFILES.resident }, consultation: { mine: { comments: MY_COMMENTS } } } },
  'packages/consultation/claim/index': { answers: { user: { profile: PROFILES.resident } } },
  // 立法意见征集, the officers' side: their stations' consultations (merged), the comments of the
  // open one to review, recording one heard in person; the office's form and a compiled report.
  'packages/consultation/list/index': { answers: { consultation: { list: HUAFU_LIST } } },
  'packages/consultation/publish/index': { answers: { user: { profile: PROFILES.admin } } },
  'packages/consultation/review/index': { query: { id: OPEN_DETAIL.id, stationId: 'st-ft-hf' }, answers: { consultation: { get: OPEN_DETAIL, comments: SUBMITTED_PAGE } } },
  'packages/consultation/record/index': { query: { id: OPEN_DETAIL.id, stationId: 'st-ft-hf' }, answers: { consultation: { get: OPEN_DETAIL } } },
  'packages/consultation/report/index': {
    query: { id: REPORTED_DETAIL.id },
    answers: { user: { profile: PROFILES.admin }, consultation: { get: REPORTED_DETAIL, report: REPORT } },
  },
};

/** A draft that already says enough to look for look-alikes: the compose page offers them on opening. */
const DRAFT_WITH_SIMILAR = {
  'case-draft:st-ft-hf': {
    version: 1,
    savedAt: 0,
    draft: {
      requestId: 'demo-draft-0001',
      category: 'unsure',
      title: '',
      content: '华富路公交站的座椅坏了，老人等车没地方坐',
      photos: [],
      contactName: '',
      contactPhone: '',
      anonymous: false,
    },
  },
};

/**
 * States of a page beyond loaded, empty and error that are worth a picture and a measure of
 * their own (a report already rated, its rating window closed): page → name → scenario, laid
 * over the page's own (its answers merged). Rendered as `<page>-<name>`, and in elder mode too
 * for a resident page; the smoke test renders each of them.
 */
export const VARIANTS: Record<string, Record<string, PageScenario>> = {
  // A handling unit's staff member: their unit and 待办建议.
  'pages/me/index': { unit: { answers: { user: { profile: UNIT_PROFILE } } } },
  'packages/station/detail/index': {
    reports: { query: { id: 'st-ft-hf', tab: 'reports' } },
    // A 代表论坛 on the schedule and one held in its 活动回顾.
    forum: { query: { id: 'st-ft-hf', tab: 'receptions' }, answers: { station: { get: stationWithForum(DEMO_ANSWERS.station!.get as StationDetail) } } },
  },
  // A 代表论坛 among the days: its counts and 群众提问与活动回顾.
  'packages/work/schedule/index': {
    forum: { answers: { reception: { schedule: scheduleWithForum(DEMO_ANSWERS.reception!.schedule as ScheduleOutput) } } },
    // A reception day today: 出示签到码 and 接待登记.
    today: { answers: { reception: { schedule: scheduleWithToday(DEMO_ANSWERS.reception!.schedule as ScheduleOutput) } } },
  },
  // The deputy's own: no choice of deputy, no station line.
  'packages/work/visits/index': { deputy: { query: { receptionId: TODAY_RECEPTION.id }, answers: { user: { profile: PROFILES.deputy } } } },
  // A case recorded at a reception day (接待日登记) and claimed.
  'packages/case/detail/index': {
    reception: { query: { id: CONVERTED.case!.id }, answers: { case: { get: { ...(DEMO_ANSWERS.case!.get as CaseDetail), id: CONVERTED.case!.id, source: 'reception' } } } },
    // Taken up in a 代表建议: its public steps and the published answer.
    suggestion: { answers: { case: { get: { ...(DEMO_ANSWERS.case!.get as CaseDetail), suggestion: CASE_SUGGESTION } } } },
  },
  'packages/station/event/index': {
    // Held and summarised: the 活动回顾 with its photos, no forms.
    summarised: { query: { id: FORUM_SUMMARISED.id }, answers: { reception: { event: FORUM_SUMMARISED } } },
    // One of its deputies: the count and 查看群众提问, none of a resident's forms.
    deputy: { answers: { user: { profile: PROFILES.deputy }, reception: { event: { ...FORUM_AHEAD, attending: undefined, attendance: FORUM_QUESTIONS.attendance } } } },
  },
  'packages/work/event/index': {
    // Over: the officer posts its 活动回顾.
    summary: { answers: { reception: { event: { ...FORUM_SUMMARISED, summary: undefined } } } },
    // One of its deputies, from the event's page: the questions read-only, no 活动回顾 form.
    deputy: { answers: { user: { profile: PROFILES.deputy } } },
  },
  'packages/station/report/index': {
    rated: { answers: { report: { get: REPORT_RATED } } },
    closed: { query: { id: 'rp-2' }, answers: { report: { get: REPORT_CLOSED } } },
    deputy: { answers: { user: { profile: PROFILES.deputy }, report: { get: REPORT_FOR_HANDLER } } },
  },
  'packages/work/report/index': { deputy: { answers: { user: { profile: PROFILES.deputy } } } },
  // The officer's list: 登记履职活动 at the top, the disputed one to withdraw.
  'packages/work/activities/index': {
    officer: { answers: { user: { profile: PROFILES.officer, activities: OFFICER_ACTIVITIES } } },
    // The district office (from 我的 → 代表履职活动): its deputies' activities, read-only.
    admin: { answers: { user: { profile: PROFILES.admin, activities: DISTRICT_ACTIVITIES } } },
  },
  // The resident already joined this one: 补充情况 and 取消我也遇到. Their own case: no buttons, the way to their page.
  'packages/station/case/index': {
    joined: { query: { id: 'case-8' }, answers: { station: { publicCase: OPEN_PUBLIC_CASE_JOINED } } },
    own: { answers: { station: { publicCase: PUBLIC_CASE_TO_OWNER } } },
  },
  'packages/case/compose/index': { similar: { wx: { storage: DRAFT_WITH_SIMILAR } } },
  // The answers units allowed to publish, beside the cases.
  'packages/station/board/index': { suggestions: { query: { stationId: 'st-ft-hf', tab: 'suggestions' } } },
  // A unit's 待办建议 (overdue first), the office's 全部建议 and its 统计.
  'packages/suggestion/list/index': {
    unit: { answers: { user: { profile: UNIT_PROFILE }, suggestion: { list: { suggestions: UNIT_LIST, hasMore: false } } } },
    admin: { answers: { user: { profile: PROFILES.admin }, suggestion: { list: { suggestions: ADMIN_LIST, hasMore: false } } } },
    figures: { query: { tab: 'figures' }, answers: { user: { profile: PROFILES.admin }, suggestion: { list: { suggestions: ADMIN_LIST, hasMore: false } } } },
  },
  // 提为代表建议 from a case (its title and text to start from, the case linked); a draft to edit.
  'packages/suggestion/edit/index': {
    'from-case': { query: { fromCaseId: 'case-1' }, answers: { case: { get: HANDLER_CASE } } },
    draft: { query: { id: DRAFT.id }, answers: { suggestion: { get: DRAFT } } },
  },
  // One suggestion at each step, as the party who acts on it then sees it.
  'packages/suggestion/detail/index': {
    draft: { query: { id: DRAFT.id }, answers: { suggestion: { get: DRAFT } } },
    review: { query: { id: SUBMITTED_FOR_OFFICE.id }, answers: { user: { profile: PROFILES.admin }, suggestion: { get: SUBMITTED_FOR_OFFICE } } },
    assign: { answers: { user: { profile: PROFILES.admin }, suggestion: { get: ACCEPTED_FOR_OFFICE } } },
    unit: { answers: { user: { profile: UNIT_PROFILE }, suggestion: { get: ASSIGNED_FOR_UNIT } } },
    overdue: { query: { id: OVERDUE_FOR_UNIT.id }, answers: { user: { profile: UNIT_PROFILE }, suggestion: { get: OVERDUE_FOR_UNIT } } },
    decide: { answers: { user: { profile: PROFILES.admin }, suggestion: { get: EXTENSION_FOR_OFFICE } } },
    closed: { answers: { suggestion: { get: CLOSED } } },
  },
  // Closed: 已截止 in place of the buttons; a station's officer: the link to the review page.
  'packages/consultation/detail/index': {
    closed: { answers: { consultation: { get: CLOSED_FOR_RESIDENT } } },
    officer: { answers: { user: { profile: PROFILES.officer }, consultation: { get: OFFICER_DETAIL } } },
  },
  // 总体意见 opened without a station, two taking part: the form asks which; a closed draft says so.
  'packages/consultation/comment/index': {
    general: { query: { id: 'cs-1', articleNo: '0' } },
    closed: { answers: { consultation: { get: CLOSED_FOR_RESIDENT } } },
  },
  // The office's whole district, with 发布征集.
  'packages/consultation/list/index': { admin: { answers: { user: { profile: PROFILES.admin }, consultation: { list: DISTRICT_LIST } } } },
  // The office after the report: the forwarded comments, 采纳 on those not yet adopted.
  'packages/consultation/review/index': {
    adopt: {
      query: { id: REPORTED_DETAIL.id, status: 'forwarded' },
      answers: { user: { profile: PROFILES.admin }, consultation: { get: REPORTED_DETAIL, comments: REPORTED_FORWARDED } },
    },
  },
  // Closed and not yet compiled: 生成汇总.
  'packages/consultation/report/index': { before: { query: { id: CLOSED_DETAIL.id }, answers: { consultation: { get: CLOSED_DETAIL } } } },
};

/** The page's scenario, or one of its VARIANTS laid over it. */
export function scenarioOf(pagePath: string, variant?: string): PageScenario {
  const base = SCENARIOS[pagePath] ?? {};
  const over = variant ? VARIANTS[pagePath]?.[variant] : undefined;
  if (variant && !over) throw new Error(`${pagePath} has no variant ${variant}`);
  return over ? { ...base, ...over, answers: merge(base.answers, over.answers) } : base;
}

/** Every page app.json registers, main package first, as `pages/x/index` paths. */
export function appPages(): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as {
    pages: string[];
    subpackages?: { root: string; pages: string[] }[];
  };
  return [...app.pages, ...(app.subpackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
}

/** The tags a page declares in its own usingComponents. */
export function declaredTags(page: string): string[] {
  const json = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, `${page}.json`), 'utf8')) as { usingComponents?: Record<string, string> };
  return Object.keys(json.usingComponents ?? {});
}

const merge = (...sets: (DemoAnswers | undefined)[]): DemoAnswers => {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const set of sets) for (const [fn, actions] of Object.entries(set ?? {})) merged[fn] = { ...merged[fn], ...actions };
  return merged as DemoAnswers;
};

export const UNAVAILABLE = { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } };

export interface OpenedPage {
  page: RenderedComponent;
  wx: WxPlatform;
  /** Whether the page asked for something EMPTY_ANSWERS empties: it has an empty state to show. */
  listsSomething: boolean;
}

/** How the person's phone is set: `elder` opens the page with 长辈模式 switched on (as 我的 stores it). */
export interface OpenOptions {
  elder?: boolean;
  /** One of the page's VARIANTS instead of its own scenario. */
  variant?: string;
}

/**
 * Renders a loaded page (`loadPages` id) in a state: answers set on the stub host, onLoad and
 * onShow called as WeChat would, then waits until the page stops loading.
 */
export async function openPage(pageId: string, pagePath: string, state: PageState, host: FunctionHostStub, options: OpenOptions = {}): Promise<OpenedPage> {
  const scenario = scenarioOf(pagePath, options.variant);
  const answers = merge(DEMO_ANSWERS, scenario.answers, state === 'empty' ? EMPTY_ANSWERS : undefined);
  for (const [key, body] of answerEntries(answers)) host.answer(key, state === 'error' ? UNAVAILABLE : body);
  host.calls.length = 0;
  config.mode = 'local';
  config.localHost = host.url;
  // Call as whoever the answered profile is, so 我的's demo-account switcher marks the same person.
  config.localOpenid = answers.user?.profile?.openid ?? config.localOpenid;
  // Stored before the page attaches: definePage reads the choice on attach (services/elder-mode.ts).
  const storage = { ...scenario.wx?.storage, ...(options.elder ? { elderMode: 'on' } : {}) };
  const wx = createWxPlatform({ location: DEMO_POSITION, ...scenario.wx, storage });
  const requests = trackRequests(wx);
  wx.install();
  const page = renderPage(pageId);
  const instance = page.instance as { onLoad?: (q: Record<string, string>) => unknown; onShow?: () => unknown };
  await instance.onLoad?.({ ...scenario.query });
  await instance.onShow?.();
  await until(() => !page.data.loading, `${pagePath} to stop loading`);
  // A page may ask a second thing once shown (station detail: 关注 state): until every answer landed.
  await requests.quiet(`${pagePath} to finish asking`);
  const emptied = new Set(answerEntries(EMPTY_ANSWERS).map(([key]) => key));
  return { page, wx, listsSomething: host.calls.some((c) => emptied.has(`${c.fn}.${String(c.body.action)}`)) };
}
