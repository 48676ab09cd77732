/**
 * Phone and ID-card numbers written into a case's free text, through the function host: the
 * owner and the station's officer read them as typed (the officer calls back); the deputy and
 * the district office read them masked, in the case, its timeline, the queue and the 代表函 —
 * whatever shape the number was written in. And text that renders nothing: it neither passes a
 * length check, nor makes a duplicate new, nor reaches the record.
 */
import { shanghaiDate } from '../../backend/domain/calendar';
import { idShapes, phoneShapes, reveals } from '../reliability/support/number-shapes';
import { readPdf } from '../support/pdf-reader';
import { ADMIN, caseDocument, DEPUTY, DEPUTY_ID, eventDocuments, newRequestId, OFFICER, ref, submission, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'subscription'] });
}, 120_000);

afterAll(() => backend?.close());

const MOBILE = '13800138000';
const ID_NUMBER = '44030419900101123X';
const LANDLINE = '0755-83212345';
const detail = (caseId: string, openid: string) => backend.data('case', 'get', { caseId }, openid);

describe('numbers in the free text of a case', () => {
  it('are shown to the owner and the officer as typed, and masked for the deputy and the district office', async () => {
    const resident = newOpenid();
    const content = `我家楼下路灯坏了两个星期，请回电 ${MOBILE}，身份证号${ID_NUMBER}，受理编号 FT20261121-0042 的那件也是这个问题。`;
    const { caseId, receiptNo } = await submitted(backend, resident, { title: `路灯不亮请回电${MOBILE}`, content, deputyId: DEPUTY_ID });

    const forOfficer = await detail(caseId, OFFICER);
    await backend.data('case', 'supplement', { caseId, version: forOfficer.version, note: `白天可打座机 ${LANDLINE}` }, resident);
    const latest = await detail(caseId, OFFICER);
    await backend.data('case', 'accept', { ...ref(latest), note: `已联系物业 ${LANDLINE}` }, OFFICER);

    for (const reader of [resident, OFFICER]) {
      const seen = await detail(caseId, reader);
      expect(seen.title).toBe(`路灯不亮请回电${MOBILE}`);
      expect(seen.content).toBe(content);
      expect(seen.timeline.map((e) => e.note)).toEqual([undefined, `白天可打座机 ${LANDLINE}`, `已联系物业 ${LANDLINE}`]);
    }

    for (const reader of [DEPUTY, ADMIN]) {
      const seen = await detail(caseId, reader);
      expect(seen.title).toBe('路灯不亮请回电138****8000');
      expect(seen.content).toBe('我家楼下路灯坏了两个星期，请回电 138****8000，身份证号4403**********123X，受理编号 FT20261121-0042 的那件也是这个问题。');
      expect(seen.timeline.map((e) => e.note)).toEqual([undefined, '白天可打座机 0755-****2345', '已联系物业 0755-****2345']);
      expect(seen.receiptNo).toBe(receiptNo);
      const text = JSON.stringify(seen);
      for (const secret of [MOBILE, ID_NUMBER, '83212345']) expect(text).not.toContain(secret);
    }
  });

  it('are masked in the deputy’s and the district office’s queue, not in the officer’s', async () => {
    const { caseId } = await submitted(backend, newOpenid(), { title: `电话${MOBILE}楼道积水`, deputyId: DEPUTY_ID });
    const titleIn = async (openid: string) => (await backend.data('case', 'inbox', { filter: 'open' }, openid)).cases.find((c) => c.id === caseId)?.title;
    expect(await titleIn(OFFICER)).toBe(`电话${MOBILE}楼道积水`);
    expect(await titleIn(DEPUTY)).toBe('电话138****8000楼道积水');
    expect(await titleIn(ADMIN)).toBe('电话138****8000楼道积水');
  });

  it('are masked in a rejection’s referral for the district office, as typed for the resident', async () => {
    const resident = newOpenid();
    const { caseId } = await submitted(backend, resident);
    await backend.data('case', 'reject', { caseId, version: 1, reason: '属于物业纠纷', referral: `请致电物业服务中心 ${LANDLINE}` }, OFFICER);
    const referral = async (openid: string) => (await detail(caseId, openid)).timeline.find((e) => e.kind === 'rejected')?.data?.referral;
    expect(await referral(resident)).toBe(`请致电物业服务中心 ${LANDLINE}`);
    expect(await referral(ADMIN)).toBe('请致电物业服务中心 0755-****2345');
  });
});

describe('numbers written to slip past the mask', () => {
  const PHONE = '13912345678';
  const ID = '440304199001011234';
  const shapes = [...phoneShapes(PHONE).map((s) => ({ ...s, number: PHONE })), ...idShapes(ID).map((s) => ({ ...s, number: ID }))];

  it.each(shapes.map((s) => [s.shape, s] as const))(
    '%s: whole for the owner and the officer, masked for the deputy and the district office',
    async (_shape, { text, number }) => {
      const resident = newOpenid();
      const { caseId } = await submitted(backend, resident, { title: `请回电${text}`, content: `楼道灯坏了很久，请打 ${text} 联系我。`, deputyId: DEPUTY_ID });
      // Accepted, so the deputy reads it even when this run's many cases to them set off the flood hold.
      await backend.data('case', 'accept', { caseId, version: 1 }, OFFICER);
      for (const reader of [resident, OFFICER]) expect(reveals(JSON.stringify(await detail(caseId, reader)), number)).toBe(true);
      for (const reader of [DEPUTY, ADMIN]) {
        const seen = await detail(caseId, reader);
        expect(reveals(JSON.stringify(seen), number)).toBe(false);
        // Masked the house way, in plain digits: the carrier prefix (or region) and the last four stay.
        expect(seen.content).toContain(number === PHONE ? '139' : '4403');
        expect(seen.content).toContain(number === PHONE ? '5678' : '1234');
        expect(seen.content).toMatch(/\*{4}/);
      }
    },
  );
});

describe('the 代表函', () => {
  it('masks the numbers in the receiving body as the district office’s case view does, and those in the resident’s text', async () => {
    const resident = newOpenid();
    const body = '福田区住房和建设局 王科长 138.1234.5678';
    const { caseId } = await submitted(backend, resident, {
      title: '老旧小区加装电梯请回电',
      content: `加装电梯的事，请回电 ${phoneShapes('13700001111')[9].text}，身份证 ${idShapes(ID_NUMBER)[1].text}。`,
    });
    const accepted = await backend.data('case', 'accept', { caseId, version: 1 }, OFFICER);
    const deadline = shanghaiDate(new Date(Date.now() + 20 * 86_400_000));
    await backend.data('case', 'transfer', { ...ref(accepted), route: 'district_committee', receivingBody: body, deadline }, OFFICER);

    // The one rule: the district office's case view masks the receiving body …
    expect((await detail(caseId, ADMIN)).transfer?.receivingBody).toBe('福田区住房和建设局 王科长 138.****.5678');
    expect((await detail(caseId, OFFICER)).transfer?.receivingBody).toBe(body);
    // … and the letter, whoever issues it, goes to a body that does not call the resident back: the same.
    for (const issuer of [OFFICER, ADMIN]) {
      const { url } = await backend.data('case', 'letter', { caseId }, issuer);
      const letter = (await readPdf(new Uint8Array(await (await fetch(url)).arrayBuffer()))).text.replace(/\s/g, '');
      expect(letter).toContain('福田区住房和建设局王科长138.****.5678');
      expect(letter).toContain('137****1111');
      for (const number of ['13812345678', '13700001111', ID_NUMBER.slice(0, 17)]) expect(reveals(letter, number)).toBe(false);
    }
  });
});

describe('text that renders nothing', () => {
  const digest = async () => ((await (await fetch(`${backend.url}/_emulator/database/digest`)).json()) as { sha256: string }).sha256;

  it('does not make a duplicate new: one zero-width space in the title is the same title', async () => {
    const resident = newOpenid();
    const input = submission();
    const { receiptNo } = await backend.data('case', 'submit', input, resident);
    const before = await digest();
    const title = `${[...input.title].slice(0, 2).join('')}\u200b${[...input.title].slice(2).join('')}`;
    const again = await backend.call('case', 'submit', { ...input, requestId: newRequestId(), title }, resident);
    expect(again).toEqual({ ok: false, error: { code: 'DUPLICATE_CONTENT', message: expect.stringContaining(receiptNo) } });
    // Nor do zero-width characters all through the content.
    const content = [...input.content].join('\u200c');
    const third = await backend.call('case', 'submit', { ...input, requestId: newRequestId(), content }, resident);
    expect(third).toMatchObject({ ok: false, error: { code: 'DUPLICATE_CONTENT' } });
    expect(await digest()).toBe(before);
  });

  it('reads a title of zero-width characters only as no title: one is made from the text, with nothing invisible', async () => {
    const resident = newOpenid();
    const { caseId } = await backend.data(
      'case',
      'submit',
      submission({ title: '\u200b\u200b\u200b\u200b\u200b', content: '\u200b路灯\u200b坏了两周。晚上很不安全。' }),
      resident,
    );
    expect((await caseDocument(backend, caseId)).title).toBe('路灯坏了两周');
  });

  it.each([
    ['a title and content of zero-width characters only', { title: '\u200b\u2060\ufeff\u200d', content: '\u200b'.repeat(40) }, 'content', '请写下或录下您遇到的问题'],
    ['content of zero-width characters only', { content: '\u200b\u200c\u200d\u2060'.repeat(10) }, 'content', '请写下或录下您遇到的问题'],
    ['a title that is three characters and a right-to-left override', { title: '\u202e路灯坏' }, 'title', '标题至少 4 个字'],
    ['content padded to length with zero-width spaces', { content: `灯坏了${'\u200b'.repeat(20)}` }, 'content', '内容至少 10 个字'],
  ])('refuses %s with a Chinese message, and writes nothing', async (_what, patch, field, message) => {
    const before = await digest();
    const answer = await backend.call('case', 'submit', submission(patch), newOpenid());
    expect(answer).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field, message } });
    expect(await digest()).toBe(before);
  });

  it('is taken out of what is stored: a right-to-left override in a title never reaches the record', async () => {
    const resident = newOpenid();
    const input = submission({ title: '\u202e路灯不亮\u202c请修理', content: '\u2066华富村三号楼旁的路灯坏了两周\u2069，晚上很不安全。\u200b' });
    const { caseId } = await backend.data('case', 'submit', input, resident);
    const stored = await caseDocument(backend, caseId);
    expect(stored.title).toBe('路灯不亮请修理');
    expect(stored.content).toBe('华富村三号楼旁的路灯坏了两周，晚上很不安全。');
    for (const reader of [resident, OFFICER, ADMIN]) expect((await detail(caseId, reader)).title).toBe('路灯不亮请修理');
    // A handler's note the same way.
    const accepted = await backend.data('case', 'accept', { caseId, version: 1, note: '\u202e已受理\u200b' }, OFFICER);
    expect(accepted.timeline.at(-1)?.note).toBe('已受理');
    expect((await eventDocuments(backend, caseId)).at(-1)?.note).toBe('已受理');
  });
});
