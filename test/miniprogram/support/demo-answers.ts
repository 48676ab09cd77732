/**
 * What the function host answers for the demo district (福田区), one typed answer per
 * `function.action`: the every-page smoke test and `npm run screenshots` render every page
 * against these. Typed by the API contract, so a changed output fails the type check here.
 * Dates are fixed around DEMO_NOW (the case fixtures' clock) so the renders never drift.
 */
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import type { ActionName, ActionOutput, FunctionName, StationSummary } from '../../../typings/api';
import type { OpeningHours } from '../../../typings/models';
import type { AdminStation, InboxFilter, InboxItem, InboxOutput, PersonView, PresenceCodeOutput, Profile } from '../../../typings/workspace';
import { NOW, caseDetail, caseSummary, daysAgo, minutesAgo } from './case-fixtures';
import { BOARD, EMPTY_BOARD, JOIN_VIEW, JOINED, PUBLIC_CASE_TO_RESIDENT, SIMILAR, UNJOIN_VIEW } from './board-demo';
import { DEPUTY_ACTIVITIES } from './activity-demo';
import { CLAIMED, VISITS } from './visit-demo';
import { FORUM_AHEAD, FORUM_QUESTIONS } from './event-demo';
import { ANSWERED_FOR_DEPUTY, COSIGNABLE, DEPUTY_LIST, DRAFT, FIGURES, NO_FIGURES, PUBLISHED, UNITS } from './suggestion-demo';
import { NO_COMMENTS } from './consultation-office-demo';
import { CLOSED_REPORT, NO_RATINGS, OPEN_REPORT, REPORT_FOR_HANDLER, REPORT_FOR_RESIDENT, REPORT_RATED, ratingsOf } from './report-demo';

export const DEMO_NOW = NOW;
export const DEMO_POSITION = { latitude: 22.5515, longitude: 114.0775 };

export type DemoAnswers = { [F in FunctionName]?: { [A in ActionName<F>]?: ActionOutput<F, A> } };

const WEEKDAYS = [1, 2, 3, 4, 5];
const OFFICE: OpeningHours[] = [
  { weekdays: WEEKDAYS, open: '09:00', close: '12:00' },
  { weekdays: WEEKDAYS, open: '14:00', close: '18:00' },
];
const HUAFU = { id: 'st-ft-hf', name: '福田区华富街道人大代表联络站' };
const LIANHUA = { id: 'st-ft-hf-01', name: '华富街道莲花北社区人大代表联络站' };

const station = (over: Partial<StationSummary>): StationSummary => ({
  ...HUAFU,
  code: 'FT-HF',
  kind: 'street',
  street: '华富街道',
  address: '福田区华富街道华富路1006号华富街道党群服务中心二楼',
  location: { type: 'Point', coordinates: [114.0792, 22.5531] },
  hours: OFFICE,
  nextReceptionDate: null,
  ...over,
});

const STATIONS: StationSummary[] = [
  station({ distance: 180, nextReceptionDate: '2026-11-23' }),
  station({
    ...LIANHUA,
    code: 'FT-HF-01',
    kind: 'community',
    address: '福田区华富街道莲花北村12栋一楼',
    distance: 640,
    hours: [{ weekdays: WEEKDAYS, open: '14:00', close: '17:30' }],
    nextReceptionDate: '2026-12-10',
  }),
  station({
    id: 'st-ft-hf-02',
    name: '华富街道莲花一村社区人大代表联络站',
    code: 'FT-HF-02',
    kind: 'community',
    address: '福田区华富街道莲花一村社区党群服务中心',
    distance: 1250,
    nextReceptionDate: '2026-12-10',
  }),
  station({
    id: 'st-ft-hy-fl',
    name: '福田区法律行业人大代表联络站',
    code: 'FT-HY-FL',
    kind: 'sector',
    sector: 'law',
    street: '莲花街道',
    address: '福田区莲花街道福中三路2003号',
    distance: 2310,
    hours: [{ weekdays: [6], open: '09:00', close: '12:00' }],
  }),
  station({
    id: 'st-ft-yl',
    name: '福田区园岭街道人大代表联络站',
    code: 'FT-YL',
    street: '园岭街道',
    address: '福田区园岭街道八卦一路园岭街道办事处一楼',
    distance: 3480,
    nextReceptionDate: '2026-12-10',
  }),
];

const inboxItem = (over: Partial<InboxItem>): InboxItem => ({
  id: 'case-1',
  receiptNo: 'FT20261111-0042',
  title: '莲花北村12栋楼道灯坏了',
  category: 'help',
  status: 'accepted',
  stationId: HUAFU.id,
  stationName: HUAFU.name,
  submittedAt: daysAgo(10),
  dueAt: '2026-12-05T15:59:59.000Z',
  overdue: false,
  anonymous: false,
  joinCount: 0,
  ...over,
});

/**
 * The officer's cases (王芳: 华富 and 莲花北), one of each kind the queue shows. Each 受理编号
 * carries its Shanghai submission date, as backend/domain/case/receipt-number.ts makes them.
 */
const QUEUE = {
  /** Left without a category (不确定) 40 minutes ago: the officer chooses one on accepting. */
  unsure: inboxItem({
    id: 'case-6',
    receiptNo: 'FT20261121-0045',
    title: '华富路公交站的座椅坏了好几张，老人等车只能站着',
    category: 'unsure',
    status: 'submitted',
    submittedAt: minutesAgo(40),
    dueAt: '2026-11-24T15:59:59.000Z',
  }),
  anonymous: inboxItem({
    id: 'case-5',
    receiptNo: 'FT20261120-0023',
    title: '小区电梯维修基金使用问题',
    category: 'opinion',
    status: 'submitted',
    anonymous: true,
    stationId: LIANHUA.id,
    stationName: LIANHUA.name,
    submittedAt: daysAgo(1),
    dueAt: '2026-11-23T15:59:59.000Z',
  }),
  overdue: inboxItem({
    id: 'case-4',
    receiptNo: 'FT20261117-0031',
    title: '莲花一村停车场收费不透明',
    category: 'complaint',
    status: 'accepted',
    submittedAt: daysAgo(4),
    dueAt: daysAgo(1),
    overdue: true,
  }),
  accepted: inboxItem({ joinCount: 3 }),
  assigned: inboxItem({
    id: 'case-2',
    receiptNo: 'FT20261118-0017',
    title: '建议在莲花北公交站增设遮阳棚',
    category: 'suggestion',
    status: 'in_progress',
    assignedDeputy: { id: 'dp-001', name: '李明' },
    relation: 'assigned',
    submittedAt: daysAgo(3),
    dueAt: '2026-12-03T15:59:59.000Z',
  }),
  closed: inboxItem({
    id: 'case-3',
    receiptNo: 'FT20261102-0008',
    title: '华富路夜间施工噪音扰民',
    category: 'complaint',
    status: 'closed',
    submittedAt: daysAgo(19),
    dueAt: undefined,
  }),
};
const COUNTS = { open: 5, triage: 2, overdue: 1 };
const queue = (cases: InboxItem[]): InboxOutput => ({ cases, hasMore: false, counts: COUNTS });

/** Each tab of 待办留言 as the server answers it: only its own statuses, most urgent first. */
export const DEMO_INBOX: Record<Exclude<InboxFilter, 'all'>, InboxOutput> = {
  triage: queue([QUEUE.anonymous, QUEUE.unsure]),
  open: queue([QUEUE.overdue, QUEUE.anonymous, QUEUE.unsure, QUEUE.assigned, QUEUE.accepted]),
  overdue: queue([QUEUE.overdue]),
  closed: queue([QUEUE.closed]),
};

const adminStation = (s: StationSummary, officers: { id: string; name: string }[], deputies: number): AdminStation => ({
  id: s.id,
  code: s.code,
  name: s.name,
  kind: s.kind,
  ...(s.sector ? { sector: s.sector } : {}),
  district: '福田区',
  street: s.street,
  address: s.address,
  location: s.location,
  phone: '0755-83280000',
  hours: s.hours,
  officers,
  rules: ['联络站工作制度', '代表接待选民制度'],
  deputies,
});

const person = (over: Partial<PersonView> & Pick<PersonView, 'id' | 'name' | 'kind'>): PersonView => ({ detail: '', stations: [HUAFU], bound: false, ...over });

export const PROFILES: Record<'resident' | 'deputy' | 'officer' | 'admin', Profile> = {
  resident: { openid: 'odemo-resident', role: 'resident' },
  deputy: { openid: 'odemo-deputy', role: 'deputy', name: '李明', deputyId: 'dp-001', stations: [HUAFU, LIANHUA] },
  officer: { openid: 'odemo-officer', role: 'officer', name: '王芳', stations: [HUAFU, LIANHUA] },
  admin: { openid: 'odemo-admin', role: 'admin', name: '陈静', district: '福田区' },
};

/**
 * The demo's case-1 as its resident sees it: submitted 11月11日 (so 受理编号 FT20261111-…),
 * answered three minutes ago.
 */
export const RESIDENT_CASE = caseDetail({ receiptNo: 'FT20261111-0042', publicConsent: true, joinCount: 3 });

/** The same case as the handler saw it once accepted: due 12月5日, with the commands a handler has. */
export const HANDLER_CASE = caseDetail({
  receiptNo: 'FT20261111-0042',
  status: 'accepted',
  dueAt: '2026-12-05T15:59:59.000Z',
  availableCommands: ['assign', 'start', 'reply', 'transfer', 'supervise', 'close'],
  timeline: caseDetail().timeline.slice(0, 2),
  publicConsent: true,
  joinCount: 3,
  joinNotes: [
    { at: daysAgo(1), note: '我家住12栋二单元，二楼到四楼的灯也不亮，晚上只能打手电。', photos: [{ fileId: 'cloud://env/cases/j1.jpg', url: 'https://tmp.example/j1.jpg' }] },
    { at: daysAgo(2), photos: [] },
  ],
});

/** A QR code as the server draws it for the presence code: a PNG data URL, 8 px a module, a 2-module margin. */
export function qrPngDataUrl(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const [scale, margin] = [8, 2];
  const size = (modules.size + 2 * margin) * scale;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const [mx, my] = [Math.floor(x / scale) - margin, Math.floor(y / scale) - margin];
      const dark = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && Boolean(modules.get(my, mx));
      png.data.fill(dark ? 0 : 255, (y * size + x) * 4, (y * size + x) * 4 + 3);
      png.data[(y * size + x) * 4 + 3] = 255;
    }
  }
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

/** The officer's presence code at DEMO_NOW (14:30 Beijing) during a reception of that afternoon. */
export const DEMO_PRESENCE: PresenceCodeOutput = {
  receptionId: 'rc-today',
  stationName: HUAFU.name,
  date: '2026-11-21',
  code: '482913',
  payload: 'LLZ-CHECKIN:FT-HF:482913',
  qrImage: qrPngDataUrl('LLZ-CHECKIN:FT-HF:482913'),
  issuedAt: NOW.toISOString(),
  expiresAt: new Date(NOW.getTime() + 30_000).toISOString(),
  periodSeconds: 30,
  checkInOpens: '14:00',
  checkInCloses: '17:00',
};

export const DEMO_ANSWERS: DemoAnswers = {
  station: {
    nearby: { stations: STATIONS, page: 0, hasMore: false },
    search: { stations: STATIONS.slice(0, 3), page: 0, hasMore: false },
    get: {
      ...STATIONS[0],
      phone: '0755-83280000',
      district: '福田区',
      rules: ['每月10日为代表集中接待日', '群众意见建议3个工作日内受理', '办理结果及时反馈群众'],
      officers: [{ id: 'sf-ft-hf', name: '王芳', phone: '0755-83280001' }],
      deputies: [
        { id: 'dp-001', name: '李明', level: 'district', delegation: '福田区代表团 华富选区', occupation: '莲花北社区党委书记' },
        { id: 'dp-002', name: '张丽华', level: 'municipal', delegation: '深圳市代表团 福田区', occupation: '深圳市儿童医院副院长' },
        { id: 'dp-003', name: '周建国', level: 'provincial', delegation: '广东省代表团 深圳', occupation: '华富街道社区工作站站长' },
      ],
      receptions: [
        {
          id: 'rc-1',
          date: '2026-11-23',
          start: '09:00',
          end: '12:00',
          deputies: [{ id: 'dp-001', name: '李明' }],
          officer: { id: 'sf-ft-hf', name: '王芳', phone: '0755-83280001' },
        },
        {
          id: 'rc-2',
          date: '2026-12-10',
          start: '14:30',
          end: '17:30',
          deputies: [
            { id: 'dp-002', name: '张丽华' },
            { id: 'dp-003', name: '周建国' },
          ],
        },
        {
          id: 'rc-4',
          kind: 'report_meeting',
          date: '2026-12-18',
          start: '19:00',
          end: '21:00',
          deputies: [{ id: 'dp-001', name: '李明' }],
          officer: { id: 'sf-ft-hf', name: '王芳', phone: '0755-83280001' },
        },
      ],
      figures: { period: { from: '2025-11-22', to: '2026-11-21' }, received: 128, closed: 117, rated: 96, satisfied: 91, respondedInTime: 124, visitors: 86 },
    },
    board: BOARD,
    // As a signed-in resident opens it: the answer says it is not theirs and not joined.
    publicCase: PUBLIC_CASE_TO_RESIDENT,
  },
  user: {
    whoami: { openid: 'odemo-officer', role: 'officer' },
    profile: PROFILES.officer,
    // The resident's own data (导出我的数据).
    export: {
      exportedAt: NOW.toISOString(),
      openid: 'odemo-resident',
      cases: [],
      page: 0,
      hasMoreCases: false,
      bookings: [],
      follows: [{ stationId: HUAFU.id, followedAt: daysAgo(30) }],
      subscriptions: [],
      joins: [],
      reportRatings: [],
    },
    redeem: PROFILES.deputy,
    duty: {
      year: 2026,
      deputy: { id: 'dp-001', name: '李明' },
      items: [
        { key: 'receptions', label: '进站接待', count: 9, quota: 12, unit: '次' },
        { key: 'votersContacted', label: '联系群众', count: 46, quota: 40, unit: '人次' },
        { key: 'visits', label: '走访调研', count: 3, quota: 4, unit: '次' },
        { key: 'suggestions', label: '代表建议', count: 2, quota: 2, unit: '件' },
        { key: 'replies', label: '答复留言', count: 18, unit: '件' },
        { key: 'followUps', label: '跟踪回访', count: 7, unit: '次' },
        { key: 'groupActivities', label: '代表联组活动（调研视察、执法检查、代表论坛）', count: 1, quota: 3, unit: '次' },
        { key: 'reports', label: '述职报告', count: 1, unit: '份' },
        { key: 'offlineActivities', label: '线下履职活动（已确认）', count: 1, unit: '次' },
      ],
      recent: [
        { at: daysAgo(1), kind: 'replies', text: '答复「莲花北村12栋楼道灯坏了」', caseId: 'case-1' },
        { at: OPEN_REPORT.publishedAt, kind: 'reports', text: `发布「${OPEN_REPORT.title}」`, reportId: OPEN_REPORT.id },
        { at: daysAgo(11), kind: 'receptions', text: '华富街道人大代表联络站 接待日签到' },
        { at: daysAgo(20), kind: 'followUps', text: '回访「华富路人行道破损」' },
        { at: daysAgo(24), kind: 'groupActivities', text: '代表论坛（华富街道党群服务中心）', activityId: 'ac-3' },
      ],
      reportRatings: ratingsOf(25, 8, 3),
    },
    activities: DEPUTY_ACTIVITIES,
  },
  case: {
    claim: CLAIMED,
    mine: {
      cases: [
        caseSummary({ receiptNo: 'FT20261111-0042', status: 'replied', awaitingRating: true, unread: 1, submittedAt: daysAgo(10), updatedAt: minutesAgo(3) }),
        caseSummary({
          id: 'case-2',
          receiptNo: 'FT20261118-0017',
          title: '建议在莲花北公交站增设遮阳棚',
          category: 'suggestion',
          status: 'in_progress',
          submittedAt: daysAgo(3),
          updatedAt: daysAgo(1),
        }),
        caseSummary({
          id: 'case-3',
          receiptNo: 'FT20261102-0008',
          title: '华富路夜间施工噪音扰民',
          category: 'complaint',
          status: 'closed',
          submittedAt: daysAgo(19),
          updatedAt: daysAgo(12),
        }),
      ],
      hasMore: false,
      unreadTotal: 1,
    },
    get: RESIDENT_CASE,
    similar: SIMILAR,
    joined: JOINED,
    join: JOIN_VIEW,
    unjoin: UNJOIN_VIEW,
    // The officer opens on 待受理 (the stub answers every tab alike, so it answers that one).
    inbox: DEMO_INBOX.triage,
  },
  subscription: {
    templates: { caseStatusChanged: 'tmpl-status', caseReplied: 'tmpl-replied', receptionReminder: 'tmpl-reception', handlerTask: 'tmpl-task' },
    record: { remaining: {} },
  },
  reception: {
    visits: VISITS,
    event: FORUM_AHEAD,
    questions: FORUM_QUESTIONS,
    list: {
      receptions: [
        {
          id: 'rc-1',
          stationId: HUAFU.id,
          date: '2026-11-23',
          start: '09:00',
          end: '12:00',
          deputies: [{ id: 'dp-001', name: '李明' }],
          slots: [
            { index: 0, start: '09:00', end: '10:00', capacity: 4, remaining: 0 },
            { index: 1, start: '10:00', end: '11:00', capacity: 4, remaining: 2 },
            { index: 2, start: '11:00', end: '12:00', capacity: 4, remaining: 4 },
          ],
        },
        {
          id: 'rc-2',
          stationId: HUAFU.id,
          date: '2026-12-10',
          start: '14:30',
          end: '17:30',
          deputies: [
            { id: 'dp-002', name: '张丽华' },
            { id: 'dp-003', name: '周建国' },
          ],
          slots: [
            { index: 0, start: '14:30', end: '16:00', capacity: 6, remaining: 6 },
            { index: 1, start: '16:00', end: '17:30', capacity: 6, remaining: 5 },
          ],
        },
      ],
    },
    // The resident's (我的 lists them): one coming up at 莲花北 — a reception the 华富 booking page does not list — and one already met.
    mine: {
      bookings: [
        {
          id: 'bk-2',
          receptionId: 'rc-3',
          stationId: LIANHUA.id,
          stationName: LIANHUA.name,
          date: '2026-11-27',
          start: '14:00',
          end: '14:30',
          deputy: { id: 'dp-003', name: '周建国' },
          topic: '小区加装电梯的进度',
          status: 'booked',
          createdAt: daysAgo(2),
        },
        {
          id: 'bk-1',
          receptionId: 'rc-0',
          stationId: HUAFU.id,
          stationName: HUAFU.name,
          date: '2026-11-10',
          start: '09:30',
          end: '10:00',
          topic: '华富路人行道破损',
          status: 'attended',
          createdAt: daysAgo(15),
        },
      ],
    },
    following: { stationId: HUAFU.id, following: true },
    // 我的's 关注的联络站: 华富 with its next reception day (the one the booking page lists first).
    followed: { stations: [{ id: HUAFU.id, name: HUAFU.name, address: station({}).address, nextReceptionDate: '2026-11-23' }] },
    presenceCode: DEMO_PRESENCE,
    schedule: {
      earliestDate: '2026-11-28',
      receptions: [
        {
          id: 'rc-1',
          kind: 'reception',
          stationId: HUAFU.id,
          stationName: HUAFU.name,
          date: '2026-11-23',
          start: '09:00',
          end: '12:00',
          deputies: [{ id: 'dp-001', name: '李明', checkedIn: false }],
          slots: [{ start: '09:00', end: '12:00', capacity: 12, booked: 7 }],
          bookings: 7,
        },
        {
          id: 'rc-3',
          kind: 'reception',
          stationId: LIANHUA.id,
          stationName: LIANHUA.name,
          date: '2026-11-27',
          start: '14:00',
          end: '17:00',
          deputies: [{ id: 'dp-003', name: '周建国', checkedIn: false }],
          slots: [{ start: '14:00', end: '17:00', capacity: 8, booked: 2 }],
          bookings: 2,
        },
        {
          id: 'rc-2',
          kind: 'reception',
          stationId: HUAFU.id,
          stationName: HUAFU.name,
          date: '2026-12-10',
          start: '14:30',
          end: '17:30',
          deputies: [
            { id: 'dp-002', name: '张丽华', checkedIn: false },
            { id: 'dp-003', name: '周建国', checkedIn: false },
          ],
          slots: [{ start: '14:30', end: '17:30', capacity: 12, booked: 1 }],
          bookings: 1,
        },
      ],
    },
  },
  report: {
    list: { reports: [OPEN_REPORT, CLOSED_REPORT], hasMore: false },
    get: REPORT_FOR_RESIDENT,
    rate: REPORT_RATED,
    publish: REPORT_FOR_HANDLER,
  },
  // The deputy's 我的建议, their answered suggestion to rate, and what the office and the board read.
  suggestion: {
    list: { suggestions: DEPUTY_LIST, hasMore: false },
    get: ANSWERED_FOR_DEPUTY,
    save: DRAFT,
    cosignable: COSIGNABLE,
    figures: FIGURES,
    published: { suggestions: PUBLISHED, hasMore: false },
  },
  admin: {
    units: UNITS,
    stations: {
      stations: [
        adminStation(STATIONS[0], [{ id: 'sf-ft-hf', name: '王芳' }], 14),
        adminStation(STATIONS[1], [{ id: 'sf-ft-hf', name: '王芳' }], 6),
        adminStation(STATIONS[3], [], 9),
        adminStation(STATIONS[4], [{ id: 'sf-ft-yl', name: '刘洋' }], 12),
      ],
      hasMore: false,
    },
    people: {
      people: [
        person({ id: 'dp-001', kind: 'deputy', name: '李明', detail: '区人大代表 · 莲花北社区党委书记', level: 'district', bound: true, stations: [HUAFU, LIANHUA] }),
        person({ id: 'dp-002', kind: 'deputy', name: '张丽华', detail: '市人大代表 · 深圳市儿童医院副院长', level: 'municipal' }),
        person({ id: 'dp-003', kind: 'deputy', name: '周建国', detail: '省人大代表 · 华富街道社区工作站站长', level: 'provincial', bound: true }),
        person({
          id: 'dp-004',
          kind: 'deputy',
          name: '黄晓燕',
          detail: '区人大代表 · 福田区律师协会副会长',
          level: 'district',
          stations: [{ id: 'st-ft-hy-fl', name: '福田区法律行业人大代表联络站' }],
        }),
      ],
      hasMore: false,
    },
    invites: {
      invites: [
        { code: 'K7P2QXMD', role: 'deputy', person: { id: 'dp-002', name: '张丽华' }, status: 'open', createdAt: daysAgo(1), expiresAt: '2026-11-27T06:30:00.000Z' },
        {
          code: 'M3H8TDWR',
          role: 'officer',
          person: { id: 'sf-ft-yl', name: '刘洋' },
          status: 'redeemed',
          createdAt: daysAgo(6),
          expiresAt: '2026-11-22T06:30:00.000Z',
          redeemedAt: daysAgo(5),
        },
        { code: 'B9W4HN6Z', role: 'deputy', person: { id: 'dp-004', name: '黄晓燕' }, status: 'revoked', createdAt: daysAgo(9), expiresAt: '2026-11-19T06:30:00.000Z' },
      ],
      hasMore: false,
    },
    figures: {
      by: 'station',
      period: { from: '2026-11-01', to: '2026-11-21' },
      rankingMinimumRated: 5,
      rows: [
        {
          id: HUAFU.id,
          name: HUAFU.name,
          received: 42,
          responseRate: { numerator: 41, denominator: 42, value: 0.976 },
          closureRate: { numerator: 38, denominator: 42, value: 0.905 },
          satisfactionRate: { numerator: 31, denominator: 33, value: 0.939 },
          medianFirstResponseHours: 5.5,
          firstResponseSample: 41,
          rank: 1,
          visitors: 23,
        },
        {
          id: LIANHUA.id,
          name: LIANHUA.name,
          received: 17,
          responseRate: { numerator: 15, denominator: 17, value: 0.882 },
          closureRate: { numerator: 14, denominator: 17, value: 0.824 },
          satisfactionRate: { numerator: 10, denominator: 12, value: 0.833 },
          medianFirstResponseHours: 11,
          firstResponseSample: 15,
          rank: 2,
          visitors: 9,
        },
        {
          id: 'st-ft-hy-fl',
          name: '福田区法律行业人大代表联络站',
          received: 3,
          responseRate: { numerator: 3, denominator: 3, value: 1 },
          closureRate: { numerator: 2, denominator: 3, value: 0.667 },
          satisfactionRate: { numerator: 2, denominator: 2, value: 1 },
          medianFirstResponseHours: 20,
          firstResponseSample: 3,
          visitors: 0,
        },
      ],
      totals: {
        received: 62,
        responseRate: { numerator: 59, denominator: 62, value: 0.952 },
        closureRate: { numerator: 54, denominator: 62, value: 0.871 },
        satisfactionRate: { numerator: 43, denominator: 47, value: 0.915 },
        medianFirstResponseHours: 7,
        firstResponseSample: 59,
        visitors: 32,
      },
    },
  },
};

/** The same keys answered with nothing in them: a list page's empty state. */
export const EMPTY_ANSWERS: DemoAnswers = {
  station: { nearby: { stations: [], page: 0, hasMore: false }, board: EMPTY_BOARD },
  case: { mine: { cases: [], hasMore: false, unreadTotal: 0 }, joined: { cases: [] }, inbox: { cases: [], hasMore: false, counts: { open: 0, triage: 0, overdue: 0 } } },
  report: { list: { reports: [], hasMore: false } },
  suggestion: { list: { suggestions: [], hasMore: false }, figures: NO_FIGURES, published: { suggestions: [], hasMore: false }, cosignable: { deputies: [] } },
  // The officers' and the office's lists of 立法意见征集 and a consultation's comments.
  consultation: { list: { consultations: [], page: 0, hasMore: false }, comments: NO_COMMENTS, mine: { comments: [] } },
  reception: {
    list: { receptions: [] },
    schedule: { receptions: [], earliestDate: '2026-11-28' },
    mine: { bookings: [] },
    followed: { stations: [] },
    visits: { visits: [], bookings: [] },
  },
  user: {
    duty: { year: 2026, deputy: { id: 'dp-001', name: '李明' }, items: [], recent: [], reportRatings: NO_RATINGS },
    activities: { activities: [], hasMore: false },
    export: { ...DEMO_ANSWERS.user!.export!, follows: [] },
  },
  admin: {
    stations: { stations: [], hasMore: false },
    people: { people: [], hasMore: false },
    invites: { invites: [], hasMore: false },
    units: { units: [] },
    figures: {
      ...DEMO_ANSWERS.admin!.figures!,
      rows: [],
      totals: {
        received: 0,
        responseRate: { numerator: 0, denominator: 0, value: null },
        closureRate: { numerator: 0, denominator: 0, value: null },
        satisfactionRate: { numerator: 0, denominator: 0, value: null },
        medianFirstResponseHours: null,
        firstResponseSample: 0,
      },
    },
  },
};

/** Every `fn.action` key of a set of answers with its ApiResult body. */
export function answerEntries(answers: DemoAnswers): [`${string}.${string}`, unknown][] {
  return Object.entries(answers).flatMap(([fn, actions]) =>
    Object.entries(actions ?? {}).map(([action, data]) => [`${fn}.${action}` as const, { ok: true, data }] as [`${string}.${string}`, unknown]),
  );
}
