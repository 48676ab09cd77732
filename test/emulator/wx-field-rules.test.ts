/**
 * The emulator's subscription-message value rules against examples written by hand from
 * WeChat's table (订阅消息参数值内容限制说明) — not derived from any code.
 */
import { FIELD_RULES, fieldTypeOf, type FieldType } from '../../emulator/wx/subscribe-field-rules';
import { findDataProblem } from '../../emulator/wx/subscribe-data';

const EXAMPLES: Record<FieldType, { valid: string[]; invalid: string[] }> = {
  thing: {
    valid: ['TIT创意园', '广州市新港中路397号', '人大代表 王明', '路灯坏了，请尽快修复！', 'Room 302 (B座)', '二十个字二十个字二十个字二十个字二十个字'],
    invalid: ['二十一个字二十一个字二十一个字二十一个字二', '第一行\n第二行', 'tab\there', 'a'.repeat(21)],
  },
  number: {
    valid: ['339208499', '0', '3.14', '1'.repeat(32), '1'.repeat(30) + '.5'],
    invalid: ['12件', '-3', '1,000', '.5', '3.', '1'.repeat(33), '1e5', '３'],
  },
  letter: {
    valid: ['abc', 'ABCdef', 'z'.repeat(32)],
    invalid: ['abc123', 'ab c', 'é', '字母', 'z'.repeat(33)],
  },
  symbol: {
    valid: ['#', '+-*/', '!@#$%', '，。', '¥'],
    invalid: ['#a', '1', '+-*/=?', '中', ' '],
  },
  character_string: {
    valid: ['SZ-2026-0001', 'FT20261121-0042', 'abc_123#', 'x'.repeat(32), '12345'],
    invalid: ['编号SZ-1', 'SZ 2026', 'x'.repeat(33), 'SZ\n1'],
  },
  time: {
    valid: [
      '15:01',
      '9:05',
      '15:01:30',
      '2019年10月1日 15:01',
      '2019-10-01 15:01',
      '2019/10/01 15:01:00',
      '10月1日 15:01',
      '2019.10.01 08:00',
      '15:01~16:30',
      '2019年10月1日 15:01~2019年10月1日 17:00',
      '2026-11-22 09:30 ~ 11:30',
    ],
    invalid: ['2019年10月1日', '25:00', '15:60', '15：01', '3pm', '15:01~16:00~17:00', '2019年2月30日 10:00', '2019-13-01 10:00', '2019年10月1日15:01', '15:1'],
  },
  date: {
    valid: [
      '2019年10月1日',
      '2019年10月1日 15:01',
      '2019年10月',
      '10月1日',
      '2018-01-01',
      '2018/01/01',
      '2018.01.01',
      '2018-01',
      '01-01',
      '2月29日',
      '2019年10月1日~2019年10月7日',
      '2024-02-29',
    ],
    invalid: ['15:01', '11月', '2019年', '2019-02-29', '2018-01/01', '2019年13月1日', 'tomorrow', '2019年10月1日 25:00'],
  },
  amount: {
    valid: ['¥100', '￥99.5', '$12.30', '100元', '¥100元', '1234567890', '€0.01'],
    invalid: ['一百元', '¥', '¥¥100', '12345678901', '100 元', '-5', '1,000'],
  },
  phone_number: {
    valid: ['+86-0766-66888866', '13800138000', '0755-88886666', '(0755)88886666', '12345678901234567'],
    invalid: ['0755 8888 6666', '电话13800138000', '123456789012345678', '+-'],
  },
  car_number: {
    valid: ['粤A8Z888挂', '粤B12345', '京A00001', 'WJ12345', 'A12345'],
    invalid: ['粤A8Z888挂挂', '粤A粤8Z88', '粤-B12345', '粤A8Z8888挂'],
  },
  name: {
    valid: ['张三', '欧阳娜娜', '阿依古丽·买买提', 'Tom张', 'John Smith', "O'Brien", 'Mary-Jane'],
    invalid: ['一个名字超过了十个汉字的人', 'A Very Long English Name', '张三3', 'R2D2', ' Tom'],
  },
  phrase: {
    valid: ['配送中', '已受理', '货物配送中', '办结'],
    invalid: ['正在处理中呢', 'accepted', '已受理!', '处理 中', 'OK好'],
  },
};

describe('WeChat subscription-message value rules, in the emulator', () => {
  it('covers every documented type', () => {
    expect(Object.keys(FIELD_RULES).sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  describe.each(Object.entries(EXAMPLES) as [FieldType, { valid: string[]; invalid: string[] }][])('%s', (type, { valid, invalid }) => {
    it.each(valid)('accepts %p', (value) => {
      expect(FIELD_RULES[type].accepts(value)).toBe(true);
    });
    it.each(invalid)('refuses %p', (value) => {
      expect(FIELD_RULES[type].accepts(value)).toBe(false);
    });
  });
});

describe('a keyword key names its type', () => {
  it.each([
    ['thing1', 'thing'],
    ['character_string12', 'character_string'],
    ['phone_number03', 'phone_number'],
    ['number01', 'number'],
    ['site01', null],
    ['thing', null],
    ['Thing1', null],
    ['thing1a', null],
  ])('%s → %s', (key, type) => {
    expect(fieldTypeOf(key)).toBe(type);
  });
});

describe('the first problem in a data object, as WeChat names it', () => {
  it.each([
    ['a fine message', { thing1: { value: '路灯坏了' }, time2: { value: '15:01' } }, undefined, null],
    ['not an object', '{"thing1":{"value":"x"}}', undefined, { kind: 'not-an-object' }],
    ['an empty value', { thing1: { value: '' } }, undefined, { kind: 'empty', key: 'thing1' }],
    ['a blank value', { thing1: { value: '   ' } }, undefined, { kind: 'empty', key: 'thing1' }],
    ['no value at all', { thing1: {} }, undefined, { kind: 'empty', key: 'thing1' }],
    ['a value that is no text', { thing1: { value: { text: 'x' } } }, undefined, { kind: 'invalid', key: 'thing1' }],
    ['a number sent as a JSON number', { number1: { value: 42 } }, undefined, null],
    ['a key with no type', { site01: { value: '广州' } }, undefined, { kind: 'invalid', key: 'site01' }],
    ['the first bad key in order', { thing1: { value: 'ok' }, phrase2: { value: 'accepted' }, thing3: { value: '' } }, undefined, { kind: 'invalid', key: 'phrase2' }],
    ['a keyword of the template left out', { thing1: { value: 'ok' } }, ['thing1', 'time2'], { kind: 'empty', key: 'time2' }],
    ['a key the template lacks', { thing1: { value: 'ok' }, time2: { value: '15:01' }, thing9: { value: '多余' } }, ['thing1', 'time2'], { kind: 'invalid', key: 'thing9' }],
    ['exactly the template', { time2: { value: '15:01' }, thing1: { value: 'ok' } }, ['thing1', 'time2'], null],
  ])('%s', (_label, data, templateKeys, problem) => {
    expect(findDataProblem(data, templateKeys)).toEqual(problem);
  });
});
