/**
 * The district office's `admin` function through the function host: its district only, stations
 * created and edited with per-field checks, the station's QR code and poster as real files,
 * deputies and officers created and edited (officer ↔ station kept in step).
 */
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { readWxacodeText } from '../../emulator/wx';
import type { StationInput } from '../../typings/workspace';
import { ADMIN, OFFICER, RESIDENT, STATION } from './case-fixtures';
import { startBackend, type Backend } from './harness';

let backend: Backend;
const OTHER_ADMIN = 'otest-admin-nanshan';

beforeAll(async () => {
  backend = await startBackend({ functions: ['admin', 'station'] });
  const createdAt = new Date();
  await backend.db.collection('staff').add([
    { _id: 'sf-ns-admin', name: '南山管理员', role: 'admin', phone: '0755-26000000', stationIds: [], district: '南山区', openid: OTHER_ADMIN, createdAt },
    { _id: 'sf-ns-officer', name: '南山联络员', role: 'officer', phone: '0755-26000001', stationIds: [], district: '南山区', createdAt },
  ]);
  await backend.db.collection('users').add({ _id: 'us-ns-admin', openid: OTHER_ADMIN, role: 'admin', staffId: 'sf-ns-admin', createdAt });
}, 180_000);

afterAll(() => backend?.close());

let codes = 0;
function stationInput(overrides: Partial<StationInput> = {}): StationInput {
  codes += 1;
  return {
    code: `T-${process.pid % 1000}-${codes}`,
    name: `测试联络站 ${codes}`,
    kind: 'community',
    street: '华富街道',
    community: '莲花北社区',
    address: '深圳市福田区华富街道莲花北村 1 号',
    latitude: 22.5515,
    longitude: 114.0775,
    phone: '0755-83001234',
    hours: [{ weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:30' }],
    officerIds: ['sf-ft-hf'],
    rules: ['每月 10 日为统一接待日'],
    ...overrides,
  };
}

const invalid = (field: string) => ({ ok: false, error: { code: 'INVALID_INPUT', field, message: expect.any(String) } });
const staffStations = async (id: string) => (await backend.db.collection('staff').where({ _id: id }).get()).data[0].stationIds as string[];
const stationOfficers = async (id: string) => (await backend.db.collection('stations').where({ _id: id }).get()).data[0].officerIds as string[];

describe('only the district office, only its district', () => {
  it('residents and officers are FORBIDDEN', async () => {
    for (const openid of [RESIDENT, OFFICER]) {
      expect(await backend.call('admin', 'stations', {}, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('福田区 sees its 41 stations, 20 a page; search narrows them', async () => {
    const pages = [0, 1, 2].map((page) => backend.data('admin', 'stations', { page }, ADMIN));
    const [first, second, third] = await Promise.all(pages);
    expect([first.stations.length, second.stations.length, third.stations.length, first.hasMore, third.hasMore]).toEqual([20, 20, expect.any(Number), true, false]);
    expect(first.stations.length + second.stations.length + third.stations.length).toBeGreaterThanOrEqual(41);
    const hf = first.stations.concat(second.stations).find((s) => s.id === STATION)!;
    expect(hf).toMatchObject({ district: '福田区', officers: [{ id: 'sf-ft-hf', name: expect.any(String) }], deputies: expect.any(Number) });
    expect(hf.deputies).toBeGreaterThan(0);
    const found = await backend.data('admin', 'stations', { query: '华富' }, ADMIN);
    expect(found.stations.length).toBeGreaterThan(0);
    expect(found.stations.every((s) => `${s.name}${s.address}${s.street}${s.community ?? ''}`.includes('华富'))).toBe(true);
  });

  it('another district’s admin sees none of 福田区 and can change nothing of it', async () => {
    expect(await backend.data('admin', 'stations', {}, OTHER_ADMIN)).toEqual({ stations: [], hasMore: false });
    expect(await backend.data('admin', 'people', { kind: 'deputy' }, OTHER_ADMIN)).toEqual({ people: [], hasMore: false });
    expect((await backend.data('admin', 'people', { kind: 'officer' }, OTHER_ADMIN)).people.map((p) => p.id)).toEqual(['sf-ns-officer']);
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } };
    expect(await backend.call('admin', 'saveStation', stationInput({ id: STATION, code: 'FT-HF' }), OTHER_ADMIN)).toEqual(notFound);
    expect(await backend.call('admin', 'stationCode', { stationId: STATION }, OTHER_ADMIN)).toEqual(notFound);
    expect(await backend.call('admin', 'unbind', { personId: 'dp-001' }, OTHER_ADMIN)).toEqual(notFound);
    expect(await backend.call('admin', 'createInvite', { role: 'officer', personId: 'sf-ft-hf' }, OTHER_ADMIN)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.call('admin', 'saveOfficer', { id: 'sf-ft-hf', name: '改名', phone: '0755-1234567', stationIds: [STATION] }, OTHER_ADMIN)).toEqual(notFound);
    expect(
      await backend.call('admin', 'saveDeputy', { id: 'dp-001', name: '改名', level: 'district', delegation: '南山', occupation: '教师', stationIds: [STATION] }, OTHER_ADMIN),
    ).toEqual(notFound);
    expect(
      await backend.call('admin', 'saveDeputy', { name: '外区代表', level: 'district', delegation: '南山', occupation: '教师', stationIds: [STATION] }, OTHER_ADMIN),
    ).toEqual(invalid('stationIds.0'));
    // Nothing of 福田区 changed.
    expect((await backend.db.collection('stations').where({ _id: STATION }).get()).data[0].code).toBe('FT-HF');
    expect((await backend.db.collection('staff').where({ _id: 'sf-ft-hf' }).get()).data[0].name).not.toBe('改名');
  });
});

describe('stations', () => {
  it('a new station is stored with its GeoPoint, found near its coordinates and by its door code, and its officer names it', async () => {
    const input = stationInput({ code: 'ft-new-a' });
    const saved = await backend.data('admin', 'saveStation', input, ADMIN);
    expect(saved).toMatchObject({
      code: 'FT-NEW-A',
      district: '福田区',
      location: { type: 'Point', coordinates: [114.0775, 22.5515] },
      officers: [{ id: 'sf-ft-hf' }],
      deputies: 0,
    });
    const detail = await backend.data('station', 'get', { code: 'FT-NEW-A' }, RESIDENT);
    expect(detail).toMatchObject({ id: saved.id, name: input.name, officers: [{ id: 'sf-ft-hf' }] });
    const nearby = await backend.data('station', 'nearby', { latitude: 22.5515, longitude: 114.0775, maxDistance: 100 });
    expect(nearby.stations.map((s) => s.id)).toContain(saved.id);
    expect(await staffStations('sf-ft-hf')).toContain(saved.id);
  });

  it('an edit replaces the fields, moves officers on both sides, and keeps the id and creation time', async () => {
    const saved = await backend.data('admin', 'saveStation', stationInput(), ADMIN);
    const [before] = (await backend.db.collection('stations').where({ _id: saved.id }).get()).data;
    const edited = await backend.data(
      'admin',
      'saveStation',
      stationInput({ id: saved.id, code: saved.code, name: '改名后的联络站', kind: 'sector', sector: 'law', community: undefined, officerIds: ['sf-ft-lh'] }),
      ADMIN,
    );
    expect(edited).toMatchObject({ id: saved.id, name: '改名后的联络站', kind: 'sector', sector: 'law', officers: [{ id: 'sf-ft-lh' }] });
    expect(edited.community).toBeUndefined();
    expect(await staffStations('sf-ft-hf')).not.toContain(saved.id);
    expect(await staffStations('sf-ft-lh')).toContain(saved.id);
    const [after] = (await backend.db.collection('stations').where({ _id: saved.id }).get()).data;
    expect(new Date(after.createdAt).getTime()).toBe(new Date(before.createdAt).getTime());
  });

  it.each([
    ['code', { code: 'x' }],
    ['code', { code: '福田01' }],
    ['name', { name: ' ' }],
    ['kind', { kind: 'city' as never }],
    ['sector', { kind: 'sector' as const }],
    ['latitude', { latitude: 91 }],
    ['phone', { phone: 'abc' }],
    ['hours.0.close', { hours: [{ weekdays: [1], open: '18:00', close: '09:00' }] }],
    ['officerIds.0', { officerIds: ['sf-ns-officer'] }],
    ['officerIds.1', { officerIds: ['sf-ft-hf', 'sf-admin'] }],
    ['rules.0', { rules: [''] }],
  ])('refuses a bad %s with INVALID_INPUT naming it, and stores nothing', async (field, change) => {
    const input = stationInput(change);
    expect(await backend.call('admin', 'saveStation', input, ADMIN)).toEqual(invalid(field));
    expect((await backend.db.collection('stations').where({ name: input.name }).get()).data).toEqual([]);
  });

  it('a door code already in use is CONFLICT on field code, whatever its case', async () => {
    expect(await backend.call('admin', 'saveStation', stationInput({ code: 'ft-hf' }), ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'code', message: expect.stringContaining('FT-HF') },
    });
    const saved = await backend.data('admin', 'saveStation', stationInput(), ADMIN);
    expect(await backend.call('admin', 'saveStation', stationInput({ id: saved.id, code: 'FT-HF' }), ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'code' },
    });
  });

  it('two new stations with the same code at once: one is saved, the other CONFLICT', async () => {
    const answers = await Promise.all([0, 1].map(() => backend.call('admin', 'saveStation', stationInput({ code: 'FT-RACE' }), ADMIN)));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'CONFLICT', field: 'code' }) })]);
    expect((await backend.db.collection('stations').where({ code: 'FT-RACE' }).get()).data).toHaveLength(1);
  });
});

describe('printing a station', () => {
  let codeFileId = '';

  it('stationCode answers a PNG whose QR code opens the station page with its door code', async () => {
    const answer = await backend.data('admin', 'stationCode', { stationId: STATION }, ADMIN);
    codeFileId = answer.fileId;
    expect(answer).toMatchObject({ page: 'packages/station/detail/index', scene: 'FT-HF', fileId: expect.stringMatching(/\/stations\/st-ft-hf\/code\.png$/) });
    const res = await fetch(answer.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const image = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    const scanned = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
    expect(readWxacodeText(scanned!.data)).toMatchObject({ page: 'packages/station/detail/index', scene: 'FT-HF' });
  });

  it('a WeChat failure answers INTERNAL with a Chinese message, and nothing is stored', async () => {
    await backend.wx.fault({ apiName: 'wxacode.getUnlimited', errcode: 45009 });
    expect(await backend.call('admin', 'stationCode', { stationId: 'st-ft-hf-01' }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/小程序码/) },
    });
    // The same path as a stored code, for the other station: not there.
    const fileIds = [codeFileId, codeFileId.replace('/st-ft-hf/', '/st-ft-hf-01/')];
    const { fileList } = await backend.app.getTempFileURL({ fileList: fileIds });
    expect(fileList.map((f) => f.code)).toEqual(['SUCCESS', 'STORAGE_FILE_NONEXIST']);
  });

  it('stationPoster answers a PDF', async () => {
    const answer = await backend.data('admin', 'stationPoster', { stationId: STATION }, ADMIN);
    expect(answer.fileId).toMatch(/\/stations\/st-ft-hf\/poster\.pdf$/);
    const res = await fetch(answer.url);
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(body.length).toBeGreaterThan(5_000);
  });
});

describe('people', () => {
  it('a new deputy is listed by name and by station, and an edit changes them', async () => {
    const created = await backend.data(
      'admin',
      'saveDeputy',
      { name: '测试代表甲', level: 'district', delegation: '福田区代表团 华富选区', occupation: '社区医生', stationIds: [STATION] },
      ADMIN,
    );
    expect(created).toMatchObject({
      kind: 'deputy',
      name: '测试代表甲',
      detail: '区人大代表 · 福田区代表团 华富选区',
      stations: [{ id: STATION, name: expect.any(String) }],
      bound: false,
      level: 'district',
      occupation: '社区医生',
    });
    expect((await backend.data('admin', 'people', { kind: 'deputy', query: '测试代表甲' }, ADMIN)).people.map((p) => p.id)).toEqual([created.id]);
    expect((await backend.data('admin', 'people', { kind: 'deputy', stationId: STATION, query: '测试代表' }, ADMIN)).people.map((p) => p.id)).toContain(created.id);

    const edited = await backend.data(
      'admin',
      'saveDeputy',
      { id: created.id, name: '测试代表乙', level: 'municipal', delegation: '深圳市代表团', occupation: '社区医生', stationIds: ['st-ft-hf-01'] },
      ADMIN,
    );
    expect(edited).toMatchObject({ id: created.id, name: '测试代表乙', detail: '市人大代表 · 深圳市代表团', stations: [{ id: 'st-ft-hf-01' }] });
    expect((await backend.data('admin', 'people', { kind: 'deputy', stationId: STATION, query: '测试代表' }, ADMIN)).people.map((p) => p.id)).not.toContain(created.id);
  });

  it('an edit of a bound deputy keeps the binding', async () => {
    const edited = await backend.data(
      'admin',
      'saveDeputy',
      { id: 'dp-001', name: '改名代表', level: 'district', delegation: '福田区代表团', occupation: '社区党委书记', stationIds: [STATION, 'st-ft-hf-01'] },
      ADMIN,
    );
    expect(edited.bound).toBe(true);
    expect((await backend.db.collection('deputies').where({ _id: 'dp-001' }).get()).data[0].openid).toBe('odemo-deputy');
  });

  it('a new officer and their stations name each other; dropping a station drops them from it', async () => {
    const created = await backend.data('admin', 'saveOfficer', { name: '测试联络员', phone: '0755-83009999', stationIds: [STATION, 'st-ft-hf-01'] }, ADMIN);
    expect(created).toMatchObject({ kind: 'officer', detail: '0755-83009999', bound: false, stations: [{ id: STATION }, { id: 'st-ft-hf-01' }] });
    expect(await stationOfficers(STATION)).toContain(created.id);
    expect(await stationOfficers('st-ft-hf-01')).toContain(created.id);

    await backend.data('admin', 'saveOfficer', { id: created.id, name: '测试联络员', phone: '0755-83009999', stationIds: ['st-ft-hf-01'] }, ADMIN);
    expect(await stationOfficers(STATION)).not.toContain(created.id);
    expect(await stationOfficers('st-ft-hf-01')).toContain(created.id);
    expect((await backend.data('admin', 'people', { kind: 'officer', stationId: 'st-ft-hf-01' }, ADMIN)).people.map((p) => p.id)).toContain(created.id);
  });

  it('lists the district office’s own staff as admins', async () => {
    expect((await backend.data('admin', 'people', { kind: 'admin' }, ADMIN)).people).toEqual([expect.objectContaining({ id: 'sf-admin', kind: 'admin', bound: true })]);
  });

  it.each([
    ['saveDeputy', 'name', { name: '', level: 'district', delegation: '福田', occupation: '教师', stationIds: [STATION] }],
    ['saveDeputy', 'level', { name: '甲', level: 'village', delegation: '福田', occupation: '教师', stationIds: [STATION] }],
    ['saveDeputy', 'stationIds', { name: '甲', level: 'district', delegation: '福田', occupation: '教师', stationIds: [] }],
    ['saveOfficer', 'phone', { name: '乙', phone: 'none', stationIds: [] }],
    ['saveOfficer', 'stationIds.0', { name: '乙', phone: '0755-83001234', stationIds: ['st-nowhere'] }],
  ] as const)('%s refuses a bad %s with INVALID_INPUT', async (action, field, input) => {
    expect(await backend.call('admin', action, input as never, ADMIN)).toEqual(invalid(field));
  });
});
