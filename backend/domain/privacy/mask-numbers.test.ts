import { maskNumbers } from './mask-numbers';

// Every expectation below is written by hand: what a person reading the masked text should see.
const ZW = '\u200b';

describe('masking phone and ID-card numbers in free text', () => {
  describe('mobiles, whatever sits between the digits', () => {
    it.each([
      ['inside Chinese text', '请联系我13800138000，谢谢', '请联系我138****8000，谢谢'],
      ['with +86 and spaces', '电话：+86 138 0013 8000。', '电话：+86 138 **** 8000。'],
      ['with 86 and no plus', '手机8613800138000', '手机86138****8000'],
      ['with 0086', '0086 13800138000', '0086 138****8000'],
      ['with dashes', '138-0013-8000', '138-****-8000'],
      ['split by single spaces', '1 3 8 0 0 1 3 8 0 0 0', '1 3 8 * * * * 8 0 0 0'],
      ['with dots', '电话138.1234.5678', '电话138.****.5678'],
      ['with two spaces', '138  1234  5678', '138  ****  5678'],
      ['with spaced dashes', '138 - 1234 - 5678', '138 - **** - 5678'],
      ['with slashes', '138/1234/5678', '138/****/5678'],
      ['with underscores', '138_1234_5678', '138_****_5678'],
      ['with the prefix in brackets', '(138)12345678', '(138)****5678'],
      ['with full-width brackets and a dash', '（138）1234-5678', '（138）****-5678'],
      ['with square brackets', '【138】【1234】【5678】', '【138】【****】【5678】'],
      ['with mixed, repeated separators', '138 -./ 1234 _ 5678', '138 -./ **** _ 5678'],
      ['across lines', '电话\n138\n1234\n5678', '电话\n138\n****\n5678'],
      ['with a backslash and a pipe', '138\\1234|5678', '138\\****|5678'],
      ['with middle dots', '138·1234·5678', '138·****·5678'],
      ['with ideographic full stops', '138。1234。5678', '138。****。5678'],
      ['after a colon', '电话:13800138000', '电话:138****8000'],
      ['before a word that starts with 一', '13800138000一直打不通', '138****8000一直打不通'],
      ['two in one text', '我13800138000，我妻子13912345678', '我138****8000，我妻子139****5678'],
      ['two with only a space between', '13800138000 13912345678', '138****8000 139****5678'],
      ['two grouped, one after the other', '138 0013 8000 139 1234 5678', '138 **** 8000 139 **** 5678'],
    ])('masks a mobile %s', (_what, text, masked) => {
      expect(maskNumbers(text)).toBe(masked);
    });
  });

  describe('mobiles in other digits — written back in plain digits, as a reader reads them', () => {
    it.each([
      ['split by zero-width spaces', `1${ZW}3${ZW}8${ZW}1${ZW}2${ZW}3${ZW}4${ZW}5${ZW}6${ZW}7${ZW}8`, '138****5678'],
      ['split by a word joiner and a BOM', '138\u20601234\ufeff5678', '138****5678'],
      ['split by zero-width joiners and non-joiners', '1\u200d3\u200c8\u200d1\u200c2\u200d3\u200c4\u200d5\u200c6\u200d7\u200c8', '138****5678'],
      ['split by soft hyphens', '138\u00ad1234\u00ad5678', '138****5678'],
      ['split by bidi marks', '138\u200e1234\u200f5678\u202c', '138****5678'],
      ['in mathematical bold digits', '电话𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖', '电话138****5678'],
      ['in mathematical monospace digits', '𝟷𝟹𝟾𝟷𝟸𝟹𝟺𝟻𝟼𝟽𝟾', '138****5678'],
      ['in Arabic-Indic digits', '١٣٨١٢٣٤٥٦٧٨', '138****5678'],
      ['in extended Arabic-Indic digits', '۱۳۸۱۲۳۴۵۶۷۸', '138****5678'],
      ['in Devanagari digits', '१३८१२३४५६७८', '138****5678'],
      ['in full-width digits', '电话１３８００１３８０００', '电话138****8000'],
      ['in full-width digits with full-width dashes', '１３８－１２３４－５６７８', '138－****－5678'],
      ['in circled digits', '①③⑧①②③④⑤⑥⑦⑧', '138****5678'],
      ['in dingbat circled digits', '❶❸❽❶❷❸❹❺❻❼❽', '138****5678'],
      ['in keycap emoji', '1️⃣3️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣', '138****5678'],
      ['in superscript digits', '¹³⁸¹²³⁴⁵⁶⁷⁸', '138****5678'],
      ['in Chinese numerals', '电话一三八一二三四五六七八', '电话138****5678'],
      ['in Chinese numerals with 〇 and 零', '一三九〇〇一三九零零零', '139****9000'],
      ['in Chinese numerals read aloud (幺, 两)', '幺三八幺两三四五六七八', '138****5678'],
      ['in financial numerals', '壹叁捌壹贰叁肆伍陆柒捌', '138****5678'],
      ['in Chinese numerals followed by 一定', '请打一三八一二三四五六七八一定回电', '请打138****5678一定回电'],
      ['in Chinese numerals with spaces', '一三八 一二三四 五六七八', '138 **** 5678'],
      ['mixing digits and numerals', '138一二三四5678', '138****5678'],
      ['mixing look-alikes and zero-width spaces', `𝟏${ZW}٣${ZW}８一二三四5678`, '138****5678'],
    ])('masks a mobile %s', (_what, text, masked) => {
      expect(maskNumbers(text)).toBe(masked);
    });
  });

  describe('landlines and ID numbers', () => {
    it.each([
      ['a landline with its area code', '座机0755-83212345转总机', '座机0755-****2345转总机'],
      ['a landline in brackets', '（0755）83212345', '（0755）****2345'],
      ['a landline with spaces', '0755 8321 2345', '0755 **** 2345'],
      ['a Beijing landline', '010-62345678', '010-****5678'],
      ['an 18-digit ID ending in X', '身份证号44030419900101123X', '身份证号4403**********123X'],
      ['an 18-digit ID, lower-case x', '44030419900101123x号', '4403**********123x号'],
      ['an 18-digit ID in groups', '440304 19900101 1234', '4403** ******** 1234'],
      ['an 18-digit ID with dots', '440304.1990.0101.123X', '4403**.****.****.123X'],
      ['an 18-digit ID with dashes and spaces', '440304 - 19900101 - 123X', '4403** - ******** - 123X'],
      ['an 18-digit ID in full-width digits', '４４０３０４１９９００１０１１２３Ｘ', '4403**********123X'],
      ['an 18-digit ID split by zero-width spaces', `4403${ZW}0419${ZW}9001${ZW}0112${ZW}3X`, '4403**********123X'],
      ['an 18-digit ID in Chinese numerals', '四四〇三〇四一九九〇〇一〇一一二三四', '4403**********1234'],
      ['an 18-digit ID before a numeral', '440304199001011234一张', '4403**********1234一张'],
      ['a 15-digit ID', '老身份证440304900101123', '老身份证4403********123'],
    ])('masks %s', (_what, text, masked) => {
      expect(maskNumbers(text)).toBe(masked);
    });
  });

  it.each([
    ['a receipt number', '受理编号 FT20261121-0042 已办结'],
    ['a receipt number with a long sequence', 'FT20261121-12345'],
    ['two receipt numbers', 'FT20261121-0042、FT20261122-0001'],
    ['a date with dashes', '2026-12-06'],
    ['a date with slashes and dots', '2026/12/06，2026.12.06'],
    ['a date in Chinese', '2026年12月6日上午'],
    ['a date as eight digits', '20261206'],
    ['two dates side by side', '2026-12-06 2026-12-20'],
    ['a date range', '2026-12-06 至 2026-12-20'],
    ['a date and a time', '2026-12-06 13:45'],
    ['an instant', '2026-11-21T02:00:00.000Z'],
    ['times', '13:00-14:30，9:00—11:30'],
    ['an amount with thousands', '费用¥13,800.00'],
    ['an amount in yuan', '共计 138.50 元，15000元'],
    ['an amount in Chinese', '人民币壹万叁仟捌佰元整'],
    ['a date in Chinese numerals', '二〇二六年十二月六日'],
    ['a building address', '3号楼2单元1301室'],
    ['room numbers in a row', '1301 1302 1303'],
    ['a 12-digit run (not a mobile)', '订单号138001380001'],
    ['a 10-digit run', '1380013800'],
    ['an 18-digit run without a birth date', '流水号123456789012345678'],
    ['digits glued to letters', 'ABC13800138000'],
    ['digits glued to letters on the right', '13800138000abc'],
    ['19 characters that only start like an ID', '440304199001011234X'],
    ['a short station code', '华富街道联络站 st-ft-hf-01'],
    ['coordinates', '22.5515 114.0775'],
    ['an IP address', '192.168.100.101'],
    ['a bank card number', '6222 0212 3456 7890 123'],
    ['a hotline', '请拨打12345市民热线'],
    ['a landline area code and an extension only', '0755 转 8000'],
    ['numbers counted in words', '路灯坏了两个星期，一共三盏'],
    ['text without digits', '小区路灯不亮，晚上很不安全'],
    ['already masked text', '138****8000，4403**********123X'],
  ])('leaves %s alone', (_what, text) => {
    expect(maskNumbers(text)).toBe(text);
  });

  it('keeps the text as typed around what it masks, emoji included', () => {
    expect(maskNumbers('😀 13800138000 😀')).toBe('😀 138****8000 😀');
    expect(maskNumbers('１号楼，电话13800138000。')).toBe('１号楼，电话138****8000。');
  });

  it('drops characters that render nothing, numbers or not', () => {
    expect(maskNumbers('\u202e路灯\u202c不亮\u200b')).toBe('路灯不亮');
    expect(maskNumbers('')).toBe('');
  });

  it('is idempotent: masked text masks to itself', () => {
    const once = maskNumbers(`电话 𝟏𝟑𝟖 1234 5678，身份证 440304 19900101 123X，座机（0755）83212345`);
    expect(maskNumbers(once)).toBe(once);
  });
});
