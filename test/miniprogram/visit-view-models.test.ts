/**
 * 接待登记 view-models: the list rows (status, case and claim state, what may be done), the form's
 * checks and input, the claim card, and the resident's code (scanned or typed). Oracles are the
 * contract's words (typings/visit.ts) and hand-written rows.
 */
import { toClaimCard, toRecordVisitInput, toVisitItem, visitErrors, visitFieldOf, EMPTY_VISIT_FORM } from '../../miniprogram/packages/work/visits/view-model';
import { claimCodeOfScan, claimCodeProblem, normaliseClaimCode } from '../../miniprogram/packages/case/claim/view-model';
import { toCaseView } from '../../miniprogram/packages/case/detail/view-model';
import { caseDetail, NOW } from './support/case-fixtures';
import { ANSWERED, BOOKED_LIU, BOOKED_NO_CONTACT, CLAIM, CONVERTED, WALK_IN } from './support/visit-demo';
import { bookedForm, toBookingItem } from '../../miniprogram/packages/work/visits/bookings';

const NO_PHOTOS = { photos: [], uploading: 0, failed: 0 };
const IDLE = { phase: 'idle' as const, voice: null };
const VOICE = { phase: 'ready' as const, voice: { fileId: 'cloud://env/voice/v.mp3', url: 'wxfile://v.mp3', durationSec: 12 } };

describe('toVisitItem', () => {
  it.each([
    // visit, status text, case text, convert?, show code?
    [WALK_IN, '已登记', '', true, false],
    [ANSWERED, '当场答复', '', false, false],
    [CONVERTED, '已转留言', '受理编号 FT20261121-0051 · 待认领', false, true],
    [{ ...CONVERTED, case: { ...CONVERTED.case!, claimed: true } }, '已转留言', '受理编号 FT20261121-0051 · 已认领', false, false],
  ])('%#: %s', (visit, statusText, caseText, canConvert, canShowCode) => {
    expect(toVisitItem(visit)).toMatchObject({ statusText, caseText, canConvert, canShowCode });
  });

  it('says who came and when, in Beijing time', () => {
    const item = toVisitItem({ ...ANSWERED, recordedAt: '2026-11-21T06:05:00.000Z' });
    expect(item).toMatchObject({ who: '王先生 138****8000', timeText: '14:05', deputyName: '李明', answer: ANSWERED.answer });
  });

  it('a record of voice only still reads as something', () => {
    expect(toVisitItem({ ...WALK_IN, issue: '', voice: { fileId: 'f', url: 'u', durationSec: 9 } }).issue).toBe('（语音）');
  });
});

describe('visitErrors', () => {
  it('asks for the issue as text, voice or photos', () => {
    expect(visitErrors(EMPTY_VISIT_FORM, NO_PHOTOS, IDLE).issue).toBe('请记录群众反映的问题（文字、语音或照片至少一项）');
    expect(visitErrors(EMPTY_VISIT_FORM, NO_PHOTOS, VOICE)).toEqual({});
    expect(visitErrors(EMPTY_VISIT_FORM, { ...NO_PHOTOS, photos: [{ fileId: 'p', url: 'u' }] }, IDLE)).toEqual({});
  });

  it('checks lengths, the phone and media still on their way', () => {
    const form = { ...EMPTY_VISIT_FORM, issue: '字'.repeat(1001), phone: '12345', answer: '答'.repeat(1001), name: '名'.repeat(21) };
    expect(visitErrors(form, { ...NO_PHOTOS, uploading: 1 }, { phase: 'uploading', voice: null })).toEqual({
      issue: '问题最多 1000 字',
      name: '姓名最多 20 字',
      phone: '请填写 11 位手机号码',
      answer: '当场答复最多 1000 字',
      photos: '照片还在上传，请稍候',
      voice: '语音还在录制或上传，请稍候',
    });
    expect(visitErrors({ ...EMPTY_VISIT_FORM, issue: '字'.repeat(1000), phone: '13800138000' }, NO_PHOTOS, IDLE)).toEqual({});
  });

  it.each([
    ['photoFileIds.2', 'photos'],
    ['voice.fileId', 'voice'],
    ['deputyId', 'deputy'],
    ['issue', 'issue'],
    ['receptionId', undefined],
    [undefined, undefined],
  ])('the server’s field %s goes to %s', (server, field) => expect(visitFieldOf(server)).toBe(field));
});

describe('toRecordVisitInput', () => {
  it('sends only what was filled in, trimmed', () => {
    const form = { ...EMPTY_VISIT_FORM, issue: '  路灯坏了 ', phone: '13800138000' };
    expect(toRecordVisitInput(form, { requestId: 'req-12345678', receptionId: 'rc-today' }, [], IDLE)).toEqual({
      requestId: 'req-12345678',
      receptionId: 'rc-today',
      issue: '路灯坏了',
      phone: '13800138000',
    });
  });

  it('with everything: the deputy, the answer, photo ids and the voice', () => {
    const form = { issue: '问题', name: '陈阿姨', phone: '', answer: '已答复', deputyId: 'dp-002' };
    expect(toRecordVisitInput(form, { requestId: 'r-123456789', receptionId: 'rc-today' }, [{ fileId: 'p1', url: 'u1' }], VOICE)).toEqual({
      requestId: 'r-123456789',
      receptionId: 'rc-today',
      deputyId: 'dp-002',
      issue: '问题',
      name: '陈阿姨',
      answer: '已答复',
      photoFileIds: ['p1'],
      voice: { fileId: 'cloud://env/voice/v.mp3', durationSec: 12 },
    });
  });
});

describe('从预约登记', () => {
  const DEPUTIES = [
    { id: 'dp-001', name: '李明' },
    { id: 'dp-002', name: '张丽华' },
  ];

  it.each([
    [BOOKED_LIU, { id: 'bk-2', title: '14:00-15:00 · 刘女士', topic: '小区停车位不够，晚上车辆乱停堵住消防通道。', deputyText: '约见 张丽华 代表' }],
    [BOOKED_NO_CONTACT, { id: 'bk-3', title: '15:00-16:00 · 未留姓名', topic: '想咨询孩子上小学的学位申请。', deputyText: '' }],
    [
      { ...BOOKED_NO_CONTACT, topic: '' },
      { id: 'bk-3', title: '15:00-16:00 · 未留姓名', topic: '未填写事由', deputyText: '' },
    ],
  ])('%#: a booking reads as its slot, who and why', (booking, item) => expect(toBookingItem(booking)).toEqual(item));

  it.each<[string, typeof BOOKED_LIU, { id: string; name: string }[], string, number]>([
    ['the deputy asked for, among those the officer chooses from', BOOKED_LIU, DEPUTIES, 'dp-002', 1],
    ['no deputy asked for, two to choose from', BOOKED_NO_CONTACT, DEPUTIES, '', -1],
    ['no deputy asked for, only one at the reception', BOOKED_NO_CONTACT, DEPUTIES.slice(0, 1), 'dp-001', 0],
    ['a deputy recording (no choice): the server sets them', BOOKED_LIU, [], '', -1],
  ])('fills the form: %s', (_name, booking, deputies, deputyId, deputyIndex) => {
    const filled = bookedForm(booking, deputies);
    expect(filled).toEqual({ form: { issue: booking.topic, name: booking.name ?? '', phone: booking.phone ?? '', answer: '', deputyId }, deputyIndex });
  });

  it('sends the booking, and the contact only where the recorder changed it', () => {
    const ids = { requestId: 'req-12345678', receptionId: 'rc-today' };
    const { form } = bookedForm(BOOKED_LIU, DEPUTIES);
    expect(toRecordVisitInput(form, ids, [], IDLE, BOOKED_LIU)).toEqual({ ...ids, bookingId: 'bk-2', deputyId: 'dp-002', issue: BOOKED_LIU.topic });
    expect(toRecordVisitInput({ ...form, name: '刘红', phone: ' 13800138000 ' }, ids, [], IDLE, BOOKED_LIU)).toEqual({
      ...ids,
      bookingId: 'bk-2',
      deputyId: 'dp-002',
      issue: BOOKED_LIU.topic,
      name: '刘红',
      phone: '13800138000',
    });
  });

  it('checks a phone only where the recorder typed it: the booking’s own is the server’s to copy', () => {
    // As the server might show a contact: a booking's phone is never refused for its form.
    const masked = { ...BOOKED_LIU, phone: '139****5678' };
    expect(visitErrors(bookedForm(masked, []).form, NO_PHOTOS, IDLE, masked)).toEqual({});
    expect(visitErrors({ ...bookedForm(masked, []).form, phone: '139' }, NO_PHOTOS, IDLE, masked).phone).toBe('请填写 11 位手机号码');
    expect(visitErrors(bookedForm(masked, []).form, NO_PHOTOS, IDLE).phone).toBe('请填写 11 位手机号码');
  });
});

describe('the claim code', () => {
  it('the card shows the code in two halves and until when it works (Beijing time)', () => {
    expect(toClaimCard('vs-1', CLAIM)).toEqual({ visitId: 'vs-1', code: 'K7M2Q9XB', codeText: 'K7M2 Q9XB', qrImage: CLAIM.qrImage, expiresText: '认领码 15:00 前有效' });
  });

  it.each([
    ['LLZ-CLAIM:K7M2Q9XB', 'K7M2Q9XB'],
    ['llz-claim:k7m2q9xb', 'K7M2Q9XB'],
    ['LLZ-CLAIM:K7M2', ''],
    ['https://example.com/s?scene=FT-HF', ''],
    ['K7M2Q9XB', ''],
  ])('scanned %s → %s', (scanned, code) => expect(claimCodeOfScan(scanned)).toBe(code));

  it.each([
    ['k7m2 q9xb', ''],
    ['', '请输入认领码'],
    ['K7M2Q9X', '认领码是 8 位'],
    ['K7M2Q9X!', '认领码只有字母和数字'],
  ])('typed %s → %s', (typed, problem) => expect(claimCodeProblem(typed)).toBe(problem));

  it('typed codes are compared as the server does: spaces and case do not matter', () => expect(normaliseClaimCode(' k7m2-q9xb ')).toBe('K7M2Q9XB'));
});

describe('the resident’s case page', () => {
  it('marks a case recorded at a reception day 接待日登记, and no other', () => {
    expect(toCaseView(caseDetail({ source: 'reception' }), NOW).sourceText).toBe('接待日登记');
    expect(toCaseView(caseDetail(), NOW).sourceText).toBe('');
  });
});
