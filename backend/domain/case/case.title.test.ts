import { caseTitle, titleFromContent, TITLE_LIMITS, VOICE_TITLE } from './case.title';

describe('a title made from the text', () => {
  it.each([
    ['one sentence', '三号楼旁的路灯坏了两个星期', '三号楼旁的路灯坏了两个星期'],
    ['the first of several (。)', '三号楼旁的路灯坏了。晚上很不安全。', '三号楼旁的路灯坏了'],
    ['cut at ！', '路灯坏了！请尽快修', '路灯坏了'],
    ['cut at ？', '路灯什么时候修？已经两周了', '路灯什么时候修'],
    ['cut at ASCII ! and ?', 'Lamp broken!Please fix', 'Lamp broken'],
    ['cut at ；', '路灯坏了；垃圾也没人收', '路灯坏了'],
    ['cut at ;', '路灯坏了;垃圾也没人收', '路灯坏了'],
    ['cut at a line break', '路灯坏了\n已经两周', '路灯坏了'],
    ['cut at \\r\\n', '路灯坏了\r\n已经两周', '路灯坏了'],
    ['not cut at a comma', '路灯坏了，晚上很黑。', '路灯坏了，晚上很黑'],
    ['trimmed', '   路灯坏了   。后面', '路灯坏了'],
    ['empty sentences skipped', '。！？\n  \n路灯坏了。', '路灯坏了'],
    ['invisible sentences skipped', '\u200b\u200b。路灯坏了', '路灯坏了'],
    ['invisible characters dropped', '路\u200b灯坏了', '路灯坏了'],
  ])('%s', (_label, content, title) => {
    expect(titleFromContent(content)).toBe(title);
  });

  it('cuts a long first sentence to the title limit, 40 characters', () => {
    const long = '华'.repeat(45);
    expect(TITLE_LIMITS.max).toBe(40);
    expect(titleFromContent(`${long}。第二句`)).toBe('华'.repeat(40));
  });

  it('never cuts an emoji in half (a surrogate pair counts as one character)', () => {
    const title = titleFromContent(`${'华'.repeat(39)}😀😀😀`)!;
    expect([...title]).toHaveLength(40);
    expect(title.endsWith('😀')).toBe(true);
    expect(title).toBe(title.normalize()); // no lone surrogate: it would not survive a round trip
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(title)).toBe(false);
  });

  it('drops a character whose accent or skin tone the cut would leave behind', () => {
    expect(titleFromContent(`${'华'.repeat(39)}e\u0301后面`)).toBe('华'.repeat(39));
    expect(titleFromContent(`${'华'.repeat(39)}👍🏽后面`)).toBe('华'.repeat(39));
  });

  it('trims what the cut leaves at its end', () => {
    expect(titleFromContent(`${'华'.repeat(39)} 后面还有`)).toBe('华'.repeat(39));
  });

  it.each([[''], ['   '], ['。。！'], ['\u200b\u200b']])('has none for a text that shows nothing: %j', (content) => {
    expect(titleFromContent(content)).toBeUndefined();
  });
});

describe('the title a case is stored with', () => {
  it.each([
    ['the one typed', '路灯不亮', '三号楼旁的路灯坏了。', '路灯不亮'],
    ['made from the text when none was typed', undefined, '三号楼旁的路灯坏了。晚上很黑', '三号楼旁的路灯坏了'],
    ['made from the text when the typed one is blank', '  ', '三号楼旁的路灯坏了。', '三号楼旁的路灯坏了'],
    ['语音留言 when there is no text, only a voice message', undefined, undefined, VOICE_TITLE],
    ['语音留言 when the text shows nothing', undefined, '。', VOICE_TITLE],
  ])('%s', (_label, given, content, title) => {
    expect(caseTitle(given, content)).toBe(title);
  });

  it('names a voice-only case 语音留言', () => {
    expect(VOICE_TITLE).toBe('语音留言');
  });
});
