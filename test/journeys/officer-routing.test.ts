/** @jest-environment jsdom */
/**
 * A liaison officer with forty open cases, end to end: the real workspace pages
 * (miniprogram-simulate, real Vant) against the real local back end, as odemo-officer. The
 * queue is arranged through the API (forty residents' cases, most of them accepted) and ten
 * deadlines moved into the past in the database. The officer finds the new case in 待受理,
 * sees the overdue ones first under 已超期, accepts the case, sends it to the district standing
 * committee with a 代表函 (a real PDF, downloaded and opened), records the receiving body's
 * answer and replies; the resident's 满意 closes it. The two other routes (街道办, 市级人大代表)
 * close through the API, and the district office (odemo-admin) sees them all in 办理情况统计.
 *
 * The steps share one queue and run in order; a step that fails leaves the next ones failing too.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { CaseDetail, TransferRoute } from '../../typings/case';
import type { Staff, Station } from '../../typings/models';
import { config } from '../../miniprogram/config';
import { loadPages } from '../miniprogram/support/load-page';
import type { RenderedComponent } from '../miniprogram/support/load-page';
import { readPdf } from '../support/pdf-reader';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { httpGet, lastRoute, launchApp, openPage, shanghaiToday, tap, textOf, textsOf, type, until } from './support/journey';
import { allowNotices, ruleBreaches } from './support/notices';
import { startRemoteBackend, type RemoteBackend } from './support/remote-backend';

// A typed require: the service uses `wx`, whose types only the mini-program's tsconfig knows.
const { loadNoticeTemplates } = require('../../miniprogram/services/subscribe') as { loadNoticeTemplates(): Promise<void> };

const RESIDENT = 'odemo-resident';
const OFFICER = 'odemo-officer';
const ADMIN = 'odemo-admin';
const OFFICER_STAFF_ID = 'sf-ft-hf';
/** 华富街道's street station, where the subject case and the two other routes are written. */
const STATION_ID = 'st-ft-hf';

const TITLE = '华富路与新洲路口红绿灯太短老人过不了马路';
const CONTENT = '华富路与新洲路交叉口的行人绿灯只有十几秒，老人和带孩子的家长经常走到一半就变红灯，车辆抢行很危险，希望延长行人绿灯时间。';
const RECEIVING_BODY = '福田区住房和建设局';
const ANSWER = '经现场核查，该路口信号配时已交由交警部门调整，行人绿灯延长至35秒，并增设安全岛提示标线。';
const REPLY = '您好，区住建局会同交警已调整华富路与新洲路口的信号配时，行人绿灯延长到35秒，欢迎您继续监督。';

/** The queue: forty open cases, twelve waiting for triage; ten deadlines already past. */
const QUEUE_SIZE = 40;
const TRIAGE_COUNT = 12;
/** Days overdue of the four triage cases and the six accepted ones (all different: the order is theirs). */
const OVERDUE_TRIAGE_DAYS = [2, 4, 6, 9];
const OVERDUE_ACCEPTED_DAYS = [1, 3, 5, 7, 8, 10];
const TOPICS = [
  ['小区门口共享单车乱停堵塞人行道', '小区门口的共享单车越停越多，把人行道堵得只剩一条缝，轮椅和婴儿车都过不去。'],
  ['楼下餐馆油烟直排影响居民开窗', '楼下新开的餐馆油烟没有经过净化直接排放，三楼以上的住户整天不敢开窗。'],
  ['社区公园健身器材损坏无人维修', '社区公园里的两台健身器材扶手断裂，已经有老人差点摔倒，希望尽快维修或更换。'],
  ['夜间施工噪音扰民影响休息', '附近工地连续一周晚上十一点后还在施工，噪音很大，居民无法正常休息。'],
  ['垃圾分类投放点清运不及时', '小区的垃圾分类投放点经常满溢，天气热了味道很大，希望增加清运次数。'],
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/** 'YYYY-MM-DD' `days` after today in Shenzhen (negative: before). */
const shanghaiDay = (days: number) => new Date(Date.parse(shanghaiToday()) + days * DAY_MS).toISOString().slice(0, 10);
/** The last millisecond of that Shanghai day: how every deadline is kept. */
const endOfShanghaiDay = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + DAY_MS - 1);
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
/** Figures rates as the page writes them (never 100% short of all: none here comes close). */
const rate = (numerator: number, denominator: number) => `${Math.round((numerator / denominator) * 100)}%（${numerator}/${denominator}）`;

/** Runs `work` over `items`, `width` at a time: a few calls at once is quickest (more contend for the day's receipt counter). */
async function inBatches<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width) {
    results.push(...(await Promise.all(items.slice(start, start + width).map((item, i) => work(item, start + i)))));
  }
  return results;
}

interface QueuedCase {
  caseId: string;
  stationId: string;
  accepted: boolean;
  overdueDays?: number;
}

describe('a liaison officer with forty open cases routes one by 代表函 and closes every routing path', () => {
  let backend: RemoteBackend;
  let wx: WxPlatform;
  const pages = { inbox: '', case: '', figures: '' };
  let templates: { caseStatusChanged: string; caseReplied: string; handlerTask: string };
  let station: Station;
  let officer: Staff;
  const queue: QueuedCase[] = [];
  /** Every case closed in this journey, by route. */
  const closedCases: { caseId: string; route: TransferRoute; resident: string; receivingBody: string }[] = [];
  const journey = { caseId: '', receiptNo: '', deadline: '', inbox: undefined as RenderedComponent | undefined, casePage: undefined as RenderedComponent | undefined };
  const started = Date.now();

  beforeAll(async () => {
    backend = await startRemoteBackend(['station', 'case', 'subscription', 'user', 'admin', 'scheduler']);
    config.mode = 'local';
    config.localHost = backend.url;
    config.localOpenid = OFFICER;

    wx = createWxPlatform();
    wx.install();
    launchApp();
    await loadNoticeTemplates();
    Object.assign(pages, loadPages({ inbox: 'packages/work/inbox/index', case: 'packages/work/case/index', figures: 'packages/admin/figures/index' }));

    templates = await backend.data('subscription', 'templates', {});
    [station] = await backend.find<Station>('stations', { _id: STATION_ID });
    [officer] = await backend.find<Staff>('staff', { _id: OFFICER_STAFF_ID });
  }, 180_000);

  afterAll(async () => {
    await backend?.close();
    console.info(`[journey] officer routing: ${((Date.now() - started) / 1000).toFixed(1)} s including the back end's start`);
  });

  const statusTag = (page: RenderedComponent) => page.dom.querySelector('.case-status-tag--case-status')?.textContent?.trim();
  const timeline = (page: RenderedComponent) =>
    Array.from(page.dom.querySelectorAll('.case-timeline--timeline__entry')).map((entry) => {
      const read = (cls: string) => (entry.querySelector(`.case-timeline--timeline__${cls}`)?.textContent ?? '').trim();
      const facts = Array.from(entry.querySelectorAll('.case-timeline--timeline__fact')).map((f) => (f.textContent ?? '').trim());
      return { label: read('label'), actor: read('actor'), note: read('note'), facts };
    });

  /** Opens a command's sheet on the case page, fills it with `fill`, sends it and waits for `done`. */
  async function command(page: RenderedComponent, kind: string, sheetTitle: string, fill: () => Promise<void>, done: () => boolean, what: string): Promise<void> {
    tap(page.querySelector(`.command-${kind}`));
    await until(() => page.data.popup === kind && textOf(page).includes(sheetTitle), `the ${sheetTitle} sheet`);
    await fill();
    tap(page.querySelector('.send'));
    await until(() => page.data.popup === '' && done(), what, 15_000);
  }

  async function typed(page: RenderedComponent, key: string, value: string): Promise<void> {
    type(page, `.field-${key}`, value);
    await until(() => page.data.form[key] === value, `the ${key}`);
  }

  it('1. the queue: forty open cases at the officer’s stations, ten of them overdue; then the new one', async () => {
    expect(officer.stationIds).toContain(STATION_ID);
    expect(officer.stationIds.length).toBeGreaterThan(1);
    const overdue = [...OVERDUE_TRIAGE_DAYS, ...Array(TRIAGE_COUNT - OVERDUE_TRIAGE_DAYS.length).fill(undefined), ...OVERDUE_ACCEPTED_DAYS];
    // Forty residents, each writing once (a resident may send only three a minute).
    const submitted = await inBatches(Array.from({ length: QUEUE_SIZE }), 4, async (_x, i) => {
      const [title, content] = TOPICS[i % TOPICS.length];
      const stationId = officer.stationIds[i % officer.stationIds.length];
      const answer = await backend.data(
        'case',
        'submit',
        { requestId: `queue-${randomUUID()}`, stationId, category: 'opinion', title: `${title}（${i + 1}号楼）`, content: `${content}地点在${i + 1}号楼附近。` },
        `ojourney-queue-${i}`,
      );
      return { caseId: answer.caseId, stationId, accepted: i >= TRIAGE_COUNT, overdueDays: overdue[i] } satisfies QueuedCase;
    });
    queue.push(...submitted);
    await inBatches(
      queue.filter((c) => c.accepted),
      4,
      async (c) => {
        const { version } = await backend.data('case', 'get', { caseId: c.caseId }, OFFICER);
        await backend.data('case', 'accept', { caseId: c.caseId, version }, OFFICER);
      },
    );
    // Deadlines nobody met: no action may set a past one, so they are moved in the database.
    for (const c of queue.filter((q) => q.overdueDays)) {
      expect(await backend.update('cases', { _id: c.caseId }, { dueAt: endOfShanghaiDay(shanghaiDay(-c.overdueDays!)) })).toBe(1);
    }

    // The subject: a resident who allowed every notice the case will bring.
    await allowNotices(backend, RESIDENT, { [templates.caseStatusChanged]: 3, [templates.caseReplied]: 2 });
    const { caseId, receiptNo } = await backend.data(
      'case',
      'submit',
      { requestId: `journey-${randomUUID()}`, stationId: STATION_ID, category: 'suggestion', title: TITLE, content: CONTENT, contact: { phone: '13700137000' } },
      RESIDENT,
    );
    Object.assign(journey, { caseId, receiptNo });
    const { counts } = await backend.data('case', 'inbox', { filter: 'triage' }, OFFICER);
    expect(counts).toEqual({ open: QUEUE_SIZE + 1, triage: TRIAGE_COUNT + 1, overdue: OVERDUE_TRIAGE_DAYS.length + OVERDUE_ACCEPTED_DAYS.length });
    // Arranging is 80-odd calls (5-8 s here, alone): more room than a step on screen needs.
  }, 60_000);

  it('2. 待办留言 opens on 待受理: the overdue ones first, in red, then the new case with its three days', async () => {
    const page = await openPage(pages.inbox, {}, 'the officer’s queue');
    journey.inbox = page;
    expect(wx.titles.at(-1)).toBe('待办留言');
    expect(textsOf(page, '.van-tabs--van-tab')).toEqual([`待受理 ${TRIAGE_COUNT + 1}`, `办理中 ${QUEUE_SIZE + 1}`, '已超期 10', '已办结']);
    expect(textOf(page.querySelector('.station')!)).toBe('联络站全部联络站');

    const dueTexts = textsOf(page, '.main--case__due');
    expect(dueTexts).toHaveLength(TRIAGE_COUNT + 1);
    const mostOverdueFirst = [...OVERDUE_TRIAGE_DAYS].sort((a, b) => b - a).map((d) => `已超期 ${d} 天`);
    expect(dueTexts.slice(0, 4)).toEqual(mostOverdueFirst);
    expect(textsOf(page, '.main--case__due--overdue')).toEqual(mostOverdueFirst);
    expect(dueTexts.slice(4).every((t) => t === '还剩 3 天')).toBe(true);

    const rows = page.querySelectorAll('.case');
    const subject = rows.findIndex((row) => textOf(row).includes(TITLE));
    expect(subject).toBeGreaterThanOrEqual(4);
    expect(textOf(rows[subject])).toContain(`受理编号 ${journey.receiptNo}`);
    expect(textOf(rows[subject])).toContain(station.name);
    expect(rows[subject].dom.querySelector('.case-status-tag--case-status')?.textContent?.trim()).toBe('已提交');
  });

  it('3. 已超期: the ten overdue cases, triaged or not, the most overdue first', async () => {
    const page = journey.inbox!;
    const requestsBefore = wx.requests.length;
    page.querySelector('.filters')!.querySelectorAll('.van-tab')[2].dispatchEvent('tap');
    await until(() => page.data.active === 'overdue' && !page.data.listLoading, 'the 已超期 tab');
    expect(wx.requests.slice(requestsBefore).map((r) => r.data)).toEqual([{ action: 'inbox', filter: 'overdue', page: 0 }]);
    const all = [...OVERDUE_TRIAGE_DAYS, ...OVERDUE_ACCEPTED_DAYS].sort((a, b) => b - a).map((d) => `已超期 ${d} 天`);
    expect(textsOf(page, '.main--case__due')).toEqual(all);
    expect(textsOf(page, '.main--case__due--overdue')).toEqual(all);
    expect(textOf(page)).not.toContain(TITLE);
    const statuses = Array.from(page.dom.querySelectorAll('.case-status-tag--case-status')).map((n) => n.textContent?.trim());
    expect(statuses.filter((s) => s === '已提交')).toHaveLength(OVERDUE_TRIAGE_DAYS.length);
    expect(statuses.filter((s) => s === '已受理')).toHaveLength(OVERDUE_ACCEPTED_DAYS.length);
  });

  it('4. back on 待受理, the new case opens; 受理 from its sheet', async () => {
    const inbox = journey.inbox!;
    inbox.querySelector('.filters')!.querySelectorAll('.van-tab')[0].dispatchEvent('tap');
    await until(() => inbox.data.active === 'triage' && !inbox.data.listLoading && textOf(inbox).includes(TITLE), 'the 待受理 tab');
    const row = inbox.querySelectorAll('.case').find((r) => textOf(r).includes(TITLE));
    // The whole card is the tap target (its own bindtap), as a finger finds it.
    row!.dispatchEvent('tap');
    await until(() => wx.navigations.length > 0, 'the way to the case');
    expect(lastRoute(wx, 'navigateTo')).toEqual({ page: 'packages/work/case/index', query: { id: journey.caseId } });

    const page = await openPage(pages.case, lastRoute(wx, 'navigateTo').query, 'the case');
    journey.casePage = page;
    expect(statusTag(page)).toBe('已提交');
    expect(textOf(page)).toContain(CONTENT);
    expect(textOf(page)).toContain(`${station.name} · 尚未指派承办代表`);
    expect(textsOf(page, '.main--case__due')[0]).toMatch(/^还剩 3 天（\d+月\d+日）$/);
    expect(page.querySelectorAll('.command').map((b) => textOf(b))[0]).toBe('受理');

    await command(
      page,
      'accept',
      '受理留言',
      async () => typed(page, 'note', '已电话联系留言人'),
      () => statusTag(page) === '已受理',
      '已受理',
    );
    expect(wx.toasts.at(-1)).toEqual({ title: '已受理', icon: 'none' });
    expect(wx.subscriptionPrompts.map((p) => p.tmplIds)).toEqual([[templates.handlerTask]]);
    expect(timeline(page)[0]).toMatchObject({ label: '受理', actor: `联络员 ${officer.name}`, note: '已电话联系留言人' });
    expect(textsOf(page, '.main--case__due')[0]).toMatch(/^还剩 15 天/);
  });

  it('5. 转办: 代表函·区人大常委会 to 福田区住房和建设局, with a deadline', async () => {
    const page = journey.casePage!;
    journey.deadline = shanghaiDay(10);
    await command(
      page,
      'transfer',
      '转办方式',
      async () => {
        expect(page.data.tomorrow).toBe(shanghaiDay(1));
        // The whole row picks the route, not only its round icon.
        tap(page.querySelector('.route-district_committee'), '.van-cell');
        await until(() => page.data.form.route === 'district_committee', 'the route');
        await typed(page, 'receivingBody', RECEIVING_BODY);
        page.querySelector('.deadline-picker')!.dispatchEvent('change', { detail: { value: journey.deadline } });
        await until(() => textOf(page.querySelector('.deadline')!).includes(journey.deadline), 'the deadline');
      },
      () => statusTag(page) === '已转办',
      '已转办',
    );
    expect(textOf(page)).toMatch(new RegExp(`以《代表函》报区人大常委会转交承办单位：${RECEIVING_BODY}，办理期限 (\\d{4}年)?${monthDay(journey.deadline)}`));
    expect(timeline(page)[0]).toMatchObject({ label: '转办', actor: `联络员 ${officer.name}` });
    expect(timeline(page)[0].facts).toContain('以《代表函》报区人大常委会转交承办单位');
    expect(page.querySelectorAll('.command').map((b) => textOf(b))).toContain('登记承办单位答复');
  });

  it('6. 生成代表函: downloaded from the URL the back end gave, opened as a PDF naming the case', async () => {
    const page = journey.casePage!;
    tap(page.querySelector('.letter'));
    await until(() => wx.documents.length === 1, 'the letter to open', 15_000);
    expect(wx.requests.filter((r) => (r.data as { action?: string })?.action === 'letter').map((r) => r.data)).toEqual([{ action: 'letter', caseId: journey.caseId }]);

    expect(wx.downloads).toHaveLength(1);
    const [download] = wx.downloads;
    expect(download.url.startsWith(`${backend.url}/storage/files/letters/${journey.caseId}/${journey.receiptNo}.pdf`)).toBe(true);
    expect(download.statusCode).toBe(200);
    expect(wx.documents).toEqual([{ filePath: download.tempFilePath, fileType: 'pdf', showMenu: true }]);
    expect(page.data.busy).toBe(false);

    // The same URL fetched as anyone would: a real PDF, the very bytes the phone opened.
    const served = await httpGet(download.url);
    expect(served.status).toBe(200);
    expect(served.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(served.bytes.length).toBeGreaterThan(2000);
    expect(served.bytes.equals(fs.readFileSync(download.tempFilePath!))).toBe(true);
    // Read as a PDF viewer reads it (pdf.js): A4 pages whose text, rejoined across line breaks, names the case.
    const letter = await readPdf(served.bytes);
    expect(letter.pages.length).toBeGreaterThanOrEqual(1);
    for (const page of letter.pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
    const text = letter.text.replace(/\s/g, '');
    expect(text).toContain(`福田代函〔${shanghaiToday().slice(0, 4)}〕${journey.receiptNo}`);
    expect(text).toContain(RECEIVING_BODY);
    expect(text).toContain(TITLE);
    // The deadline the officer picked, as the letter writes it.
    expect(text).toContain(`${journey.deadline.slice(0, 4)}年${monthDay(journey.deadline)}`);
  });

  it('7. 登记承办单位答复, then 答复 the resident: 已答复', async () => {
    const page = journey.casePage!;
    await command(
      page,
      'record_answer',
      '登记承办单位答复',
      async () => {
        // The answering body defaults to the one the case went to.
        expect(page.data.form.from).toBe(RECEIVING_BODY);
        await typed(page, 'content', ANSWER);
      },
      () => timeline(page)[0]?.label === '承办单位答复',
      'the answer on the timeline',
    );
    expect(timeline(page)[0]).toEqual({ label: '承办单位答复', actor: `联络员 ${officer.name}`, note: ANSWER, facts: [`答复单位：${RECEIVING_BODY}`] });
    expect(statusTag(page)).toBe('已转办');

    await command(
      page,
      'reply',
      '答复留言人',
      async () => typed(page, 'content', REPLY),
      () => statusTag(page) === '已答复',
      '已答复',
    );
    expect(timeline(page)[0]).toMatchObject({ label: '答复', actor: `联络员 ${officer.name}`, note: REPLY });
    expect(wx.toasts.at(-1)).toEqual({ title: '已答复', icon: 'none' });
  });

  it('8. the resident rates 满意; the page, pulled down, shows 已办结', async () => {
    const mine = await backend.data('case', 'get', { caseId: journey.caseId }, RESIDENT);
    expect(mine.status).toBe('replied');
    await backend.data('case', 'rate', { caseId: mine.id, version: mine.version, rating: 'satisfied' }, RESIDENT);

    const page = journey.casePage!;
    await page.instance.onPullDownRefresh();
    await until(() => statusTag(page) === '已办结', '已办结');
    expect(textOf(page)).toContain('评价：满意');
    expect(page.querySelectorAll('.command').map((b) => textOf(b))).not.toContain('答复');
    expect(textsOf(page, '.main--case__due')).toEqual([]);
    closedCases.push({ caseId: journey.caseId, route: 'district_committee', resident: RESIDENT, receivingBody: RECEIVING_BODY });
  });

  it('9. the other two routes close through the API: 街道办 and 市级人大代表', async () => {
    const routes: { route: TransferRoute; receivingBody: string; title: string }[] = [
      { route: 'street_office', receivingBody: '华富街道办事处', title: '华富村东区化粪池满溢污水流到路面' },
      { route: 'city_deputy', receivingBody: '深圳市人大代表 陈志明', title: '建议地铁七号线华新站增设无障碍电梯' },
    ];
    for (const [i, { route, receivingBody, title }] of routes.entries()) {
      const resident = `ojourney-route-${route}`;
      await allowNotices(backend, resident, { [templates.caseStatusChanged]: 3, [templates.caseReplied]: 2 });
      const { caseId } = await backend.data(
        'case',
        'submit',
        {
          requestId: `route-${randomUUID()}`,
          stationId: STATION_ID,
          category: 'suggestion',
          title,
          content: `${title}，已经持续一段时间，附近居民反映强烈，希望有关部门尽快处理。`,
        },
        resident,
      );
      const ref = (d: CaseDetail) => ({ caseId: d.id, version: d.version });
      let detail: CaseDetail = await backend.data('case', 'get', { caseId }, OFFICER);
      detail = await backend.data('case', 'accept', ref(detail), OFFICER);
      detail = await backend.data('case', 'transfer', { ...ref(detail), route, receivingBody, deadline: shanghaiDay(7 + i) }, OFFICER);
      expect(detail).toMatchObject({ status: 'transferred', transfer: { route, receivingBody } });
      detail = await backend.data('case', 'recordAnswer', { ...ref(detail), content: `${receivingBody}已研究办理，情况已书面答复。` }, OFFICER);
      detail = await backend.data('case', 'reply', { ...ref(detail), content: `您好，${receivingBody}已答复办理情况，请查看。` }, OFFICER);
      expect(detail.status).toBe('replied');
      const mine = await backend.data('case', 'get', { caseId }, resident);
      detail = await backend.data('case', 'rate', { caseId, version: mine.version, rating: 'satisfied' }, resident);
      expect(detail.status).toBe('closed');
      closedCases.push({ caseId, route, resident, receivingBody });
    }
    expect(closedCases.map((c) => c.route).sort()).toEqual(['city_deputy', 'district_committee', 'street_office']);
  });

  it('10. each resident’s WeChat: 已受理, 已转办 to the body, its answer, the reply, 已办结', async () => {
    for (const { caseId, resident, receivingBody } of closedCases) {
      const sent = await backend.wx.sent({ openid: resident });
      const { caseStatusChanged: status, caseReplied: reply } = templates;
      expect(sent.map((m) => m.template_id)).toEqual([status, status, reply, reply, status]);
      for (const message of sent) {
        expect(message.page).toBe(`packages/case/detail/index?id=${caseId}`);
        expect(ruleBreaches(message)).toEqual([]);
      }
      const [accepted, transferred, answered, replied, closed] = sent;
      expect(accepted.data.phrase3.value).toBe('已受理');
      expect(transferred.data).toMatchObject({ phrase3: { value: '已转办' }, thing5: { value: `已转${receivingBody}办理`.slice(0, 20) } });
      expect(answered.data.thing2.value).toBe(receivingBody);
      expect(replied.data.thing2.value).toBe(`联络员 ${officer.name}`);
      expect(closed.data.phrase3.value).toBe('已办结');
    }
    const subject = await backend.wx.sent({ openid: RESIDENT });
    expect(subject[0].data.character_string1.value).toBe(journey.receiptNo);
    expect(subject[2].data.thing3.value).toMatch(/^经现场核查/);
    expect(subject[3].data.thing3.value).toMatch(/^您好，区住建局会同交警/);
  });

  it('11. 办理情况统计 (odemo-admin), this month by station: 华富街道 received every case, 办结率 counts the three closed', async () => {
    // The figures follow the cases one scheduler tick behind: the tick its timer fires every 10 minutes.
    expect(await backend.fireTimer('scheduler', 'tick')).toMatchObject({ status: 200, body: { ok: true } });
    config.localOpenid = ADMIN;
    const page = await openPage(pages.figures, {}, 'the figures');
    const here = [...queue.filter((c) => c.stationId === STATION_ID), ...closedCases];
    const acceptedHere = queue.filter((c) => c.stationId === STATION_ID && c.accepted).length + closedCases.length;
    const total = queue.length + closedCases.length;

    const rows = Array.from(page.dom.querySelectorAll('.main--row'));
    const row = rows.find((r) => r.querySelector('.main--figure__name')?.textContent?.trim() === station.name);
    expect(row).toBeDefined();
    const cell = (name: string) => row!.querySelector(`.main--${name}`)?.textContent?.trim();
    expect(cell('received')).toBe(String(here.length));
    expect(cell('closure')).toBe(rate(closedCases.length, here.length));
    expect(cell('response')).toBe(rate(acceptedHere, here.length));
    expect(cell('satisfaction')).toBe('100%（3/3）');
    // The district's totals: every case of the journey, at whichever 华富 station.
    expect(page.dom.querySelector('.main--totals .main--received')?.textContent?.trim()).toBe(String(total));
    expect(page.dom.querySelector('.main--totals .main--closure')?.textContent?.trim()).toBe(rate(closedCases.length, total));
  });
});
