/** @jest-environment jsdom */
/**
 * A deputy between meetings, end to end: the real workspace pages (miniprogram-simulate, real
 * Vant) against the real local back end, as odemo-deputy (dp-001). A resident writes to the
 * deputy and the officer accepts and assigns it (both through the API); the deputy finds it in
 * 我的待办留言, answers it with a photo, goes back to see the resident (回访) with another, and
 * finds both in the duty record. The resident's WeChat gets 已受理 and the reply.
 *
 * The steps share one case and run in order; a step that fails leaves the next ones failing too.
 */
import { randomUUID } from 'node:crypto';
import type { CaseDetail } from '../../typings/case';
import type { Deputy, Staff, Station } from '../../typings/models';
import { config } from '../../miniprogram/config';
import { loadPages } from '../miniprogram/support/load-page';
import type { RenderedComponent } from '../miniprogram/support/load-page';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { albumPhotos, attributesOf, httpGet, lastRoute, launchApp, openPage, shanghaiToday, tap, textOf, textsOf, type, until } from './support/journey';
import { allowNotices, ruleBreaches } from './support/notices';
import { startRemoteBackend, type RemoteBackend } from './support/remote-backend';

// A typed require: the service uses `wx`, whose types only the mini-program's tsconfig knows.
const { loadNoticeTemplates } = require('../../miniprogram/services/subscribe') as { loadNoticeTemplates(): Promise<void> };

const RESIDENT = 'odemo-resident';
const OFFICER = 'odemo-officer';
const DEPUTY = 'odemo-deputy';
const DEPUTY_ID = 'dp-001';
const OFFICER_STAFF_ID = 'sf-ft-hf';
/** 华富街道's street station, where dp-001 is stationed. */
const STATION_ID = 'st-ft-hf';

const TITLE = '华富村5栋电梯停运三天老人下不了楼';
const CONTENT = '华富村5栋的电梯从周一开始停运，物业说在等配件，楼里有好几位八十多岁的老人三天没能下楼买菜看病，希望代表帮忙督促尽快修好。';
const PHONE = '13900139000';
const REPLY = '您好，我已到现场查看并约见物业，电梯配件今天上午到货，维保公司下午已修复并通过检测，5栋电梯恢复运行。';
const FOLLOW_UP = '今天回访5栋，电梯运行正常，张阿姨等三位老人反映已能正常出门，物业承诺每周巡检一次。';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Beijing calendar days from today to the day of `instant`. */
const daysUntil = (instant: string) => (Date.parse(shanghaiToday(new Date(instant))) - Date.parse(shanghaiToday())) / DAY_MS;

describe('a deputy between meetings: 交办给我 → 答复 with a photo → 回访 → the duty record', () => {
  let backend: RemoteBackend;
  let wx: WxPlatform;
  let photos: ReturnType<typeof albumPhotos>;
  const pages = { inbox: '', case: '', duty: '' };
  let templates: { caseStatusChanged: string; caseReplied: string; handlerTask: string };
  let station: Station;
  let deputy: Deputy;
  let officer: Staff;
  const journey = { caseId: '', receiptNo: '', dueAt: '', casePage: undefined as RenderedComponent | undefined };
  const started = Date.now();

  beforeAll(async () => {
    backend = await startRemoteBackend(['station', 'case', 'subscription', 'user']);
    config.mode = 'local';
    config.localHost = backend.url;
    config.localOpenid = DEPUTY;

    // Two photos in the album: the first for the reply, the second for the follow-up.
    photos = albumPhotos(2);
    wx = createWxPlatform({ media: [] });
    wx.install();
    launchApp();
    await loadNoticeTemplates();
    Object.assign(pages, loadPages({ inbox: 'packages/work/inbox/index', case: 'packages/work/case/index', duty: 'packages/work/duty/index' }));

    templates = await backend.data('subscription', 'templates', {});
    [station] = await backend.find<Station>('stations', { _id: STATION_ID });
    [deputy] = await backend.find<Deputy>('deputies', { _id: DEPUTY_ID });
    [officer] = await backend.find<Staff>('staff', { _id: OFFICER_STAFF_ID });
  }, 180_000);

  afterAll(async () => {
    await backend?.close();
    photos?.remove();
    console.info(`[journey] deputy case: ${((Date.now() - started) / 1000).toFixed(1)} s including the back end's start`);
  });

  /** The page's photo picker: one photo from the album, uploaded to the local storage. */
  async function pickPhoto(page: RenderedComponent, path: string): Promise<void> {
    wx.media = [path];
    const uploadsBefore = wx.uploads.length;
    const uploader = () => page.querySelector('.photo-picker')!.querySelector('.case-photos')!;
    tap(uploader(), '.van-uploader__upload');
    await until(() => uploader().querySelectorAll('.van-uploader__preview').length === 1, 'the thumbnail');
    await until(() => page.querySelector('.photo-picker')!.data.files.every((f: { status: string }) => f.status === 'done'), 'the upload', 15_000);
    expect(wx.uploads.slice(uploadsBefore).map((u) => [u.url, u.filePath, u.header['X-WX-OPENID']])).toEqual([[`${backend.url}/storage/upload`, path, DEPUTY]]);
  }

  const statusTag = (page: RenderedComponent) => page.dom.querySelector('.case-status-tag--case-status')?.textContent?.trim();
  const timeline = (page: RenderedComponent) =>
    Array.from(page.dom.querySelectorAll('.case-timeline--timeline__entry')).map((entry) => {
      const read = (cls: string) => (entry.querySelector(`.case-timeline--timeline__${cls}`)?.textContent ?? '').trim();
      return { label: read('label'), actor: read('actor'), note: read('note') };
    });

  /** The photos of the newest timeline entry: served by the emulator's storage, the very bytes picked. */
  async function expectNewestEntryPhoto(page: RenderedComponent, bytes: Buffer): Promise<void> {
    const newest = page.dom.querySelectorAll('.case-timeline--timeline__entry')[0];
    const urls = attributesOf({ dom: newest }, '.case-timeline--timeline__photo', 'data-current');
    expect(urls).toHaveLength(1);
    expect(urls[0].startsWith(`${backend.url}/storage/files/cases/`)).toBe(true);
    const served = await httpGet(urls[0]);
    expect([served.status, served.type]).toEqual([200, 'image/png']);
    expect(served.bytes.equals(bytes)).toBe(true);
  }

  it('1. a resident writes to the deputy at 华富街道, allowing both notices', async () => {
    await allowNotices(backend, RESIDENT, { [templates.caseStatusChanged]: 1, [templates.caseReplied]: 1 });
    const { caseId, receiptNo } = await backend.data(
      'case',
      'submit',
      { requestId: `journey-${randomUUID()}`, stationId: STATION_ID, deputyId: DEPUTY_ID, category: 'help', title: TITLE, content: CONTENT, contact: { phone: PHONE } },
      RESIDENT,
    );
    Object.assign(journey, { caseId, receiptNo });
    const detail = await backend.data('case', 'get', { caseId }, DEPUTY);
    expect(detail).toMatchObject({ status: 'submitted', targetDeputy: { id: DEPUTY_ID } });
    // Written to, not yet assigned: the deputy may read it but not answer it.
    expect(detail.availableCommands).not.toContain('reply');
  });

  it('2. the officer accepts it and assigns it to the deputy', async () => {
    let detail: CaseDetail = await backend.data('case', 'get', { caseId: journey.caseId }, OFFICER);
    detail = await backend.data('case', 'accept', { caseId: detail.id, version: detail.version }, OFFICER);
    detail = await backend.data('case', 'assign', { caseId: detail.id, version: detail.version, deputyId: DEPUTY_ID, note: '请代表跟进，老人出行急需' }, OFFICER);
    expect(detail).toMatchObject({ status: 'accepted', assignedDeputy: { id: DEPUTY_ID } });
    journey.dueAt = detail.dueAt!;
    expect(daysUntil(journey.dueAt)).toBe(15);
  });

  it('3. 我的待办留言: the case under 办理中, 交办给我, with its deadline; a tap opens it', async () => {
    const page = await openPage(pages.inbox, {}, 'the deputy’s queue');
    expect(wx.titles.at(-1)).toBe('我的待办留言');
    expect(textsOf(page, '.van-tabs--van-tab')).toEqual(['办理中 1', '已超期', '已办结']);
    expect(page.data.active).toBe('open');

    const rows = page.querySelectorAll('.case');
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(textOf(row)).toContain(TITLE);
    expect(textOf(row)).toContain(`受理编号 ${journey.receiptNo}`);
    expect(textOf(row)).toContain(station.name);
    expect(row.dom.querySelector('.case-status-tag--case-status')?.textContent?.trim()).toBe('已受理');
    expect(textsOf(page, '.main--case__relation')).toEqual(['交办给我']);
    expect(textsOf(page, '.main--case__due')).toEqual([`还剩 ${daysUntil(journey.dueAt)} 天`]);
    expect(textsOf(page, '.main--case__due--overdue')).toEqual([]);

    // The whole card is the tap target (its own bindtap), as a finger finds it.
    row.dispatchEvent('tap');
    await until(() => wx.navigations.length > 0, 'the way to the case');
    expect(lastRoute(wx, 'navigateTo')).toEqual({ page: 'packages/work/case/index', query: { id: journey.caseId } });
  });

  it('4. the case: what the resident asked, how to reach them, the deadline; 答复 with text and a photo → 已答复', async () => {
    const page = await openPage(pages.case, { id: journey.caseId }, 'the case');
    journey.casePage = page;
    const text = textOf(page);
    expect(statusTag(page)).toBe('已受理');
    expect(text).toContain(TITLE);
    expect(text).toContain(CONTENT);
    expect(text).toContain(`${station.name} · 承办代表：${deputy.name}`);
    // Assigned and not anonymous: the deputy may call the resident.
    expect(textOf(page.querySelector('.phone')!)).toBe(`电话${PHONE}`);
    expect(textsOf(page, '.main--case__due')[0]).toMatch(new RegExp(`^还剩 ${daysUntil(journey.dueAt)} 天（\\d+月\\d+日）$`));
    expect(timeline(page).map((e) => [e.label, e.actor])).toEqual([
      ['指派代表', `联络员 ${officer.name}`],
      ['受理', `联络员 ${officer.name}`],
      ['提交留言', expect.any(String)],
    ]);
    // 答复 is the button to press; an officer's commands are not offered.
    const buttons = page.querySelectorAll('.command').map((b) => textOf(b));
    expect(buttons[0]).toBe('答复');
    expect(buttons).toContain('回访');
    expect(buttons).not.toContain('受理');
    expect(buttons).not.toContain('转办');

    tap(page.querySelector('.command-reply'));
    await until(() => page.data.popup === 'reply' && textOf(page).includes('答复留言人'), 'the reply sheet');
    type(page, '.field-content', REPLY);
    await until(() => page.data.form.content === REPLY, 'the reply text');
    await pickPhoto(page, photos.paths[0]);

    tap(page.querySelector('.send'));
    await until(() => statusTag(page) === '已答复', '已答复', 15_000);
    expect(page.data.popup).toBe('');
    expect(wx.toasts.at(-1)).toEqual({ title: '已答复', icon: 'none' });
    // The first command of the session asked, from the tap, for deadline reminders.
    expect(wx.subscriptionPrompts.map((p) => p.tmplIds)).toEqual([[templates.handlerTask]]);

    const [newest] = timeline(page);
    expect(newest).toEqual({ label: '答复', actor: `人大代表 ${deputy.name}`, note: REPLY });
    await expectNewestEntryPhoto(page, photos.bytes[0]);
  });

  it('5. 回访 with a note and a photo: on the timeline, the case still 已答复', async () => {
    const page = journey.casePage!;
    tap(page.querySelector('.command-follow_up'));
    await until(() => page.data.popup === 'follow_up', 'the follow-up sheet');
    // Nothing leaves without the note.
    tap(page.querySelector('.send'));
    await until(() => page.data.errors.note === '请填写回访情况', 'the missing note');

    type(page, '.field-note', FOLLOW_UP);
    await until(() => page.data.form.note === FOLLOW_UP, 'the note');
    await pickPhoto(page, photos.paths[1]);
    tap(page.querySelector('.send'));
    await until(() => timeline(page)[0]?.label === '回访', 'the follow-up on the timeline', 15_000);
    expect(timeline(page)[0]).toEqual({ label: '回访', actor: `人大代表 ${deputy.name}`, note: FOLLOW_UP });
    expect(wx.toasts.at(-1)).toEqual({ title: '已回访', icon: 'none' });
    expect(statusTag(page)).toBe('已答复');
    await expectNewestEntryPhoto(page, photos.bytes[1]);
    // Asked once per session, not again.
    expect(wx.subscriptionPrompts).toHaveLength(1);

    // Back on the queue: still 办理中 (waiting for the rating), still the deputy's.
    const inbox = await openPage(pages.inbox, {}, 'the queue again');
    expect(inbox.dom.querySelectorAll('.case-status-tag--case-status')[0]?.textContent?.trim()).toBe('已答复');
  });

  it('6. 履职档案 counts the reply and the follow-up', async () => {
    const page = await openPage(pages.duty, {}, 'the duty record');
    const year = shanghaiToday().slice(0, 4);
    expect(textOf(page)).toContain(`${deputy.name} · ${year}年履职档案`);
    const count = (key: string) => textOf(page.querySelector(`.item-${key}`)!);
    expect(count('replies')).toBe('答复留言1 次');
    expect(count('followUps')).toBe('回访群众1 次');
    // A follow-up is a visit to the voter; both reached the same resident.
    expect(count('visits')).toContain('1 / 3 次');
    expect(count('votersContacted')).toContain('1 / 30 人');
    const recent = page.querySelectorAll('.recent').map((c) => textOf(c));
    expect(recent.slice(0, 2).map((r) => r.replace(/\d+月\d+日.*$/, ''))).toEqual([`回访群众：「${TITLE}」`, `答复留言「${TITLE}」`]);
  });

  it('7. the resident’s WeChat: 已受理, then the deputy’s reply — values WeChat accepts, each opening the case', async () => {
    const sent = await backend.wx.sent({ openid: RESIDENT });
    expect(sent.map((m) => m.template_id)).toEqual([templates.caseStatusChanged, templates.caseReplied]);
    for (const message of sent) {
      expect(message.page).toBe(`packages/case/detail/index?id=${journey.caseId}`);
      expect(ruleBreaches(message)).toEqual([]);
    }
    const [accepted, replied] = sent;
    expect(accepted.data).toMatchObject({
      character_string1: { value: journey.receiptNo },
      thing2: { value: expect.stringMatching(/^华富村5栋电梯/) },
      phrase3: { value: '已受理' },
    });
    expect(replied.data).toMatchObject({
      thing1: { value: expect.stringMatching(/^华富村5栋电梯/) },
      thing2: { value: `人大代表 ${deputy.name}` },
      thing3: { value: expect.stringMatching(/^您好，我已到现场查看/) },
    });
    // The assignment and the follow-up are timeline-only: no message for them.
    expect(sent).toHaveLength(2);
  });
});
