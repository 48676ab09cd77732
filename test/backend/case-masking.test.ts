/**
 * Phone and ID-card numbers written into a case's free text, through the function host: the
 * owner and the station's officer read them as typed (the officer calls back); the deputy and
 * the district office read them masked, in the case, its timeline and the queue.
 */
import { ADMIN, DEPUTY, DEPUTY_ID, OFFICER, ref, submitted } from './case-fixtures';
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
