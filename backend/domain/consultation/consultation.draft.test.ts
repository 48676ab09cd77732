/** The draft parser and its numerals, table-tested with values written by hand. */
import { parseDraft } from './consultation.draft';
import { chineseNumeral, numeralValue } from './consultation.numerals';

describe('numerals as drafts print them', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['一十一', 11],
    ['二十', 20],
    ['九十九', 99],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百二十三', 123],
    ['两百', 200],
    ['二百', 200],
    ['五百', 500],
    ['一千零一', 1001],
    ['12', 12],
    ['１２', 12],
  ])('%s is %i', (written, value) => {
    expect(numeralValue(written)).toBe(value);
  });

  it.each(['', '零', '十百', '一二', '百百', '一十十'])('%j is no number', (written) => {
    expect(numeralValue(written)).toBeUndefined();
  });

  it.each([
    [1, '一'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [105, '一百零五'],
    [110, '一百一十'],
    [500, '五百'],
  ])('%i is printed %s', (n, written) => {
    expect(chineseNumeral(n)).toBe(written);
  });
});

describe('the draft parser', () => {
  it('splits chapters and articles, keeps continuation lines and drops the preamble and 节 headings', () => {
    const text = [
      '某某条例（草案）',
      '目录从略',
      '第一章　总则',
      '第一条　为了规范。',
      '第二条 适用范围。',
      '（一）住宅；',
      '第二章 附则',
      '第一节 一般规定',
      '第三条',
      '本条例自公布之日起施行。',
    ].join('\n');
    const parsed = parseDraft(text);
    expect(parsed).toEqual({
      ok: true,
      value: [
        { no: 1, label: '第一条', chapter: '第一章 总则', text: '为了规范。' },
        { no: 2, label: '第二条', chapter: '第一章 总则', text: '适用范围。\n（一）住宅；' },
        { no: 3, label: '第三条', chapter: '第二章 附则', text: '本条例自公布之日起施行。' },
      ],
    });
  });

  it('reads digits, and a line that only cites an article as text', () => {
    expect(parseDraft('第1条 甲\n第三条规定的情形除外。\n第2条 乙')).toEqual({
      ok: true,
      value: [
        { no: 1, label: '第1条', text: '甲\n第三条规定的情形除外。' },
        { no: 2, label: '第2条', text: '乙' },
      ],
    });
  });

  it.each([
    ['a gap', '第一条 甲\n第二条 乙\n第四条 丁', '第二条之后是第四条，中间缺少第 3 条，请检查条文编号'],
    ['a repeat', '第一条 甲\n第二条 乙\n第二条 丙', '第二条重复了（前面已有第二条），请检查条文编号'],
    ['a start past one', '第三条 丙', '草案应从第一条开始，却先出现了第三条，请检查条文编号'],
    ['no article', '说明文字', '没有找到条文：每一条须另起一行，以“第一条”“第二条”……开头'],
  ])('refuses %s, naming the article', (_what, text, message) => {
    expect(parseDraft(text)).toEqual({ ok: false, failure: { code: 'INVALID_INPUT', detail: message, field: 'text' } });
  });

  it('takes 500 articles and refuses the 501st', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}条 内容`).join('\n');
    const five = parseDraft(lines(500));
    expect(five.ok && five.value.length).toBe(500);
    expect(parseDraft(lines(501))).toEqual({ ok: false, failure: { code: 'INVALID_INPUT', detail: '草案最多 500 条', field: 'text' } });
  });

  it('refuses a text over 100,000 characters', () => {
    expect(parseDraft(`第一条 ${'字'.repeat(100_000)}`)).toMatchObject({ ok: false, failure: { code: 'INVALID_INPUT', field: 'text' } });
  });
});
