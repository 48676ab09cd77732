import { fieldTypeOf, findDataProblem, fitData, fitField, validateField } from './subscribe-fields';

describe('template field types come from the key prefix', () => {
  it.each([
    ['thing1', 'thing'],
    ['thing12', 'thing'],
    ['short_thing3', 'short_thing'],
    ['character_string2', 'character_string'],
    ['phone_number5', 'phone_number'],
    ['car_number1', 'car_number'],
    ['time4', 'time'],
    ['enum_string2', 'enum'],
    ['site01', null],
    ['Thing1', null],
    ['', null],
  ])('%s is a %s field', (key, type) => {
    expect(fieldTypeOf(key)).toBe(type);
  });
});

describe('WeChat accepts these values', () => {
  it.each([
    ['thing1', '您的留言已受理'],
    ['thing1', '一二三四五六七八九十一二三四五六七八九十'], // exactly 20
    ['thing1', 'Road 5, 3rd floor #2'],
    ['short_thing1', '已受理'],
    ['number1', '339208499'],
    ['number1', '3.14'],
    ['letter1', 'ABCxyz'],
    ['symbol1', '#%&'],
    ['character_string1', 'SZ-2024-000123'],
    ['time1', '15:01'],
    ['time1', '2019年10月1日 15:01'],
    ['time1', '2019-10-01 15:01'],
    ['time1', '2019/10/01 09:05'],
    ['time1', '15:01~16:30'],
    ['time1', '2019年10月1日 15:01 ~ 2019年10月1日 17:00'],
    ['date1', '2019年10月1日'],
    ['date1', '2019-10-01'],
    ['date1', '2019-10-01 15:01'],
    ['date1', '2019年10月1日~2019年10月7日'],
    ['date1', '2024-02-29'],
    ['amount1', '¥100'],
    ['amount1', '100.50元'],
    ['amount1', '8'],
    ['phone_number1', '+86-0766-66888866'],
    ['phone_number1', '13800138000'],
    ['car_number1', '粤A8Z888挂'],
    ['car_number1', '京A12345'],
    ['name1', '张三'],
    ['name1', '阿卜杜·热合曼'],
    ['name1', 'John Smith'],
    ['name1', '张San'],
    ['phrase1', '配送中'],
    ['phrase1', '已办结'],
    ['enum1', '待支付'],
  ])('%s = %p', (key, value) => {
    expect(validateField(key, value)).toBeNull();
  });
});

describe('WeChat refuses these values (47003)', () => {
  it.each([
    ['thing1', '', 'empty'],
    ['thing1', '   ', 'empty'],
    ['thing1', undefined, 'empty'],
    ['thing1', '一二三四五六七八九十一二三四五六七八九十一', 'invalid'], // 21
    ['thing1', '第一行\n第二行', 'invalid'],
    ['thing1', 42, 'invalid'],
    ['short_thing1', '六个字的内容', 'invalid'],
    ['number1', '12a', 'invalid'],
    ['number1', '-5', 'invalid'],
    ['number1', '1'.repeat(33), 'invalid'],
    ['letter1', 'abc1', 'invalid'],
    ['letter1', 'a'.repeat(33), 'invalid'],
    ['symbol1', '######', 'invalid'],
    ['symbol1', 'a#', 'invalid'],
    ['character_string1', '受理编号123', 'invalid'],
    ['character_string1', 'a b', 'invalid'],
    ['character_string1', 'x'.repeat(33), 'invalid'],
    ['time1', '2019-10-01', 'invalid'],
    ['time1', '2023-03-24 11:50:00', 'invalid'],
    ['time1', '25:00', 'invalid'],
    ['time1', '明天下午', 'invalid'],
    ['time1', '15:01~16:01~17:01', 'invalid'],
    ['date1', '2019-02-30', 'invalid'],
    ['date1', '10月1日', 'invalid'],
    ['date1', '2019-13-01', 'invalid'],
    ['amount1', '¥12345678901', 'invalid'],
    ['amount1', '一百元', 'invalid'],
    ['phone_number1', '138 0013 8000', 'invalid'],
    ['phone_number1', '1'.repeat(18), 'invalid'],
    ['car_number1', '粤A8Z888挂1', 'invalid'],
    ['car_number1', '粤A8汉888', 'invalid'],
    ['name1', '张三丰张三丰张三丰张三', 'invalid'], // 11 Chinese characters
    ['name1', 'J'.repeat(21), 'invalid'],
    ['name1', '张3', 'invalid'],
    ['phrase1', '已受理了吗呢', 'invalid'],
    ['phrase1', '处理中1', 'invalid'],
    ['phrase1', 'ok', 'invalid'],
    ['site01', '广州', 'invalid'],
  ])('%s = %p is %s', (key, value, kind) => {
    expect(validateField(key, value)).toMatchObject({ kind });
  });
});

describe('a whole data object is checked field by field', () => {
  it('names the first field that fails', () => {
    const problem = findDataProblem({ thing1: { value: '留言已受理' }, phrase2: { value: 'accepted' }, time3: { value: '' } });
    expect(problem).toMatchObject({ key: 'phrase2', problem: { kind: 'invalid' } });
  });

  it('treats a field without { value } as empty', () => {
    expect(findDataProblem({ thing1: '留言已受理' })).toMatchObject({ key: 'thing1', problem: { kind: 'empty' } });
  });

  it('refuses data that is not an object', () => {
    expect(findDataProblem('thing1')).not.toBeNull();
    expect(findDataProblem(null)).not.toBeNull();
  });
});

describe('fitField shapes values WeChat accepts', () => {
  const longText = '关于小区东门外道路长期积水、夜间照明不足以及电动车乱停放问题的建议';
  const instant = new Date('2026-11-21T16:05:09Z'); // 00:05 on 22 November in China

  it.each([
    ['thing1', longText, '关于小区东门外道路长期积水、夜间照明不…'],
    ['thing1', '  多余   空白\n换行 ', '多余 空白 换行'],
    ['thing1', '', '无'],
    ['short_thing1', '办理中请耐心等待', '办理中请…'],
    ['phrase1', '已答复（待评价）', '已答复待评'],
    ['phrase1', 'replied', '无'],
    ['character_string1', '受理编号 SZ-2024-0001', 'SZ-2024-0001'],
    ['number1', 42, '42'],
    ['number1', '共 3 件', '3'],
    ['amount1', 12.5, '¥12.50'],
    ['phone_number1', '0755 8888 6666', '075588886666'],
    ['car_number1', '粤 a·8z888', '粤A8Z888'],
    ['name1', '王 小明 代表', '王小明代表'],
    ['name1', 'Li Lei (deputy)', 'Li Lei deputy'],
    ['time1', instant, '2026年11月22日 00:05'],
    ['time1', '2026-11-22 09:30', '2026-11-22 09:30'],
    ['time1', '2026-11-22T01:30:00Z', '2026年11月22日 09:30'],
    ['date1', instant, '2026年11月22日'],
    ['date1', instant.getTime(), '2026年11月22日'],
  ])('%s from %p is %p', (key, raw, expected) => {
    expect(fitField(key, raw)).toBe(expected);
  });

  it('counts characters, not UTF-16 units, when cutting', () => {
    const emoji = '👍'.repeat(25);
    const fitted = fitField('thing1', emoji);
    expect([...fitted]).toHaveLength(20);
    expect(fitted.endsWith('…')).toBe(true);
  });

  it.each([
    ['time1', '下周一'],
    ['date1', 'soon'],
    ['amount1', '面议'],
    ['number1', '若干'],
    ['enum1', '   '],
    ['site01', 'anything'],
  ])('refuses to invent a %s from %p', (key, raw) => {
    expect(() => fitField(key, raw)).toThrow(TypeError);
  });

  const keys = [
    'thing1',
    'short_thing1',
    'number1',
    'letter1',
    'symbol1',
    'character_string1',
    'phone_number1',
    'car_number1',
    'name1',
    'phrase1',
    'amount1',
    'time1',
    'date1',
    'enum1',
  ];
  const messy: (string | number | Date)[] = [
    '',
    ' ',
    '已受理',
    longText,
    'A mixed 中英 value with digits 12345 and symbols #!?',
    '👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽',
    '\t\n',
    '9'.repeat(40),
    '2026-11-22 09:30',
    '2026年11月22日',
    '¥1,234.5',
    '+86 (755) 8888-6666 转 123',
    '粤B·12345',
    0,
    7.25,
    1e21,
    -3,
    instant,
    instant.getTime(),
  ];

  it.each(keys)('whatever %s returns passes validateField', (key) => {
    for (const raw of messy) {
      let fitted: string;
      try {
        fitted = fitField(key, raw);
      } catch (error) {
        expect(error).toBeInstanceOf(TypeError); // refusing is allowed; a wrong value is not
        continue;
      }
      expect({ raw, fitted, problem: validateField(key, fitted) }).toEqual({ raw, fitted, problem: null });
    }
  });

  it('fitData shapes a whole message', () => {
    expect(fitData({ character_string1: 'SZ-0001', phrase2: '已受理', time3: instant })).toEqual({
      character_string1: { value: 'SZ-0001' },
      phrase2: { value: '已受理' },
      time3: { value: '2026年11月22日 00:05' },
    });
  });
});
