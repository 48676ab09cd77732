/** @jest-environment jsdom */
import type { CaseDetail } from '../../typings/case';
import { setClock } from '../../miniprogram/utils/time';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { caseDetail, event, longTimeline, NOW } from './support/case-fixtures';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, textOf, until } from './support/load-page';
import { largestSetDataOnOpening, openedPage, startLocalHost, stopLocalHost, tap, type } from './support/page-harness';
import type { RenderedComponent } from './support/load-page';
// Typed requires: these modules use `wx`, whose types only the mini-program's tsconfig knows.
const { useNoticeTemplates } = require('../../miniprogram/services/subscribe') as { useNoticeTemplates(ids: Record<string, string>): void };
const { forgetTaskNoticesAsked } = require('../../miniprogram/packages/work/case/actions') as { forgetTaskNoticesAsked(): void };

// The page's business is what it does with an upload's outcome; how a file travels (and where its path comes from) is storage.ts's.
jest.mock('../../miniprogram/services/storage', () => {
  const upload = async (path: string) => ({ ok: true, data: { fileId: `cloud://local-dev/cases/${path.split('/').pop()}` } });
  return { uploadPhoto: upload, uploadPhotos: (paths: string[]) => paths.map(upload) };
});

const ok = <T>(data: T) => ({ ok: true, data });
const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 24 * 3600_000 - 1).toISOString();

/** A new case at the officer's station, waiting for triage. NOW is 2026-11-21 14:30 in Beijing. */
const triage = (over: Partial<CaseDetail> = {}) =>
  caseDetail({
    status: 'submitted',
    version: 1,
    assignedDeputy: undefined,
    dueAt: endOf('2026-11-23'),
    location: { point: { type: 'Point', coordinates: [114.0708, 22.5584] }, address: '莲花北村12栋' },
    availableCommands: ['accept', 'reject', 'merge'],
    timeline: [event(1, 'submitted', { actorRole: 'resident', actorName: '张先生', data: { category: 'help', anonymous: false } })],
    ...over,
  });

const accepted = (over: Partial<CaseDetail> = {}) => triage({ status: 'accepted', version: 2, availableCommands: ['assign', 'transfer', 'start', 'reply', 'close'], ...over });

const actions = (host: FunctionHostStub) => host.calls.map((c) => `${c.fn}.${String(c.body.action)}`);
const buttons = (page: RenderedComponent) => page.querySelectorAll('.command').map((b) => textOf(b));

describe('work case page', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pageId: string;
  let downloads: string[];
  let documents: Record<string, unknown>[];

  beforeAll(async () => {
    host = await startLocalHost('odemo-officer');
    pageId = loadPage('packages/work/case/index');
    setClock(() => NOW);
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.otherRequests.length = 0;
    host.answer('case.get', ok(triage()));
    host.answer('subscription.record', ok({ remaining: {} }));
    useNoticeTemplates({ handlerTask: 'TMPL-task' });
    forgetTaskNoticesAsked();
    wx = createWxPlatform();
    downloads = [];
    documents = [];
    // WeChat's file APIs for the 代表函, which the shared test platform does not have.
    Object.assign(wx.api, {
      downloadFile: (o: { url: string; success(res: unknown): void }) => {
        downloads.push(o.url);
        setTimeout(() => o.success({ statusCode: 200, tempFilePath: 'wxfile://tmp/letter.pdf' }), 0);
      },
      openDocument: (o: { filePath: string; fileType: string; showMenu: boolean; success(): void }) => {
        documents.push({ filePath: o.filePath, fileType: o.fileType, showMenu: o.showMenu });
        setTimeout(() => o.success(), 0);
      },
    });
    wx.install();
  });

  const opened = (id = 'case-1'): Promise<RenderedComponent> => openedPage(pageId, { id }, 'the case to load');

  async function openSheet(page: RenderedComponent, kind: string): Promise<void> {
    tap(page, `.command-${kind}`);
    await until(() => page.data.popup === kind, `the ${kind} sheet`);
  }

  it('shows the case as its handler needs it, with only the buttons the server offers', async () => {
    const page = await opened();
    const text = textOf(page);
    expect(host.calls[0].body).toEqual({ action: 'get', caseId: 'case-1' });
    expect(text).toContain('莲花北村12栋楼道灯坏了');
    expect(text).toContain('受理编号 FT20261121-0042');
    expect(text).toContain('12栋三单元楼道灯坏了两个星期');
    expect(text).toContain('华富街道人大代表联络站 · 尚未指派承办代表');
    expect(textOf(page.querySelector('.phone')!)).toBe('电话13800138000');
    expect(textOf(page.querySelector('.location')!)).toBe('问题位置莲花北村12栋');
    expect(page.dom.querySelector('.main--case__due')?.textContent).toBe('还剩 2 天（11月23日）');
    expect(text).toContain('张先生'); // the timeline names the resident
    expect(buttons(page)).toEqual(['受理', '合并办理', '不予受理']);
    expect(page.querySelector('.command-reply')).toBeUndefined();
    expect(page.querySelector('.letter')).toBeUndefined();
  });

  it('copies the receipt number with a real button', async () => {
    const page = await opened();
    expect(textOf(page.querySelector('.copy-receipt')!)).toBe('复制');
    tap(page, '.copy-receipt');
    await until(() => wx.clipboard.length === 1, 'the copy');
    expect(wx.clipboard).toEqual(['FT20261121-0042']);
  });

  it('accepting a 不确定 case asks for its category first, then files it under the choice', async () => {
    host.answer('case.get', ok(triage({ category: 'unsure' })));
    const page = await opened();
    expect(textOf(page.querySelector('.case__category')!)).toBe('待定类别');
    expect(textOf(page)).toContain('留言类别不确定（受理时选择）');
    await openSheet(page, 'accept');
    await until(() => textOf(page).includes('留言类别（留言人未选择，请选择）'), 'the sheet to ask for a category');
    expect(page.querySelectorAll('.category').map((row) => textOf(row))).toEqual(['意见', '建议', '求助', '投诉']);
    expect(page.dom.querySelectorAll('.van-radio--van-radio__icon--checked')).toHaveLength(0);

    tap(page, '.send');
    await until(() => textOf(page).includes('请选择留言类别'), 'the missing category');
    expect(actions(host)).toEqual(['case.get']);

    host.answer('case.accept', ok(accepted({ category: 'suggestion' })));
    tap(page, '.category-suggestion', '.van-cell');
    await until(() => page.querySelector('.category-suggestion')!.dom.querySelector('.van-radio--van-radio__icon--checked') !== null, 'the choice to show');
    expect(textOf(page)).not.toContain('请选择留言类别');
    tap(page, '.send');
    await until(() => page.data.view.status === 'accepted', 'the acceptance');
    expect(host.calls.find((c) => c.body.action === 'accept')!.body).toEqual({ action: 'accept', caseId: 'case-1', version: 1, category: 'suggestion' });
    expect(textOf(page)).not.toContain('待定类别');
  });

  it('a case the resident filed starts on its category, and sends one only when the handler corrects it', async () => {
    const page = await opened();
    expect(page.querySelector('.case__category')).toBeUndefined();
    await openSheet(page, 'accept');
    await until(() => textOf(page).includes('受理留言'), 'the sheet');
    expect(textOf(page)).toContain('留言类别意见建议求助投诉');
    expect(textOf(page)).not.toContain('留言人未选择');
    const checked = page.querySelectorAll('.category').filter((row) => row.dom.querySelector('.van-radio--van-radio__icon--checked'));
    expect(checked.map((row) => textOf(row))).toEqual(['求助']);

    host.answer('case.accept', ok(accepted({ category: 'complaint' })));
    tap(page, '.category-complaint', '.van-cell');
    await until(() => page.data.form.category === 'complaint', 'the correction');
    tap(page, '.send');
    await until(() => page.data.view.status === 'accepted', 'the acceptance');
    expect(host.calls.find((c) => c.body.action === 'accept')!.body).toEqual({ action: 'accept', caseId: 'case-1', version: 1, category: 'complaint' });
  });

  it('calls the resident and opens the map at the place', async () => {
    const page = await opened();
    tap(page, '.phone', '.van-cell');
    tap(page, '.location', '.van-cell');
    await until(() => wx.phoneCalls.length === 1 && wx.openedLocations.length === 1, 'the call and the map');
    expect(wx.phoneCalls).toEqual(['13800138000']);
    expect(wx.openedLocations).toEqual([{ latitude: 22.5584, longitude: 114.0708, name: '莲花北村12栋楼道灯坏了', address: '莲花北村12栋', scale: 17 }]);
  });

  it('refuses a rejection without a referral on the phone, then sends both with the version read', async () => {
    const page = await opened();
    await openSheet(page, 'reject');
    type(page, '.field-reason', '属于正在诉讼中的案件');
    await until(() => page.data.form.reason !== '', 'the reason');
    tap(page, '.send');
    await until(() => page.data.errors.referral === '请填写建议反映的渠道', 'the missing referral');
    expect(textOf(page.querySelector('.field-referral')!)).toContain('请填写建议反映的渠道');
    expect(actions(host)).toEqual(['case.get']);
    expect(wx.subscriptionPrompts).toEqual([]); // nothing asked for a command that never left

    host.answer('case.reject', ok(triage({ status: 'rejected', version: 2, availableCommands: [] })));
    type(page, '.field-referral', '区人民法院');
    await until(() => page.data.form.referral !== '', 'the referral');
    tap(page, '.send');
    await until(() => page.data.view.status === 'rejected', 'the rejection');
    expect(host.calls.find((c) => c.body.action === 'reject')!.body).toEqual({
      action: 'reject',
      caseId: 'case-1',
      version: 1,
      reason: '属于正在诉讼中的案件',
      referral: '区人民法院',
    });
    expect(page.data.popup).toBe('');
    expect(wx.toasts).toEqual([{ title: '已不予受理', icon: 'none' }]);
    expect(buttons(page)).toEqual([]);
  });

  it('asks for deadline reminders before the first command of the session, once, and records the answer first', async () => {
    host.answer('case.accept', ok(accepted()));
    const page = await opened();
    await openSheet(page, 'accept');
    tap(page, '.send');
    await until(() => page.data.view.status === 'accepted', 'the acceptance');
    expect(wx.subscriptionPrompts.map((p) => p.tmplIds)).toEqual([['TMPL-task']]);
    expect(actions(host)).toEqual(['case.get', 'subscription.record', 'case.accept']);
    expect(host.calls[2].body).toEqual({ action: 'accept', caseId: 'case-1', version: 1 });

    host.answer('case.start', ok(accepted({ status: 'in_progress', version: 3, availableCommands: ['reply'] })));
    await openSheet(page, 'start');
    tap(page, '.send');
    await until(() => page.data.view.status === 'in_progress', 'the start');
    expect(wx.subscriptionPrompts).toHaveLength(1);
  });

  it('a refused prompt never stands in the way of the command', async () => {
    wx.subscribe = { errMsg: 'requestSubscribeMessage:fail 20004' };
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    host.answer('case.accept', ok(accepted()));
    const page = await opened();
    await openSheet(page, 'accept');
    tap(page, '.send');
    await until(() => page.data.view.status === 'accepted', 'the acceptance');
    expect(actions(host)).toEqual(['case.get', 'case.accept']);
    expect(wx.subscriptionPrompts).toHaveLength(1);
    warn.mockRestore();
  });

  it('transfers with route, receiving body, a deadline from tomorrow on, and the version', async () => {
    host.answer('case.get', ok(accepted()));
    const page = await opened();
    await openSheet(page, 'transfer');
    expect(page.data.tomorrow).toBe('2026-11-22');
    tap(page, '.send');
    await until(() => page.data.errors.route === '请选择转办方式', 'the missing route');
    expect(page.data.errors).toEqual({ route: '请选择转办方式', receivingBody: '请填写承办单位', deadline: '请选择办理期限' });

    tap(page, '.route-district_committee', '.van-cell'); // the whole row picks
    type(page, '.field-receivingBody', '区住建局');
    page.querySelector('.deadline-picker')!.dispatchEvent('change', { detail: { value: '2026-12-05' } });
    await until(() => page.data.form.route === 'district_committee' && page.data.form.receivingBody !== '' && page.data.form.deadline !== '', 'the transfer form');
    expect(textOf(page.querySelector('.deadline')!)).toContain('2026-12-05');

    host.answer(
      'case.transfer',
      ok(
        accepted({
          status: 'transferred',
          version: 3,
          transfer: { route: 'district_committee', receivingBody: '区住建局', deadline: '2026-12-05' },
          availableCommands: ['record_answer'],
        }),
      ),
    );
    tap(page, '.send');
    await until(() => page.data.view.status === 'transferred', 'the transfer');
    expect(host.calls.find((c) => c.body.action === 'transfer')!.body).toEqual({
      action: 'transfer',
      caseId: 'case-1',
      version: 2,
      route: 'district_committee',
      receivingBody: '区住建局',
      deadline: '2026-12-05',
    });
    expect(textOf(page)).toContain('以《代表函》报区人大常委会转交承办单位：区住建局，办理期限 12月5日');
    expect(buttons(page)).toEqual(['登记承办单位答复']);
  });

  it('when someone acted first, reloads the case and says so', async () => {
    host.answer('case.get', ok(accepted()));
    const page = await opened();
    host.answer('case.start', { ok: false, error: { code: 'CONFLICT', message: '留言已更新，请刷新后再试' } });
    host.answer('case.get', ok(accepted({ status: 'in_progress', version: 3, assignedDeputy: { id: 'dp-001', name: '李明' }, availableCommands: ['reply'] })));
    await openSheet(page, 'start');
    tap(page, '.send');
    await until(() => page.data.view.status === 'in_progress', 'the latest state');
    expect(actions(host)).toEqual(['case.get', 'subscription.record', 'case.start', 'case.get']);
    expect(wx.toasts).toEqual([{ title: '留言有了新的变化，已刷新', icon: 'none' }]);
    expect(page.data.popup).toBe('');
    expect(buttons(page)).toEqual(['答复']);
  });

  it('shows the server’s refusal in the sheet, under the field it names', async () => {
    const page = await opened();
    host.answer('case.merge', { ok: false, error: { code: 'NOT_FOUND', message: '本站没有受理编号为 FT20261101-0003 的留言', field: 'intoReceiptNo' } });
    await openSheet(page, 'merge');
    type(page, '.field-intoReceiptNo', 'ft20261101-0003');
    await until(() => page.data.form.intoReceiptNo !== '', 'the receipt number');
    tap(page, '.send');
    await until(() => page.querySelector('.sheet__error')?.dom.textContent === '本站没有受理编号为 FT20261101-0003 的留言', 'the refusal');
    expect(textOf(page.querySelector('.field-intoReceiptNo')!)).toContain('本站没有受理编号为 FT20261101-0003 的留言');
    expect(host.calls.find((c) => c.body.action === 'merge')!.body).toEqual({ action: 'merge', caseId: 'case-1', version: 1, intoReceiptNo: 'FT20261101-0003' });
    expect(page.data.popup).toBe('merge');
  });

  it('assigns one of the station’s deputies', async () => {
    host.answer('case.get', ok(accepted()));
    host.answer(
      'station.get',
      ok({
        id: 'st-1',
        deputies: [
          { id: 'dp-001', name: '李明', level: 'district' },
          { id: 'dp-042', name: '欧阳明', level: 'municipal' },
        ],
      }),
    );
    const page = await opened();
    await openSheet(page, 'assign');
    await until(() => page.querySelectorAll('.deputy').length === 2, 'the deputies');
    expect(host.calls.find((c) => c.fn === 'station')!.body).toEqual({ action: 'get', id: 'st-1' });
    expect(page.querySelectorAll('.deputy').map((d) => textOf(d))).toEqual(['李明（区人大代表）', '欧阳明（市人大代表）']);
    tap(page, '.send');
    await until(() => page.data.errors.deputyId === '请选择承办代表', 'the missing deputy');

    host.answer('case.assign', ok(accepted({ version: 3, assignedDeputy: { id: 'dp-042', name: '欧阳明' } })));
    tap(page, '.deputy-dp-042', '.van-cell');
    await until(() => page.data.form.deputyId === 'dp-042', 'the choice');
    tap(page, '.send');
    await until(() => page.data.view.deputyLine === '承办代表：欧阳明', 'the assignment');
    expect(host.calls.find((c) => c.body.action === 'assign')!.body).toEqual({ action: 'assign', caseId: 'case-1', version: 2, deputyId: 'dp-042' });
  });

  it('replies with a photo uploaded first', async () => {
    wx.media = ['wxfile://tmp/fixed.jpg'];
    host.answer('case.get', ok(accepted()));
    host.answer('case.reply', ok(accepted({ status: 'replied', version: 3, availableCommands: [] })));
    const page = await opened();
    await openSheet(page, 'reply');
    type(page, '.field-content', '已联系物业更换灯管');
    page.querySelector('.photo-picker')!.querySelector('.case-photos')!.querySelector('.van-uploader__upload')!.dispatchEvent('tap');
    await until(() => page.data.form.content !== '' && page.querySelector('.photo-picker')!.data.files[0]?.status === 'done', 'the reply and photo');
    tap(page, '.send');
    await until(() => page.data.view.status === 'replied', 'the reply');
    expect(host.calls.find((c) => c.body.action === 'reply')!.body).toEqual({
      action: 'reply',
      caseId: 'case-1',
      version: 2,
      content: '已联系物业更换灯管',
      photoFileIds: ['cloud://local-dev/cases/fixed.jpg'],
    });
  });

  it('makes the 代表函 of a case sent to the district standing committee and opens it as a PDF', async () => {
    host.answer(
      'case.get',
      ok(
        accepted({
          status: 'transferred',
          transfer: { route: 'district_committee', receivingBody: '区住建局', deadline: '2026-12-05' },
          availableCommands: ['record_answer'],
        }),
      ),
    );
    host.answer(
      'case.letter',
      ok({ letterNo: '福田代函〔2026〕FT20261121-0042', fileId: 'cloud://env/letters/1.pdf', url: 'http://127.0.0.1/storage/files/letters/1.pdf?sign=x' }),
    );
    const page = await opened();
    tap(page, '.letter');
    await until(() => documents.length === 1, 'the letter to open');
    expect(host.calls[1].body).toEqual({ action: 'letter', caseId: 'case-1' });
    expect(downloads).toEqual(['http://127.0.0.1/storage/files/letters/1.pdf?sign=x']);
    expect(documents).toEqual([{ filePath: 'wxfile://tmp/letter.pdf', fileType: 'pdf', showMenu: true }]);
    // The page ignores taps while it is busy; the document opens a moment before it is free again.
    await until(() => !page.data.busy, 'the page to be free');

    host.answer('case.letter', { ok: false, error: { code: 'FORBIDDEN', message: '只有联络员可以生成代表函' } });
    tap(page, '.letter');
    await until(() => wx.toasts.length === 1, 'the refusal');
    expect(wx.toasts).toEqual([{ title: '只有联络员可以生成代表函', icon: 'none' }]);
    expect(documents).toHaveLength(1);
  });

  it('sends at most 32 KB in one setData with a 30-event timeline', async () => {
    host.answer('case.get', ok(accepted({ timeline: longTimeline(30) })));
    const { page, largest } = await largestSetDataOnOpening(pageId, { id: 'case-1' });
    expect(page.dom.querySelectorAll('.case-timeline--timeline__entry')).toHaveLength(30);
    console.info(`[setData] work case, 30 events: largest single setData ${largest.bytes} bytes (${Object.keys(largest.payload).join(', ')})`);
    expect(largest.bytes).toBeLessThanOrEqual(32 * 1024);
  });
});
