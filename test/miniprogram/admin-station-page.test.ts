/** @jest-environment jsdom */
/**
 * 联络站 (admin) rendered by miniprogram-simulate with real Vant, against a stub function host:
 * what the form sends, where the server's refusals show, the station's code and poster.
 */
import type { AdminStation, PersonView, StationInput } from '../../typings/workspace';
import { handStation } from '../../miniprogram/packages/admin/common/handoff';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, textOf, until } from './support/load-page';
import { openedPage, startLocalHost, stopLocalHost, tap, type } from './support/page-harness';
import type { RenderedComponent } from './support/load-page';

const station: AdminStation = {
  id: 'st-ft-hf-01',
  code: 'FT-HF-01',
  name: '莲花北社区人大代表联络站',
  kind: 'community',
  district: '福田区',
  street: '华富街道',
  community: '莲花北社区',
  address: '福田区莲花北村23栋',
  location: { type: 'Point', coordinates: [114.0612, 22.5533] },
  phone: '0755-83001234',
  hours: [{ weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '12:00' }],
  officers: [{ id: 'sf-ft-hf', name: '王芳' }],
  rules: ['每月10日为统一接待日'],
  deputies: 4,
};

const officer = (id: string, name: string, stations: { id: string; name: string }[] = []): PersonView => ({
  id,
  kind: 'officer',
  name,
  detail: '0755-83000000',
  stations,
  bound: false,
});

/** Types into a van-field as a finger would: the real <input>/<textarea> inside Vant (id = its `name`). */
const tick = (node: RenderedComponent) => node.querySelector('.van-checkbox__icon-wrap')!.dispatchEvent('tap');
const pickAt = (page: RenderedComponent, cls: string, index: number, value: string | number) =>
  page.querySelectorAll(cls)[index].dispatchEvent('change', { detail: { value } });

describe('联络站 edit page (admin)', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pageId: string;
  let files: { downloads: string[]; saved: string[]; opened: { filePath: string; fileType?: string; showMenu?: boolean }[] };

  beforeAll(async () => {
    host = await startLocalHost('odemo-admin');
    pageId = loadPage('packages/admin/station/index');
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('admin.people', {
      ok: true,
      data: { people: [officer('sf-ft-hf', '王芳', [{ id: 'st-ft-hf', name: '华富街道联络站' }]), officer('sf-ft-lh', '李强')], hasMore: false },
    });
    files = { downloads: [], saved: [], opened: [] };
    wx = createWxPlatform({ chosenLocation: { latitude: 22.551512, longitude: 114.0775, name: '华富街道办事处', address: '广东省深圳市福田区华富路1018号' } });
    Object.assign(wx.api, {
      downloadFile: (o: { url: string; success: (r: unknown) => void }) => {
        files.downloads.push(o.url);
        setTimeout(() => o.success({ statusCode: 200, tempFilePath: `wxfile://tmp/${o.url.split('/').pop()}`, errMsg: 'downloadFile:ok' }), 0);
      },
      saveImageToPhotosAlbum: (o: { filePath: string; success: () => void }) => {
        files.saved.push(o.filePath);
        o.success();
      },
      openDocument: (o: { filePath: string; fileType?: string; showMenu?: boolean; success: () => void }) => {
        files.opened.push({ filePath: o.filePath, fileType: o.fileType, showMenu: o.showMenu });
        o.success();
      },
    });
    wx.install();
  });

  const saves = () => host.calls.filter((c) => c.fn === 'admin' && c.body.action === 'saveStation').map((c) => c.body as unknown as StationInput & { action: string });

  const opened = (query: Record<string, string> = {}): Promise<RenderedComponent> => openedPage(pageId, query, 'the form to open');

  it('opens a station from the list with its fields, hours and officers ticked', async () => {
    handStation(station);
    const page = await opened({ id: station.id });
    expect(page.data.error).toBeNull();
    expect(page.data.form).toMatchObject({ code: 'FT-HF-01', latitude: '22.5533', longitude: '114.0612', officerIds: ['sf-ft-hf'], rulesText: '每月10日为统一接待日' });
    const text = textOf(page);
    for (const words of ['王芳', '华富街道联络站', '李强', '暂未负责联络站', '第 1 组', '09:00', '12:00', '小程序码', '海报（PDF）']) expect(text).toContain(words);
    expect(wx.titles).toEqual(['编辑联络站']);
    // Every officer of the district, asked for by kind.
    expect(host.calls.map((c) => c.body)).toEqual([{ action: 'people', kind: 'officer', page: 0 }]);
  });

  it('says to open it from the list when the record did not come with it', async () => {
    const page = await opened({ id: 'st-unknown' });
    expect(textOf(page)).toContain('请从联络站列表重新打开');
  });

  it('creates a station: the map fills position and address; hours, officers and rules are sent as the contract says', async () => {
    const page = await opened();
    expect(textOf(page)).not.toContain('小程序码');
    type(page, '.field-code', 'ft-hf-09');
    type(page, '.field-name', '华富街道第九联络站');
    tap(page, '.kind-street', '.van-radio__icon-wrap');
    type(page, '.field-street', '华富街道');
    type(page, '.field-phone', '0755-83009999');
    page.querySelector('.choose-location')!.querySelector('.van-cell')!.dispatchEvent('tap');
    await until(() => page.data.form.latitude !== '', 'the map’s pin');
    expect(page.data.form.address).toBe('广东省深圳市福田区华富路1018号');
    expect(textOf(page)).toContain('纬度 22.551512，经度 114.0775');

    // Weekdays Mon–Fri by default: take Friday off, then a Saturday morning row.
    tick(page.querySelector('.weekday-5')!);
    pickAt(page, '.picker-close', 0, '18:00');
    tap(page, '.add-hours');
    await until(() => page.data.form.hours.length === 2, 'a second row');
    pickAt(page, '.picker-close', 1, '12:00');
    // Ticked after Saturday, Wednesday is still sent in weekday order.
    tick(page.querySelectorAll('.weekday-3')[1]);
    page.querySelector('.officer-sf-ft-lh')!.querySelector('.van-cell')!.dispatchEvent('tap'); // the whole row ticks
    type(page, '.field-rules', '每月10日为统一接待日\n\n  来访登记  ');
    await until(() => page.data.form.officerIds.length === 1 && page.data.form.hours[1].weekdays.length === 2, 'the form to take it all');

    host.answer('admin.saveStation', { ok: true, data: { ...station, id: 'st-new', code: 'FT-HF-09' } });
    tap(page, '.save');
    await until(() => saves().length === 1 && !page.data.saving, 'the save');
    expect(saves()[0]).toEqual({
      action: 'saveStation',
      code: 'ft-hf-09',
      name: '华富街道第九联络站',
      kind: 'street',
      street: '华富街道',
      address: '广东省深圳市福田区华富路1018号',
      latitude: 22.551512,
      longitude: 114.0775,
      phone: '0755-83009999',
      hours: [
        { weekdays: [1, 2, 3, 4], open: '09:00', close: '18:00' },
        { weekdays: [3, 6], open: '09:00', close: '12:00' },
      ],
      officerIds: ['sf-ft-lh'],
      rules: ['每月10日为统一接待日', '来访登记'],
    });
    // Saved: now it has an id, and its code and poster can be made.
    await until(() => textOf(page).includes('小程序码'), 'the printables');
    expect(page.data.stationId).toBe('st-new');
    expect(wx.toasts).toContainEqual({ title: '已保存', icon: 'success' });
  });

  it('takes the coordinates typed by hand when the map is not used', async () => {
    handStation(station);
    const page = await opened({ id: station.id });
    type(page, '.field-latitude', '22.6');
    type(page, '.field-longitude', '114.1');
    await until(() => page.data.form.longitude === '114.1', 'the typed coordinates');
    host.answer('admin.saveStation', { ok: true, data: station });
    tap(page, '.save');
    await until(() => saves().length === 1, 'the save');
    expect(saves()[0]).toMatchObject({ id: 'st-ft-hf-01', latitude: 22.6, longitude: 114.1 });
  });

  it('checks before sending, and shows the server’s refusal under the field it names', async () => {
    const page = await opened();
    tap(page, '.save');
    await until(() => textOf(page).includes('请填写联络站代码'), 'the form’s own checks');
    expect(textOf(page.querySelector('.field-name')!)).toContain('请填写联络站名称');
    expect(textOf(page)).toContain('请在地图上选择位置，或填写经纬度');
    expect(saves()).toEqual([]);

    handStation(station);
    const edit = await opened({ id: station.id });
    host.answer('admin.saveStation', { ok: false, error: { code: 'INVALID_INPUT', message: '关门时间应晚于开门时间', field: 'hours.0.close' } });
    tap(edit, '.save');
    await until(() => textOf(edit).includes('第 1 组：关门时间应晚于开门时间'), 'the hours error');
    expect(edit.dom.querySelector('.main--error-hours')?.textContent).toBe('第 1 组：关门时间应晚于开门时间');

    host.answer('admin.saveStation', { ok: false, error: { code: 'CONFLICT', message: '联络站代码 FT-HF-01 已被「华富街道联络站」使用', field: 'code' } });
    tap(edit, '.save');
    await until(() => textOf(edit.querySelector('.field-code')!).includes('已被「华富街道联络站」使用'), 'the code error under the code field');
    expect(textOf(edit)).not.toContain('第 1 组：关门时间');
    // Typing into the field clears its error.
    type(edit, '.field-code', 'FT-HF-02');
    await until(() => !textOf(edit).includes('已被「华富街道联络站」使用'), 'the error to clear');
  });

  it('shows the station’s 小程序码, previews it on tap and saves it to the album', async () => {
    handStation(station);
    const page = await opened({ id: station.id });
    const url = 'http://127.0.0.1:3721/storage/files/stations/st-ft-hf-01/code.png?sign=abc';
    host.answer('admin.stationCode', {
      ok: true,
      data: { page: 'packages/station/detail/index', scene: 'FT-HF-01', fileId: 'cloud://local-dev/stations/st-ft-hf-01/code.png', url },
    });
    tap(page, '.station-code');
    await until(() => page.data.code !== null, 'the code');
    expect(host.calls.filter((c) => c.body.action === 'stationCode').map((c) => c.body)).toEqual([{ action: 'stationCode', stationId: 'st-ft-hf-01' }]);
    // simulate does not reflect a native <image>'s src: the node is there, bound to the answer's url.
    expect(page.dom.querySelector('.main--code-image')).not.toBeNull();
    expect(page.data.code.url).toBe(url);
    expect(textOf(page)).toContain('场景值 FT-HF-01');

    page.querySelector('.code-image')!.dispatchEvent('tap');
    await until(() => wx.previews.length === 1, 'the preview');
    expect(wx.previews[0]).toEqual({ urls: [url], current: url });

    tap(page, '.save-code');
    await until(() => files.saved.length === 1, 'the album save');
    expect(files.downloads).toEqual([url]);
    expect(files.saved).toEqual(['wxfile://tmp/code.png?sign=abc']);
    await until(() => wx.toasts.some((t) => t.title === '已保存到相册'), 'the toast');
  });

  it('opens the poster PDF with the menu for forwarding and printing', async () => {
    handStation(station);
    const page = await opened({ id: station.id });
    const url = 'http://127.0.0.1:3721/storage/files/stations/st-ft-hf-01/poster.pdf?sign=abc';
    host.answer('admin.stationPoster', { ok: true, data: { fileId: 'cloud://local-dev/stations/st-ft-hf-01/poster.pdf', url } });
    tap(page, '.station-poster');
    await until(() => files.opened.length === 1, 'the document');
    expect(files.downloads).toEqual([url]);
    expect(files.opened).toEqual([{ filePath: 'wxfile://tmp/poster.pdf?sign=abc', fileType: 'pdf', showMenu: true }]);
  });

  it('says why when WeChat cannot make the code', async () => {
    handStation(station);
    const page = await opened({ id: station.id });
    host.answer('admin.stationCode', { ok: false, error: { code: 'INTERNAL', message: '微信暂时无法生成小程序码，请稍后再试' } });
    tap(page, '.station-code');
    await until(() => wx.toasts.length > 0, 'the toast');
    expect(wx.toasts).toEqual([{ title: '微信暂时无法生成小程序码，请稍后再试', icon: 'none' }]);
    expect(page.data.code).toBeNull();
  });
});
