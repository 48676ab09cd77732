/**
 * Submitting a case, through the function host, the real SDK and the emulator: receipts,
 * idempotent retries, rate limits, duplicates and WeChat's content check.
 */
import { createHash } from 'node:crypto';
import { pngBytesOfSize } from './png';
import { caseDocument, DEPUTY, DEPUTY_ID, eventDocuments, newRequestId, OFFICER, RESIDENT, STATION, submission, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';
import { uploadedPhoto } from './photos';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'subscription'] });
}, 120_000);

afterAll(() => backend?.close());

afterEach(() => backend.wx.clearFaults());

const casesOf = async (openid: string) => (await backend.db.collection('cases').where({ ownerOpenid: openid }).get()).data;

describe('submitting a case', () => {
  it('answers a receipt number and stores the case, its first event and nothing to send yet', async () => {
    const resident = newOpenid();
    const { caseId, receiptNo } = await submitted(backend, resident);
    expect(receiptNo).toMatch(/^FT\d{8}-\d{4,6}$/);

    const stored = await caseDocument(backend, caseId);
    expect(stored).toMatchObject({ receiptNo, ownerOpenid: resident, status: 'submitted', version: 1, lastSeq: 1, unreadCount: 0 });
    expect(stored.contentCheck).toBeUndefined();
    const events = await eventDocuments(backend, caseId);
    expect(events).toEqual([expect.objectContaining({ _id: `${caseId}:1`, seq: 1, kind: 'submitted', fromStatus: null, toStatus: 'submitted' })]);

    const detail = await backend.data('case', 'get', { caseId }, resident);
    expect(detail).toMatchObject({ id: caseId, receiptNo, status: 'submitted', version: 1, availableCommands: ['withdraw', 'supplement'] });
    expect(detail.timeline).toEqual([expect.objectContaining({ seq: 1, kind: 'submitted', actorName: '我' })]);
  });

  it('gives concurrent submissions of different residents different receipt numbers', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => submitted(backend, newOpenid())));
    expect(new Set(answers.map((a) => a.receiptNo)).size).toBe(8);
  });

  it('answers a retried request with the same case, never a second one', async () => {
    const resident = newOpenid();
    const input = submission();
    const first = await backend.data('case', 'submit', input, resident);
    const again = await backend.data('case', 'submit', input, resident);
    expect(again).toEqual(first);
    expect(await casesOf(resident)).toHaveLength(1);
  });

  it('makes exactly one case of 20 concurrent submissions with the same requestId', async () => {
    const resident = newOpenid();
    const input = submission();
    const answers = await Promise.all(Array.from({ length: 20 }, () => backend.call('case', 'submit', input, resident)));
    expect(answers.every((a) => a.ok)).toBe(true);
    const distinct = new Set(answers.map((a) => (a.ok ? `${a.data.caseId} ${a.data.receiptNo}` : '')));
    expect(distinct.size).toBe(1);
    const cases = await casesOf(resident);
    expect(cases).toHaveLength(1);
    expect(await eventDocuments(backend, cases[0]._id)).toHaveLength(1);
  });

  it('finishes the case a first call admitted but never wrote (it died in between): the retry writes that very case, with its number', async () => {
    const resident = newOpenid();
    const input = submission();
    // What a call leaves when it dies after writing the resident's window and before inserting the case.
    const windowId = `submissions-${createHash('sha256').update(resident).digest('hex')}`;
    const admitted = { caseId: `ghost${Date.now()}`, receiptNo: `FT20990101-${String(Date.now()).slice(-6)}` };
    await backend.db
      .collection('counters')
      .add({ _id: windowId, rev: 1, entries: [{ at: new Date(), requestId: input.requestId, ...admitted, contentHash: 'h' }], updatedAt: new Date() });

    expect(await backend.data('case', 'submit', input, resident)).toEqual(admitted);
    expect(await caseDocument(backend, admitted.caseId)).toMatchObject({ ownerOpenid: resident, receiptNo: admitted.receiptNo, requestId: input.requestId, version: 1 });
    expect(await backend.data('case', 'submit', input, resident)).toEqual(admitted);
    expect(await casesOf(resident)).toHaveLength(1);
    // Its one admission was not counted twice.
    expect((await backend.db.collection('counters').doc(windowId).get()).data[0].entries).toHaveLength(1);
  });

  it('keeps requestIds per resident: the same id from someone else is a new case', async () => {
    const input = submission();
    const mine = await backend.data('case', 'submit', input, newOpenid());
    const theirs = await backend.data('case', 'submit', { ...input, title: `${input.title}（另一位）` }, newOpenid());
    expect(theirs.caseId).not.toBe(mine.caseId);
  });

  it('refuses a fourth case within a minute, and keeps the first three', async () => {
    const resident = newOpenid();
    for (let i = 0; i < 3; i += 1) await submitted(backend, resident);
    const fourth = await backend.call('case', 'submit', submission(), resident);
    expect(fourth).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/一分钟内最多提交 3 件/) } });
    expect(await casesOf(resident)).toHaveLength(3);
  });

  it('still answers a retry of an accepted request when the resident is at the limit', async () => {
    const resident = newOpenid();
    const inputs = [submission(), submission(), submission()];
    const answers = [];
    for (const input of inputs) answers.push(await backend.data('case', 'submit', input, resident));
    expect(await backend.data('case', 'submit', inputs[0], resident)).toEqual(answers[0]);
  });

  it('refuses the same title and content again, even re-spaced, naming the earlier receipt', async () => {
    const resident = newOpenid();
    const input = submission();
    const { receiptNo } = await backend.data('case', 'submit', input, resident);
    const again = await backend.call('case', 'submit', { ...input, requestId: newRequestId(), content: ` ${input.content.replace('，', ' ，')} ` }, resident);
    expect(again).toEqual({ ok: false, error: { code: 'DUPLICATE_CONTENT', message: expect.stringContaining(receiptNo) } });
    expect(await casesOf(resident)).toHaveLength(1);
  });

  it('refuses risky text with a clear Chinese message and stores nothing', async () => {
    const resident = newOpenid();
    const risky = await backend.call('case', 'submit', submission({ content: '加我微信，网上赌场注册送彩金，稳赚不赔，快来！' }), resident);
    expect(risky).toEqual({ ok: false, error: { code: 'CONTENT_RISKY', message: expect.stringMatching(/不适宜发布.*修改后再提交/) } });
    expect(await casesOf(resident)).toHaveLength(0);
  });

  it('accepts the case when the content check is unavailable, flagged for the officer only', async () => {
    const resident = newOpenid();
    await backend.wx.fault({ apiName: 'security.msgSecCheck', errcode: -1, times: 1 });
    const { caseId } = await submitted(backend, resident);
    expect((await caseDocument(backend, caseId)).contentCheck).toBe('pending');
    expect((await backend.data('case', 'get', { caseId }, OFFICER)).contentCheck).toBe('pending');
    expect((await backend.data('case', 'get', { caseId }, resident)).contentCheck).toBeUndefined();
  });

  it('accepts the case when the content check times out', async () => {
    const resident = newOpenid();
    await backend.wx.fault({ apiName: 'security.msgSecCheck', httpStatus: 503, times: 1 });
    const { caseId } = await submitted(backend, resident);
    expect((await caseDocument(backend, caseId)).contentCheck).toBe('pending');
  });

  it('records the addressed deputy, who must be stationed there', async () => {
    const resident = newOpenid();
    const { caseId } = await submitted(backend, resident, { deputyId: DEPUTY_ID });
    expect(await backend.data('case', 'get', { caseId }, resident)).toMatchObject({ targetDeputy: { id: DEPUTY_ID, name: expect.any(String) } });
    const elsewhere = await backend.call('case', 'submit', submission({ stationId: 'st-ft-lh', deputyId: DEPUTY_ID }), resident);
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'deputyId' } });
    const nobody = await backend.call('case', 'submit', submission({ deputyId: 'dp-999' }), resident);
    expect(nobody).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'deputyId' } });
  });

  it('keeps where the problem is, as a point the map can show', async () => {
    const resident = newOpenid();
    const { caseId } = await submitted(backend, resident, { location: { latitude: 22.5515, longitude: 114.0775, address: '华富村三号楼' } });
    expect((await backend.data('case', 'get', { caseId }, resident)).location).toEqual({
      point: { type: 'Point', coordinates: [114.0775, 22.5515] },
      address: '华富村三号楼',
    });
  });

  it('refuses an unknown station, bad input and extra fields', async () => {
    const resident = newOpenid();
    expect(await backend.call('case', 'submit', submission({ stationId: 'st-nowhere' }), resident)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'stationId' },
    });
    expect(await backend.call('case', 'submit', submission({ title: '短' }), resident)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'title' } });
    const smuggled = await backend.callRaw('case', { action: 'submit', ...submission(), ownerOpenid: 'someone-else' }, resident);
    expect(smuggled.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'ownerOpenid' } });
    expect(await casesOf(resident)).toHaveLength(0);
  });

  it('needs a WeChat identity, and a resident one', async () => {
    expect(await backend.call('case', 'submit', submission())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await backend.call('case', 'submit', submission(), DEPUTY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('case', 'submit', submission(), OFFICER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps uploaded photos and shows them as URLs; refuses ids that are not uploads of this environment', async () => {
    const resident = newOpenid();
    const fileID = await uploadedPhoto(backend, resident);
    const { caseId } = await submitted(backend, resident, { photoFileIds: [fileID] });
    const detail = await backend.data('case', 'get', { caseId }, resident);
    expect(detail.photos).toEqual([{ fileId: fileID, url: expect.stringMatching(/^http/) }]);
    expect((await fetch(detail.photos[0].url)).status).toBe(200);

    const foreign = await backend.call(
      'case',
      'submit',
      submission({ photoFileIds: ['cloud://other-env.6f74-other-env-1250000000/cases/2026/11/0123456789abcdef0123456789abcdef.jpg'] }),
      resident,
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'photoFileIds.0' } });
    // Issued to the resident, never uploaded to: nothing there to keep.
    const { paths } = await backend.data('case', 'uploadPaths', { extensions: ['png'] }, resident);
    const missing = await backend.call('case', 'submit', submission({ photoFileIds: [fileID.replace(/cases\/.*$/, paths[0].cloudPath)] }), resident);
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'photoFileIds.0', message: '照片已失效，请重新上传' } });
  });

  it('refuses a real upload outside an issued cases/<yyyy>/<mm>/<random name> path, saying where photos go', async () => {
    // What a client written from the docs alone tried: its own folder, a readable name.
    const resident = newOpenid();
    const { fileID: ownFolder } = await backend.app.uploadFile({ cloudPath: `cases/${resident}/lamp.png`, fileContent: pngBytesOfSize(4) });
    const good = await uploadedPhoto(backend, resident);
    const answer = await backend.call('case', 'submit', submission({ photoFileIds: [good, ownFolder] }), resident);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'photoFileIds.1' } });
    expect(!answer.ok && answer.error.message).toContain('cases/年/月/');
    expect(!answer.ok && answer.error.message).toContain('系统分配的上传路径');
    expect(await backend.call('case', 'submit', submission({ photoFileIds: [good] }), resident)).toMatchObject({ ok: true });
  });

  it('lists the station the case went to', async () => {
    const resident = newOpenid();
    await submitted(backend, resident);
    const { cases, hasMore, unreadTotal } = await backend.data('case', 'mine', {}, resident);
    expect(cases).toEqual([expect.objectContaining({ stationName: expect.stringContaining('华富'), status: 'submitted', unread: 0 })]);
    expect({ hasMore, unreadTotal }).toEqual({ hasMore: false, unreadTotal: 0 });
    expect(STATION).toBe('st-ft-hf');
    expect(RESIDENT).toBe('odemo-resident');
  });
});
