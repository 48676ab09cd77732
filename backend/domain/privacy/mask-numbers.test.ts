import { maskNumbers } from './mask-numbers';

describe('masking phone and ID-card numbers in free text', () => {
  it.each([
    ['a mobile inside Chinese text', '请联系我13800138000，谢谢', '请联系我138****8000，谢谢'],
    ['a mobile with +86 and spaces', '电话：+86 138 0013 8000。', '电话：+86 138 **** 8000。'],
    ['a mobile with 86 and no plus', '手机8613800138000', '手机86138****8000'],
    ['a mobile with dashes', '138-0013-8000', '138-****-8000'],
    ['a mobile split by single spaces', '1 3 8 0 0 1 3 8 0 0 0', '1 3 8 * * * * 8 0 0 0'],
    ['a mobile in full-width digits', '电话１３８００１３８０００', '电话１３８****８０００'],
    ['a landline with its area code', '座机0755-83212345转总机', '座机0755-****2345转总机'],
    ['a landline in brackets', '（0755）83212345', '（0755）****2345'],
    ['a Beijing landline', '010-62345678', '010-****5678'],
    ['an 18-digit ID ending in X', '身份证号44030419900101123X', '身份证号4403**********123X'],
    ['an 18-digit ID, lower-case x', '44030419900101123x号', '4403**********123x号'],
    ['an 18-digit ID in groups', '440304 19900101 1234', '4403** ******** 1234'],
    ['a 15-digit ID', '老身份证440304900101123', '老身份证4403********123'],
    ['two numbers in one text', '我13800138000，我妻子13912345678', '我138****8000，我妻子139****5678'],
  ])('masks %s', (_what, text, masked) => {
    expect(maskNumbers(text)).toBe(masked);
  });

  it.each([
    ['a receipt number', '受理编号 FT20261121-0042 已办结'],
    ['a date', '2026-11-21 上午，2026年11月21日'],
    ['an instant', '2026-11-21T02:00:00.000Z'],
    ['a time and an amount', '13:00 在3号楼，费用15000元'],
    ['a 12-digit run (not a mobile)', '订单号138001380001'],
    ['an 18-digit run without a birth date', '流水号123456789012345678'],
    ['digits glued to letters', 'ABC13800138000'],
    ['19 characters that only start like an ID', '440304199001011234X'],
    ['a short station code', '华富街道联络站 st-ft-hf-01'],
    ['text without digits', '小区路灯不亮，晚上很不安全'],
  ])('leaves %s alone', (_what, text) => {
    expect(maskNumbers(text)).toBe(text);
  });

  it('keeps the text as typed around what it masks, emoji included', () => {
    expect(maskNumbers('😀 13800138000 😀')).toBe('😀 138****8000 😀');
  });
});
